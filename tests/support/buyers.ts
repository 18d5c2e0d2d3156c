import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../../db/client";
import { seedSampleCatalogue } from "../../db/seed/sample";
import { samplePicturesIn } from "./events";
import { chinaDayFromToday } from "../../app/platform/china-time";

/** A browser-like cookie store for HTTP tests: keeps what Set-Cookie sets and drops what it expires. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type Fields = Record<string, string | number | boolean | (string | number)[] | undefined>;

export function formBody(fields: Fields) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === false) continue;
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, String(item === true ? "on" : item));
  }
  return body;
}

/** GET and same-origin POST (form-encoded, no redirects followed) carrying a cookie jar, like a browser without JavaScript. */
export function httpClient(appUrl: string, jar = new CookieJar()) {
  return {
    jar,
    async get(p: string, headers: Record<string, string> = {}) {
      const res = await fetch(`${appUrl}${p}`, { redirect: "manual", headers: { cookie: jar.header(), ...headers } });
      jar.store(res);
      return res;
    },
    async post(p: string, fields: Fields, headers: Record<string, string> = {}) {
      const res = await fetch(`${appUrl}${p}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl, cookie: jar.header(), ...headers },
        body: formBody(fields),
      });
      jar.store(res);
      return res;
    },
    async signIn(account: string, password: string) {
      return this.post("/login", { account, password });
    },
  };
}

/** Seeds the sample producers and products (with generated pictures in a temp dir, returned for the app's DATA_DIR). */
export async function seedSamples(db: Db) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-buyers-"));
  await seedSampleCatalogue(db, await samplePicturesIn(path.join(dataDir, "images")));
  const product = async (name: string) =>
    await db.selectFrom("products").select(["id", "organization_id"]).where("name_zh", "=", name).executeTakeFirstOrThrow();
  return { dataDir, product, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** A date `days` from today in China, as YYYY-MM-DD. */
export function chinaDate(days: number) {
  return chinaDayFromToday(days);
}
