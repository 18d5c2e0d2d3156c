import type { Kysely, Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

function trademarkWithDetails(db: Executor) {
  return (
    db
      .selectFrom("trademarks as t")
      .leftJoin("places as c", "c.id", "t.county_id")
      .leftJoin("organizations as o", "o.id", "t.holder_org_id")
      .select((eb) => [
        "t.id",
        "t.reg_no",
        "t.name_zh",
        "t.name_en",
        "t.mark_type",
        "t.goods",
        "t.holder_name",
        "t.application_date",
        "t.registration_date",
        "t.legal_status",
        "t.well_known",
        "t.well_known_year",
        "t.provincial_famous",
        "t.is_sample",
        "t.confidence",
        "t.source",
        "t.last_verified_at",
        "t.updated_at",
        "o.name_zh as holder_org_name",
        "c.name_zh as county_zh",
        "c.name_en as county_en",
        jsonArrayFrom(
          eb.selectFrom("trademark_classes as k").select(["k.class_no", "k.goods"]).whereRef("k.trademark_id", "=", "t.id").orderBy("k.class_no"),
        ).as("classes"),
      ])
      .where("t.status", "=", "published")
      // a holder under a credit mark (经营异常 / 严重违法失信) takes its marks out of the public catalogue too
      .where((eb) => eb.or([eb("o.id", "is", null), eb("o.credit_status", "=", "normal")]))
  );
}

export async function trademarkSearchRows(db: Executor, ids?: number[]) {
  if (ids && ids.length === 0) return [];
  const q = trademarkWithDetails(db);
  return (ids ? q.where("t.id", "in", ids) : q).orderBy("t.id").execute();
}

export async function getPublishedTrademark(db: Executor, id: number) {
  return trademarkWithDetails(db).where("t.id", "=", id).executeTakeFirst();
}

export type TrademarkSearchRow = Awaited<ReturnType<typeof trademarkSearchRows>>[number];

/** The Nice classification's names for a trademark's classes, for its public page. */
export async function niceClassNames(db: Executor, classNos: readonly number[]) {
  if (classNos.length === 0) return [];
  return db
    .selectFrom("nice_classes")
    .select(["class_no", "name_zh", "name_en"])
    .where("class_no", "in", [...classNos])
    .execute();
}
