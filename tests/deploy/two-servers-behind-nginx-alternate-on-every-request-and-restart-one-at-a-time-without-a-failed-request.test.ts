import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { chinaDate, CookieJar, formBody, type Fields } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { pollUntil } from "../support/poll";
import { startTestS3, type TestS3 } from "../support/s3";
import { createTestSearch } from "../support/search";
import { freePort } from "../../scripts/embedded/process-utils";
import { nginxAvailable, nginxPath, startNginx, type Nginx } from "../../scripts/lib/nginx";

// Issue 20, item 3: two app servers behind the very nginx files of deploy/ (deploy/nginx/haidong-http.conf at http
// level, deploy/nginx/haidong-proxy.conf inside the server, the upstream block of deploy/nginx.conf on test ports),
// run as deployed (NODE_ENV=production, TRUST_PROXY=1, one PUBLIC_ORIGIN, one session secret) and sharing only what
// production shares: one database, one search index, one picture bucket. Each has its own DATA_DIR, so a journey
// whose every request lands on the other server works only through that shared state. Then each server is stopped
// (SIGTERM: the graceful drain of scripts/lib/serve.ts) and started again on its port, one at a time, under a steady
// load that must not see a single failed request. TLS is not tested here (deploy/nginx.conf holds placeholders).

const root = path.resolve(import.meta.dirname, "..", "..");
// like a missing Chromium (tests/support/browser.ts): skipped with a warning on a developer's machine, a failure in CI
if (!nginxAvailable) {
  if (process.env.CI === "true" || process.env.REQUIRE_BROWSER === "1") {
    throw new Error(`CI but no nginx at ${nginxPath} (apt-get install nginx-light; .ci/run installs it)`);
  }
  console.warn(`\n⚠ nginx tests skipped: no nginx at ${nginxPath}. Install it (apt-get install nginx-light) or set NGINX_PATH.\n`);
}

/**
 * A form POST straight to one app server, as nginx would pass it on, whose body arrives in two halves: the request is
 * under way in the server from the first half, and `finish` sends the rest whenever the test says.
 */
function postInTwoHalves(port: number, p: string, fields: Fields, headers: Record<string, string>) {
  const body = Buffer.from(formBody(fields).toString());
  let send = () => undefined as unknown;
  const answered = new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: p,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length), ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.write(body.subarray(0, body.length >> 1));
    send = () => req.end(body.subarray(body.length >> 1));
  });
  return { answered, finish: () => send() };
}

function servedBy(apps: Record<string, TestApp>) {
  const by = new Map<string, string>();
  for (const [name, app] of Object.entries(apps)) {
    for (const line of app.output().split("\n")) {
      if (!line.startsWith("{")) continue;
      const record = JSON.parse(line) as { event?: string; requestId?: string };
      if (record.event === "http.request" && record.requestId) by.set(record.requestId, name);
    }
  }
  return by;
}

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let s3: TestS3;
let nginx: Nginx;
let ports: [number, number];
const apps: Record<string, TestApp> = {};
const SECRET = "nginx-journey-session-secret-".padEnd(48, "n");
const photo = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));

function startApp(port: number) {
  return startTestApp({
    databaseUrl: t.url,
    indexPrefix: search.prefix,
    env: {
      ...s3.env,
      NODE_ENV: "production",
      TRUST_PROXY: "1",
      PUBLIC_ORIGIN: nginx.url,
      SESSION_SECRET: SECRET,
      WEB_CONCURRENCY: "1",
      LOG_FORMAT: "json",
      // pictures' access lines are debug (routine): the journey fetches one and must see who served it
      LOG_LEVEL: "debug",
      PORT: String(port),
    },
  });
}

beforeAll(async () => {
  if (!nginxAvailable) return;
  t = await createTestDatabase();
  search = await createTestSearch();
  s3 = await startTestS3();
  ports = [await freePort(), await freePort()];
  nginx = await startNginx(ports);
  [apps.A, apps.B] = await Promise.all([startApp(ports[0]), startApp(ports[1])]);
});
afterAll(async () => {
  // what went wrong, if anything did: the apps' error lines and nginx's
  for (const [name, app] of Object.entries(apps)) {
    const errors = app
      .output()
      .split("\n")
      .filter((line) => /"level":(5\d|60|"error"|"fatal")|"status":5/.test(line));
    if (errors.length > 0) console.warn(`app ${name}:\n${errors.join("\n")}`);
  }
  if (nginx?.errorLog()) console.warn(`nginx:\n${nginx.errorLog()}`);
  for (const app of Object.values(apps)) await app.stop();
  await nginx?.stop();
  await s3?.stop();
  await search?.drop();
  await t?.drop();
});

const idOf = new WeakMap<Response, string>();

/** Every request names itself in X-Request-Id, which nginx passes on and each app logs. */
function client(idPrefix: string) {
  let seq = 0;
  const ids: string[] = [];
  const send = async (jar: CookieJar | null, p: string, body?: Fields | FormData) => {
    const id = `${idPrefix}-${String(++seq).padStart(4, "0")}`;
    ids.push(id);
    const headers: Record<string, string> = { "x-request-id": id };
    if (jar) headers.cookie = jar.header();
    let init: RequestInit = { redirect: "manual", headers };
    if (body instanceof FormData) init = { ...init, method: "POST", headers: { ...headers, origin: nginx.url }, body };
    else if (body) {
      init = { ...init, method: "POST", headers: { ...headers, origin: nginx.url, "content-type": "application/x-www-form-urlencoded" }, body: formBody(body) };
    }
    const res = await fetch(`${nginx.url}${p}`, init);
    jar?.store(res);
    idOf.set(res, id);
    return res;
  };
  return { ids, send };
}

let productId = 0;
const productName = `轮换测试青稞饼${process.pid}`;

describe.skipIf(!nginxAvailable)("two app servers behind deploy/'s nginx files", () => {
  it("start from the site file itself: deploy/nginx.conf with both snippets passes nginx -t", () => {
    // only what belongs to the machine changes: the snippets' folder, the placeholder certificate, the log folder
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-nginx-site-"));
    try {
      const [cert, key] = [path.join(dir, "cert.pem"), path.join(dir, "key.pem")];
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=test"], {
        stdio: "ignore",
      });
      const site = fs
        .readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8")
        .replaceAll("/etc/nginx/snippets/", `${path.join(root, "deploy", "nginx")}/`)
        .replace("/etc/ssl/haidong/fullchain.pem", cert)
        .replace("/etc/ssl/haidong/privkey.pem", key)
        .replace("/var/log/nginx/", `${dir}/`);
      fs.writeFileSync(path.join(dir, "site.conf"), site);
      const main = path.join(dir, "nginx.conf");
      fs.writeFileSync(main, `pid ${dir}/nginx.pid;\nevents {}\nhttp {\n    include /etc/nginx/mime.types;\n    include ${dir}/site.conf;\n}\n`);
      const out = execFileSync(nginxPath, ["-t", "-p", dir, "-e", path.join(dir, "error.log"), "-c", main], { encoding: "utf8", stdio: "pipe" });
      expect(out).toBe("");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("alternate on every request of a journey that works only through shared state: sign-in, picture, review, search, shortlist, inquiry", async () => {
    const producerAccount = await createAccount(t.db, { organizationName: "轮换测试合作社" });
    const adminAccount = await createAccount(t.db, { role: "admin" });
    const { ids, send } = client("journey");
    const producer = new CookieJar();
    const admin = new CookieJar();
    const buyer = new CookieJar();

    // signed in on one server…
    expect((await send(producer, "/login", { account: producerAccount.email, password: producerAccount.password })).status).toBe(302);
    const created = await send(producer, "/producer/products/new", { name_zh: productName, category: "杂粮" });
    expect(created.status).toBe(302);
    productId = Number(created.headers.get("location")!.match(/products\/(\d+)/)![1]);
    expect((await send(producer, `/producer/products/${productId}`)).status).toBe(200);
    // …a picture uploaded on the other…
    const upload = new FormData();
    upload.set("file", new Blob([new Uint8Array(photo)]), "photo.jpg");
    upload.set("alt_zh", "轮换测试青稞田");
    expect((await send(producer, `/producer/products/${productId}/images`, upload)).status).toBe(200);
    // …is seen from the first, and its file comes out of the bucket whichever server streams it
    const screen = await send(producer, `/producer/products/${productId}/images`);
    expect(screen.status).toBe(200);
    const src = (await screen.text()).match(/src="(\/images\/[^"]+\.jpg)"/)?.[1];
    expect(src).toBeDefined();
    const picture = await send(null, src!);
    expect(picture.status).toBe(200);
    expect(picture.headers.get("content-type")).toBe("image/jpeg");
    expect(picture.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await picture.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // submitted for review, approved by staff signed in on the other server
    expect((await send(producer, `/producer/products/${productId}`, { intent: "submit" })).status).toBe(200);
    expect((await send(admin, "/login", { account: adminAccount.email, password: adminAccount.password })).status).toBe(302);
    const review = await send(admin, `/staff/review/product/${productId}`);
    expect(review.status).toBe(200);
    const reviewHtml = await review.text();
    expect(reviewHtml).toContain(productName);
    const version = /name="version" value="([^"]+)"/.exec(reviewHtml)?.[1];
    expect(version).toBeDefined();
    const approved = await send(admin, `/staff/review/product/${productId}`, { version: version!, decision: "approve", comment: "" });
    expect(approved.status).toBe(302);
    expect(approved.headers.get("location")).toBe("/staff?done=approve");
    const publicPage = await send(null, `/products/${productId}`);
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain(productName);

    // search finds the approved product once either server's outbox worker has indexed it
    await pollUntil(
      async () => {
        const res = await send(null, `/search?q=${encodeURIComponent(productName)}`);
        expect(res.status).toBe(200);
        return (await res.text()).includes(`/products/${productId}"`);
      },
      20_000,
      "search to find the approved product",
      250,
    );

    // a buyer's shortlist and inquiry, each step on the other server than the one before
    const added = await send(buyer, "/shortlist/items", { intent: "add", productId, redirectTo: `/products/${productId}` });
    expect(added.status).toBe(302);
    const shortlist = await send(buyer, "/shortlist");
    expect(shortlist.status).toBe(200);
    const shortlistHtml = await shortlist.text();
    expect(shortlistHtml).toContain(productName);
    expect(shortlistHtml).toContain("共 1 件产品");
    const inquiry = await send(buyer, "/shortlist/inquiry", {
      // a line per product (issue 18)
      "lines[0].product_id": productId,
      "lines[0].include": "on",
      "lines[0].quantity": "5",
      "lines[0].quantity_unit": "吨",
      "lines[0].delivery_from": chinaDate(10),
      "lines[0].delivery_to": chinaDate(40),
      "lines[0].destination_province": "广东",
      message: "请报价。",
      buyer_name: "轮换采购",
      buyer_organization: "轮换示例贸易有限公司",
      buyer_email: "buyer@rotation.example.com",
      consent: "on",
    });
    expect(inquiry.status, await inquiry.clone().text()).toBe(302);
    const sent = inquiry.headers.get("location")!;
    expect(sent).toMatch(/^\/inquiries\/[A-Za-z0-9_-]{43}\?sent=1$/);
    const buyerView = await send(buyer, sent);
    expect(buyerView.status).toBe(200);
    expect(await buyerView.text()).toContain(productName);
    const inbox = await send(producer, "/producer/inbox");
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain("轮换示例贸易有限公司");

    // every request was served, by the other server than the one before it, and each served half
    // (an access line is written as the answer ends: the last may reach the test's pipe just after the answer)
    await pollUntil(() => ids.every((id) => servedBy(apps).has(id)), 5000, "every journey request's access line");
    const by = servedBy(apps);
    const servers = ids.map((id) => by.get(id));
    expect(servers.every(Boolean), JSON.stringify(servers)).toBe(true);
    for (let i = 1; i < servers.length; i++) expect(servers[i], `${ids[i]} after ${ids[i - 1]}: ${servers.join(" ")}`).not.toBe(servers[i - 1]);
    const onA = servers.filter((s) => s === "A").length;
    expect(Math.abs(onA - (servers.length - onA))).toBeLessThanOrEqual(1);
    // nginx's own access line (format `haidong`) names the same upstream and the same id for each request
    const upstreamOf = new Map(
      [...nginx.accessLog().matchAll(/ 127\.0\.0\.1:(\d+) id=(journey-\d+)$/gm)].map((m) => [m[2]!, Number(m[1]) === ports[0] ? "A" : "B"]),
    );
    expect(ids.map((id) => upstreamOf.get(id))).toEqual(servers);
  });

  it("lets each server stop (SIGTERM) and start again on its port, one at a time, without a single failed request", async () => {
    expect(productId).toBeGreaterThan(0);
    const { send } = client("rolling");
    const failures: string[] = [];
    const results: { id: string; status: number }[] = [];
    let running = true;
    const mix: [string, Fields | undefined, number][] = [
      ["/", undefined, 200],
      [`/search?q=${encodeURIComponent("青稞")}`, undefined, 200],
      [`/products/${productId}`, undefined, 200],
      ["/shortlist/items", { intent: "add", productId, redirectTo: "/shortlist" }, 302],
      ["/shortlist", undefined, 200],
    ];
    // three visitors, each sending the next request 20 ms after the last one was answered: a steady load that leaves
    // the two shared cores room to start the replacement servers
    const visitor = async (offset: number) => {
      const jar = new CookieJar();
      for (let i = offset; running; i++) {
        const [p, body, expected] = mix[i % mix.length]!;
        try {
          const res = await send(jar, p, body);
          await res.arrayBuffer();
          results.push({ id: idOf.get(res)!, status: res.status });
          if (res.status !== expected) failures.push(`${body ? "POST" : "GET"} ${p}: ${res.status}`);
        } catch (e) {
          failures.push(`${body ? "POST" : "GET"} ${p}: ${(e as Error).message} ${String((e as Error).cause ?? "")}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const visitors = Promise.all([0, 1, 2].map(visitor));
    const phases: string[] = [];
    const served = (name: string) => [...servedBy(apps)].filter(([id, s]) => id.startsWith("rolling-") && s === name).length;
    const servedSince = (name: string, count: number) => pollUntil(() => served(name) >= count, 20_000, `${name} to serve`);

    try {
      await servedSince("B", 5);
      for (const [old, replacement, port] of [
        ["A", "A2", ports[0]],
        ["B", "B2", ports[1]],
      ] as const) {
        // one request certainly in flight when SIGTERM comes: half its body is in, the rest follows once the server
        // has begun to stop; it must still be answered (scripts/lib/serve.ts closes idle connections, not this one)
        const url = new URL(nginx.url);
        const slow = postInTwoHalves(
          port,
          "/shortlist/items",
          { intent: "add", productId, redirectTo: "/shortlist" },
          { origin: nginx.url, "x-forwarded-host": url.host, "x-forwarded-proto": "http", "x-forwarded-for": "127.0.0.1", "x-request-id": `drain-${old}` },
        );
        await new Promise((r) => setTimeout(r, 200));
        // the stopped process's output stays readable: the requests it drained count too
        const stopped = apps[old]!.stop();
        await pollUntil(() => apps[old]!.output().includes('"event":"server.stopping"'), 5000, `${old} to begin stopping`, 20);
        slow.finish();
        expect(await slow.answered).toEqual({ status: 302, location: "/shortlist" });
        await stopped;
        const stoppedAt = Date.now();
        apps[replacement] = await startApp(port);
        const startedAt = Date.now();
        // nginx takes a failed server back after fail_timeout (5 s): wait until the new process answers its share
        await servedSince(replacement, 5);
        phases.push(`${old}: stopped, ${replacement} started in ${startedAt - stoppedAt} ms, served after ${Date.now() - startedAt} ms more`);
      }
    } finally {
      running = false;
      await visitors;
    }

    const count = served;
    // requests a stopping server still answered: in flight when SIGTERM came, drained before it exited
    const drained = (name: string) => {
      const lines = apps[name]!.output().split("\n");
      const stopping = lines.findIndex((line) => line.includes('"event":"server.stopping"'));
      return lines.slice(stopping).filter((line) => line.includes('"event":"http.request"') && /"requestId":"(rolling-|drain-)/.test(line)).length;
    };
    console.info(
      `rolling restart: ${results.length} requests, ${failures.length} failed; drained after SIGTERM: A ${drained("A")}, B ${drained("B")}; ` +
        `served by the replacements: A2 ${count("A2")}, B2 ${count("B2")}\n${phases.join("\n")}`,
    );
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
    expect(count("A2")).toBeGreaterThan(0);
    expect(count("B2")).toBeGreaterThan(0);
  });
});
