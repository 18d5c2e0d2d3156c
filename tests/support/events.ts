import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileImageStorage } from "../../app/images/storage.server";
import type { Db } from "../../db/client";
import { seedSampleCatalogue } from "../../db/seed/sample";
import { seedSampleEvent } from "../../db/seed/sample-event";
import { sampleImageMaker } from "../../scripts/lib/sample-images";

/** Seeds the sample producers, products (pictures in a temp dir, for the app's DATA_DIR) and the sample trade fair. */
export async function seedSampleFair(db: Db) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-events-"));
  await seedSampleCatalogue(db, sampleImageMaker(new FileImageStorage(path.join(dataDir, "images"))));
  const eventId = (await seedSampleEvent(db))!;
  const product = async (name: string) =>
    await db.selectFrom("products").select(["id", "organization_id"]).where("name_zh", "=", name).executeTakeFirstOrThrow();
  return { dataDir, eventId, product, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
