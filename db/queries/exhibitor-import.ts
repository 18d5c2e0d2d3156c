import { sql, type Transaction } from "kysely";
import type { Executor } from "../client";
import { jsonb } from "../json";
import type { Database } from "../schema";

// Reads and writes of the fair exhibitor import (app/events/exhibitor-import.server.ts): the organisations a file
// names, every exhibitor of the event (withdrawn ones too, so they are restored rather than added twice), and the
// draft organisations it creates for review.

/** Organisations with one of the codes or one of the exact Chinese names: two set-based reads, whatever the file's size. */
export async function organizationsNamed(db: Executor, codes: readonly string[], names: readonly string[]) {
  const columns = ["id", "name_zh", "credit_code", "status", "credit_status"] as const;
  const [byCode, byName] = await Promise.all([
    codes.length
      ? db
          .selectFrom("organizations")
          .select(columns)
          .where("credit_code", "in", [...codes])
          .execute()
      : [],
    names.length
      ? db
          .selectFrom("organizations")
          .select(columns)
          .where("name_zh", "in", [...names])
          .execute()
      : [],
  ]);
  const seen = new Map<number, (typeof byCode)[number]>();
  for (const o of [...byCode, ...byName]) seen.set(o.id, o);
  return [...seen.values()].map((o) => ({ ...o, credit_code: o.credit_code?.trim() ?? null }));
}

/** Every exhibitor of the event, taking part or withdrawn. */
export async function exhibitorsForImport(db: Executor, eventId: number) {
  const rows = await db
    .selectFrom("event_exhibitors as x")
    .innerJoin("organizations as o", "o.id", "x.organization_id")
    .select(["x.organization_id", "x.hall", "x.booth", "x.withdrawn_at", "o.name_zh"])
    .where("x.event_id", "=", eventId)
    .execute();
  return rows.map(({ withdrawn_at, ...x }) => ({ ...x, withdrawn: withdrawn_at !== null }));
}

/** Holds the event's row until the transaction ends, so two imports (or an import and a hand edit) do not interleave. */
export async function lockEvent(trx: Transaction<Database>, eventId: number) {
  await trx.selectFrom("events").select("id").where("id", "=", eventId).forUpdate().executeTakeFirst();
}

/**
 * A company the catalogue does not have yet, created as submitted — in the reviewers' queue, not public — with only what
 * the fair's list said about it; reviewers complete or reject it like any other submission.
 */
export async function createDraftOrganization(
  trx: Transaction<Database>,
  input: { name_zh: string; credit_code: string | null },
  userId: number,
  source: string,
) {
  const { id } = await trx
    .insertInto("organizations")
    .values({
      name_zh: input.name_zh,
      credit_code: input.credit_code,
      status: "submitted",
      submitted_at: sql`now()`,
      confidence: "low",
      source: jsonb([source]),
      created_by: userId,
      updated_by: userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
