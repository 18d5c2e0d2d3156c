import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.

// Columns every catalogue record carries (status workflow, provenance, verification, sample flag).
const record = `
  status text not null default 'draft' check (status in ('draft','submitted','published','rejected','archived')),
  is_sample boolean not null default false,
  source jsonb not null default '[]'::jsonb,
  confidence text not null default 'high' check (confidence in ('high','medium','low')),
  last_verified_at timestamptz,
  last_verified_by bigint,
  created_by bigint,
  updated_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create extension if not exists pg_trgm;

create table places (
  id serial primary key,
  kind text not null check (kind in ('county','township','park')),
  parent_id int references places(id),
  name_zh varchar(60) not null,
  short_zh varchar(20),
  name_en varchar(120),
  pinyin varchar(120),
  is_administrative_division boolean not null default true,
  confidence text not null default 'high',
  source jsonb not null default '[]'::jsonb,
  notes text,
  unique (parent_id, name_zh)
);
create unique index places_county_name on places (name_zh) where kind <> 'township';

create table nice_classes (
  class_no smallint primary key check (class_no between 1 and 45),
  kind text not null check (kind in ('goods','services')),
  name_zh varchar(60) not null,
  name_en varchar(200) not null
);

create table gi_schemes (
  code text primary key,
  name_zh varchar(60) not null,
  name_en varchar(120) not null,
  authority text,
  description text,
  source jsonb not null default '[]'::jsonb
);

create table organizations (
  id bigserial primary key,
  name_zh varchar(200) not null,
  name_en varchar(200),
  credit_code char(18) unique,
  org_type text not null default 'company'
    check (org_type in ('company','cooperative','family_farm','association','government','other')),
  county_id int references places(id),
  township_id int references places(id),
  address varchar(300),
  contacts jsonb not null default '[]'::jsonb,
  website varchar(500) check (website is null or website ~ '^https?://'),
  credit_status text not null default 'normal' check (credit_status in ('normal','abnormal','serious')),
  credit_status_source varchar(300),
  credit_status_date date,
  description_zh text,
  description_en text,
  ${record}
);
create index organizations_name_zh on organizations (name_zh);

create table trademarks (
  id bigserial primary key,
  reg_no varchar(20) unique,
  name_zh varchar(200) not null,
  name_en varchar(200),
  mark_type text not null default 'ordinary' check (mark_type in ('ordinary','collective','certification')),
  goods text,
  holder_org_id bigint references organizations(id),
  holder_name varchar(200),
  county_id int references places(id),
  application_date date,
  registration_date date,
  legal_status text not null default 'registered' check (legal_status in ('applied','registered','expired','revoked')),
  well_known boolean not null default false,
  well_known_year smallint,
  provincial_famous boolean not null default false,
  notes text,
  ${record},
  check (registration_date is null or application_date is null or registration_date >= application_date)
);

create table trademark_classes (
  trademark_id bigint not null references trademarks(id) on delete cascade,
  class_no smallint not null references nice_classes(class_no),
  goods text,
  primary key (trademark_id, class_no)
);

create table gi_products (
  id bigserial primary key,
  name_zh varchar(100) not null,
  name_en varchar(200),
  pinyin varchar(200),
  category varchar(100),
  county_id int references places(id),
  holder_name varchar(200),
  holder_org_id bigint references organizations(id),
  quality_zh text,
  quality_en text,
  standard varchar(300),
  notes text,
  ${record}
);
create unique index gi_products_name on gi_products (name_zh);

-- One row per scheme a GI is protected under; (GI name, scheme) is the natural key used by imports.
create table gi_product_schemes (
  gi_product_id bigint not null references gi_products(id) on delete cascade,
  scheme text not null references gi_schemes(code),
  reg_no varchar(100),
  reg_date date,
  approval_year smallint,
  source_text text,
  primary key (gi_product_id, scheme)
);

create table gi_protected_places (
  gi_product_id bigint not null references gi_products(id) on delete cascade,
  place_id int not null references places(id),
  primary key (gi_product_id, place_id)
);

-- Who may use a GI (and its official special mark), and on what basis.
create table gi_authorised_users (
  id bigserial primary key,
  gi_product_id bigint not null references gi_products(id) on delete cascade,
  organization_id bigint not null references organizations(id) on delete cascade,
  basis text not null check (basis in ('announcement','collective_member','certification_licence','other_record')),
  basis_reference varchar(300),
  valid_from date,
  valid_to date,
  verification text not null default 'pending' check (verification in ('pending','verified','rejected','revoked')),
  verified_at timestamptz,
  verified_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (gi_product_id, organization_id),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

create table regional_brands (
  id bigserial primary key,
  name_zh varchar(100) not null unique,
  name_en varchar(200),
  brand_type varchar(200),
  owner_name varchar(200),
  owner_org_id bigint references organizations(id),
  scope varchar(200),
  slogan varchar(200),
  description_zh text,
  description_en text,
  launched_on date,
  ${record}
);

create table regional_brand_licences (
  id bigserial primary key,
  regional_brand_id bigint not null references regional_brands(id) on delete cascade,
  organization_id bigint not null references organizations(id) on delete cascade,
  licence_no varchar(100),
  valid_from date,
  valid_to date,
  verification text not null default 'pending' check (verification in ('pending','verified','rejected','revoked')),
  verified_at timestamptz,
  verified_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (regional_brand_id, organization_id)
);

create table products (
  id bigserial primary key,
  organization_id bigint not null references organizations(id),
  name_zh varchar(200) not null,
  name_en varchar(200),
  category varchar(100),
  -- the "brand stack": the product's own trademark, the GI and the regional public brand it is sold under
  trademark_id bigint references trademarks(id),
  gi_product_id bigint references gi_products(id),
  regional_brand_id bigint references regional_brands(id),
  availability_months smallint[] not null default '{}',
  annual_volume numeric(14,2),
  volume_unit varchar(20),
  min_order_qty numeric(14,2),
  min_order_unit varchar(20),
  pack_sizes text[] not null default '{}',
  storage text check (storage in ('ambient','chilled','frozen')),
  price_band varchar(100),
  provinces_served text[] not null default '{}',
  samples_available boolean not null default false,
  description_zh text,
  description_en text,
  ${record}
);
create index products_organization on products (organization_id);

create table product_certifications (
  id bigserial primary key,
  product_id bigint not null references products(id) on delete cascade,
  kind text not null check (kind in ('green_food','organic','selenium_rich','famous_special','geo_origin','other')),
  certificate_no varchar(100),
  expires_on date
);

create table images (
  id bigserial primary key,
  owner_type text not null check (owner_type in ('organization','trademark','gi_product','regional_brand','product','report')),
  owner_id bigint not null,
  storage_key varchar(200) not null,
  width int not null,
  height int not null,
  variants jsonb not null default '[]'::jsonb,
  placeholder text,
  alt_zh varchar(300) not null,
  alt_en varchar(300),
  sort_order int not null default 0,
  created_at timestamptz not null default now()
);
create index images_owner on images (owner_type, owner_id, sort_order);

create table figures (
  id serial primary key,
  metric text not null unique,
  value jsonb not null, -- a number, or an object of named sub-figures as the source gives them
  unit varchar(100),
  as_of varchar(200),
  scope varchar(100),
  confidence text not null default 'high',
  source jsonb not null default '[]'::jsonb
);

-- Transactional outbox: written in the same transaction as the change it announces, drained by the search worker.
create table search_outbox (
  id bigserial primary key,
  entity_type text not null,
  entity_id bigint not null,
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  locked_until timestamptz,
  attempts int not null default 0,
  last_error text,
  processed_at timestamptz
);
create index search_outbox_pending on search_outbox (available_at, id) where processed_at is null;
create index search_outbox_created on search_outbox (created_at);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop table if exists search_outbox, figures, images, product_certifications, products, regional_brand_licences,
       regional_brands, gi_authorised_users, gi_protected_places, gi_product_schemes, gi_products, trademark_classes,
       trademarks, organizations, gi_schemes, nice_classes, places cascade`,
    )
    .execute(db);
}
