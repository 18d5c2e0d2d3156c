import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, Role } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export async function findUserByAccount(db: Executor, account: string) {
  const key = account.trim();
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) => (key.includes("@") ? eb("email", "=", key) : eb("phone", "=", key)))
    .executeTakeFirst();
}

export async function createUser(
  db: Executor,
  values: {
    email: string | null;
    phone: string | null;
    password_hash: string;
    display_name?: string | null;
    role?: Role;
    organization_id?: number | null;
    is_sample?: boolean;
  },
) {
  return db.insertInto("users").values(values).returning(["id", "role"]).executeTakeFirstOrThrow();
}

/** The id of the account registered with this e-mail address or mobile number, if any. */
export async function accountHolder(db: Executor, email: string | null, phone: string | null): Promise<number | undefined> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb.or([...(email ? [eb("email", "=", email)] : []), ...(phone ? [eb("phone", "=", phone)] : [])]))
    .executeTakeFirst();
  return row?.id;
}

export async function setPassword(db: Executor, userId: number, passwordHash: string) {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
}

export async function setOrganization(db: Executor, userId: number, organizationId: number) {
  await db
    .updateTable("users")
    .set({ organization_id: organizationId, updated_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
}

/**
 * Disabling ends every session on the server at once: a copied cookie stops working. Takes the caller's transaction so
 * the staff action's audit row commits with it (or neither does).
 */
export async function disableUser(trx: Transaction<Database>, userId: number) {
  await trx
    .updateTable("users")
    .set({ disabled_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function enableUser(db: Executor, userId: number) {
  await db.updateTable("users").set({ disabled_at: null }).where("id", "=", userId).execute();
}

export async function listUsers(db: Executor) {
  return db
    .selectFrom("users as u")
    .leftJoin("organizations as o", "o.id", "u.organization_id")
    .select(["u.id", "u.email", "u.phone", "u.display_name", "u.role", "u.disabled_at", "u.created_at", "o.name_zh as organization_zh"])
    .orderBy("u.id")
    .execute();
}

/** The stored password hash, to confirm a sensitive action with the password again. */
export async function passwordHashOf(db: Executor, userId: number): Promise<string | undefined> {
  return (await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst())?.password_hash;
}
