import type { Db } from "../../db/client";
import { runHousekeeping } from "../../db/queries/product-bin";
import { removeUnreferencedPictures } from "./picture-flow.server";
import type { ImageStorage } from "./storage.server";
import type { PrivateFileStorage } from "../evidence/storage.server";
import { sweepOrphanEvidence } from "../evidence/evidence.server";
import { eraseExpiredAnonymousInquiries, retentionMonths } from "../../db/queries/personal-data";

/**
 * The hourly housekeeping the search worker runs (runHousekeeping: old outbox events, products binned 30 days ago;
 * then anonymous inquiries past the retention period),
 * then, after its commit, the files of purged pictures that nothing else shows any more. Without a storage (a test's
 * worker) the rows go and the files stay.
 */
export async function housekeeping(db: Db, storage: ImageStorage | undefined, evidence?: PrivateFileStorage) {
  const purged = await runHousekeeping(db);
  if (purged && storage) await removeUnreferencedPictures(db, storage, purged.keys);
  // claim evidence no row points at any more (only the server that held the lock sweeps)
  if (purged && evidence) await sweepOrphanEvidence(db, evidence);
  // anonymous buyers' inquiries and leads past the retention period staff set lose their personal data (PIPL)
  if (purged) await eraseExpiredAnonymousInquiries(db, await retentionMonths(db));
  return purged;
}
