import { sql } from "kysely";
import { enqueueSearchSync } from "../outbox";
import { insertRows, productIdsReferencing, upsertRows, type Executor, type SqlValue } from "./batch";

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
      sql<number[]>`coalesce((select array_agg(k.class_no order by k.class_no) from trademark_classes k where k.trademark_id = t.id), '{}')`.as(
        "classes",
      ),
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

export interface TrademarkWrite {
  /** set when the row updates a trademark that has no registration number (matched by name and holder) */
  id?: number;
  values: Record<string, SqlValue>;
  /** Nice classes replacing the current ones; undefined leaves them as they are */
  classes?: number[];
}

/**
 * Upserts trademarks on their registration number (rows without one: on the id matched by the caller, or as new
 * records), replaces their Nice classes, and announces them and the products that show them to search.
 */
export async function writeTrademarks(db: Executor, rows: readonly TrademarkWrite[], columns: readonly string[], onBatch?: (n: number) => void) {
  const update = [...columns.filter((c) => c !== "reg_no"), "status", "is_sample"];
  const insertColumns = [...columns, "status", "is_sample"];
  const stamp = (r: TrademarkWrite) => ({ ...r.values, status: "published", is_sample: false });
  const ids = new Map<TrademarkWrite, number>();

  const withRegNo = rows.filter((r) => r.values.reg_no !== null && r.values.reg_no !== undefined);
  const byRegNo = new Map(withRegNo.map((r) => [r.values.reg_no as string, r]));
  const upserted = await upsertRows<{ id: number; reg_no: string }>(
    db,
    { table: "trademarks", columns: insertColumns, conflict: ["reg_no"], update, touch: true, returning: ["id", "reg_no"] },
    withRegNo.map(stamp),
    onBatch,
  );
  for (const u of upserted) ids.set(byRegNo.get(u.reg_no)!, u.id);

  const known = rows.filter((r) => !withRegNo.includes(r) && r.id !== undefined);
  await upsertRows(
    db,
    { table: "trademarks", columns: ["id", ...insertColumns], conflict: ["id"], update, touch: true, returning: ["id"] },
    known.map((r) => ({ id: r.id!, ...stamp(r) })),
    onBatch,
  );
  known.forEach((r) => ids.set(r, r.id!));

  const fresh = rows.filter((r) => !withRegNo.includes(r) && r.id === undefined);
  const freshKey = (v: { name_zh?: unknown; holder_name?: unknown }) => `${String(v.name_zh)}\u0000${String(v.holder_name ?? "")}`;
  const byName = new Map(fresh.map((r) => [freshKey(r.values), r]));
  const inserted = await insertRows<{ id: number; name_zh: string; holder_name: string | null }>(db, "trademarks", insertColumns, fresh.map(stamp), [
    "id",
    "name_zh",
    "holder_name",
  ]);
  for (const i of inserted) ids.set(byName.get(freshKey(i))!, i.id);
  onBatch?.(fresh.length);

  const classRows = rows.filter((r) => r.classes !== undefined);
  if (classRows.length > 0) {
    const trademarkIds = classRows.map((r) => ids.get(r)!);
    const pairIds = classRows.flatMap((r) => r.classes!.map(() => ids.get(r)!));
    const pairClasses = classRows.flatMap((r) => r.classes!);
    await sql`
      delete from trademark_classes
      where trademark_id = any(${trademarkIds}::bigint[])
        and (trademark_id, class_no) not in (select * from unnest(${pairIds}::bigint[], ${pairClasses}::smallint[]))`.execute(db);
    await sql`
      insert into trademark_classes (trademark_id, class_no)
      select * from unnest(${pairIds}::bigint[], ${pairClasses}::smallint[])
      on conflict do nothing`.execute(db);
  }

  const all = [...ids.values()];
  await enqueueSearchSync(db, "trademark", all);
  await enqueueSearchSync(db, "product", await productIdsReferencing(db, "trademark_id", all));
  return all;
}
