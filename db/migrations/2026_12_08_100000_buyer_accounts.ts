import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Issue 18: buyers are an account kind of their own (采购商), with a profile that producers see on their inquiries.
// Every field but the name is optional; categories are the product categories' stored (Chinese) names.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check check (role in ('producer','buyer','reviewer','fair_staff','admin'));
    create table buyer_profiles (
      user_id bigint primary key references users(id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      province text check (length(province) <= 20),
      city text check (length(city) <= 50),
      categories text[] not null default '{}',
      phone text check (length(phone) <= 30),
      email text check (length(email) <= 200),
      wechat text check (length(wechat) <= 50),
      updated_at timestamptz not null default now()
    );
    create index inquiries_buyer_user_id on inquiries (buyer_user_id) where buyer_user_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index inquiries_buyer_user_id;
    drop table buyer_profiles;
    update users set role = 'producer' where role = 'buyer';
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check check (role in ('producer','reviewer','fair_staff','admin'));
  `.execute(db);
}
