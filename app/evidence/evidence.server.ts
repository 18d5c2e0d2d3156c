import type { Db } from "../../db/client";
import type { ClaimKind } from "../../db/queries/claims";
import { addEvidence, evidenceKeysInUse, removeOwnEvidence } from "../../db/queries/claim-evidence";
import { evidenceFileName, prepareEvidence } from "./prepare.server";
import type { PrivateFileStorage } from "./storage.server";

// The evidence flow, as the picture flow: the file is checked and written first, then the row commits; a file that
// no row points at afterwards (a failed insert, a removal, a claim deleted with its evidence) is swept. Keys are
// content hashes, so a file shared by two rows stays while either points at it.

/** Removes those of `keys` no evidence row points at. */
export async function sweepEvidence(db: Db, storage: PrivateFileStorage, keys: readonly string[]) {
  const inUse = await evidenceKeysInUse(db, keys);
  await storage.remove(keys.filter((k) => !inUse.has(k)));
}

export async function saveEvidence(
  db: Db,
  storage: PrivateFileStorage,
  who: { organizationId: number; userId: number },
  claim: { kind: ClaimKind; id: number },
  upload: Buffer,
  uploadedName: string | undefined,
) {
  const file = await prepareEvidence(upload);
  await storage.put(file.key, file.data);
  try {
    const result = await db.transaction().execute((trx) =>
      addEvidence(trx, who.organizationId, who.userId, claim.kind, claim.id, {
        storage_key: file.key,
        content_type: file.contentType,
        file_name: evidenceFileName(uploadedName, file.contentType),
        byte_size: file.data.length,
      }),
    );
    if (typeof result === "string") await sweepEvidence(db, storage, [file.key]);
    return result;
  } catch (e) {
    await sweepEvidence(db, storage, [file.key]);
    throw e;
  }
}

export async function removeEvidence(
  db: Db,
  storage: PrivateFileStorage,
  who: { organizationId: number; userId: number },
  claim: { kind: ClaimKind; id: number },
  evidenceId: number,
) {
  const key = await db.transaction().execute((trx) => removeOwnEvidence(trx, who.organizationId, who.userId, claim.kind, claim.id, evidenceId));
  if (key) await sweepEvidence(db, storage, [key]);
  return !!key;
}

/** The hourly sweep: files older than a day that nothing points at (a crash between write and commit, a cascade). */
export async function sweepOrphanEvidence(db: Db, storage: PrivateFileStorage, now = new Date()) {
  const keys = await storage.listOlderThan(new Date(now.getTime() - 24 * 3600 * 1000));
  await sweepEvidence(db, storage, keys);
  return keys.length;
}
