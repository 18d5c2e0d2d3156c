import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { qrSvg } from "../platform/qr.server";
import { serializeJsonLd } from "../seo/json-ld";

// Stored XSS (issue 12): React escapes every text it renders, so user text can only reach a page as markup through
// dangerouslySetInnerHTML. Every such place is listed here with what it injects; a new one fails this test until
// someone has checked that what it injects is built by us (QR SVG from the qrcode library, JSON-LD serialised with
// <, >, & and line separators escaped) and not user text.

const app = path.resolve(import.meta.dirname, "..");
const REVIEWED = new Map<string, string[]>([
  ["seo/json-ld.tsx", ["serializeJsonLd(data)"]],
  ["routes/events.$id.present.tsx", ["s.qr"]],
  ["routes/events.$id.booth-qr.tsx", ["b.qr.svg"]],
  ["routes/events.$id.print.tsx", ["x.qr"]],
  ["events/manage-exhibitors.tsx", ["x.qr.svg"]],
  ["routes/events.$id.kiosk.tsx", ["handoff.svg"]],
  // the authorisation QR label, for staff and the producer alike (qrLabel in app/staff/qr.server.ts)
  ["components/qr-label.tsx", ["qr.svg"]],
]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("raw HTML in the app", () => {
  it("is injected only at the reviewed places, each with a value built by us", () => {
    const found = new Map<string, string[]>();
    for (const file of sources(app)) {
      const text = fs.readFileSync(file, "utf8");
      const uses = [...text.matchAll(/dangerouslySetInnerHTML=\{\{\s*__html:\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!);
      if (text.includes("innerHTML") && uses.length === 0) uses.push("(innerHTML outside dangerouslySetInnerHTML)");
      if (uses.length > 0) found.set(path.relative(app, file).split(path.sep).join("/"), uses);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(REVIEWED));
  });

  it("keeps a hostile label out of the QR code's markup", async () => {
    const svg = await qrSvg("https://catalogue.example/events/1/booth/2", '"><script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('aria-label="&#34;&#62;&#60;script&#62;');
    expect(svg.startsWith("<svg ")).toBe(true);
  });

  it("serialises JSON-LD so no text can close the script element", () => {
    const json = serializeJsonLd({ name: "</script><script>alert(1)</script>", description: "a\u2028b & <!--" });
    expect(json).not.toMatch(/[<>\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: "</script><script>alert(1)</script>", description: "a\u2028b & <!--" });
  });
});
