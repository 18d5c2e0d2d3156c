import type { ReactNode } from "react";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { validityText } from "../lib/format";
import type { claimsOf } from "../../db/queries/claims";
import { formatDate } from "./staff";
import { ScrollableTable } from "./scrollable-table";
import { LocalizedText } from "./localized-text";
import { ProducerEvidenceLink, StaffEvidenceLinks } from "./claim-evidence";

type Claim = Awaited<ReturnType<typeof claimsOf>>[number];

/**
 * An organisation's GI-use and regional-brand claims, as its producer and as staff see them; only the last column
 * (what the viewer may do) and whether the verifier is named differ.
 */
/** `label` names the scrolling table for screen readers; a producer's own claims by default. */
export function ClaimsTable({
  claims,
  showVerifier,
  actions,
  label,
}: {
  claims: Claim[];
  showVerifier: boolean;
  actions: (claim: Claim) => ReactNode;
  label?: string;
}) {
  const t = useT();
  return (
    <ScrollableTable label={label ?? t("claims.list")}>
      <table className="status-table">
        <thead>
          <tr>
            <th scope="col">{t("staff.col.target")}</th>
            <th scope="col">{t("staff.col.basis")}</th>
            <th scope="col">{t("staff.col.validity")}</th>
            <th scope="col">{t("staff.col.status")}</th>
            <th scope="col">{t("staff.col.action")}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={`${c.kind}-${c.id}`}>
              <td>
                <LocalizedText zh={c.name_zh} en={c.name_en} /> · {t(`claim.kind.${c.kind}` as MessageKey)}
                {c.renews_id !== null && ` · ${t("claims.renewalOf")}`}
              </td>
              <td>
                {c.basis ? `${t(`basis.${c.basis}` as MessageKey)} · ` : ""}
                <span lang="zh-CN">{c.reference ?? "—"}</span>
                {/* evidence (issue 21): staff open the files, the producer manages them on the claim's own page */}
                {showVerifier ? (
                  <StaffEvidenceLinks evidence={c.evidence} />
                ) : (
                  <>
                    {" "}
                    · <ProducerEvidenceLink claim={c} />
                  </>
                )}
              </td>
              <td>{validityText(t, c.valid_from, c.valid_to)}</td>
              <td>
                {t(`verification.${c.verification}` as MessageKey)}
                {showVerifier
                  ? c.verified_at && ` · ${formatDate(c.verified_at)} ${c.verified_by_name ?? ""}`
                  : c.verification === "verified" && c.verified_at && ` · ${formatDate(c.verified_at)}`}
              </td>
              <td>{actions(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
