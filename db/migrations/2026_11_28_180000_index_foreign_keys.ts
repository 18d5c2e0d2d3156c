import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// PostgreSQL does not index the referencing side of a foreign key. At the plan's scale (50,000 products) the missing
// product_certifications(product_id) index made every PostgreSQL-fallback search scan the certifications once per
// matching product (12 s for 青稞), and deleting a product, organisation or event scans each referencing table.
// Every foreign key that points at a catalogue, buyer or event record gets an index leading with its column;
// db/migrate.test.ts keeps new ones honest.

const FOREIGN_KEYS: [table: string, column: string][] = [
  ["product_certifications", "product_id"],
  ["products", "gi_product_id"],
  ["products", "regional_brand_id"],
  ["products", "trademark_id"],
  ["trademarks", "holder_org_id"],
  ["gi_products", "holder_org_id"],
  ["regional_brands", "owner_org_id"],
  ["gi_authorised_users", "organization_id"],
  ["regional_brand_licences", "organization_id"],
  ["misuse_reports", "gi_product_id"],
  ["inquiry_products", "product_id"],
  ["deals", "product_id"],
  ["deals", "inquiry_recipient_id"],
  ["event_entries", "product_id"],
  ["event_catalogue_rows", "product_id"],
  ["kiosk_sessions", "event_id"],
  ["kiosk_handoffs", "event_id"],
  ["kiosk_shortlist_items", "product_id"],
];

const indexName = (table: string, column: string) => `${table}_${column}_idx`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of FOREIGN_KEYS) {
    await sql.raw(`create index if not exists ${indexName(table, column)} on ${table} (${column})`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of FOREIGN_KEYS) await sql.raw(`drop index if exists ${indexName(table, column)}`).execute(db);
}
