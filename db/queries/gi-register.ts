import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema";
import { CHINA_TODAY } from "./china-day";
import { getPublishedGiProduct } from "./gi-products";

type Executor = Kysely<Database> | Transaction<Database>;

// A GI page read as a register entry (issue 21; the anchors are the EU's eAmbrosia and CNIPA's GI announcements):
// besides the record itself, its protected area and who may use it today. Only authorised users whose use is verified
// and valid on China's today are listed, with their published products that carry the GI — the same rule as the
// product badge (db/queries/products.ts), so the register and the badges never disagree.

export async function getGiRegisterEntry(db: Executor, id: number) {
  const gi = await getPublishedGiProduct(db, id);
  if (!gi) return undefined;
  const extra = await db
    .selectFrom("gi_products as g")
    .leftJoin("places as c", "c.id", "g.county_id")
    .select(["g.area_zh", "g.area_en", "g.register_zh", "g.register_en", "c.short_zh as county_short"])
    .where("g.id", "=", id)
    .executeTakeFirstOrThrow();
  const area = await db
    .selectFrom("gi_protected_places as pp")
    .innerJoin("places as p", "p.id", "pp.place_id")
    .select(["p.id", "p.name_zh", "p.name_en", "p.kind"])
    .where("pp.gi_product_id", "=", id)
    .orderBy("p.id")
    .execute();
  const authorisedUsers = await db
    .selectFrom("gi_authorised_users as au")
    .innerJoin("organizations as o", "o.id", "au.organization_id")
    .select((eb) => [
      "o.id",
      "o.name_zh",
      "o.name_en",
      "au.basis",
      "au.basis_reference",
      "au.valid_from",
      "au.valid_to",
      jsonArrayFrom(
        eb
          .selectFrom("products as p")
          .select(["p.id", "p.name_zh", "p.name_en"])
          .whereRef("p.organization_id", "=", "o.id")
          .where("p.gi_product_id", "=", id)
          .where("p.status", "=", "published")
          .orderBy("p.id"),
      ).as("products"),
    ])
    .where("au.gi_product_id", "=", id)
    .where("au.verification", "=", "verified")
    .where("o.status", "=", "published")
    .where("o.credit_status", "=", "normal")
    .where(sql<boolean>`(au.valid_from is null or au.valid_from <= ${CHINA_TODAY}) and (au.valid_to is null or au.valid_to >= ${CHINA_TODAY})`)
    .orderBy("o.name_zh")
    .execute();
  return { ...gi, ...extra, area, authorisedUsers };
}

export type GiRegisterEntry = NonNullable<Awaited<ReturnType<typeof getGiRegisterEntry>>>;
