import { createHash } from "node:crypto";
import sharp from "sharp";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { IMAGE_LIMITS, ImageRejected, inspectImage, type ImageProblem } from "../images/pipeline.server";

// Claim evidence (issue 21): a PDF or a photo of a licence, certificate or announcement. A photo passes the same checks
// as product pictures and is re-encoded as one JPEG large enough to read (metadata such as GPS dropped, EXIF rotation
// applied). A PDF cannot be re-encoded without losing what it proves, so it is checked instead: it must open as a PDF
// with at most 50 pages and no JavaScript, and staff download it as an attachment with a sandboxing
// Content-Security-Policy (app/routes/staff.evidence.$id.ts). Keys are content hashes, so the same file is stored once.

export const EVIDENCE_LIMITS = { maxBytes: 10 * 1024 * 1024, maxPdfPages: 50, maxPerClaim: 5, photoMaxSide: 2400 } as const;

export type EvidenceProblem = ImageProblem | "tooManyPages" | "pdfScript";

export class EvidenceRejected extends Error {
  constructor(readonly problem: EvidenceProblem) {
    super(`evidence rejected: ${problem}`);
  }
}

export interface PreparedEvidence {
  key: string;
  data: Buffer;
  contentType: "application/pdf" | "image/jpeg";
}

const isPdf = (data: Buffer) => data.subarray(0, 5).toString("latin1") === "%PDF-";

async function checkPdf(data: Buffer) {
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, stopAtErrors: true }).promise;
  } catch {
    throw new EvidenceRejected("corrupt");
  }
  try {
    if (doc.numPages < 1) throw new EvidenceRejected("corrupt");
    if (doc.numPages > EVIDENCE_LIMITS.maxPdfPages) throw new EvidenceRejected("tooManyPages");
    if (await doc.getJSActions()) throw new EvidenceRejected("pdfScript");
  } finally {
    await doc.destroy();
  }
}

async function reencodePhoto(data: Buffer) {
  try {
    await inspectImage(data);
  } catch (e) {
    throw new EvidenceRejected(e instanceof ImageRejected ? e.problem : "corrupt");
  }
  const side = EVIDENCE_LIMITS.photoMaxSide;
  try {
    return await sharp(data, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: "warning", animated: false })
      .timeout({ seconds: IMAGE_LIMITS.timeoutSeconds })
      .autoOrient()
      .resize({ width: side, height: side, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new EvidenceRejected("corrupt");
  }
}

export async function prepareEvidence(upload: Buffer): Promise<PreparedEvidence> {
  if (upload.length === 0) throw new EvidenceRejected("empty");
  if (upload.length > EVIDENCE_LIMITS.maxBytes) throw new EvidenceRejected("tooLarge");
  const [data, contentType, extension] = isPdf(upload)
    ? (await checkPdf(upload), [upload, "application/pdf", "pdf"] as const)
    : ([await reencodePhoto(upload), "image/jpeg", "jpg"] as const);
  return { key: `${createHash("sha256").update(data).digest("hex")}.${extension}`, data, contentType };
}

/** The name the file is listed under: the uploaded name without any path, control or markup characters, at most 100. */
export function evidenceFileName(raw: string | undefined, contentType: PreparedEvidence["contentType"]): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\p{Cc}<>"'`]/gu, "")
    .trim()
    .slice(0, 100);
  return clean || (contentType === "application/pdf" ? "evidence.pdf" : "evidence.jpg");
}
