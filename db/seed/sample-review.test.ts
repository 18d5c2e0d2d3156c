import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { samplePicturesIn } from "../../tests/support/events";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { pendingClaims } from "../queries/claims";
import { reviewQueue } from "../queries/review";
import { seedSampleCatalogue } from "./sample";
import { seedSampleAccounts } from "./sample-accounts";
import { seedSampleReview } from "./sample-review";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sample-review-"));
  await seedSampleCatalogue(t.db, await samplePicturesIn(dir));
  await seedSampleAccounts(t.db, "not-a-real-hash");
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("gives a demo's review queue one submitted sample product and one pending sample GI claim, once", async () => {
  await seedSampleReview(t.db);
  await seedSampleReview(t.db);
  const queue = await reviewQueue(t.db);
  expect(queue.filter((q) => q.kind === "product" && q.name.includes("示例"))).toHaveLength(1);
  const claims = (await pendingClaims(t.db)).filter((c) => c.reference === "示例许可备案 2026-001");
  expect(claims).toHaveLength(1);
  expect(claims[0]!.organization).toBe("互助示例青稞酒业有限公司");
  const product = await t.db.selectFrom("products").select(["is_sample", "status"]).where("status", "=", "submitted").executeTakeFirstOrThrow();
  expect(product).toEqual({ is_sample: true, status: "submitted" });
});
