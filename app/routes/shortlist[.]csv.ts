import type { LoaderFunctionArgs } from "@remix-run/node";
import { FACT_LABELS, factText, PRODUCT_FACT_KEYS, productFacts } from "../buyers/format";
import { readShortlist } from "../buyers/shortlist.server";
import { toCsv } from "../catalogue-io/tabular";
import { todayInChina } from "../platform/china-time";
import { translator } from "../i18n/i18n";
import { readPreferences } from "../i18n/preferences.server";
import { productsForComparison } from "../../db/queries/shortlists";
import { publicOrigin } from "../platform/public-origin.server";
import { db } from "../services.server";

// GET /shortlist.csv — the shortlist for a spreadsheet: UTF-8 with BOM (Excel on Chinese Windows), CRLF, RFC 4180
// quoting, and cells starting with = + - @ prefixed with ' so they are never run as formulas. Headers in the
// visitor's language.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang } = readPreferences(request).prefs;
  const t = translator(lang);
  const { productIds } = await readShortlist(request);
  const products = await productsForComparison(db(), productIds);
  const origin = publicOrigin(context);
  const columns = [t("csv.nameZh"), t("csv.nameEn"), ...PRODUCT_FACT_KEYS.map((k) => t(FACT_LABELS[k])), t("csv.link")];
  const today = todayInChina();
  const records = products.map((p) => {
    const facts = productFacts(t, lang, p, today);
    return Object.fromEntries([
      [columns[0]!, p.name_zh],
      [columns[1]!, p.name_en ?? ""],
      ...PRODUCT_FACT_KEYS.map((k, i) => [columns[i + 2]!, factText(facts[k])]),
      [columns[columns.length - 1]!, `${origin}/products/${p.id}`],
    ]);
  });
  return new Response(toCsv(columns, records), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="shortlist-${today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
