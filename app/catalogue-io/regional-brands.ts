import { z } from "zod";
import type { RecordWrite } from "../../db/queries/bulk/batch";
import { regionalBrandsForExport, regionalBrandsForImport, writeRegionalBrands, type RegionalBrandRecord } from "../../db/queries/bulk/regional-brands";
import { LONG_TEXT, optionalDate, optionalText, requiredText } from "./cells";
import { differs, type Counts, type KindIo } from "./kind";

// Regional public brands (区域公用品牌), keyed by their Chinese name.

const columns = [
  { name: "name_zh", required: true },
  { name: "name_en" },
  { name: "brand_type" },
  { name: "owner_name" },
  { name: "scope" },
  { name: "slogan" },
  { name: "description_zh" },
  { name: "description_en" },
  { name: "launched_on" },
] as const;

const schema = z.object({
  name_zh: requiredText(100),
  name_en: optionalText(200),
  brand_type: optionalText(200),
  owner_name: optionalText(200),
  scope: optionalText(200),
  slogan: optionalText(200),
  description_zh: optionalText(LONG_TEXT, { multiline: true }),
  description_en: optionalText(LONG_TEXT, { multiline: true }),
  launched_on: optionalDate,
});

export type RegionalBrandRow = z.infer<typeof schema>;

export const regionalBrandsIo: KindIo<RegionalBrandRow> = {
  kind: "regional-brands",
  columns,
  schema: () => schema,
  key: (r) => r.name_zh,
  keyColumn: "name_zh",

  async prepare(_trx, rows, present) {
    return {
      problems: [],
      async write(trx, valid, { dryRun, onProgress }) {
        const chosen = rows.filter((r) => valid.has(r.row));
        const existing = new Map(
          (
            await regionalBrandsForImport(
              trx,
              chosen.map((r) => r.value.name_zh),
            )
          ).map((e) => [e.name_zh, e]),
        );
        const used = columns.map((c) => c.name).filter((c) => present.has(c));
        const counts: Counts = { inserted: 0, updated: 0, unchanged: 0 };
        const writes: RecordWrite[] = [];
        for (const { value } of chosen) {
          const incoming = Object.fromEntries(used.map((c) => [c, value[c]])) as Partial<RegionalBrandRecord>;
          const current = existing.get(value.name_zh);
          if (!current) counts.inserted++;
          else if (differs(current, incoming, used) || current.status !== "published" || current.is_sample) counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          writes.push({ values: incoming as RecordWrite["values"] });
        }
        if (!dryRun && writes.length > 0) {
          let done = 0;
          await writeRegionalBrands(trx, writes, used, (n) => onProgress?.({ phase: "write", done: (done += n), total: writes.length }));
        }
        return counts;
      },
    };
  },

  async exportRows(db) {
    return (await regionalBrandsForExport(db)).map((b) => Object.fromEntries(columns.map((c) => [c.name, b[c.name]])));
  },
};
