import { sql, type Kysely, type Transaction } from "kysely";
import type { TrademarkInput } from "./record-inputs";
import { saveOpenRevision, submitOpenRevision } from "./revisions";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// A producer's own trademarks (holder_org_id = their organisation). Like products: unpublished ones change in place,
// published ones collect a revision for review.

export async function listOwnTrademarks(db: Executor, organizationId: number) {
  return db
    .selectFrom("trademarks")
    .select(["id", "reg_no", "name_zh", "status", "review_comment", "registration_date", "legal_status"])
    .where("holder_org_id", "=", organizationId)
    .orderBy("name_zh")
    .execute();
}

export async function getOwnTrademark(db: Executor, organizationId: number, id: number) {
  const tm = await db
    .selectFrom("trademarks as t")
    .selectAll("t")
    .select((eb) => [
      eb
        .selectFrom("trademark_classes as k")
        .select(sql<string>`string_agg(k.class_no::text, ';' order by k.class_no)`.as("c"))
        .whereRef("k.trademark_id", "=", "t.id")
        .as("class_list"),
    ])
    .where("t.id", "=", id)
    .where("t.holder_org_id", "=", organizationId)
    .executeTakeFirst();
  if (!tm) return undefined;
  const revision = await db
    .selectFrom("record_revisions")
    .select(["id", "data", "status", "review_comment"])
    .where("entity_type", "=", "trademark")
    .where("entity_id", "=", id)
    .where("status", "in", ["draft", "submitted", "changes_requested"])
    .executeTakeFirst();
  return { ...tm, revision: revision ?? null };
}

export async function regNoTakenByOther(db: Executor, regNo: string, trademarkId: number | null) {
  let q = db.selectFrom("trademarks").select("id").where("reg_no", "=", regNo);
  if (trademarkId) q = q.where("id", "<>", trademarkId);
  return !!(await q.executeTakeFirst());
}

function columns(form: TrademarkInput) {
  return {
    reg_no: form.reg_no,
    name_zh: form.name_zh,
    name_en: form.name_en,
    mark_type: form.mark_type,
    goods: form.goods,
    application_date: form.application_date,
    registration_date: form.registration_date,
    legal_status: form.legal_status,
    well_known: form.well_known,
    well_known_year: form.well_known_year,
    provincial_famous: form.provincial_famous,
  };
}

async function replaceClasses(trx: Transaction<Database>, trademarkId: number, form: TrademarkInput) {
  await trx.deleteFrom("trademark_classes").where("trademark_id", "=", trademarkId).execute();
  await trx
    .insertInto("trademark_classes")
    .values(form.nice_classes.map((c) => ({ trademark_id: trademarkId, class_no: c, goods: form.goods })))
    .execute();
}

export async function createOwnTrademark(trx: Transaction<Database>, organizationId: number, userId: number, form: TrademarkInput) {
  const org = await trx.selectFrom("organizations").select(["name_zh", "county_id"]).where("id", "=", organizationId).executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto("trademarks")
    .values({
      ...columns(form),
      holder_org_id: organizationId,
      holder_name: org.name_zh,
      county_id: org.county_id,
      status: "draft",
      created_by: userId,
      updated_by: userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceClasses(trx, id, form);
  return id;
}

export async function saveOwnTrademark(trx: Transaction<Database>, organizationId: number, id: number, userId: number, form: TrademarkInput) {
  const current = await trx
    .selectFrom("trademarks")
    .select("status")
    .where("id", "=", id)
    .where("holder_org_id", "=", organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return "not_found" as const;
  if (current.status !== "published") {
    await trx
      .updateTable("trademarks")
      .set({ ...columns(form), status: "draft", updated_by: userId, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
    await replaceClasses(trx, id, form);
    return "saved" as const;
  }
  await saveOpenRevision(trx, "trademark", id, { ...form } as Record<string, unknown>, userId);
  return "revision" as const;
}

export async function submitOwnTrademark(trx: Transaction<Database>, organizationId: number, id: number) {
  const current = await trx
    .selectFrom("trademarks")
    .select("status")
    .where("id", "=", id)
    .where("holder_org_id", "=", organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return "not_found" as const;
  if (current.status !== "published") {
    await trx
      .updateTable("trademarks")
      .set({ status: "submitted", submitted_at: sql`now()`, review_comment: null })
      .where("id", "=", id)
      .execute();
    return "submitted" as const;
  }
  return submitOpenRevision(trx, "trademark", id);
}
