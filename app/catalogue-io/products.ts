import { z } from "zod";
import { msg } from "../domain/fields";
import { findGiProductsByName, findOrganizations, findRegionalBrandsByName, findTrademarksByRegNo } from "../../db/queries/bulk/lookups";
import {
  productsForExport,
  productsForImport,
  writeProducts,
  type CertificationRow,
  type ProductRecord,
  type ProductWrite,
} from "../../db/queries/bulk/products";
import {
  enumAliases,
  listOf,
  LONG_TEXT,
  monthList,
  optionalBool,
  optionalCreditCode,
  optionalDate,
  optionalEnum,
  optionalQuantity,
  optionalText,
  requiredText,
} from "./cells";
import { differs, type Counts, type KindIo, type Problem } from "./kind";

// Products (产品) of producers. Natural key: the organisation (credit code, or exact Chinese name for one without) and
// the product's Chinese name. The brand stack refers to a trademark by registration number, a GI and a regional
// public brand by Chinese name. Certifications: "kind:certificate number:expiry", e.g.
// "green_food:LB-12-345:2027-01-31;organic::".

const STORAGE_LABELS = { ambient: "常温", chilled: "冷藏", frozen: "冷冻" } as const;
const CERTIFICATION_KINDS = enumAliases({
  green_food: "绿色食品",
  organic: "有机产品",
  selenium_rich: "富硒",
  famous_special: "名特优新",
  geo_origin: "地理标志",
  other: "其他",
} as const);

const columns = [
  { name: "organization_credit_code", required: true },
  { name: "organization_name" },
  { name: "name_zh", required: true },
  { name: "name_en" },
  { name: "category" },
  { name: "trademark_reg_no" },
  { name: "gi_name_zh" },
  { name: "regional_brand_name_zh" },
  { name: "availability_months" },
  { name: "annual_volume" },
  { name: "volume_unit" },
  { name: "min_order_qty" },
  { name: "min_order_unit" },
  { name: "pack_sizes" },
  { name: "storage", labels: STORAGE_LABELS },
  { name: "price_band" },
  { name: "provinces_served" },
  { name: "samples_available" },
  { name: "description_zh" },
  { name: "description_en" },
  { name: "certifications" },
] as const;

const certification = z.string().transform((s, ctx): CertificationRow => {
  const [kindText = "", no = "", date = "", ...extra] = s.split(":").map((p) => p.trim());
  const kind = CERTIFICATION_KINDS[kindText] ?? CERTIFICATION_KINDS[kindText.toLowerCase()];
  const number = optionalText(100).safeParse(no);
  const expires = optionalDate.safeParse(date);
  if (!kind || extra.length > 0 || !number.success || !expires.success) {
    ctx.addIssue({ code: "custom", message: msg("import.certification", { allowed: Object.keys(CERTIFICATION_KINDS).join(" / ") }) });
    return z.NEVER;
  }
  return { kind, certificate_no: number.data, expires_on: expires.data };
});

const certificationOrder = (a: CertificationRow, b: CertificationRow) =>
  a.kind.localeCompare(b.kind) || (a.certificate_no ?? "").localeCompare(b.certificate_no ?? "") || (a.expires_on ?? "").localeCompare(b.expires_on ?? "");

const schema = z
  .object({
    organization_credit_code: optionalCreditCode,
    organization_name: optionalText(200),
    name_zh: requiredText(200),
    name_en: optionalText(200),
    category: optionalText(100),
    trademark_reg_no: optionalText(20),
    gi_name_zh: optionalText(100),
    regional_brand_name_zh: optionalText(100),
    availability_months: monthList,
    annual_volume: optionalQuantity,
    volume_unit: optionalText(20),
    min_order_qty: optionalQuantity,
    min_order_unit: optionalText(20),
    pack_sizes: listOf(requiredText(50)),
    storage: optionalEnum(enumAliases(STORAGE_LABELS)),
    price_band: optionalText(100),
    provinces_served: listOf(requiredText(20)),
    samples_available: optionalBool.transform((v) => v ?? false),
    description_zh: optionalText(LONG_TEXT, { multiline: true }),
    description_en: optionalText(LONG_TEXT, { multiline: true }),
    certifications: listOf(certification).transform((cs) => [...cs].sort(certificationOrder)),
  })
  .superRefine((r, ctx) => {
    if (!r.organization_credit_code && !r.organization_name) {
      ctx.addIssue({ code: "custom", path: ["organization_credit_code"], message: msg("validation.required") });
    }
  });

export type ProductRow = z.infer<typeof schema>;

/** Columns stored as they are; the references and certifications are mapped separately. */
const PLAIN = [
  "name_en",
  "category",
  "availability_months",
  "annual_volume",
  "volume_unit",
  "min_order_qty",
  "min_order_unit",
  "pack_sizes",
  "storage",
  "price_band",
  "provinces_served",
  "samples_available",
  "description_zh",
  "description_en",
] as const;
const REFERENCES = { trademark_reg_no: "trademark_id", gi_name_zh: "gi_product_id", regional_brand_name_zh: "regional_brand_id" } as const;

const quantity = (v: string | null) => (v === null ? null : String(Number(v)));

export const productsIo: KindIo<ProductRow> = {
  kind: "products",
  columns,
  schema: () => schema,
  key: (r) => `${r.organization_credit_code ?? `\u0000${r.organization_name}`}\u0000${r.name_zh}`,
  keyColumn: "name_zh",

  async prepare(trx, rows, present) {
    const problems: Problem[] = [];
    const values = rows.map((r) => r.value);
    const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
    const orgs = await findOrganizations(
      trx,
      unique(values.map((v) => v.organization_credit_code)),
      unique(values.map((v) => (v.organization_credit_code ? null : v.organization_name))),
    );
    const trademarks = new Map((await findTrademarksByRegNo(trx, unique(values.map((v) => v.trademark_reg_no)))).map((t) => [t.reg_no, t.id]));
    const gis = new Map((await findGiProductsByName(trx, unique(values.map((v) => v.gi_name_zh)))).map((g) => [g.name_zh, g.id]));
    const brands = new Map((await findRegionalBrandsByName(trx, unique(values.map((v) => v.regional_brand_name_zh)))).map((b) => [b.name_zh, b.id]));
    const lookups = { trademark_reg_no: trademarks, gi_name_zh: gis, regional_brand_name_zh: brands };

    const resolved = new Map<number, { org: number; refs: Record<string, number | null> }>();
    const firstRowOfKey = new Map<string, number>();
    for (const { row, value } of rows) {
      let org: number | undefined;
      if (value.organization_credit_code) {
        org = orgs.find((o) => o.credit_code === value.organization_credit_code)?.id;
        if (!org)
          problems.push({ row, column: "organization_credit_code", message: msg("validation.unknownReference", { value: value.organization_credit_code }) });
      } else {
        const named = orgs.filter((o) => o.name_zh === value.organization_name);
        org = named.length === 1 ? named[0]!.id : undefined;
        const message = named.length > 1 ? "import.ambiguousReference" : "validation.unknownReference";
        if (!org) problems.push({ row, column: "organization_name", message: msg(message, { value: value.organization_name! }) });
      }
      const refs: Record<string, number | null> = {};
      for (const [column, field] of Object.entries(REFERENCES) as [keyof typeof REFERENCES, string][]) {
        const name = value[column];
        const id = name ? lookups[column].get(name) : null;
        if (id === undefined) problems.push({ row, column, message: msg("validation.unknownReference", { value: name! }) });
        refs[field] = id ?? null;
      }
      if (!org) continue;
      // a code on one row and a name on another can still mean the same organisation
      const key = `${org}\u0000${value.name_zh}`;
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        problems.push({ row, column: "name_zh", message: msg("validation.duplicateInFile", { row: first, key: value.name_zh }) });
      } else firstRowOfKey.set(key, row);
      resolved.set(row, { org, refs });
    }

    return {
      problems,
      async write(trx, valid, { dryRun, onProgress }) {
        const chosen = rows.filter((r) => valid.has(r.row));
        const orgIds = [...new Set(chosen.map((r) => resolved.get(r.row)!.org))];
        const existing = await productsForImport(trx, orgIds, unique(chosen.map((r) => r.value.name_zh)));
        const byKey = new Map(existing.map((e) => [`${e.organization_id}\u0000${e.name_zh}`, e]));
        const plain = PLAIN.filter((c) => present.has(c));
        const refColumns = (Object.entries(REFERENCES) as [keyof typeof REFERENCES, string][]).filter(([c]) => present.has(c)).map(([, f]) => f);
        const counts: Counts = { inserted: 0, updated: 0, unchanged: 0 };
        const writes: ProductWrite[] = [];
        for (const { row, value } of chosen) {
          const { org, refs } = resolved.get(row)!;
          const incoming: Record<string, unknown> = { organization_id: org, name_zh: value.name_zh };
          for (const c of plain) incoming[c] = value[c];
          for (const f of refColumns) incoming[f] = refs[f];
          const certifications = present.has("certifications") ? value.certifications : undefined;
          const current = byKey.get(`${org}\u0000${value.name_zh}`);
          const comparable = current && { ...current, annual_volume: quantity(current.annual_volume), min_order_qty: quantity(current.min_order_qty) };
          if (!comparable) counts.inserted++;
          else if (
            differs(comparable, incoming as Partial<ProductRecord>, Object.keys(incoming) as (keyof ProductRecord)[]) ||
            (certifications !== undefined && JSON.stringify(certifications) !== JSON.stringify([...comparable.certifications].sort(certificationOrder))) ||
            comparable.status !== "published" ||
            comparable.is_sample
          )
            counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          writes.push({ id: current?.id, values: incoming as ProductWrite["values"], certifications });
        }
        if (!dryRun && writes.length > 0) {
          let done = 0;
          const onBatch = (n: number) => onProgress?.({ phase: "write", done: (done += n), total: writes.length });
          await writeProducts(trx, writes, ["organization_id", "name_zh", ...plain, ...refColumns], onBatch);
        }
        return counts;
      },
    };
  },

  async exportRows(db) {
    return (await productsForExport(db)).map((p) => ({
      organization_credit_code: p.credit_code,
      organization_name: p.organization_name,
      name_zh: p.name_zh,
      ...Object.fromEntries(PLAIN.map((c) => [c, p[c]])),
      annual_volume: p.annual_volume === null ? null : Number(p.annual_volume),
      min_order_qty: p.min_order_qty === null ? null : Number(p.min_order_qty),
      trademark_reg_no: p.trademark_reg_no,
      gi_name_zh: p.gi_name_zh,
      regional_brand_name_zh: p.regional_brand_name_zh,
      certifications: [...p.certifications].sort(certificationOrder).map((c) => `${c.kind}:${c.certificate_no ?? ""}:${c.expires_on ?? ""}`),
    }));
  },
};
