import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// The city's official figures per metric and year (migration 2026_12_06_140000), entered by staff on /staff/figures
// and shown on /stats beside the catalogue's own counts. Writes run in the caller's transaction with the audit entry.

export interface OfficialFigure {
  id: number;
  metric: string;
  year: number;
  value: number;
  source_text: string;
  source_url: string | null;
  entered_at: Date;
}

const COLUMNS = ["id", "metric", "year", "value", "source_text", "source_url", "entered_at"] as const;

/** Every official figure, by metric and newest year first: what /stats and its CSV show (no staff names). */
export async function officialFigures(db: Executor): Promise<OfficialFigure[]> {
  return db.selectFrom("official_figures").select(COLUMNS).orderBy("metric").orderBy("year", "desc").execute();
}

/** The same for the staff page, with who entered each figure. */
export async function officialFiguresForStaff(db: Executor) {
  return db
    .selectFrom("official_figures as f")
    .leftJoin("users as u", "u.id", "f.entered_by")
    .select(["f.id", "f.metric", "f.year", "f.value", "f.source_text", "f.source_url", "f.entered_at"])
    .select(sql<string | null>`coalesce(u.display_name, u.email, u.phone)`.as("entered_by_name"))
    .orderBy("f.metric")
    .orderBy("f.year", "desc")
    .execute();
}

export async function officialFigureById(db: Executor, id: number): Promise<OfficialFigure | undefined> {
  return db.selectFrom("official_figures").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}

/**
 * Sets the figure of a metric for a year: a year already entered is replaced (one figure per metric and year), with
 * who entered it and when. Answers the row before (for the audit log) and after.
 */
export async function setOfficialFigure(
  trx: Transaction<Database>,
  f: { metric: string; year: number; value: number; source_text: string; source_url: string | null },
  userId: number,
) {
  const before = await trx
    .selectFrom("official_figures")
    .select(COLUMNS)
    .where("metric", "=", f.metric)
    .where("year", "=", f.year)
    .forUpdate()
    .executeTakeFirst();
  const after = await trx
    .insertInto("official_figures")
    .values({ ...f, entered_by: userId })
    .onConflict((oc) =>
      oc.columns(["metric", "year"]).doUpdateSet({
        value: f.value,
        source_text: f.source_text,
        source_url: f.source_url,
        entered_by: userId,
        entered_at: sql`now()`,
      }),
    )
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { before, after };
}

/** Deletes one figure; answers the deleted row, or undefined when there was none. */
export async function deleteOfficialFigure(trx: Transaction<Database>, id: number): Promise<OfficialFigure | undefined> {
  return trx.deleteFrom("official_figures").where("id", "=", id).returning(COLUMNS).executeTakeFirst();
}
