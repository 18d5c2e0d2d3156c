import { sql, type RawBuilder } from "kysely";

/** A jsonb parameter: sent as text and cast, so postgres.js cannot double-encode it into a JSON string. */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(${JSON.stringify(value)}::text as jsonb)`;
}
