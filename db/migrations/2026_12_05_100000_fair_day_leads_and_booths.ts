import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has landed; add a new migration instead.
// Fair day (issue 19):
// - a booth lead past a limit is kept, never refused: its recipient row waits as 'held' (with the limit it passed, kept
//   after acceptance so the fair summary can tell) until the exhibitor or fair staff accept it into the inbox as 'new';
// - removing an exhibitor withdraws it instead of deleting the row, so its printed booth QR code keeps resolving for the
//   life of the event (the booth page says it was withdrawn) and re-adding the company gives back the same code;
// - a buyer may leave a WeChat ID (微信号: 6–20 letters, digits, _ or -, starting with a letter), how most reach each other.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table inquiry_recipients drop constraint inquiry_recipients_status_check;
alter table inquiry_recipients add constraint inquiry_recipients_status_check check (status in ('new','replied','quoted','closed','held'));
alter table inquiry_recipients add column held_reason text check (held_reason in ('device','booth','address'));
alter table inquiry_recipients add constraint inquiry_recipients_held_reason check (status <> 'held' or held_reason is not null);
alter table event_exhibitors add column withdrawn_at timestamptz;
alter table inquiries add column buyer_wechat text check (buyer_wechat ~ '^[A-Za-z][-_A-Za-z0-9]{5,19}$');`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `update inquiry_recipients set status = 'new' where status = 'held';
alter table inquiry_recipients drop constraint inquiry_recipients_held_reason;
alter table inquiry_recipients drop column held_reason;
alter table inquiry_recipients drop constraint inquiry_recipients_status_check;
alter table inquiry_recipients add constraint inquiry_recipients_status_check check (status in ('new','replied','quoted','closed'));
alter table event_exhibitors drop column withdrawn_at;
alter table inquiries drop column buyer_wechat;`,
    )
    .execute(db);
}
