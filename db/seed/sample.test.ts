import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeProblem } from "../../app/domain/credit-code";
import { FileImageStorage } from "../../app/images/storage.server";
import { sampleImageMaker } from "../../scripts/lib/sample-images";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { productSearchRows } from "../queries/products";
import { hasSampleData, seedSampleCatalogue } from "./sample";
import { sampleOrganizations } from "./sample-catalogue";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sample-images-"));
  await seedSampleCatalogue(t.db, sampleImageMaker(new FileImageStorage(dir)));
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sample catalogue", () => {
  it("flags every sample record and names it 示例", async () => {
    const orgs = await t.db.selectFrom("organizations").select(["name_zh", "credit_code", "is_sample"]).where("is_sample", "=", true).execute();
    expect(orgs).toHaveLength(sampleOrganizations.length);
    for (const o of orgs) {
      expect(o.name_zh).toContain("示例");
      expect(creditCodeProblem(o.credit_code!)).toBeUndefined();
    }
    const products = await t.db.selectFrom("products").select(["name_zh", "is_sample"]).execute();
    expect(products.length).toBe(sampleOrganizations.flatMap((o) => o.products).length);
    expect(products.every((p) => p.is_sample && p.name_zh.includes("示例"))).toBe(true);
  });

  it("stores a processed picture for every product", async () => {
    const images = await t.db.selectFrom("images").selectAll().where("owner_type", "=", "product").execute();
    expect(images.length).toBe(sampleOrganizations.flatMap((o) => o.products).length);
    for (const img of images) for (const v of img.variants) expect(fs.existsSync(path.join(dir, v.key))).toBe(true);
  });

  it("claims a GI badge only where the authorisation is verified and valid today", async () => {
    const rows = await productSearchRows(t.db);
    const byName = (n: string) => rows.find((r) => r.name_zh === n)!;
    expect(byName("示例互助青稞酒 42度 500毫升").gi_authorised).toBe(true);
    expect(byName("示例白牦牛肉 冷冻分割").gi_authorised).toBe(false); // expired authorisation
    expect(byName("示例乐都大樱桃").gi_authorised).toBe(false); // pending verification
    expect(byName("示例互助马铃薯 商品薯").regional_brand_licensed).toBe(true);
  });

  it("runs only once", async () => {
    expect(await hasSampleData(t.db)).toBe(true);
    await seedSampleCatalogue(t.db, sampleImageMaker(new FileImageStorage(dir)));
    const count = await t.db
      .selectFrom("organizations")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("is_sample", "=", true)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(sampleOrganizations.length);
  });
});
