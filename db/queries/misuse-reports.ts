import { sql, type Kysely, type Transaction } from "kysely";
import { jsonb } from "../json";
import type { Database, ImageVariant, MisuseReportStatus } from "../schema";
import { writeAudit } from "./audit";
import { CHINA_YEAR } from "./china-day";

type Executor = Kysely<Database> | Transaction<Database>;

// Misuse reports (假冒/滥用地理标志) from the public: a case number for the reporter, a private status link (only the
// token's hash is stored), and a queue with notes for reviewers.

export const MISUSE_REPORT_STATUSES: readonly MisuseReportStatus[] = ["new", "investigating", "referred", "closed"];

export interface NewMisuseReport {
  what_seen: string;
  gi_product_id: number | null;
  place_kind: "shop" | "market" | "online";
  place_name: string | null;
  online_url: string | null;
  seen_on: string | null;
  contact: string | null;
}

/** Reports filed from this client in the last `windowSeconds`, and when the oldest of them was filed. */
export async function recentMisuseReports(db: Executor, clientKey: string, windowSeconds: number) {
  const row = await db
    .selectFrom("misuse_reports")
    .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.min("created_at").as("oldest")])
    .where("client_key", "=", clientKey)
    .where("created_at", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), oldest: row.oldest as Date | null };
}

/** Files a report; the case number is HD-<year>-<id, six digits>. */
export async function createMisuseReport(trx: Transaction<Database>, report: NewMisuseReport, tokenHash: string, clientKey: string) {
  const { id } = (await sql<{ id: number }>`select nextval(pg_get_serial_sequence('misuse_reports', 'id'))::bigint as id`.execute(trx)).rows[0]!;
  const year = (await sql<{ y: string }>`select ${CHINA_YEAR} as y`.execute(trx)).rows[0]!.y;
  const case_no = `HD-${year}-${String(id).padStart(6, "0")}`;
  await trx
    .insertInto("misuse_reports")
    .values({ id: id as never, ...report, case_no, status_token_hash: tokenHash, client_key: clientKey })
    .execute();
  return { id: Number(id), case_no };
}

export async function addMisuseReportPhoto(
  trx: Transaction<Database>,
  reportId: number,
  image: { storage_key: string; width: number; height: number; variants: ImageVariant[]; placeholder: string; alt_zh: string },
) {
  await trx
    .insertInto("images")
    .values({ ...image, variants: jsonb(image.variants), owner_type: "report", owner_id: reportId, alt_en: null, sort_order: 0 })
    .execute();
}

/** What the reporter may see through the private link: the case, its state and dates. Never the staff notes. */
export async function misuseReportByToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom("misuse_reports")
    .select(["case_no", "status", "created_at", "updated_at"])
    .where("status_token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function listMisuseReports(db: Executor, status: MisuseReportStatus | null) {
  let q = db
    .selectFrom("misuse_reports as m")
    .leftJoin("gi_products as g", "g.id", "m.gi_product_id")
    .select([
      "m.id",
      "m.case_no",
      "m.status",
      "m.place_kind",
      "m.place_name",
      "m.online_url",
      "m.created_at",
      "m.updated_at",
      "g.name_zh as gi_name",
      sql<string>`left(m.what_seen, 80)`.as("summary"),
    ])
    .orderBy("m.created_at")
    .limit(300);
  if (status) q = q.where("m.status", "=", status);
  else q = q.where("m.status", "<>", "closed");
  return q.execute();
}

export async function misuseReportCounts(db: Executor) {
  const rows = await db
    .selectFrom("misuse_reports")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<MisuseReportStatus, number>>;
}

export async function getMisuseReport(db: Executor, id: number) {
  const report = await db
    .selectFrom("misuse_reports as m")
    .leftJoin("gi_products as g", "g.id", "m.gi_product_id")
    .select([
      "m.id",
      "m.case_no",
      "m.status",
      "m.what_seen",
      "m.place_kind",
      "m.place_name",
      "m.online_url",
      "m.seen_on",
      "m.contact",
      "m.created_at",
      "m.updated_at",
      "g.id as gi_id",
      "g.name_zh as gi_name",
    ])
    .where("m.id", "=", id)
    .executeTakeFirst();
  if (!report) return undefined;
  const [notes, images] = await Promise.all([
    db
      .selectFrom("misuse_report_notes as n")
      .leftJoin("users as u", "u.id", "n.author_id")
      .select(["n.id", "n.body", "n.status_from", "n.status_to", "n.created_at", sql<string | null>`coalesce(u.display_name, u.email)`.as("author")])
      .where("n.report_id", "=", id)
      .orderBy("n.id")
      .execute(),
    db
      .selectFrom("images")
      .select(["id", "storage_key", "width", "height", "variants", "alt_zh"])
      .where("owner_type", "=", "report")
      .where("owner_id", "=", id)
      .orderBy("id")
      .execute(),
  ]);
  return { ...report, notes, images };
}

/** Moves a case on and/or adds a note; both are audited. Returns false when there is no such case. */
export async function workMisuseReport(
  trx: Transaction<Database>,
  actorId: number,
  id: number,
  change: { status: MisuseReportStatus | null; note: string | null },
) {
  const current = await trx.selectFrom("misuse_reports").select(["id", "status"]).where("id", "=", id).forUpdate().executeTakeFirst();
  if (!current) return false;
  const statusChanged = change.status !== null && change.status !== current.status;
  if (statusChanged) {
    await trx
      .updateTable("misuse_reports")
      .set({ status: change.status!, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
    await writeAudit(trx, {
      actorId,
      action: "report_status",
      entityType: "misuse_report",
      entityId: id,
      field: "status",
      before: current.status,
      after: change.status,
    });
  }
  if (change.note || statusChanged) {
    await trx
      .insertInto("misuse_report_notes")
      .values({
        report_id: id,
        author_id: actorId,
        body: change.note ?? "",
        status_from: statusChanged ? current.status : null,
        status_to: statusChanged ? change.status : null,
      })
      .execute();
    if (!statusChanged)
      await trx
        .updateTable("misuse_reports")
        .set({ updated_at: sql`now()` })
        .where("id", "=", id)
        .execute();
  }
  if (change.note) await writeAudit(trx, { actorId, action: "report_note", entityType: "misuse_report", entityId: id, note: change.note });
  return true;
}
