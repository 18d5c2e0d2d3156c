import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../catalogue-io/tabular";
import { requireFairStaff } from "../events/access.server";
import { TEMPLATE_HEADERS } from "../events/exhibitor-import";
import { csvLang } from "../events/fair-summary.server";

// GET /events/exhibitor-import-template.csv — the headers the exhibitor import reads (Chinese, or English with
// ?lang=en), as UTF-8 with a BOM so Excel on Chinese Windows opens it right. For fair staff.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const headers = TEMPLATE_HEADERS[csvLang(request)];
  // headers only: an example row left in by mistake would become a draft organisation
  return new Response(toCsv(headers, []), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="exhibitors-template.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
