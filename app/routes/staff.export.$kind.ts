import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { exportDownloadSchema, exportFileName } from "../catalogue-io/download";
import { exportKind } from "../catalogue-io/export";
import { kindIo } from "../catalogue-io/kinds";
import { todayInChina } from "../platform/china-time";
import { translator } from "../i18n/i18n";
import { readPreferences } from "../i18n/preferences.server";
import { db } from "../services.server";

// GET /staff/export/:kind?format=csv|json — the file `npm run export -- <kind> --format …` writes, as a download.
// Organisation rows carry private contacts (marked :private), so the route is for staff only and never cached.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const url = new URL(request.url);
  const parsed = exportDownloadSchema.safeParse({ kind: params.kind, format: url.searchParams.get("format") ?? undefined });
  if (!parsed.success) {
    const t = translator(readPreferences(request).prefs.lang);
    const field = String(parsed.error.issues[0]?.path[0] ?? "kind");
    return new Response(t("export.badParam", { field }), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { kind, format } = parsed.data;
  const { text } = await exportKind(db(), kindIo(kind), format);
  return new Response(text, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(kind, format, todayInChina())}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
