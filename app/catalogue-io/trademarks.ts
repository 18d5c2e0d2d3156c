import { z } from "zod";
import { legalStatus, markType, msg, niceClassList, optional } from "../domain/fields";
import { findOrganizations } from "../../db/queries/bulk/lookups";
import { trademarksForExport, trademarksForImport, writeTrademarks, type TrademarkRecord, type TrademarkWrite } from "../../db/queries/bulk/trademarks";
import { LONG_TEXT, optionalBool, optionalCounty, optionalCreditCode, optionalDate, optionalText, requiredText } from "./cells";
import { differs, sameList, type Counts, type KindIo, type Problem } from "./kind";

// Columns fixed by docs/interfaces.md ("CSV columns of import trademarks"). Natural key: reg_no (注册号); a row without one
// is matched by name_zh + holder_name, which is how the reference data's trademarks (no numbers yet) are known.

const MARK_TYPE_LABELS = { ordinary: "普通商标", collective: "集体商标", certification: "证明商标" } as const;
const STATUS_LABELS = { registered: "已注册", applied: "申请中", expired: "已失效", revoked: "已撤销" } as const;

const columns = [
  { name: "reg_no", required: true },
  { name: "name_zh", required: true },
  { name: "name_en" },
  { name: "mark_type", labels: MARK_TYPE_LABELS },
  { name: "nice_classes" },
  { name: "goods" },
  { name: "holder_name" },
  { name: "holder_credit_code" },
  { name: "county" },
  { name: "application_date" },
  { name: "registration_date" },
  { name: "status", labels: STATUS_LABELS },
  { name: "well_known" },
] as const;

function rowSchema(places: Parameters<KindIo<unknown>["schema"]>[0]) {
  return z
    .object({
      reg_no: optionalText(20),
      name_zh: requiredText(200),
      name_en: optionalText(200),
      // an empty enum or yes/no cell means the database default, as on a form
      mark_type: optional(markType).transform((v) => v ?? "ordinary"),
      nice_classes: optional(niceClassList).transform((v) => v ?? []),
      goods: optionalText(LONG_TEXT, { multiline: true }),
      holder_name: optionalText(200),
      holder_credit_code: optionalCreditCode,
      county: optionalCounty(places),
      application_date: optionalDate,
      registration_date: optionalDate,
      status: optional(legalStatus).transform((v) => v ?? "registered"),
      well_known: optionalBool.transform((v) => v ?? false),
    })
    .superRefine((r, ctx) => {
      if (r.application_date && r.registration_date && r.registration_date < r.application_date) {
        ctx.addIssue({ code: "custom", path: ["registration_date"], message: msg("validation.registrationBeforeApplication") });
      }
    });
}

export type TrademarkRow = z.infer<ReturnType<typeof rowSchema>>;

const nameKey = (name: string, holder: string | null | undefined) => `${name}\u0000${holder ?? ""}`;

/** column → trademarks field it sets (holder_credit_code sets holder_org_id, nice_classes the class table) */
const FIELDS = {
  reg_no: "reg_no",
  name_zh: "name_zh",
  name_en: "name_en",
  mark_type: "mark_type",
  goods: "goods",
  holder_name: "holder_name",
  county: "county_id",
  application_date: "application_date",
  registration_date: "registration_date",
  status: "legal_status",
  well_known: "well_known",
} as const satisfies Partial<Record<(typeof columns)[number]["name"], keyof TrademarkRecord>>;

export const trademarksIo: KindIo<TrademarkRow> = {
  kind: "trademarks",
  columns,
  schema: rowSchema,
  key: (r) => r.reg_no ?? nameKey(r.name_zh, r.holder_name),
  keyColumn: "reg_no",

  async prepare(trx, rows, present) {
    const problems: Problem[] = [];
    const codes = rows.flatMap((r) => (r.value.holder_credit_code ? [r.value.holder_credit_code] : []));
    const names = rows.flatMap((r) => (!r.value.holder_credit_code && r.value.holder_name ? [r.value.holder_name] : []));
    const orgs = await findOrganizations(trx, codes, names);
    const holderIds = new Map<number, number | null>();
    for (const { row, value } of rows) {
      if (value.holder_credit_code) {
        const org = orgs.find((o) => o.credit_code === value.holder_credit_code);
        // A valid code we do not know creates no organisation: the holder's name is kept as written.
        if (!org && !value.holder_name) {
          problems.push({ row, column: "holder_credit_code", message: msg("validation.unknownReference", { value: value.holder_credit_code }) });
        }
        holderIds.set(row, org?.id ?? null);
      } else {
        const sameName = value.holder_name ? orgs.filter((o) => o.name_zh === value.holder_name) : [];
        holderIds.set(row, sameName.length === 1 ? sameName[0]!.id : null);
      }
    }
    const holderColumns = present.has("holder_credit_code") || present.has("holder_name");

    return {
      problems,
      async write(trx, valid, { dryRun, onProgress }) {
        const chosen = rows.filter((r) => valid.has(r.row));
        const existing = await trademarksForImport(
          trx,
          chosen.flatMap((r) => (r.value.reg_no ? [r.value.reg_no] : [])),
          chosen.flatMap((r) => (r.value.reg_no ? [] : [r.value.name_zh])),
        );
        const byRegNo = new Map(existing.filter((e) => e.reg_no).map((e) => [e.reg_no!, e]));
        const byName = new Map(existing.filter((e) => !e.reg_no).map((e) => [nameKey(e.name_zh, e.holder_name), e]));
        const counts: Counts = { inserted: 0, updated: 0, unchanged: 0 };
        const writes: TrademarkWrite[] = [];
        const dbColumns = [
          ...Object.entries(FIELDS).flatMap(([column, field]) => (present.has(column) ? [field] : [])),
          ...(holderColumns ? ["holder_org_id"] : []),
        ];

        for (const { row, value } of chosen) {
          const incoming: Partial<TrademarkRecord> = {};
          for (const [column, field] of Object.entries(FIELDS)) {
            if (!present.has(column)) continue;
            const v = value[column as keyof TrademarkRow];
            (incoming as Record<string, unknown>)[field] = column === "county" ? (value.county?.id ?? null) : v;
          }
          if (holderColumns) incoming.holder_org_id = holderIds.get(row) ?? null;
          const classes = present.has("nice_classes") ? value.nice_classes : undefined;
          const current = value.reg_no ? byRegNo.get(value.reg_no) : byName.get(nameKey(value.name_zh, value.holder_name));
          if (!current) counts.inserted++;
          else if (
            differs(current, incoming, Object.keys(incoming) as (keyof TrademarkRecord)[]) ||
            (classes !== undefined && !sameList(current.classes, classes)) ||
            current.status !== "published" ||
            current.is_sample
          )
            counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          writes.push({ id: value.reg_no ? undefined : current?.id, values: incoming as TrademarkWrite["values"], classes });
        }
        if (!dryRun && writes.length > 0) {
          let done = 0;
          await writeTrademarks(trx, writes, dbColumns, (n) => onProgress?.({ phase: "write", done: (done += n), total: writes.length }));
        }
        return counts;
      },
    };
  },

  async exportRows(db) {
    return (await trademarksForExport(db)).map((t) => ({
      reg_no: t.reg_no,
      name_zh: t.name_zh,
      name_en: t.name_en,
      mark_type: t.mark_type,
      nice_classes: t.classes,
      goods: t.goods,
      holder_name: t.holder_name,
      holder_credit_code: t.holder_credit_code,
      county: t.county_zh,
      application_date: t.application_date,
      registration_date: t.registration_date,
      status: t.legal_status,
      well_known: t.well_known,
    }));
  },
};
