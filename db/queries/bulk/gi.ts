import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { GiSchemeCode } from "../../schema";
import { enqueueSearchSync } from "../outbox";
import { productIdsReferencing, writeRecords, type Executor, type RecordWrite } from "./batch";

export interface GiSchemeRow {
  scheme: GiSchemeCode;
  reg_no: string | null;
  reg_date: string | null;
}

export interface GiRecord {
  id: number;
  name_zh: string;
  name_en: string | null;
  pinyin: string | null;
  category: string | null;
  county_id: number | null;
  county_zh: string | null;
  holder_name: string | null;
  quality_zh: string | null;
  quality_en: string | null;
  standard: string | null;
  status: string;
  is_sample: boolean;
  /** sorted by scheme code */
  schemes: GiSchemeRow[];
  /** protected places (保护范围), sorted by id */
  places: number[];
}

function selectGi(db: Executor) {
  return db
    .selectFrom("gi_products as g")
    .leftJoin("places as c", "c.id", "g.county_id")
    .select((eb) => [
      "g.id",
      "g.name_zh",
      "g.name_en",
      "g.pinyin",
      "g.category",
      "g.county_id",
      "c.name_zh as county_zh",
      "g.holder_name",
      "g.quality_zh",
      "g.quality_en",
      "g.standard",
      "g.status",
      "g.is_sample",
      jsonArrayFrom(
        eb.selectFrom("gi_product_schemes as s").select(["s.scheme", "s.reg_no", "s.reg_date"]).whereRef("s.gi_product_id", "=", "g.id").orderBy("s.scheme"),
      ).as("schemes"),
      sql<number[]>`coalesce((select array_agg(p.place_id order by p.place_id) from gi_protected_places p where p.gi_product_id = g.id), '{}')`.as("places"),
    ]);
}

export async function giForImport(db: Executor, names: readonly string[]): Promise<GiRecord[]> {
  if (names.length === 0) return [];
  return (await selectGi(db)
    .where("g.name_zh", "=", sql<string>`any(${names}::text[])`)
    .execute()) as GiRecord[];
}

export async function giForExport(db: Executor): Promise<GiRecord[]> {
  return (await selectGi(db).where("g.status", "=", "published").where("g.is_sample", "=", false).orderBy("g.name_zh").execute()) as GiRecord[];
}

export interface GiWrite extends RecordWrite {
  /** the complete list of schemes (undefined: leave them); a scheme's approval year and source text are kept */
  schemes?: GiSchemeRow[];
  places?: number[];
}

/** Upserts GI products on their Chinese name, replaces their schemes and protected places, and announces them. */
export async function writeGi(db: Executor, rows: readonly GiWrite[], columns: readonly string[], onBatch?: (n: number) => void) {
  const ids = await writeRecords(db, "gi_products", rows, { columns, key: "name_zh", identity: ["name_zh"], onBatch });
  const withSchemes = rows.flatMap((r, i) => (r.schemes ? [{ id: ids[i]!, schemes: r.schemes }] : []));
  if (withSchemes.length > 0) {
    const gis = withSchemes.flatMap((r) => r.schemes.map(() => r.id));
    const codes = withSchemes.flatMap((r) => r.schemes.map((s) => s.scheme));
    const regNos = withSchemes.flatMap((r) => r.schemes.map((s) => s.reg_no));
    const dates = withSchemes.flatMap((r) => r.schemes.map((s) => s.reg_date));
    await sql`
      delete from gi_product_schemes
      where gi_product_id = any(${withSchemes.map((r) => r.id)}::bigint[])
        and (gi_product_id, scheme) not in (select * from unnest(${gis}::bigint[], ${codes}::text[]))`.execute(db);
    await sql`
      insert into gi_product_schemes (gi_product_id, scheme, reg_no, reg_date)
      select * from unnest(${gis}::bigint[], ${codes}::text[], ${regNos}::text[], ${dates}::date[])
      on conflict (gi_product_id, scheme) do update set reg_no = excluded.reg_no, reg_date = excluded.reg_date`.execute(db);
  }
  const withPlaces = rows.flatMap((r, i) => (r.places ? [{ id: ids[i]!, places: r.places }] : []));
  if (withPlaces.length > 0) {
    const gis = withPlaces.flatMap((r) => r.places.map(() => r.id));
    const places = withPlaces.flatMap((r) => r.places);
    await sql`
      delete from gi_protected_places
      where gi_product_id = any(${withPlaces.map((r) => r.id)}::bigint[])
        and (gi_product_id, place_id) not in (select * from unnest(${gis}::bigint[], ${places}::int[]))`.execute(db);
    await sql`
      insert into gi_protected_places (gi_product_id, place_id)
      select * from unnest(${gis}::bigint[], ${places}::int[])
      on conflict do nothing`.execute(db);
  }
  await enqueueSearchSync(db, "gi", ids);
  await enqueueSearchSync(db, "product", await productIdsReferencing(db, "gi_product_id", ids));
  return ids;
}
