import { z } from "zod";
import { httpUrl, msg, optional } from "../domain/fields";
import type { Contact } from "../../db/schema";
import { jsonb } from "../../db/json";
import { organizationsForExport, organizationsForImport, writeOrganizations, type OrganizationRecord } from "../../db/queries/bulk/organizations";
import type { RecordWrite } from "../../db/queries/bulk/batch";
import {
  enumAliases,
  listOf,
  LONG_TEXT,
  optionalCounty,
  optionalCreditCode,
  optionalDate,
  optionalEnum,
  optionalText,
  requiredText,
  townshipIn,
} from "./cells";
import { differs, type Counts, type KindIo, type Problem } from "./kind";

// Natural key: credit_code (统一社会信用代码). A row without one is matched by its exact Chinese name among organisations
// without a code; a row whose code is new takes over the one organisation of that name that has no code yet (the
// reference data's trademark holders), instead of creating a second record for the same firm.

const ORG_TYPE_LABELS = {
  company: "企业",
  cooperative: "合作社",
  family_farm: "家庭农场",
  association: "协会",
  government: "政府机关",
  other: "其他",
} as const;
const CREDIT_STATUS_LABELS = { normal: "正常", abnormal: "经营异常", serious: "严重违法失信" } as const;
const CONTACT_KINDS = enumAliases({ phone: "电话", mobile: "手机", email: "邮箱", wechat: "微信", person: "联系人" } as const);

const columns = [
  { name: "credit_code", required: true },
  { name: "name_zh", required: true },
  { name: "name_en" },
  { name: "org_type", labels: ORG_TYPE_LABELS },
  { name: "county" },
  { name: "township" },
  { name: "address" },
  { name: "website" },
  { name: "contacts" },
  { name: "credit_status", labels: CREDIT_STATUS_LABELS },
  { name: "credit_status_source" },
  { name: "credit_status_date" },
  { name: "description_zh" },
  { name: "description_en" },
] as const;

/** "phone:0972-8612345" or "mobile:13800000000:private" (电话/手机/邮箱/微信/联系人 work as kinds too). */
const contact = z.string().transform((s, ctx): Contact => {
  const colon = s.indexOf(":");
  const kind = CONTACT_KINDS[s.slice(0, colon).trim().toLowerCase()];
  let value = colon < 0 ? "" : s.slice(colon + 1).trim();
  const visibility = /:(public|private)$/i.exec(value);
  if (visibility) value = value.slice(0, visibility.index).trim();
  const valid = requiredText(100).safeParse(value);
  if (!kind || !valid.success) {
    ctx.addIssue({ code: "custom", message: valid.success || !kind ? msg("import.contact") : valid.error.issues[0]!.message });
    return z.NEVER;
  }
  return { kind, value: valid.data, public: visibility?.[1]?.toLowerCase() !== "private" };
});

function contactCell(c: Contact) {
  return `${c.kind}:${c.value}${c.public ? "" : ":private"}`;
}

function rowSchema(places: Parameters<KindIo<unknown>["schema"]>[0]) {
  return z
    .object({
      credit_code: optionalCreditCode,
      name_zh: requiredText(200),
      name_en: optionalText(200),
      org_type: optionalEnum(enumAliases(ORG_TYPE_LABELS, { 农民专业合作社: "cooperative", 公司: "company" })).transform((v) => v ?? "company"),
      county: optionalCounty(places),
      township: optionalText(60),
      address: optionalText(300),
      // the database's check wants a lower-case scheme
      website: optional(httpUrl.transform((s) => s.replace(/^https?:/i, (m) => m.toLowerCase()))),
      contacts: listOf(contact),
      credit_status: optionalEnum(enumAliases(CREDIT_STATUS_LABELS)).transform((v) => v ?? "normal"),
      credit_status_source: optionalText(300),
      credit_status_date: optionalDate,
      description_zh: optionalText(LONG_TEXT, { multiline: true }),
      description_en: optionalText(LONG_TEXT, { multiline: true }),
    })
    .transform((r, ctx) => {
      // a township (乡镇) is only known inside its county
      const township = r.township ? townshipIn(places, r.county?.id ?? null, r.township) : undefined;
      if (r.township && !township) {
        ctx.addIssue({ code: "custom", path: ["township"], message: msg("validation.unknownReference", { value: r.township }) });
        return z.NEVER;
      }
      return { ...r, township_id: township?.id ?? null };
    });
}

export type OrganizationRow = z.infer<ReturnType<typeof rowSchema>>;

const FIELDS = {
  credit_code: "credit_code",
  name_zh: "name_zh",
  name_en: "name_en",
  org_type: "org_type",
  county: "county_id",
  township: "township_id",
  address: "address",
  website: "website",
  contacts: "contacts",
  credit_status: "credit_status",
  credit_status_source: "credit_status_source",
  credit_status_date: "credit_status_date",
  description_zh: "description_zh",
  description_en: "description_en",
} as const satisfies Record<(typeof columns)[number]["name"], keyof OrganizationRecord>;

function fieldValue(row: OrganizationRow, column: keyof typeof FIELDS): unknown {
  if (column === "county") return row.county?.id ?? null;
  if (column === "township") return row.township_id;
  return row[column];
}

export const organizationsIo: KindIo<OrganizationRow> = {
  kind: "organizations",
  columns,
  schema: rowSchema,
  key: (r) => r.credit_code ?? `\u0000${r.name_zh}`,
  keyColumn: "credit_code",

  async prepare(trx, rows, present) {
    const problems: Problem[] = [];
    const existing = await organizationsForImport(
      trx,
      rows.flatMap((r) => (r.value.credit_code ? [r.value.credit_code] : [])),
      rows.map((r) => r.value.name_zh),
    );
    const matches = new Map<number, OrganizationRecord | undefined>();
    for (const { row, value } of rows) {
      const byCode = value.credit_code ? existing.find((e) => e.credit_code === value.credit_code) : undefined;
      const sameName = existing.filter((e) => e.credit_code === null && e.name_zh === value.name_zh);
      if (!byCode && !value.credit_code && sameName.length > 1) {
        problems.push({ row, column: "name_zh", message: msg("import.ambiguousReference", { value: value.name_zh }) });
      }
      matches.set(row, byCode ?? (sameName.length === 1 ? sameName[0] : undefined));
    }

    return {
      problems,
      async write(trx, valid, { dryRun, onProgress }) {
        const counts: Counts = { inserted: 0, updated: 0, unchanged: 0 };
        const writes: RecordWrite[] = [];
        const used = Object.entries(FIELDS).filter(([c]) => present.has(c)) as [keyof typeof FIELDS, keyof OrganizationRecord][];
        const claimed = new Set<number>();
        for (const { row, value } of rows.filter((r) => valid.has(r.row))) {
          let current = matches.get(row);
          // two coded rows cannot both take over the same code-less record
          if (current && current.credit_code === null && claimed.has(current.id)) current = undefined;
          if (current) claimed.add(current.id);
          const incoming: Record<string, unknown> = {};
          for (const [column, field] of used) incoming[field] = fieldValue(value, column);
          if (!current) counts.inserted++;
          else if (
            differs(current, incoming as Partial<OrganizationRecord>, Object.keys(incoming) as (keyof OrganizationRecord)[]) ||
            current.status !== "published" ||
            current.is_sample
          )
            counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          const values = { ...incoming, ...("contacts" in incoming ? { contacts: jsonb(incoming.contacts) } : {}) } as RecordWrite["values"];
          writes.push({ id: current && current.credit_code === null ? current.id : undefined, values });
        }
        if (!dryRun && writes.length > 0) {
          let done = 0;
          const onBatch = (n: number) => onProgress?.({ phase: "write", done: (done += n), total: writes.length });
          await writeOrganizations(
            trx,
            writes,
            used.map(([, f]) => f),
            onBatch,
          );
        }
        return counts;
      },
    };
  },

  async exportRows(db) {
    return (await organizationsForExport(db)).map((o) => ({
      credit_code: o.credit_code,
      name_zh: o.name_zh,
      name_en: o.name_en,
      org_type: o.org_type,
      county: o.county_zh,
      township: o.township_zh,
      address: o.address,
      website: o.website,
      contacts: o.contacts.map(contactCell),
      credit_status: o.credit_status,
      credit_status_source: o.credit_status_source,
      credit_status_date: o.credit_status_date,
      description_zh: o.description_zh,
      description_en: o.description_en,
    }));
  },
};
