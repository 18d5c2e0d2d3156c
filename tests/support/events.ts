import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { FileImageStorage } from "../../app/images/storage.server";
import type { Db } from "../../db/client";
import { seedSampleCatalogue, type SampleImage } from "../../db/seed/sample";
import { sampleOrganizations, type SampleProduct } from "../../db/seed/sample-catalogue";
import { seedSampleEvent } from "../../db/seed/sample-event";
import { sampleImageMaker } from "../../scripts/lib/sample-images";
import { waitForIndexed } from "./app";

/**
 * The sample catalogue's pictures, drawn and run through the real picture pipeline once per test run and then copied:
 * drawing the fourteen 1600 px pictures took ~12 s of CPU, and over twenty test files seed the sample catalogue. The
 * pipeline is deterministic (storage keys are content hashes), so a copy is the very files a fresh run would write.
 * The first worker to need them draws them into a folder of its own and renames it into place; a worker that loses
 * that race uses the winner's.
 */
async function cachedSamplePictures(): Promise<{ dir: string; images: Record<string, SampleImage> }> {
  const dir = path.join(inject("scratchDir"), "sample-pictures");
  const manifest = path.join(dir, "images.json");
  if (!fs.existsSync(manifest)) {
    const own = fs.mkdtempSync(path.join(inject("scratchDir"), "sample-pictures-"));
    const make = sampleImageMaker(new FileImageStorage(own));
    const images: Record<string, SampleImage> = {};
    for (const org of sampleOrganizations) for (const p of org.products) images[p.name_zh] = await make(p);
    fs.writeFileSync(path.join(own, "images.json"), JSON.stringify(images));
    try {
      fs.renameSync(own, dir);
    } catch {
      fs.rmSync(own, { recursive: true, force: true });
    }
  }
  return { dir, images: JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, SampleImage> };
}

/** Puts the sample pictures into `imagesDir` and returns the image maker seedSampleCatalogue takes. */
export async function samplePicturesIn(imagesDir: string) {
  const { dir, images } = await cachedSamplePictures();
  fs.cpSync(dir, imagesDir, { recursive: true, filter: (from) => path.basename(from) !== "images.json" });
  return async (product: SampleProduct) => images[product.name_zh]!;
}

/** Seeds the sample producers, products (pictures in a temp dir, for the app's DATA_DIR) and the sample trade fair. */
export async function seedSampleFair(db: Db) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-events-"));
  await seedSampleCatalogue(db, await samplePicturesIn(path.join(dataDir, "images")));
  const eventId = (await seedSampleEvent(db))!;
  const product = async (name: string) =>
    await db.selectFrom("products").select(["id", "organization_id"]).where("name_zh", "=", name).executeTakeFirstOrThrow();
  return { dataDir, eventId, product, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * Waits until the app's outbox worker has indexed the sample fair's products: the kiosk and the event page search the
 * catalogue's index (issue 17), which a just-started app fills in the background.
 */
export async function waitForFairIndexed(appUrl: string) {
  await waitForIndexed(async () => {
    const res = await fetch(`${appUrl}/api/v1/search?type=product&q=${encodeURIComponent("花椒")}`);
    const body = (await res.json()) as { degraded?: boolean; hits?: { name_zh: string }[] };
    return body.degraded === false && (body.hits ?? []).some((h) => h.name_zh === "示例循化大红袍花椒");
  }, 60_000);
}
