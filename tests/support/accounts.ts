import { hashPassword } from "../../app/auth/password.server";
import type { Db } from "../../db/client";
import type { Role } from "../../db/schema";

let counter = 0;
const hashes = new Map<string, Promise<string>>();

/** Creates an account directly in the test database (optionally with its own organisation) and returns its credentials. */
export async function createAccount(db: Db, options: { role?: Role; organizationName?: string; password?: string } = {}) {
  const password = options.password ?? "correct horse battery";
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  const email = `user${process.pid}-${++counter}@test.example`;
  let organizationId: number | null = null;
  if (options.organizationName) {
    organizationId = (
      await db
        .insertInto("organizations")
        .values({ name_zh: options.organizationName, status: "published", org_type: "cooperative" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  const user = await db
    .insertInto("users")
    .values({ email, password_hash: await hashes.get(password)!, role: options.role ?? "producer", organization_id: organizationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: user.id, email, password, organizationId };
}

/** Signs in over HTTP like a browser would (same-origin POST) and returns the session cookie pair. */
export async function signInOverHttp(appUrl: string, account: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${appUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl, ...headers },
    body: new URLSearchParams({ account, password }),
  });
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { res, cookie: setCookie.split(";")[0] ?? "", setCookie };
}
