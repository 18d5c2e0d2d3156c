import fs from "node:fs";
import type { Readable } from "node:stream";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";

// Backup and restore without pg_dump (a fresh machine has none): every table is copied in PostgreSQL's own COPY text
// format, in foreign-key order, with a manifest of the migrations and row counts. Restore goes into a database that
// has been migrated to the same version and holds no rows yet.

interface Manifest {
  created_at: string;
  migrations: string[];
  tables: { name: string; rows: number; file: string }[];
}

const IGNORED = new Set(["kysely_migration", "kysely_migration_lock"]);

/** Tables ordered so that every table comes after the tables it references. */
async function tablesInDependencyOrder(sql: postgres.TransactionSql): Promise<string[]> {
  const tables = (await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)
    .map((r) => r.name)
    .filter((n) => !IGNORED.has(n));
  const edges = await sql<{ child: string; parent: string }[]>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function backupDatabase(databaseUrl: string, dir: string): Promise<Manifest> {
  fs.mkdirSync(path.join(dir, "tables"), { recursive: true });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    // one repeatable-read snapshot for every table: the backup is consistent even while the app writes
    return await sql.begin("isolation level repeatable read read only", async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      const manifest: Manifest = {
        created_at: new Date().toISOString(),
        migrations: (await tx<{ name: string }[]>`select name from kysely_migration order by name`).map((r) => r.name),
        tables: [],
      };
      for (const name of tables) {
        const file = `tables/${name}.copy`;
        const readable = await tx.unsafe(`copy ${quote(name)} to stdout`).readable();
        await pipeline(readable, fs.createWriteStream(path.join(dir, file)));
        resumeAfterCopy(readable);
        const [{ n }] = await tx.unsafe<[{ n: number }]>(`select count(*)::int as n from ${quote(name)}`);
        manifest.tables.push({ name, rows: n, file });
      }
      fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
      return manifest;
    });
  } finally {
    await sql.end();
  }
}

export async function restoreDatabase(databaseUrl: string, dir: string): Promise<Manifest> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const migrations = (await sql<{ name: string }[]>`select name from kysely_migration order by name`).map((r) => r.name);
    if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations)) {
      throw new Error(`the target database is at a different migration version than the backup (${migrations.at(-1)} vs ${manifest.migrations.at(-1)})`);
    }
    await sql.begin(async (tx) => {
      for (const t of manifest.tables) {
        const [{ n }] = await tx.unsafe<[{ n: number }]>(`select count(*)::int as n from ${quote(t.name)}`);
        if (n > 0) throw new Error(`refusing to restore into a database that already has rows in ${t.name}`);
      }
      for (const t of manifest.tables) {
        const writable = await tx.unsafe(`copy ${quote(t.name)} from stdin`).writable();
        await pipeline(fs.createReadStream(path.join(dir, t.file)), writable);
      }
      // sequences continue after the restored ids
      const sequences = await tx<{ table: string; column: string; seq: string }[]>`
        select c.table_name as table, c.column_name as column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
        from information_schema.columns c
        where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`;
      for (const s of sequences) {
        await tx.unsafe(`select setval('${s.seq}', coalesce((select max(${quote(s.column)}) from ${quote(s.table)}), 0) + 1, false)`);
      }
    });
    return manifest;
  } finally {
    await sql.end();
  }
}

/**
 * postgres.js 3.4.9 pauses the socket when a COPY chunk fills the stream's buffer and resumes it only from the stream's
 * read(); when the copy ends on a full buffer, read() is never called again and the connection's next query waits
 * forever (a table over ~16 KB was enough). Calling the stream's read hook once more resumes the socket; it is a no-op
 * when the socket is not paused.
 */
function resumeAfterCopy(readable: Readable) {
  (readable as Readable & { _read(size: number): void })._read(0);
}

export async function copyDirectory(from: string, to: string) {
  if (!fs.existsSync(from)) return 0;
  await fs.promises.cp(from, to, { recursive: true, force: false, errorOnExist: false });
  return (fs.readdirSync(to, { recursive: true }) as string[]).length;
}
