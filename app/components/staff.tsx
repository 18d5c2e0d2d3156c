import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { Translate } from "../i18n/i18n";
import { translateMessage, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// Shared pieces of the staff area: dates in China time, diff and audit values in words, the audit table.

import { formatDateTime } from "../lib/format";
import { ScrollableTable } from "./scrollable-table";

export { formatDate, formatDateTime } from "../lib/format";

/** A key if the dictionary has it, else the fallback text. */
export function tryT(t: Translate, key: string, fallback: string) {
  const translated = translateMessage(t, key);
  return translated === key ? fallback : translated;
}

const ENUMS: Record<string, string> = {
  storage: "storage",
  org_type: "orgType",
  mark_type: "markType",
  legal_status: "legalStatus",
  credit_status: "credit",
  verification: "verification",
};

/** A field value as a reviewer reads it. */
export function formatValue(t: Translate, field: string | null, value: unknown, entityType?: string): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  if (typeof value === "boolean") return value ? t("staff.yes") : t("staff.no");
  if (field && ENUMS[field] && typeof value === "string") return tryT(t, `${ENUMS[field]}.${value}`, value);
  // a record's status, named as its own screens name it (a misuse report's 调查中, a product's 待审核)
  if (field === "status" && typeof value === "string") return tryT(t, `${entityType === "misuse_report" ? "report.status" : "status"}.${value}`, value);
  if (field === "availability_months" && Array.isArray(value)) return value.map((m) => t("record.month", { month: Number(m) })).join("、");
  if (field === "certifications" && Array.isArray(value)) {
    return value
      .map((c) => {
        const [kind = "", no, expires] = String(c).split(":");
        return [tryT(t, `cert.${kind}`, kind), no, expires].filter(Boolean).join(" · ");
      })
      .join("; ");
  }
  if (field === "contacts" && Array.isArray(value)) {
    return value
      .map(
        (c: { kind?: string; value?: string; public?: boolean }) =>
          `${tryT(t, `contact.${c.kind ?? ""}`, c.kind ?? "")}: ${c.value ?? ""}${c.public ? "" : " 🔒"}`,
      )
      .join("; ");
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join("; ");
  // several fields logged as one change ({"status":"submitted"}): each by its label and value, never as JSON
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(t, k)}: ${formatValue(t, k, v, entityType)}`)
      .join("; ");
  return String(value);
}

export function fieldLabel(t: Translate, field: string) {
  return tryT(t, `sf.${field}`, field);
}

export interface AuditRow {
  id: number;
  at: Date | string;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: number;
  field: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

function clip(s: string, max = 200) {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function AuditTable({ rows, showRecord = true, caption }: { rows: AuditRow[]; showRecord?: boolean; caption?: string }) {
  const t = useT();
  if (rows.length === 0) return <p>{t("audit.none")}</p>;
  return (
    <ScrollableTable label={caption ?? t("staff.audit")}>
      <table className="status-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            {showRecord && <th scope="col">{t("audit.record")}</th>}
            <th scope="col">{t("audit.field")}</th>
            <th scope="col">{t("audit.before")}</th>
            <th scope="col">{t("audit.after")}</th>
            <th scope="col">{t("audit.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.actor_name ?? t("audit.system")}</td>
              <td>{tryT(t, `action.${r.action}`, r.action)}</td>
              {showRecord && (
                <td>
                  <Link to={`/staff/audit?entity_type=${encodeURIComponent(r.entity_type)}&entity_id=${r.entity_id}`}>
                    {tryT(t, `entity.${r.entity_type}`, r.entity_type)} #{r.entity_id}
                  </Link>
                </td>
              )}
              <td>{r.field ? fieldLabel(t, r.field) : "—"}</td>
              <td>{clip(formatValue(t, r.field, r.before, r.entity_type))}</td>
              <td>{clip(formatValue(t, r.field, r.after, r.entity_type))}</td>
              <td>{r.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

export const creditKey = (s: string) => `credit.${s}` as MessageKey;

/** Conform types fields of preprocessed (optional) schema values as unknown; the form components take text. */
export function asText<T>(meta: FieldMetadata<T, Record<string, unknown>, string[]>) {
  return meta as unknown as FieldMetadata<string | null | undefined>;
}
