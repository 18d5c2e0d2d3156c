import { sql } from "kysely";
import { enqueueSearchSync } from "../outbox";
import { productIdsReferencing, writeRecords, type Executor, type RecordWrite } from "./batch";

export interface TrademarkRecord {
  id: number;
  reg_no: string | null;
  name_zh: string;
  name_en: string | null;
  mark_type: "ordinary" | "collective" | "certification";
  goods: string | null;
  holder_org_id: number | null;
  holder_name: string | null;
  holder_credit_code: string | null;
  county_id: number | null;
  county_zh: string | null;
  application_date: string | null;
  registration_date: string | null;
  legal_status: "applied" | "registered" | "expired" | "revoked";
  well_known: boolean;
  status: string;
  is_sample: boolean;
  classes: number[];
}

function selectTrademarks(db: Executor) {
  return db
    .selectFrom("trademarks as t")
    .leftJoin("organizations as o", "o.id", "t.holder_org_id")
    .leftJoin("places as c", "c.id", "t.county_id")
    .select([
      "t.id",
      "t.reg_no",
      "t.name_zh",
      "t.name_en",
      "t.mark_type",
      "t.goods",
      "t.holder_org_id",
      "t.holder_name",
      "o.credit_code as holder_credit_code",
      "t.county_id",
      "c.name_zh as county_zh",
      "t.application_date",
      "t.registration_date",
      "t.legal_status",
      "t.well_known",
      "t.status",
      "t.is_sample",
      sql<number[]>`coalesce((select array_agg(k.class_no order by k.class_no) from trademark_classes k where k.trademark_id = t.id), '{}')`.as("classes"),
    ]);
}

/** Trademarks an import file may mean: by registration number, or (for rows without one) by Chinese name. */
export async function trademarksForImport(db: Executor, regNos: readonly string[], namesWithoutRegNo: readonly string[]): Promise<TrademarkRecord[]> {
  return selectTrademarks(db)
    .where((eb) =>
      eb.or([
        eb("t.reg_no", "=", sql<string>`any(${regNos}::text[])`),
        eb.and([eb("t.reg_no", "is", null), eb("t.name_zh", "=", sql<string>`any(${namesWithoutRegNo}::text[])`)]),
      ]),
    )
    .execute();
}

export async function trademarksForExport(db: Executor): Promise<TrademarkRecord[]> {
  return selectTrademarks(db)
    .where("t.status", "=", "published")
    .where("t.is_sample", "=", false)
    .orderBy(sql`t.reg_no nulls last`)
    .orderBy("t.id")
    .execute();
}

export interface TrademarkWrite extends RecordWrite {
  /** Nice classes replacing the current ones; undefined leaves them as they are */
  classes?: number[];
}

/**
 * Upserts trademarks on their registration number (rows without one: on the id matched by the caller, or as new
 * records), replaces their Nice classes, and announces them and the products that show them to search.
 */
export async function writeTrademarks(db: Executor, rows: readonly TrademarkWrite[], columns: readonly string[], onBatch?: (n: number) => void) {
  const ids = await writeRecords(db, "trademarks", rows, { columns, key: "reg_no", identity: ["name_zh", "holder_name"], onBatch });
  const classRows = rows.flatMap((r, i) => (r.classes === undefined ? [] : [{ id: ids[i]!, classes: r.classes }]));
  if (classRows.length > 0) {
    const pairIds = classRows.flatMap((r) => r.classes.map(() => r.id));
    const pairClasses = classRows.flatMap((r) => r.classes);
    await sql`
      delete from trademark_classes
      where trademark_id = any(${classRows.map((r) => r.id)}::bigint[])
        and (trademark_id, class_no) not in (select * from unnest(${pairIds}::bigint[], ${pairClasses}::smallint[]))`.execute(db);
    await sql`
      insert into trademark_classes (trademark_id, class_no)
      select * from unnest(${pairIds}::bigint[], ${pairClasses}::smallint[])
      on conflict do nothing`.execute(db);
  }
  await enqueueSearchSync(db, "trademark", ids);
  await enqueueSearchSync(db, "product", await productIdsReferencing(db, "trademark_id", ids));
  return ids;
}
