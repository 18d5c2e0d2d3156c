import { z } from "zod";
import { msg } from "../domain/fields";
import type { GiSchemeCode } from "../../db/schema";
import { giForExport, giForImport, writeGi, type GiRecord, type GiSchemeRow, type GiWrite } from "../../db/queries/bulk/gi";
import { loadPlaces } from "../../db/queries/bulk/lookups";
import { enumAliases, listOf, LONG_TEXT, optionalCounty, optionalDate, optionalEnum, optionalText, placeByName, placeLabel, requiredText } from "./cells";
import { differs, sameList, type Counts, type KindIo, type ParsedRow, type Problem } from "./kind";

// Geographical indications (地理标志产品): one row per GI and scheme (保护产品 / 证明商标 / 集体商标 / 农产品地理标志),
// the GI's own columns repeated on each of its rows. The rows of a GI are its complete list of schemes; a GI without
// any has one row with an empty scheme. Natural key: name_zh + scheme.

const SCHEME_LABELS: Record<GiSchemeCode, string> = {
  protected_product: "地理标志保护产品",
  certification_mark: "地理标志证明商标",
  collective_mark: "地理标志集体商标",
  agricultural: "农产品地理标志",
};

const columns = [
  { name: "name_zh", required: true },
  { name: "name_en" },
  { name: "pinyin" },
  { name: "category" },
  { name: "county" },
  { name: "scheme", labels: SCHEME_LABELS },
  { name: "reg_no" },
  { name: "reg_date" },
  { name: "holder_name" },
  { name: "quality_zh" },
  { name: "quality_en" },
  { name: "standard" },
  { name: "protected_townships" },
] as const;

/** The GI's own columns, which must agree across its rows; the rest describe one scheme. */
const GI_FIELDS = {
  name_en: "name_en",
  pinyin: "pinyin",
  category: "category",
  county: "county_id",
  holder_name: "holder_name",
  quality_zh: "quality_zh",
  quality_en: "quality_en",
  standard: "standard",
} as const satisfies Partial<Record<(typeof columns)[number]["name"], keyof GiRecord>>;

function rowSchema(places: Parameters<KindIo<unknown>["schema"]>[0]) {
  return z
    .object({
      name_zh: requiredText(100),
      name_en: optionalText(200),
      pinyin: optionalText(200),
      category: optionalText(100),
      county: optionalCounty(places),
      scheme: optionalEnum(enumAliases(SCHEME_LABELS)),
      reg_no: optionalText(100),
      reg_date: optionalDate,
      holder_name: optionalText(200),
      quality_zh: optionalText(LONG_TEXT, { multiline: true }),
      quality_en: optionalText(LONG_TEXT, { multiline: true }),
      standard: optionalText(300),
      protected_townships: listOf(placeByName(places)).transform((ps) => [...new Set(ps.map((p) => p.id))].sort((a, b) => a - b)),
    })
    .superRefine((r, ctx) => {
      // a registration number or date belongs to a scheme
      if (!r.scheme && (r.reg_no || r.reg_date)) ctx.addIssue({ code: "custom", path: ["scheme"], message: msg("validation.required") });
    });
}

export type GiRow = z.infer<ReturnType<typeof rowSchema>>;

function giValue(row: GiRow, column: keyof typeof GI_FIELDS): unknown {
  return column === "county" ? (row.county?.id ?? null) : row[column];
}

function sameValue(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const giIo: KindIo<GiRow> = {
  kind: "gi",
  columns,
  schema: rowSchema,
  key: (r) => `${r.name_zh}\u0000${r.scheme ?? ""}`,
  keyColumn: "scheme",
  group: (cells) => cells.name_zh ?? "",

  async prepare(_trx, rows, present) {
    const problems: Problem[] = [];
    const byGi = new Map<string, ParsedRow<GiRow>[]>();
    for (const r of rows) byGi.set(r.value.name_zh, [...(byGi.get(r.value.name_zh) ?? []), r]);
    const giColumns = [...Object.keys(GI_FIELDS), "protected_townships"].filter((c) => present.has(c)) as (keyof typeof GI_FIELDS | "protected_townships")[];
    for (const [, group] of byGi) {
      const [first, ...rest] = group;
      for (const r of rest) {
        const column = giColumns.find((c) =>
          c === "protected_townships" ? !sameList(first!.value[c], r.value[c]) : !sameValue(giValue(first!.value, c), giValue(r.value, c)),
        );
        if (column) problems.push({ row: r.row, column, message: msg("import.conflictsWithRow", { row: first!.row }) });
      }
    }

    return {
      problems,
      async write(trx, valid, { dryRun, onProgress }) {
        const chosen = [...byGi.values()].map((g) => g.filter((r) => valid.has(r.row))).filter((g) => g.length > 0);
        const existing = new Map(
          (
            await giForImport(
              trx,
              chosen.map((g) => g[0]!.value.name_zh),
            )
          ).map((e) => [e.name_zh, e]),
        );
        const used = Object.entries(GI_FIELDS).filter(([c]) => present.has(c)) as [keyof typeof GI_FIELDS, keyof GiRecord][];
        const counts: Counts = { inserted: 0, updated: 0, unchanged: 0 };
        const writes: GiWrite[] = [];
        for (const group of chosen) {
          const gi = group[0]!.value;
          const incoming: Record<string, unknown> = { name_zh: gi.name_zh };
          for (const [column, field] of used) incoming[field] = giValue(gi, column);
          const schemes: GiSchemeRow[] | undefined = present.has("scheme")
            ? group
                .flatMap((r) => (r.value.scheme ? [{ scheme: r.value.scheme, reg_no: r.value.reg_no ?? null, reg_date: r.value.reg_date ?? null }] : []))
                .sort((a, b) => a.scheme.localeCompare(b.scheme))
            : undefined;
          const places = present.has("protected_townships") ? gi.protected_townships : undefined;
          const current = existing.get(gi.name_zh);
          if (!current) counts.inserted++;
          else if (
            differs(current, incoming as Partial<GiRecord>, Object.keys(incoming) as (keyof GiRecord)[]) ||
            (schemes !== undefined && !sameValue(schemes, current.schemes)) ||
            (places !== undefined && !sameList(places, current.places)) ||
            current.status !== "published" ||
            current.is_sample
          )
            counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          writes.push({ values: incoming as GiWrite["values"], schemes, places });
        }
        if (!dryRun && writes.length > 0) {
          let done = 0;
          const dbColumns = ["name_zh", ...used.map(([, f]) => f)];
          await writeGi(trx, writes, dbColumns, (n) => onProgress?.({ phase: "write", done: (done += n), total: writes.length }));
        }
        return counts;
      },
    };
  },

  async exportRows(db) {
    const places = await loadPlaces(db);
    return (await giForExport(db)).flatMap((g) => {
      const shared = {
        name_zh: g.name_zh,
        name_en: g.name_en,
        pinyin: g.pinyin,
        category: g.category,
        county: g.county_zh,
        holder_name: g.holder_name,
        quality_zh: g.quality_zh,
        quality_en: g.quality_en,
        standard: g.standard,
        protected_townships: g.places.map((id) => placeLabel(places, id)),
      };
      const schemes: (GiSchemeRow | null)[] = g.schemes.length > 0 ? g.schemes : [null];
      return schemes.map((s) => ({ ...shared, scheme: s?.scheme ?? null, reg_no: s?.reg_no ?? null, reg_date: s?.reg_date ?? null }));
    });
  },
};
