import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 21 (GI pages as good as a register; every value in the page's language): a GI record says in both languages
// what its protected area is when the sources list no townships (area_*) and what is and is not documented about its
// registration (register_*); a regional brand gets its type in Chinese (brand_type stays the English one), its scope in English and the
// county it belongs to, so its page, the county facet and the map can place it. Texts come from the reference seed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table gi_products
      add column area_zh text,
      add column area_en text,
      add column register_zh text,
      add column register_en text;
    alter table regional_brands
      add column brand_type_zh text,
      add column scope_en text,
      add column county_id bigint references places(id) on delete set null;
    create index regional_brands_county_id on regional_brands (county_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table regional_brands drop column county_id, drop column brand_type_zh, drop column scope_en;
    alter table gi_products drop column area_zh, drop column area_en, drop column register_zh, drop column register_en;
  `.execute(db);
}
