import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Authorisations that expire properly (issue 21): a producer renews a GI or regional-brand authorisation by filing a
// new claim while the old one is still verified (and still shows the badge). The renewal row points at the
// authorisation it renews (renews_id); when staff verify it, the old row becomes 'superseded' and the renewal takes its
// place (renews_id cleared), in one transaction (db/queries/claims.ts decideClaim). So (GI or brand, organisation) is
// no longer unique over all rows: it is unique over the current row (neither a pending renewal nor superseded), which
// the bulk import upserts against, and each authorisation has at most one renewal.
const TABLES = [
  { table: "gi_authorised_users", target: "gi_product_id" },
  { table: "regional_brand_licences", target: "regional_brand_id" },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { table, target } of TABLES) {
    await sql
      .raw(
        `alter table ${table} drop constraint ${table}_${target}_organization_id_key;
alter table ${table} drop constraint ${table}_verification_check;
alter table ${table} add constraint ${table}_verification_check check (verification in ('pending','verified','rejected','revoked','superseded'));
alter table ${table} add column renews_id bigint references ${table}(id) on delete cascade;
create unique index ${table}_current on ${table} (${target}, organization_id) where renews_id is null and verification <> 'superseded';
create unique index ${table}_renews_id on ${table} (renews_id);`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table, target } of TABLES) {
    await sql
      .raw(
        `delete from ${table} where renews_id is not null or verification = 'superseded';
drop index ${table}_current;
drop index ${table}_renews_id;
alter table ${table} drop column renews_id;
alter table ${table} drop constraint ${table}_verification_check;
alter table ${table} add constraint ${table}_verification_check check (verification in ('pending','verified','rejected','revoked'));
alter table ${table} add constraint ${table}_${target}_organization_id_key unique (${target}, organization_id);`,
      )
      .execute(db);
  }
}
