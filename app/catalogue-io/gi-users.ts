import { z } from "zod";
import { msg } from "../domain/fields";
import { giUsersForExport, giUsersForImport, writeGiUsers } from "../../db/queries/bulk/gi-users";
import { findGiProductsByName, findOrganizations } from "../../db/queries/bulk/lookups";
import { enumAliases, optionalCreditCode, optionalDate, optionalEnum, optionalText, requiredText } from "./cells";
import { type Counts, type KindIo, type Problem } from "./kind";

// Who may use a GI (and its official special mark, 专用标志), on what basis. Natural key: the GI's Chinese name and the
// organisation, given by credit code, or by exact Chinese name for an organisation without one. A use is a small
// record: every column but organization_name must be in the header. An empty verification cell means 已核实: imports
// are staff operations.

const BASIS_LABELS = {
  announcement: "公告",
  collective_member: "集体商标成员",
  certification_licence: "证明商标使用许可",
  other_record: "其他备案",
} as const;
const VERIFICATION_LABELS = { pending: "待核实", verified: "已核实", rejected: "已驳回", revoked: "已撤销" } as const;

const columns = [
  { name: "gi_name_zh", required: true },
  { name: "credit_code", required: true },
  { name: "organization_name" },
  { name: "basis", required: true, labels: BASIS_LABELS },
  { name: "basis_reference", required: true },
  { name: "valid_from", required: true },
  { name: "valid_to", required: true },
  { name: "verification", required: true, labels: VERIFICATION_LABELS },
] as const;

const schema = z
  .object({
    gi_name_zh: requiredText(100),
    credit_code: optionalCreditCode,
    organization_name: optionalText(200),
    basis: optionalEnum(enumAliases(BASIS_LABELS)),
    basis_reference: optionalText(300),
    valid_from: optionalDate,
    valid_to: optionalDate,
    verification: optionalEnum(enumAliases(VERIFICATION_LABELS)).transform((v) => v ?? "verified"),
  })
  .transform((r, ctx) => {
    if (!r.credit_code && !r.organization_name) ctx.addIssue({ code: "custom", path: ["credit_code"], message: msg("validation.required") });
    if (!r.basis) ctx.addIssue({ code: "custom", path: ["basis"], message: msg("validation.required") });
    if (r.valid_from && r.valid_to && r.valid_to < r.valid_from) {
      ctx.addIssue({ code: "custom", path: ["valid_to"], message: msg("validation.validToBeforeFrom") });
    }
    return r.basis ? { ...r, basis: r.basis } : z.NEVER;
  });

export type GiUserRow = z.infer<typeof schema>;

const COMPARED = ["basis", "basis_reference", "valid_from", "valid_to", "verification"] as const;

export const giUsersIo: KindIo<GiUserRow> = {
  kind: "gi-users",
  columns,
  schema: () => schema,
  key: (r) => `${r.gi_name_zh}\u0000${r.credit_code ?? `\u0000${r.organization_name}`}`,
  keyColumn: "credit_code",

  async prepare(trx, rows) {
    const problems: Problem[] = [];
    const gis = await findGiProductsByName(trx, [...new Set(rows.map((r) => r.value.gi_name_zh))]);
    const orgs = await findOrganizations(
      trx,
      rows.flatMap((r) => (r.value.credit_code ? [r.value.credit_code] : [])),
      rows.flatMap((r) => (r.value.credit_code ? [] : [r.value.organization_name!])),
    );
    const resolved = new Map<number, { gi: number; org: number }>();
    const firstRowOfPair = new Map<string, number>();
    for (const { row, value } of rows) {
      const gi = gis.find((g) => g.name_zh === value.gi_name_zh);
      if (!gi) problems.push({ row, column: "gi_name_zh", message: msg("validation.unknownReference", { value: value.gi_name_zh }) });
      let org: number | undefined;
      if (value.credit_code) {
        org = orgs.find((o) => o.credit_code === value.credit_code)?.id;
        if (!org) problems.push({ row, column: "credit_code", message: msg("validation.unknownReference", { value: value.credit_code }) });
      } else {
        const named = orgs.filter((o) => o.name_zh === value.organization_name);
        org = named.length === 1 ? named[0]!.id : undefined;
        const message = named.length > 1 ? "import.ambiguousReference" : "validation.unknownReference";
        if (!org) problems.push({ row, column: "organization_name", message: msg(message, { value: value.organization_name! }) });
      }
      if (!gi || !org) continue;
      // a code on one row and a name on another can still mean the same organisation
      const pair = `${gi.id}:${org}`;
      const first = firstRowOfPair.get(pair);
      if (first !== undefined) {
        problems.push({
          row,
          column: "credit_code",
          message: msg("validation.duplicateInFile", { row: first, key: `${value.gi_name_zh} / ${value.credit_code ?? value.organization_name}` }),
        });
        continue;
      }
      firstRowOfPair.set(pair, row);
      resolved.set(row, { gi: gi.id, org });
    }

    return {
      problems,
      async write(trx, valid, { dryRun, onProgress }) {
        const chosen = rows.filter((r) => valid.has(r.row) && resolved.has(r.row));
        const refs = chosen.map((r) => resolved.get(r.row)!);
        const existing = await giUsersForImport(trx, [...new Set(refs.map((r) => r.gi))], [...new Set(refs.map((r) => r.org))]);
        const byPair = new Map(existing.map((e) => [`${e.gi_product_id}:${e.organization_id}`, e]));
        const counts: Counts = { inserted: 0, updated: 0, unchanged: 0 };
        const writes: Record<string, string | number | null>[] = [];
        for (const { row, value } of chosen) {
          const { gi, org } = resolved.get(row)!;
          const current = byPair.get(`${gi}:${org}`);
          if (!current) counts.inserted++;
          else if (COMPARED.some((c) => (value[c] ?? null) !== current[c])) counts.updated++;
          else {
            counts.unchanged++;
            continue;
          }
          writes.push({ gi_product_id: gi, organization_id: org, ...Object.fromEntries(COMPARED.map((c) => [c, value[c] ?? null])) });
        }
        if (!dryRun && writes.length > 0) {
          let done = 0;
          const onBatch = (n: number) => onProgress?.({ phase: "write", done: (done += n), total: writes.length });
          await writeGiUsers(trx, writes, ["gi_product_id", "organization_id", ...COMPARED], onBatch);
        }
        return counts;
      },
    };
  },

  async exportRows(db) {
    return (await giUsersForExport(db)).map((u) => ({
      gi_name_zh: u.gi_name_zh,
      credit_code: u.credit_code,
      organization_name: u.organization_name,
      basis: u.basis,
      basis_reference: u.basis_reference,
      valid_from: u.valid_from,
      valid_to: u.valid_to,
      verification: u.verification,
    }));
  },
};
