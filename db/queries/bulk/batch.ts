import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "../../schema";

export type Executor = Kysely<Database> | Transaction<Database>;

// PostgreSQL allows at most 65,535 bind parameters per statement; batches stay at half of that, and at most 1,000 rows
// so one statement's plan and its RETURNING set stay small.
const MAX_PARAMETERS = 32_000;
const MAX_ROWS = 1_000;

export function rowsPerBatch(parametersPerRow: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, parametersPerRow))));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[] | RawBuilder<unknown>;

export interface UpsertSpec {
  table: keyof Database & string;
  /** the inserted columns, the same for every row */
  columns: readonly string[];
  /** the conflict target (a unique key); update: columns taken from the new row on conflict */
  conflict: readonly string[];
  /** the predicate of a partial unique index the conflict target names (the current authorisation, not a renewal) */
  conflictWhere?: RawBuilder<boolean>;
  update: readonly string[];
  /** also set updated_at = now() on conflict (tables with record columns) */
  touch?: boolean;
  returning: readonly string[];
}

/**
 * Multi-row INSERT … ON CONFLICT DO UPDATE in batches under the parameter cap. Callers guarantee that no batch holds
 * the same key twice (PostgreSQL refuses to update one row twice in one statement).
 */
export async function upsertRows<R>(db: Executor, spec: UpsertSpec, rows: readonly Record<string, SqlValue>[], onBatch?: (n: number) => void): Promise<R[]> {
  const out: R[] = [];
  const set = [...spec.update.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`), ...(spec.touch ? [sql`updated_at = now()`] : [])];
  const onConflict = set.length > 0 ? sql`do update set ${sql.join(set)}` : sql`do nothing`;
  for (const part of chunks(rows, rowsPerBatch(spec.columns.length))) {
    const values = sql.join(part.map((r) => sql`(${sql.join(spec.columns.map((c) => r[c] ?? null))})`));
    const result = await sql<R>`
      insert into ${sql.table(spec.table)} (${sql.join(spec.columns.map((c) => sql.ref(c)))})
      values ${values}
      on conflict (${sql.join(spec.conflict.map((c) => sql.ref(c)))}) ${spec.conflictWhere ? sql`where ${spec.conflictWhere} ` : sql``}${onConflict}
      returning ${sql.join(spec.returning.map((c) => sql.ref(c)))}`.execute(db);
    out.push(...result.rows);
    onBatch?.(part.length);
  }
  return out;
}

/** Plain multi-row INSERT in batches, for rows that have no natural key the database could check. */
export async function insertRows<R>(
  db: Executor,
  table: keyof Database & string,
  columns: readonly string[],
  rows: readonly Record<string, SqlValue>[],
  returning: readonly string[],
): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(rows, rowsPerBatch(columns.length))) {
    const values = sql.join(part.map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`));
    const result = await sql<R>`
      insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}
      returning ${sql.join(returning.map((c) => sql.ref(c)))}`.execute(db);
    out.push(...result.rows);
  }
  return out;
}

/** Serialises imports of one kind, so two operators loading overlapping files cannot interleave their upserts. */
export async function lockImport(db: Executor, kind: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`haidong:import:${kind}`}))`.execute(db);
}

/** Ids of products that show something of the given records (name, badge), so their search documents are rebuilt. */
export async function productIdsReferencing(
  db: Executor,
  column: "organization_id" | "trademark_id" | "gi_product_id" | "regional_brand_id",
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("products")
    .select("id")
    .where(column, "=", sql<number>`any(${ids}::bigint[])`)
    .execute();
  return rows.map((r) => r.id);
}

export interface RecordWrite {
  /** the record this row updates, when the caller matched it by something other than the natural key */
  id?: number;
  values: Record<string, SqlValue>;
}

/**
 * Writes catalogue records (tables with the status columns) as published, non-sample records: rows carrying their
 * natural key upsert on it; rows the caller matched by id (records without that key) upsert on the id; the rest are
 * inserted. `identity` names the columns that tell fresh rows apart, to map returned ids back. Returns ids in row order.
 */
export async function writeRecords(
  db: Executor,
  table: "organizations" | "trademarks" | "gi_products" | "regional_brands" | "products",
  rows: readonly RecordWrite[],
  options: { columns: readonly string[]; key: string | null; identity: readonly string[]; onBatch?: (n: number) => void },
): Promise<number[]> {
  const { columns, key, identity, onBatch } = options;
  const insertColumns = [...columns, "status", "is_sample"];
  const update = insertColumns.filter((c) => c !== key);
  // a record matched by id may be getting its natural key just now (a credit code for a firm known by name)
  const updateById = insertColumns;
  const stamp = (r: RecordWrite) => ({ ...r.values, status: "published", is_sample: false });
  const ids = new Map<RecordWrite, number>();
  const identityOf = (v: Record<string, unknown>) => JSON.stringify(identity.map((c) => v[c] ?? null));

  const hasKey = (r: RecordWrite) => r.id === undefined && key !== null && r.values[key] !== null && r.values[key] !== undefined;
  const keyed = rows.filter(hasKey);
  if (key !== null && keyed.length > 0) {
    const byKey = new Map(keyed.map((r) => [String(r.values[key]), r]));
    const out = await upsertRows<Record<string, unknown>>(
      db,
      { table, columns: insertColumns, conflict: [key], update, touch: true, returning: ["id", key] },
      keyed.map(stamp),
      onBatch,
    );
    for (const o of out) ids.set(byKey.get(String(o[key]))!, Number(o.id));
  }

  const known = rows.filter((r) => r.id !== undefined);
  await upsertRows(
    db,
    { table, columns: ["id", ...insertColumns], conflict: ["id"], update: updateById, touch: true, returning: ["id"] },
    known.map((r) => ({ id: r.id!, ...stamp(r) })),
    onBatch,
  );
  for (const r of known) ids.set(r, r.id!);

  const fresh = rows.filter((r) => r.id === undefined && !hasKey(r));
  const byIdentity = new Map(fresh.map((r) => [identityOf(r.values), r]));
  const inserted = await insertRows<Record<string, unknown>>(db, table, insertColumns, fresh.map(stamp), ["id", ...identity]);
  for (const i of inserted) ids.set(byIdentity.get(identityOf(i))!, Number(i.id));
  onBatch?.(fresh.length);

  return rows.map((r) => ids.get(r)!);
}
