import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { UPLOAD_LIMITS } from "../images/upload.server";
import { sendPlainError } from "./error-page";
import { FORM_LIMITS, formProblem, type FieldProblem } from "./form-guard";
import { formatBytes } from "../lib/format";

// Reads each non-GET body once, bounded, and refuses malformed or disproportionate form data before Remix or any
// form parser sees it (form-guard.ts says why). The checked bytes are handed to Remix (remix-handler.ts) from
// res.locals, so the body is parsed by the app exactly as it was checked.

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

class BodyTooLarge extends Error {}
class BodyTooSlow extends Error {}

/** The whole body, or a rejection once it passes `limit` bytes or is still arriving after `timeoutMs` (a slow drip). */
function readBody(req: ExpressRequest, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.pause();
      reject(new BodyTooSlow());
    }, timeoutMs);
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // past the limit the rest is read and dropped (not kept), so the client finishes sending and reads our answer
      if (size > limit) {
        clearTimeout(timer);
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function refuse(req: ExpressRequest, res: ExpressResponse, problem: FieldProblem) {
  // too many fields is a submission too large (413); a malformed name is a bad request (400)
  if (problem.reason === "count") return sendPlainError(req, res, 413, "http.field.count", { limit: problem.limit });
  return sendPlainError(req, res, 400, `http.field.${problem.reason}`, { field: problem.field, limit: problem.limit });
}

export function requestBodyGuard() {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const query = req.originalUrl.indexOf("?");
    if (query >= 0) {
      const problem = formProblem(new URLSearchParams(req.originalUrl.slice(query + 1)), { strictCharacters: false });
      if (problem) return refuse(req, res, problem);
    }
    if (BODYLESS.has(req.method)) return next();
    const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const multipart = type === "multipart/form-data";
    // A body refused unread is drained (read and dropped) rather than cut off: a client still sending would see a
    // broken connection instead of our answer. Node's request timeout bounds how long that can take.
    if (type !== "" && type !== "application/x-www-form-urlencoded" && !multipart) {
      req.resume();
      return sendPlainError(req, res, 415, "http.unsupportedType", { type: type.slice(0, 60) });
    }
    // A little above the upload limit, so the upload form itself can say "too large" next to the file field.
    const limit = multipart ? UPLOAD_LIMITS.maxBody + 64 * 1024 : FORM_LIMITS.maxUrlencodedBytes;
    if (Number(req.get("content-length") ?? 0) > limit) {
      req.resume();
      return sendPlainError(req, res, 413, "http.bodyTooLarge", { max: formatBytes(limit) });
    }
    readBody(req, limit, UPLOAD_LIMITS.timeoutMs)
      .then(async (body) => {
        let problem: FieldProblem | null;
        if (multipart) {
          let form: FormData;
          try {
            form = await new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
              headers: { "content-type": req.get("content-type")! },
            }).formData();
          } catch {
            return sendPlainError(req, res, 400, "http.unreadableForm");
          }
          problem = formProblem(form.entries());
        } else {
          problem = formProblem(new URLSearchParams(body.toString("utf8")));
        }
        if (problem) return refuse(req, res, problem);
        res.locals.body = body;
        next();
      })
      .catch((e: unknown) => {
        if (e instanceof BodyTooLarge) return sendPlainError(req, res, 413, "http.bodyTooLarge", { max: formatBytes(limit) });
        // a drip is the one case worth cutting off: draining it would hold the connection as long as the sender likes
        res.setHeader("Connection", "close");
        if (e instanceof BodyTooSlow) return sendPlainError(req, res, 408, "http.bodyTooSlow", { seconds: UPLOAD_LIMITS.timeoutMs / 1000 });
        // The client went away mid-body: nothing to answer.
        if (!res.headersSent) res.destroy();
      });
  };
}
