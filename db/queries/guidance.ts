import type { Kysely, Transaction } from "kysely";
import { DEFAULT_GUIDANCE, GUIDANCE_TOPICS, type GuidanceText, type GuidanceTopic } from "../../app/guidance/default-texts";
import { listAudit, writeAudit } from "./audit";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// Guidance texts: a topic shows its saved text when staff saved one, else its default from code (so a new topic or a
// corrected default reaches every site without a data migration). Restoring the default clears the saved columns but
// keeps the row, whose id is the audit log's entity id. Saves are audited in the same transaction.

export interface GuidanceEntry extends GuidanceText {
  topic: GuidanceTopic;
  /** Staff saved their own text (false: the default from code is shown). */
  custom: boolean;
  updated_at: Date | null;
  updated_by_name: string | null;
}

/** English is optional in staff's own text: empty English shows the Chinese, marked as such. */
export interface GuidanceInput {
  title_zh: string;
  body_zh: string;
  title_en: string | null;
  body_en: string | null;
}

function savedRows(db: Executor) {
  return db
    .selectFrom("guidance_texts as g")
    .leftJoin("users as u", "u.id", "g.updated_by")
    .select(["g.id", "g.topic", "g.title_zh", "g.body_zh", "g.title_en", "g.body_en", "g.updated_at", "u.display_name", "u.email"]);
}

type SavedRow = Awaited<ReturnType<ReturnType<typeof savedRows>["execute"]>>[number];

function entry(topic: GuidanceTopic, row: SavedRow | undefined): GuidanceEntry {
  const custom = !!row?.title_zh && !!row.body_zh;
  const base = DEFAULT_GUIDANCE[topic];
  return {
    topic,
    custom,
    title_zh: custom ? row!.title_zh! : base.title_zh,
    body_zh: custom ? row!.body_zh! : base.body_zh,
    // a saved text without English shows no English (not the default's, which may say something else)
    title_en: custom ? (row!.title_en ?? "") : base.title_en,
    body_en: custom ? (row!.body_en ?? "") : base.body_en,
    updated_at: row?.updated_at ?? null,
    updated_by_name: row ? (row.display_name ?? row.email ?? null) : null,
  };
}

export async function guidanceTopics(db: Executor): Promise<GuidanceEntry[]> {
  const rows = await savedRows(db).execute();
  return GUIDANCE_TOPICS.map((topic) =>
    entry(
      topic,
      rows.find((r) => r.topic === topic),
    ),
  );
}

export async function guidanceTopic(db: Executor, topic: GuidanceTopic): Promise<GuidanceEntry> {
  return entry(topic, await savedRows(db).where("g.topic", "=", topic).executeTakeFirst());
}

/** Several topics at once (the asides beside a form), in the order asked. */
export async function guidanceFor(db: Executor, topics: readonly GuidanceTopic[]): Promise<GuidanceEntry[]> {
  const rows = await savedRows(db)
    .where("g.topic", "in", [...topics])
    .execute();
  return topics.map((topic) =>
    entry(
      topic,
      rows.find((r) => r.topic === topic),
    ),
  );
}

async function rowId(trx: Transaction<Database>, topic: GuidanceTopic): Promise<number> {
  const row = await trx
    .insertInto("guidance_texts")
    .values({ topic })
    .onConflict((oc) => oc.column("topic").doUpdateSet({ topic }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function saveGuidanceText(trx: Transaction<Database>, actorId: number, topic: GuidanceTopic, input: GuidanceInput): Promise<void> {
  const before = await guidanceTopic(trx, topic);
  const id = await rowId(trx, topic);
  await trx
    .updateTable("guidance_texts")
    .set({ ...input, updated_at: new Date(), updated_by: actorId })
    .where("id", "=", id)
    .execute();
  const changed = (["title_zh", "body_zh", "title_en", "body_en"] as const).filter((k) => (before[k] || null) !== (input[k] || null));
  // the first save is recorded even when it keeps the default's words: from then on staff own the text
  if (changed.length === 0 && before.custom) return;
  await writeAudit(trx, {
    actorId,
    action: "change",
    entityType: "guidance_text",
    entityId: id,
    field: changed.length === 1 ? changed[0] : undefined,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, input[k]])),
    note: topic,
  });
}

/** Back to the default from code; false when the topic had no saved text (nothing to restore). */
export async function restoreGuidanceDefault(trx: Transaction<Database>, actorId: number, topic: GuidanceTopic): Promise<boolean> {
  const before = await guidanceTopic(trx, topic);
  if (!before.custom) return false;
  const id = await rowId(trx, topic);
  await trx
    .updateTable("guidance_texts")
    .set({ title_zh: null, body_zh: null, title_en: null, body_en: null, updated_at: new Date(), updated_by: actorId })
    .where("id", "=", id)
    .execute();
  await writeAudit(trx, {
    actorId,
    action: "guidance_restore",
    entityType: "guidance_text",
    entityId: id,
    before: { title_zh: before.title_zh, body_zh: before.body_zh, title_en: before.title_en, body_en: before.body_en },
    note: topic,
  });
  return true;
}

export const CONTACT_FIELDS = ["name_zh", "name_en", "phone", "address_zh", "address_en", "hours_zh", "hours_en"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type GuidanceContact = Record<ContactField, string | null>;

const EMPTY_CONTACT: GuidanceContact = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, null])) as GuidanceContact;

/** The guidance station's contact; every field null until staff fill it in (no address is ever invented). */
export async function guidanceContact(db: Executor): Promise<GuidanceContact> {
  const row = await db.selectFrom("guidance_contact").select(CONTACT_FIELDS).where("id", "=", 1).executeTakeFirst();
  return row ?? EMPTY_CONTACT;
}

export async function saveGuidanceContact(trx: Transaction<Database>, actorId: number, input: GuidanceContact): Promise<void> {
  const before = await guidanceContact(trx);
  await trx
    .insertInto("guidance_contact")
    .values({ id: 1, ...input, updated_by: actorId })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...input, updated_at: new Date(), updated_by: actorId }))
    .execute();
  const changed = CONTACT_FIELDS.filter((f) => (before[f] ?? null) !== (input[f] ?? null));
  if (changed.length === 0) return;
  await writeAudit(trx, {
    actorId,
    action: "change",
    entityType: "guidance_contact",
    entityId: 1,
    field: changed.length === 1 ? changed[0] : undefined,
    before: Object.fromEntries(changed.map((f) => [f, before[f]])),
    after: Object.fromEntries(changed.map((f) => [f, input[f]])),
  });
}

/** What an aside beside a form needs: its topics' texts and the station's contact. */
export async function guidanceAside(db: Executor, topics: readonly GuidanceTopic[]) {
  const [entries, contact] = await Promise.all([guidanceFor(db, topics), guidanceContact(db)]);
  return { entries: entries.map(({ topic, title_zh, body_zh, title_en, body_en }) => ({ topic, title_zh, body_zh, title_en, body_en })), contact };
}

/** A topic's saves and restores, newest first (none before its first save). */
export async function guidanceHistory(db: Executor, topic: GuidanceTopic) {
  const row = await db.selectFrom("guidance_texts").select("id").where("topic", "=", topic).executeTakeFirst();
  return row ? (await listAudit(db, { entityType: "guidance_text", entityId: row.id }, 1, 20)).rows : [];
}
