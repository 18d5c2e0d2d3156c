import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { evidenceStorage } from "../evidence/storage.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { evidenceFile } from "../../db/queries/claim-evidence";
import { db } from "../services.server";

// GET /staff/evidence/:id — a claim's evidence file, for staff only (issue 21). Never cached by anyone, never sniffed
// (nosniff is set for every answer by the server),
// and sandboxed: a PDF is stored as uploaded (it cannot be re-encoded), so it is sent as an attachment to open in a
// viewer, with a CSP that forbids scripts should a browser render it anyway; photos are our own re-encoded JPEGs.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const file = await evidenceFile(db(), recordIdOr404(params.id));
  if (!file) notFound();
  const bytes = await evidenceStorage().read(file.storage_key);
  if (!bytes) notFound();
  const disposition = file.content_type === "application/pdf" ? "attachment" : "inline";
  const ascii = file.file_name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'",
    },
  });
}
