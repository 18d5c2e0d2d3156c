import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { CHINA_TODAY } from "./china-day";

type Executor = Kysely<Database> | Transaction<Database>;

export async function regionalBrandSearchRows(db: Executor, ids?: number[]) {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom("regional_brands as r")
    .leftJoin("places as c", "c.id", "r.county_id")
    .select([
      "c.name_zh as county_zh",
      "c.name_en as county_en",
      "r.brand_type_zh",
      "r.id",
      "r.name_zh",
      "r.name_en",
      "r.brand_type",
      "r.owner_name",
      "r.scope",
      "r.scope_en",
      "r.slogan",
      "r.description_zh",
      "r.description_en",
      "r.is_sample",
      "r.confidence",
      "r.last_verified_at",
      "r.updated_at",
    ])
    .where("r.status", "=", "published");
  if (ids) q = q.where("r.id", "in", ids);
  return q.orderBy("r.id").execute();
}

export type RegionalBrandSearchRow = Awaited<ReturnType<typeof regionalBrandSearchRows>>[number];

export async function getPublishedRegionalBrand(db: Executor, id: number) {
  const [brand] = await regionalBrandSearchRows(db, [id]);
  if (!brand) return undefined;
  const extra = await db.selectFrom("regional_brands").select(["source", "launched_on"]).where("id", "=", id).executeTakeFirstOrThrow();
  const licensees = await db
    .selectFrom("regional_brand_licences as rl")
    .innerJoin("organizations as o", "o.id", "rl.organization_id")
    .select(["o.id", "o.name_zh", "o.name_en", "rl.valid_from", "rl.valid_to"])
    .where("rl.regional_brand_id", "=", id)
    .where("rl.verification", "=", "verified")
    .where("o.status", "=", "published")
    .where("o.credit_status", "=", "normal")
    .where(sql<boolean>`(rl.valid_from is null or rl.valid_from <= ${CHINA_TODAY}) and (rl.valid_to is null or rl.valid_to >= ${CHINA_TODAY})`)
    .orderBy("o.name_zh")
    .execute();
  return { ...brand, ...extra, licensees };
}
