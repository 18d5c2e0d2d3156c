import { randomBytes } from "node:crypto";
import { hashToken } from "../auth/session.server";
import { savePicture } from "../images/picture-flow.server";
import { imageStorage } from "../images/storage.server";
import { addMisuseReportPhoto, createMisuseReport, type NewMisuseReport } from "../../db/queries/misuse-reports";
import { db } from "../services.server";

// Filing a misuse report from the public form: the report row, its optional photo through the one picture flow, and a
// private status token of which only the hash is kept.

/**
 * Files the report with its photo (if any) in one transaction. Throws ImageRejected for an unusable photo before
 * anything is written; if the save fails, the photo's files go only where no other picture uses the same photo.
 */
export async function fileMisuseReport(report: NewMisuseReport, photo: Buffer | null, clientKey: string) {
  const token = randomBytes(32).toString("base64url");
  const caseNo = await savePicture(db(), imageStorage(), photo, async (trx, picture) => {
    const created = await createMisuseReport(trx, report, hashToken(token), clientKey);
    if (picture) await addMisuseReportPhoto(trx, created.id, { ...picture, alt_zh: `举报 ${created.case_no} 的照片` });
    return created.case_no;
  });
  return { caseNo, token };
}
