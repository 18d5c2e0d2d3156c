import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originCheck, securityHeaders } from "./security";

// The two global middlewares on a real Express server over real HTTP (no request doubles): HSTS only in production
// (a test or development server on plain http must not pin browsers to https), and the origin check against
// PUBLIC_ORIGIN rather than the Host header a client controls.

const servers: Server[] = [];
async function serve(production: boolean, publicOrigin?: string, pictureOrigin?: string): Promise<string> {
  const app = express();
  app.set("trust proxy", false);
  app.use(securityHeaders(production, pictureOrigin));
  app.use(originCheck(publicOrigin));
  app.all("*", (_req, res) => void res.status(200).send("ok"));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let production: string;
let development: string;
let behindOrigin: string;
beforeAll(async () => {
  [production, development, behindOrigin] = await Promise.all([serve(true), serve(false), serve(true, "https://catalogue.example")]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe("security headers", () => {
  it("send HSTS in production only", async () => {
    const hsts = (await fetch(production)).headers.get("strict-transport-security");
    expect(hsts).toMatch(/max-age=(\d+)/);
    expect(Number(hsts!.match(/max-age=(\d+)/)![1])).toBeGreaterThanOrEqual(15_552_000); // at least 180 days
    expect((await fetch(development)).headers.get("strict-transport-security")).toBeNull();
  });

  it("send the same CSP shape, nosniff and Referrer-Policy in both modes, with a nonce per response", async () => {
    for (const base of [production, development]) {
      const [a, b] = await Promise.all([fetch(base), fetch(base)]);
      const csp = a.headers.get("content-security-policy")!;
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'", "default-src 'self'"]) expect(csp).toContain(directive);
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
      expect(b.headers.get("content-security-policy")).not.toBe(csp);
      expect(a.headers.get("x-content-type-options")).toBe("nosniff");
      expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  it("let pages show pictures from the configured public bucket or CDN, and from nowhere else", async () => {
    expect((await fetch(production)).headers.get("content-security-policy")).toContain("img-src 'self' data: blob:;");
    const withCdn = await serve(true, undefined, "https://img.example.cn");
    expect((await fetch(withCdn)).headers.get("content-security-policy")).toContain("img-src 'self' data: blob: https://img.example.cn;");
  });
});

describe("the origin check", () => {
  const post = (base: string, headers: Record<string, string>) => fetch(base, { method: "POST", headers, body: "x=1" });

  it("compares with PUBLIC_ORIGIN, so a forged Host cannot make a foreign Origin look like ours", async () => {
    expect((await post(behindOrigin, { origin: "https://catalogue.example" })).status).toBe(200);
    expect((await post(behindOrigin, { origin: behindOrigin })).status).toBe(403);
    // the Host header names evil.example and so does Origin: still refused, the expected origin is configured
    const forged = await new Promise<number>((resolve, reject) => {
      const u = new URL(behindOrigin);
      import("node:http").then(({ request }) => {
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            method: "POST",
            path: "/",
            headers: { Host: "evil.example", Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end("x=1");
      }, reject);
    });
    expect(forged).toBe(403);
  });

  it("refuses Origin: null, a foreign or malformed Referer, and lets safe methods through", async () => {
    expect((await post(development, { origin: "null" })).status).toBe(403);
    expect((await post(development, { referer: "http://evil.example/form" })).status).toBe(403);
    expect((await post(development, { referer: "not a url" })).status).toBe(403);
    for (const method of ["PUT", "PATCH", "DELETE"])
      expect((await fetch(development, { method, headers: { origin: "http://evil.example" } })).status).toBe(403);
    expect((await fetch(development, { headers: { origin: "http://evil.example" } })).status).toBe(200);
    expect((await post(development, { origin: development })).status).toBe(200);
  });
});
