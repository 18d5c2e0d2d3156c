import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Buyers and matching (产销对接): shortlists with or without an account, inquiries to producers with a reply thread per
// producer addressed, deal outcomes (意向 / 签约) for the statistics, and a per-client throttle against inquiry spam.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- A visitor's shortlist. Without an account it is found by the SHA-256 of a random cookie token (never the token
-- itself) and is purged 30 days after its last change; with one, by the user. Signing in merges the first into the second.
create table shortlists (
  id bigserial primary key,
  token_hash char(64) unique,
  user_id bigint unique references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((token_hash is null) <> (user_id is null))
);
create index shortlists_anonymous_updated on shortlists (updated_at) where user_id is null;

create table shortlist_items (
  shortlist_id bigint not null references shortlists(id) on delete cascade,
  product_id bigint not null references products(id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (shortlist_id, product_id)
);
create index shortlist_items_product on shortlist_items (product_id);

-- One buyer's request (询价 / 样品申请). The buyer follows it through a private link: only the SHA-256 of its token is
-- kept. The buyer's contact is shown to the producers addressed and to staff only.
create table inquiries (
  id bigserial primary key,
  buyer_token_hash char(64) not null unique,
  buyer_user_id bigint references users(id) on delete set null,
  buyer_name varchar(100) not null,
  buyer_organization varchar(200),
  buyer_email varchar(200),
  buyer_phone varchar(30),
  quantity numeric(14,2) not null check (quantity > 0),
  quantity_unit varchar(20) not null,
  delivery_from date not null,
  delivery_to date not null,
  destination_province varchar(20) not null,
  target_price numeric(14,2) check (target_price is null or target_price >= 0),
  sample_wanted boolean not null default false,
  message text,
  created_at timestamptz not null default now(),
  check (buyer_email is not null or buyer_phone is not null),
  check (delivery_to >= delivery_from)
);
create index inquiries_created on inquiries (created_at);

-- Each producer organisation addressed gets its own row: its own status and reply thread.
create table inquiry_recipients (
  id bigserial primary key,
  inquiry_id bigint not null references inquiries(id) on delete cascade,
  organization_id bigint not null references organizations(id) on delete cascade,
  status text not null default 'new' check (status in ('new','replied','quoted','closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (inquiry_id, organization_id)
);
create index inquiry_recipients_organization on inquiry_recipients (organization_id, status, created_at);

-- The products asked about, per producer; the name is kept so the request still reads right if a product goes away.
create table inquiry_products (
  id bigserial primary key,
  recipient_id bigint not null references inquiry_recipients(id) on delete cascade,
  product_id bigint references products(id) on delete set null,
  product_name_zh varchar(200) not null,
  product_name_en varchar(200),
  unique (recipient_id, product_id)
);

create table inquiry_messages (
  id bigserial primary key,
  recipient_id bigint not null references inquiry_recipients(id) on delete cascade,
  author text not null check (author in ('buyer','producer')),
  author_user_id bigint references users(id) on delete set null,
  body text not null,
  quoted_price numeric(14,2) check (quoted_price is null or quoted_price >= 0),
  created_at timestamptz not null default now()
);
create index inquiry_messages_recipient on inquiry_messages (recipient_id, created_at);

-- Deal outcomes (意向 intent / 签约 signed) recorded by the producer, the buyer (private link) or fair staff; they feed
-- the statistics. event_id refers to trade-fair events, which come later (no foreign key yet).
create table deals (
  id bigserial primary key,
  kind text not null check (kind in ('intent','signed')),
  organization_id bigint not null references organizations(id) on delete cascade,
  product_id bigint references products(id) on delete set null,
  product_name_zh varchar(200) not null,
  inquiry_recipient_id bigint references inquiry_recipients(id) on delete set null,
  amount_cny numeric(14,2) not null check (amount_cny >= 0),
  deal_date date not null,
  event_id bigint,
  note varchar(500),
  recorded_by text not null check (recorded_by in ('producer','buyer','fair_staff','admin')),
  recorded_by_user_id bigint references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index deals_organization on deals (organization_id, deal_date);
create index deals_date on deals (deal_date);
create index deals_event on deals (event_id) where event_id is not null;

-- Throttle against spam: one row per accepted inquiry or buyer reply, by a hash of the client address.
create table matching_throttle_events (
  id bigserial primary key,
  action text not null check (action in ('inquiry','reply')),
  client_key char(64) not null,
  created_at timestamptz not null default now()
);
create index matching_throttle_events_client on matching_throttle_events (client_key, action, created_at);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop table if exists matching_throttle_events, deals, inquiry_messages, inquiry_products, inquiry_recipients, inquiries,
       shortlist_items, shortlists cascade`,
    )
    .execute(db);
}
