import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Guidance beside the forms (issue 21, the plan's 商标品牌指导站): staff-edited texts of the guidance topics and the
// guidance station's contact. The topics themselves and their default texts live in code (app/guidance/default-texts.ts),
// so a topic with no saved text (or whose text was restored to the default, which clears the columns) shows the
// default. A row is kept once made, so its id stays the audit log's entity id across saves and restores.
// The contact is one settings row (id = 1); its columns stay null until staff fill them in: no address is invented.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table guidance_texts (
  id bigserial primary key,
  topic varchar(40) not null unique,
  title_zh varchar(80),
  body_zh text,
  title_en varchar(120),
  body_en text,
  updated_at timestamptz not null default now(),
  updated_by bigint references users(id) on delete set null,
  -- a saved Chinese text has both a title and a body; English is optional (the page falls back to Chinese)
  check ((title_zh is null) = (body_zh is null)),
  check ((title_en is null) = (body_en is null))
);
create table guidance_contact (
  id smallint primary key default 1 check (id = 1),
  name_zh varchar(80),
  name_en varchar(120),
  phone varchar(40),
  address_zh varchar(200),
  address_en varchar(300),
  hours_zh varchar(120),
  hours_en varchar(160),
  updated_at timestamptz not null default now(),
  updated_by bigint references users(id) on delete set null
);
create index guidance_texts_updated_by on guidance_texts (updated_by);
create index guidance_contact_updated_by on guidance_contact (updated_by);`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table guidance_contact; drop table guidance_texts;`).execute(db);
}
