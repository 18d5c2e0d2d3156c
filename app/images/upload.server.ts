import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { IMAGE_LIMITS } from "./pipeline.server";

// Multipart limits enforced while the body streams in, before parsing completes: Remix's parser limits nothing but
// the size of each part, so a request could otherwise carry thousands of parts, an unbounded body or trickle forever.
export const UPLOAD_LIMITS = { maxBody: 16 * 1024 * 1024, maxParts: 10, maxTextPart: 10_000, timeoutMs: 30_000 };

export type UploadProblem = "requestTooLarge" | "tooManyParts" | "tooLarge" | "missingFile" | "badRequest";

export class UploadRejected extends Error {
  constructor(
    public readonly problem: UploadProblem,
    public readonly status: number,
  ) {
    super(`upload rejected: ${problem}`);
  }
}

function countedBody(body: ReadableStream<Uint8Array>, limit: number) {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new UploadRejected("requestTooLarge", 413));
        else controller.enqueue(chunk);
      },
    }),
  );
}

async function collect(data: AsyncIterable<Uint8Array>, limit: number, problem: UploadProblem, status: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > limit) throw new UploadRejected(problem, status);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A text part's first `limit` bytes; the rest is read and dropped. A description pasted far past its limit then meets
 * the form's own schema, which names the field and its real limit, instead of a refusal of the whole submission.
 */
async function collectText(data: AsyncIterable<Uint8Array>, limit: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    if (size < limit) chunks.push(chunk.subarray(0, limit - size));
    size += chunk.byteLength;
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses an upload form (a picture, or claim evidence): one file part named "file" plus a few short text fields. */
export async function parseImageUpload(request: Request): Promise<{ file: Buffer | null; fileName: string | undefined; fields: Record<string, string> }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > UPLOAD_LIMITS.maxBody) throw new UploadRejected("requestTooLarge", 413);
  if (!request.body || !(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) throw new UploadRejected("badRequest", 400);
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: countedBody(request.body, UPLOAD_LIMITS.maxBody),
    duplex: "half",
  } as RequestInit);
  let parts = 0;
  let file: Buffer | null = null;
  let fileName: string | undefined;
  const handler: UploadHandler = async (part) => {
    if (++parts > UPLOAD_LIMITS.maxParts) throw new UploadRejected("tooManyParts", 413);
    if (part.filename !== undefined) {
      if (file || part.name !== "file") throw new UploadRejected("tooManyParts", 413);
      const data = await collect(part.data, IMAGE_LIMITS.maxBytes, "tooLarge", 413);
      file = data.length > 0 ? data : null;
      fileName = part.filename;
      return undefined;
    }
    return await collectText(part.data, UPLOAD_LIMITS.maxTextPart);
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const formData = await Promise.race([
      unstable_parseMultipartFormData(limited, handler),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new UploadRejected("badRequest", 408)), UPLOAD_LIMITS.timeoutMs))),
    ]);
    const fields: Record<string, string> = {};
    for (const [k, v] of formData.entries()) if (typeof v === "string") fields[k] = v;
    return { file, fileName, fields };
  } catch (e) {
    if (e instanceof UploadRejected) throw e;
    throw new UploadRejected("badRequest", 400);
  } finally {
    clearTimeout(timer);
  }
}
