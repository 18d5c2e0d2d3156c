import type { Kysely, Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

function publicOrganization(db: Executor) {
  return db
    .selectFrom("organizations as o")
    .leftJoin("places as c", "c.id", "o.county_id")
    .leftJoin("places as t", "t.id", "o.township_id")
    .select([
      "o.id",
      "o.name_zh",
      "o.name_en",
      "o.credit_code",
      "o.org_type",
      "o.website",
      "o.description_zh",
      "o.description_en",
      "o.is_sample",
      "o.confidence",
      "o.last_verified_at",
      "o.updated_at",
      "c.name_zh as county_zh",
      "c.name_en as county_en",
      "t.name_zh as township_zh",
    ])
    // Organisations under a credit mark (经营异常 / 严重违法失信) leave the public catalogue while it stands.
    .where("o.status", "=", "published")
    .where("o.credit_status", "=", "normal");
}

export async function organizationSearchRows(db: Executor, ids?: number[]) {
  if (ids && ids.length === 0) return [];
  const q = publicOrganization(db);
  return (ids ? q.where("o.id", "in", ids) : q).orderBy("o.id").execute();
}

export type OrganizationSearchRow = Awaited<ReturnType<typeof organizationSearchRows>>[number];
