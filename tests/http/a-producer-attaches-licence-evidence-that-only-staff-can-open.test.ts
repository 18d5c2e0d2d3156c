import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVIDENCE_DIR } from "../../app/evidence/storage.server";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 21: "a claim can carry evidence (a PDF or photo of the licence, stored privately, visible to staff only)".

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let producer: string;
let other: string;
let reviewer: string;
let claimId: number;

/** A minimal valid PDF of one blank page; `extra` goes into the catalogue (e.g. an OpenAction). */
function pdf(extra = "") {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${extra}>>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function upload(cookie: string, kind: string, id: number, file: Buffer, name: string, type = "application/pdf") {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(file)], { type }), name);
  return fetch(`${app.url}/producer/claims/${kind}/${id}/evidence`, { method: "POST", body: form, headers: { cookie, origin: app.url }, redirect: "manual" });
}

const evidenceFiles = () => {
  const dir = path.join(app.dataDir, EVIDENCE_DIR);
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(pdf|jpg)$/.test(f)) : [];
};

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const p = await createAccount(t.db, { organizationName: "循化花椒合作社" });
  const o = await createAccount(t.db, { organizationName: "别家合作社" });
  const r = await createAccount(t.db, { role: "reviewer" });
  producer = (await signInOverHttp(app.url, p.email, p.password)).cookie;
  other = (await signInOverHttp(app.url, o.email, o.password)).cookie;
  reviewer = (await signInOverHttp(app.url, r.email, r.password)).cookie;
  const gi = await t.db.selectFrom("gi_products").select("id").where("name_zh", "=", "循化花椒").executeTakeFirstOrThrow();
  claimId = (
    await t.db
      .insertInto("gi_authorised_users")
      .values({
        gi_product_id: gi.id,
        organization_id: p.organizationId!,
        basis: "certification_licence",
        basis_reference: "循椒许字 001",
        valid_from: "2026-01-01",
        valid_to: "2028-12-31",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("a producer attaches licence evidence that only staff can open (issue 21)", () => {
  it("uploads a PDF of the licence and a phone photo; the photo is re-encoded as JPEG; both are listed by name, and the claim links to them", async () => {
    expect((await upload(producer, "gi", claimId, pdf(), "许可合同.pdf")).status).toBe(200);
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#c33" } })
      .withMetadata({ exif: { IFD0: { Make: "PhonePhone" } } })
      .png()
      .toBuffer();
    expect((await upload(producer, "gi", claimId, photo, "IMG_0001.png", "image/png")).status).toBe(200);
    const rows = await t.db.selectFrom("claim_evidence").select(["file_name", "content_type", "storage_key"]).orderBy("id").execute();
    expect(rows.map((r) => [r.file_name, r.content_type])).toEqual([
      ["许可合同.pdf", "application/pdf"],
      ["IMG_0001.png", "image/jpeg"],
    ]);
    expect(rows[1]!.storage_key).toMatch(/\.jpg$/);
    expect(evidenceFiles()).toHaveLength(2);
    const page = await (await fetch(`${app.url}/producer/claims/gi/${claimId}/evidence`, { headers: { cookie: producer } })).text();
    expect(page).toContain("许可合同.pdf");
    expect(page).toContain("IMG_0001.png");
    const claims = await (await fetch(`${app.url}/producer/claims`, { headers: { cookie: producer } })).text();
    expect(claims).toContain(`href="/producer/claims/gi/${claimId}/evidence"`);
    expect(claims).toContain("证明文件(2)");
    // audited on the claim
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity_type", "=", "gi_authorised_user")
      .where("entity_id", "=", claimId)
      .execute();
    expect(audit.filter((a) => a.action === "add_evidence").map((a) => a.after)).toEqual(["许可合同.pdf", "IMG_0001.png"]);
  });

  it("refuses what is not a PDF or photo, a PDF with scripts, and a sixth file, each with a message naming the problem", async () => {
    const html = await upload(producer, "gi", claimId, Buffer.from("<html><script>alert(1)</script></html>"), "licence.pdf");
    expect(html.status).toBe(422);
    expect(await html.text()).toContain("只能上传 PDF 或 JPEG、PNG、WebP 照片");
    const scripted = await upload(producer, "gi", claimId, pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "), "scripted.pdf");
    expect(scripted.status).toBe(422);
    expect(await scripted.text()).toContain("PDF 含有脚本");
    for (let i = 0; i < 3; i++) expect((await upload(producer, "gi", claimId, pdf(`/Lang (x${i}) `), `more-${i}.pdf`)).status).toBe(200);
    const sixth = await upload(producer, "gi", claimId, pdf("/Lang (six) "), "six.pdf");
    expect(sixth.status).toBe(409);
    expect(await sixth.text()).toContain("每项申报最多 5 个文件");
    expect(await t.db.selectFrom("claim_evidence").select("id").execute()).toHaveLength(5);
    // nothing the refused uploads wrote stays on disk
    expect(evidenceFiles()).toHaveLength(5);
  });

  it("another producer cannot see, add to or remove from the claim's evidence", async () => {
    expect((await fetch(`${app.url}/producer/claims/gi/${claimId}/evidence`, { headers: { cookie: other } })).status).toBe(404);
    expect((await upload(other, "gi", claimId, pdf(), "x.pdf")).status).toBe(404);
    const [first] = await t.db.selectFrom("claim_evidence").select("id").orderBy("id").execute();
    const res = await fetch(`${app.url}/producer/claims/gi/${claimId}/evidence`, {
      method: "POST",
      headers: { cookie: other, origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "remove", evidence: String(first!.id) }),
    });
    expect(res.status).toBe(404);
    expect(await t.db.selectFrom("claim_evidence").select("id").execute()).toHaveLength(5);
  });

  it("only staff open a file: never cached, never sniffed, a PDF as an attachment; the public and the producer are refused", async () => {
    const [pdfRow, photoRow] = await t.db.selectFrom("claim_evidence").select(["id"]).orderBy("id").limit(2).execute();
    const anonymous = await fetch(`${app.url}/staff/evidence/${pdfRow!.id}`, { redirect: "manual" });
    expect(anonymous.status).not.toBe(200);
    expect((await fetch(`${app.url}/staff/evidence/${pdfRow!.id}`, { headers: { cookie: producer }, redirect: "manual" })).status).not.toBe(200);
    const res = await fetch(`${app.url}/staff/evidence/${pdfRow!.id}`, { headers: { cookie: reviewer } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; .*filename\*=UTF-8''%E8%AE%B8/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const photo = await fetch(`${app.url}/staff/evidence/${photoRow!.id}`, { headers: { cookie: reviewer } });
    const jpeg = Buffer.from(await photo.arrayBuffer());
    expect((await sharp(jpeg).metadata()).format).toBe("jpeg");
    expect((await sharp(jpeg).metadata()).exif).toBeUndefined();
    // the staff queue shows the files with the pending claim
    const queue = await (await fetch(`${app.url}/staff/claims`, { headers: { cookie: reviewer } })).text();
    expect(queue).toContain(`href="/staff/evidence/${pdfRow!.id}"`);
    expect(queue).toContain("许可合同.pdf");
  });

  it("removing a file takes it off the list and off the disk", async () => {
    const [first] = await t.db.selectFrom("claim_evidence").select(["id", "storage_key"]).orderBy("id").execute();
    const res = await fetch(`${app.url}/producer/claims/gi/${claimId}/evidence`, {
      method: "POST",
      headers: { cookie: producer, origin: app.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "remove", evidence: String(first!.id) }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("证明文件已删除");
    expect(await t.db.selectFrom("claim_evidence").select("id").execute()).toHaveLength(4);
    expect(evidenceFiles().some((f) => f.endsWith(first!.storage_key))).toBe(false);
    expect(evidenceFiles()).toHaveLength(4);
  });
});
