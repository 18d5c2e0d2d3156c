import { sql } from "kysely";
import type { Contact, OrganizationsTable } from "../../schema";
import { enqueueSearchSync } from "../outbox";
import { productIdsReferencing, writeRecords, type Executor, type RecordWrite } from "./batch";

type Select<K extends keyof OrganizationsTable> = OrganizationsTable[K] extends { __select__: infer S } ? S : OrganizationsTable[K];

export interface OrganizationRecord {
  id: number;
  credit_code: string | null;
  name_zh: string;
  name_en: string | null;
  org_type: Select<"org_type">;
  county_id: number | null;
  county_zh: string | null;
  township_id: number | null;
  township_zh: string | null;
  address: string | null;
  website: string | null;
  contacts: Contact[];
  credit_status: Select<"credit_status">;
  credit_status_source: string | null;
  credit_status_date: string | null;
  description_zh: string | null;
  description_en: string | null;
  status: string;
  is_sample: boolean;
}

function selectOrganizations(db: Executor) {
  return db
    .selectFrom("organizations as o")
    .leftJoin("places as c", "c.id", "o.county_id")
    .leftJoin("places as tw", "tw.id", "o.township_id")
    .select([
      "o.id",
      "o.credit_code",
      "o.name_zh",
      "o.name_en",
      "o.org_type",
      "o.county_id",
      "c.name_zh as county_zh",
      "o.township_id",
      "tw.name_zh as township_zh",
      "o.address",
      "o.website",
      "o.contacts",
      "o.credit_status",
      "o.credit_status_source",
      "o.credit_status_date",
      "o.description_zh",
      "o.description_en",
      "o.status",
      "o.is_sample",
    ]);
}

/** Organisations an import file may mean: by credit code, or by exact Chinese name. */
export async function organizationsForImport(db: Executor, creditCodes: readonly string[], names: readonly string[]): Promise<OrganizationRecord[]> {
  return selectOrganizations(db)
    .where((eb) => eb.or([eb("o.credit_code", "=", sql<string>`any(${creditCodes}::text[])`), eb("o.name_zh", "=", sql<string>`any(${names}::text[])`)]))
    .orderBy("o.id")
    .execute();
}

export async function organizationsForExport(db: Executor): Promise<OrganizationRecord[]> {
  return selectOrganizations(db)
    .where("o.status", "=", "published")
    .where("o.is_sample", "=", false)
    .orderBy(sql`o.credit_code nulls last`)
    .orderBy("o.name_zh")
    .orderBy("o.id")
    .execute();
}

/** Upserts organisations on their credit code (or the id the caller matched by name) and announces them and their products. */
export async function writeOrganizations(db: Executor, rows: readonly RecordWrite[], columns: readonly string[], onBatch?: (n: number) => void) {
  const ids = await writeRecords(db, "organizations", rows, { columns, key: "credit_code", identity: ["name_zh"], onBatch });
  await enqueueSearchSync(db, "organization", ids);
  await enqueueSearchSync(db, "product", await productIdsReferencing(db, "organization_id", ids));
  return ids;
}
