import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 21: a GI-use or regional-brand claim can carry evidence (a PDF or photo of the licence), stored privately and
// shown to staff only. One row per file, pointing at exactly one claim of either kind (two foreign keys, so deleting
// a claim deletes its evidence rows; the files are swept by the hourly housekeeping once nothing points at them).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table claim_evidence (
      id bigserial primary key,
      gi_authorised_user_id bigint references gi_authorised_users(id) on delete cascade,
      regional_brand_licence_id bigint references regional_brand_licences(id) on delete cascade,
      storage_key text not null,
      content_type text not null check (content_type in ('application/pdf', 'image/jpeg')),
      file_name text not null check (length(file_name) between 1 and 200),
      byte_size integer not null check (byte_size > 0),
      uploaded_by bigint references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((gi_authorised_user_id is null) <> (regional_brand_licence_id is null))
    );
    create index claim_evidence_gi_authorised_user_id on claim_evidence (gi_authorised_user_id);
    create index claim_evidence_regional_brand_licence_id on claim_evidence (regional_brand_licence_id);
    create index claim_evidence_storage_key on claim_evidence (storage_key);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table claim_evidence`.execute(db);
}
