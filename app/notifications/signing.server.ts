import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "../platform/config.server";

// The two secrets mail needs, both derived from SESSION_SECRET (generated and kept in $DATA_DIR outside production,
// required in production; app/platform/config.server.ts) under their own labels, so neither can stand in for a
// session cookie's signature:
// - the preferences link at the foot of every e-mail (/mail-preferences/<token>): the address, signed. It does not
//   expire: an unsubscribe link in an old mail must still work.
// - an anonymous buyer's private link (/inquiries/<token>), sealed with AES-256-GCM so the mail telling them of a
//   reply can carry it; inquiries still store only its hash, and a database copy alone does not open the threads.

function secret(): string {
  const s = config().SESSION_SECRET;
  if (!s) throw new Error("SESSION_SECRET is not set");
  return s;
}

function derive(label: string, key = secret()): Buffer {
  return createHmac("sha256", key).update(`haidong:${label}`).digest();
}

function mac(address: string, key?: string): string {
  return createHmac("sha256", derive("mail-preferences", key)).update(address).digest("base64url").slice(0, 32);
}

/** The token of /mail-preferences/<token> for one address (lower-cased). */
export function preferencesToken(address: string, key?: string): string {
  const a = address.trim().toLowerCase();
  return `${Buffer.from(a).toString("base64url")}.${mac(a, key)}`;
}

/** The address a preferences token was made for, or null when it is forged or malformed. */
export function addressFromPreferencesToken(token: string, key?: string): string | null {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined || signature.length !== 32) return null;
  const address = Buffer.from(encoded, "base64url").toString("utf8");
  if (!address.includes("@") || address !== address.toLowerCase()) return null;
  const expected = Buffer.from(mac(address, key));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : null;
}

export function sealBuyerLink(token: string, key?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive("buyer-link", key), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The buyer's token again, or null when it was sealed under another secret (rotated) or tampered with. */
export function unsealBuyerLink(sealed: string, key?: string): string | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", derive("buyer-link", key), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
