import { sql, type InsertObject, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database, GiSchemeCode } from "../schema";
import { enqueueSearchSync } from "./outbox";

type Executor = Kysely<Database> | Transaction<Database>;

function giWithDetails(db: Executor) {
  return db
    .selectFrom("gi_products as g")
    .leftJoin("places as c", "c.id", "g.county_id")
    .select((eb) => [
      "g.id",
      "g.name_zh",
      "g.name_en",
      "g.pinyin",
      "g.category",
      "g.holder_name",
      "g.quality_zh",
      "g.quality_en",
      "g.standard",
      "g.notes",
      "g.status",
      "g.is_sample",
      "g.confidence",
      "g.source",
      "g.last_verified_at",
      "g.updated_at",
      "c.name_zh as county_zh",
      "c.name_en as county_en",
      jsonArrayFrom(
        eb
          .selectFrom("gi_product_schemes as s")
          .innerJoin("gi_schemes as gs", "gs.code", "s.scheme")
          .select(["s.scheme", "gs.name_zh", "gs.name_en", "s.reg_no", "s.reg_date", "s.approval_year"])
          .whereRef("s.gi_product_id", "=", "g.id")
          .orderBy("s.scheme"),
      ).as("schemes"),
    ]);
}

export type GiProductDetails = Awaited<ReturnType<typeof getPublishedGiProduct>>;

export async function listPublishedGiProducts(db: Executor) {
  return giWithDetails(db).where("g.status", "=", "published").orderBy("g.id").execute();
}

/** Published GIs by name, for a picker (the misuse-report form). */
export async function publishedGiNames(db: Executor) {
  return db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("name_zh").execute();
}

export async function isPublishedGiProduct(db: Executor, id: number) {
  return !!(await db.selectFrom("gi_products").select("id").where("id", "=", id).where("status", "=", "published").executeTakeFirst());
}

export async function getPublishedGiProduct(db: Executor, id: number) {
  return giWithDetails(db).where("g.status", "=", "published").where("g.id", "=", id).executeTakeFirst();
}

/** Rows the search index is built from; only published records ever reach it. */
export async function giSearchRows(db: Executor, ids?: number[]) {
  let q = giWithDetails(db).where("g.status", "=", "published");
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where("g.id", "in", ids);
  }
  return q.orderBy("g.id").execute();
}

export type GiSearchRow = Awaited<ReturnType<typeof giSearchRows>>[number];

export interface GiSchemeInput {
  scheme: GiSchemeCode;
  reg_no?: string | null;
  reg_date?: string | null;
  approval_year?: number | null;
  source_text?: string | null;
}

/** Creates or updates a GI product by its Chinese name, replacing its schemes, and announces the change. */
export async function upsertGiProduct(trx: Transaction<Database>, values: InsertObject<Database, "gi_products">, schemes: GiSchemeInput[]) {
  const { id } = await trx
    .insertInto("gi_products")
    .values(values)
    .onConflict((oc) =>
      oc.column("name_zh").doUpdateSet((eb) => ({
        name_en: eb.ref("excluded.name_en"),
        pinyin: eb.ref("excluded.pinyin"),
        category: eb.ref("excluded.category"),
        county_id: eb.ref("excluded.county_id"),
        holder_name: eb.ref("excluded.holder_name"),
        quality_zh: eb.ref("excluded.quality_zh"),
        quality_en: eb.ref("excluded.quality_en"),
        standard: eb.ref("excluded.standard"),
        notes: eb.ref("excluded.notes"),
        area_zh: eb.ref("excluded.area_zh"),
        area_en: eb.ref("excluded.area_en"),
        register_zh: eb.ref("excluded.register_zh"),
        register_en: eb.ref("excluded.register_en"),
        status: eb.ref("excluded.status"),
        source: eb.ref("excluded.source"),
        confidence: eb.ref("excluded.confidence"),
        updated_at: sql`now()`,
      })),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.deleteFrom("gi_product_schemes").where("gi_product_id", "=", id).execute();
  if (schemes.length > 0) {
    await trx
      .insertInto("gi_product_schemes")
      .values(schemes.map((s) => ({ gi_product_id: id, ...s })))
      .execute();
  }
  await enqueueSearchSync(trx, "gi", [id]);
  return id;
}
