import type { ColumnType, Generated } from "kysely";

// Column shapes shared by the table interfaces of db/schema/*.

/** timestamps with a database default: optional on insert */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type DateOnly = string;
/** jsonb: write through `jsonb(value)` from db/json.ts (postgres.js would otherwise store a JSON string) */
export type DefaultJson<T> = ColumnType<T, T | undefined, T>;

export type RecordStatus = "draft" | "submitted" | "published" | "rejected" | "archived";
export type Confidence = "high" | "medium" | "low";

export interface RecordColumns {
  status: Generated<RecordStatus>;
  is_sample: Generated<boolean>;
  source: DefaultJson<string[]>;
  confidence: Generated<Confidence>;
  last_verified_at: NullableTimestamp;
  last_verified_by: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ReviewColumns {
  review_comment: string | null;
  submitted_at: NullableTimestamp;
}
