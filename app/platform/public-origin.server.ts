import type { AddressInfo } from "node:net";
import { config, type Config } from "./config.server";

// Every absolute URL the app hands out — QR codes, printed and exported links, the PDF's link targets, sitemap and
// canonical links — starts with an origin from this module, never from the request's Host or X-Forwarded-Host, which a
// client controls. The rule:
//   - PUBLIC_ORIGIN when set (required when NODE_ENV=production; app/platform/config.server.ts refuses to start without it);
//   - outside production only, the server's own listening address (`serverOrigin` in the load context, set once
//     `listen` has returned; scripts/start.ts). Chosen over the request's own origin because that *is* the Host
//     header: a development fallback built from it would behave differently from production exactly where it matters.
//     A phone on the LAN cannot reach 127.0.0.1 — set PUBLIC_ORIGIN=http://<lan-ip>:3000 to scan codes in development.
// Search-engine documents (canonical, og:url, sitemap, robots, the OpenAPI server) use `configuredOrigin` only: a
// canonical link to a development address would be worse than none.

type OriginConfig = Pick<Config, "PUBLIC_ORIGIN" | "NODE_ENV">;

/** PUBLIC_ORIGIN as an origin (`https://catalogue.example.cn`), or undefined when it is not set (or not a URL). */
export function configuredOrigin(c: OriginConfig = config()): string | undefined {
  const value = c.PUBLIC_ORIGIN;
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origin for absolute URLs a person follows or scans. `context.serverOrigin` is this server's own address
 * (see `listeningOrigin`). Throws in production without PUBLIC_ORIGIN, which configuration already refuses.
 */
export function publicOrigin(context: { serverOrigin: string }, c: OriginConfig = config()): string {
  const configured = configuredOrigin(c);
  if (configured) return configured;
  if (c.NODE_ENV === "production") throw new Error("PUBLIC_ORIGIN is required when NODE_ENV=production");
  return context.serverOrigin;
}

/**
 * True when phones at a fair cannot open links under `origin`: a loopback, private (RFC 1918), link-local or
 * `localhost` host. Printed QR codes under such an origin are dead on paper (issue 19), so the print page warns.
 */
export function unreachableFromPhones(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  } catch {
    return true;
  }
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1" || host === "0.0.0.0") return true;
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host)) return true;
  const v4 = host.match(/^(\d+)\.(\d+)\.\d+\.\d+$/);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** True when `publicOrigin` is only the development fallback (pages that make labels say so). */
export function originIsProvisional(c: OriginConfig = config()): boolean {
  return !configuredOrigin(c);
}

/**
 * The address this server can be reached at from the same machine, from what `server.address()` reports after
 * `listen`: a wildcard bind (0.0.0.0, ::) is reached on loopback; a concrete address as itself. The PDF renderer
 * opens the app here, and it is the development fallback of `publicOrigin`.
 */
export function listeningOrigin(address: Pick<AddressInfo, "address" | "port">): string {
  const wildcard = address.address === "0.0.0.0" || address.address === "::" || address.address === "";
  const host = wildcard ? (address.address === "::" ? "::1" : "127.0.0.1") : address.address;
  return new URL(`http://${host.includes(":") ? `[${host}]` : host}:${address.port}`).origin;
}
