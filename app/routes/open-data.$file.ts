import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { OPEN_DATA_TYPES, type OpenDataType } from "../../db/queries/open-data";
import { buildDump, DUMP_FORMATS, dumpFileName, type DumpFormat } from "../open-data/dumps.server";
import { cacheableResponse, errorResponse, guard } from "../open-data/http.server";
import { refuseParameters } from "../open-data/params";
import { chinaIsoDateTime } from "../platform/china-time";
import { db } from "../services.server";

// GET /open-data/<type>.csv and /open-data/<type>.json — bulk downloads of every published record of a type, with the
// licence (JSON: in the file; both: a Link rel="license" header) and the generation date. Throttled like the API.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const blocked = guard(request, context.clientAddress);
  if (blocked) return blocked;
  const file = params.file ?? "";
  const dot = file.lastIndexOf(".");
  const type = file.slice(0, dot) as OpenDataType;
  const format = file.slice(dot + 1) as DumpFormat;
  if (dot < 1 || !OPEN_DATA_TYPES.includes(type) || !DUMP_FORMATS.includes(format)) {
    return errorResponse(404, `no such file: one of ${OPEN_DATA_TYPES.flatMap((t) => DUMP_FORMATS.map((f) => `${t}.${f}`)).join(", ")}`);
  }
  const refused = refuseParameters(new URL(request.url).searchParams);
  if (refused) return errorResponse(400, refused);
  const dump = await buildDump(db(), type, format);
  return cacheableResponse(request, dump.body, {
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    lastModified: dump.lastModified,
    headers: {
      // named after China's day, like every other export (its validity figures use that day too)
      "Content-Disposition": `attachment; filename="${dumpFileName(type, format, dump.generatedAt)}"`,
      Link: '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
      "X-Generated-At": chinaIsoDateTime(dump.generatedAt),
    },
  });
}

export const action = ({ request, context }: ActionFunctionArgs) => guard(request, context.clientAddress) ?? errorResponse(405, "read-only");
