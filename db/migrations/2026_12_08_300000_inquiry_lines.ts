import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 18 item 4: an inquiry says what the buyer wants of each product. The need (quantity, unit, target price,
// sample, delivery window, destination) moves from the inquiry to its lines (inquiry_products); existing rows are
// backfilled from their inquiry, and the inquiry-level columns stay for older rows and are left empty from now on.
// The producer answers per line (inquiry_line_quotes: every quote is kept, the latest is current). A thread's status
// gains 'read' (the producer opened it) and 'deal' (a deal was recorded), and every change is kept in
// inquiry_status_changes (from, to, when, by whom) so both sides see the history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table inquiry_products
  add column quantity numeric(14,2) check (quantity is null or quantity > 0),
  add column quantity_unit varchar(20),
  add column target_price numeric(14,2) check (target_price is null or target_price >= 0),
  add column sample_wanted boolean not null default false,
  add column delivery_from date,
  add column delivery_to date,
  add column destination_province varchar(20),
  -- a line states its need in full, or not at all (a booth lead's products)
  add constraint inquiry_products_need_stated check (
    (quantity is null and quantity_unit is null and delivery_from is null and delivery_to is null and destination_province is null)
    or (quantity is not null and quantity_unit is not null and delivery_from is not null and delivery_to is not null
        and destination_province is not null and delivery_to >= delivery_from)
  );
update inquiry_products ip
   set quantity = i.quantity, quantity_unit = i.quantity_unit, target_price = i.target_price, sample_wanted = i.sample_wanted,
       delivery_from = i.delivery_from, delivery_to = i.delivery_to, destination_province = i.destination_province
  from inquiry_recipients r join inquiries i on i.id = r.inquiry_id
 where r.id = ip.recipient_id and i.quantity is not null;
-- the need is stated on the lines now; an inquiry from the shortlist no longer repeats it
alter table inquiries drop constraint inquiries_need_stated;

create table inquiry_line_quotes (
  id bigserial primary key,
  inquiry_product_id bigint not null references inquiry_products(id) on delete cascade,
  quoted_price numeric(14,2) not null check (quoted_price >= 0),
  price_unit varchar(20) not null check (length(price_unit) > 0),
  moq numeric(14,2) check (moq is null or moq > 0),
  lead_time_days integer check (lead_time_days is null or lead_time_days between 0 and 3650),
  note varchar(500),
  author_user_id bigint references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index inquiry_line_quotes_line on inquiry_line_quotes (inquiry_product_id, created_at);

alter table inquiry_recipients drop constraint inquiry_recipients_status_check;
alter table inquiry_recipients add constraint inquiry_recipients_status_check
  check (status in ('new','read','replied','quoted','deal','closed','held'));

create table inquiry_status_changes (
  id bigserial primary key,
  recipient_id bigint not null references inquiry_recipients(id) on delete cascade,
  from_status text,
  to_status text not null,
  by_role text not null check (by_role in ('buyer','producer','staff','system')),
  by_user_id bigint references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index inquiry_status_changes_recipient on inquiry_status_changes (recipient_id, created_at);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop table if exists inquiry_status_changes;
update inquiry_recipients set status = 'new' where status = 'read';
update inquiry_recipients set status = 'closed' where status = 'deal';
alter table inquiry_recipients drop constraint inquiry_recipients_status_check;
alter table inquiry_recipients add constraint inquiry_recipients_status_check check (status in ('new','replied','quoted','closed','held'));
drop table if exists inquiry_line_quotes;
update inquiries i
   set quantity = ip.quantity, quantity_unit = ip.quantity_unit, target_price = ip.target_price, sample_wanted = ip.sample_wanted,
       delivery_from = ip.delivery_from, delivery_to = ip.delivery_to, destination_province = ip.destination_province
  from (select distinct on (r.inquiry_id) r.inquiry_id, p.*
          from inquiry_products p join inquiry_recipients r on r.id = p.recipient_id
         where p.quantity is not null order by r.inquiry_id, p.id) ip
 where ip.inquiry_id = i.id and i.quantity is null;
alter table inquiries add constraint inquiries_need_stated check (
  source = 'booth'
  or (quantity is not null and quantity_unit is not null and delivery_from is not null and delivery_to is not null
      and destination_province is not null)
);
alter table inquiry_products
  drop constraint inquiry_products_need_stated,
  drop column quantity, drop column quantity_unit, drop column target_price, drop column sample_wanted,
  drop column delivery_from, drop column delivery_to, drop column destination_province;
`,
    )
    .execute(db);
}
