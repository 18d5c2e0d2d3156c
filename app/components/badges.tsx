import type { MessageKey } from "../i18n/messages";
import { useT } from "../i18n/i18n";

export function SchemeBadges({ schemes }: { schemes: string[] }) {
  const t = useT();
  return (
    <>
      {schemes.map((s) => (
        <span key={s} className="badge badge--gi">
          {t(`scheme.${s}` as MessageKey)}
        </span>
      ))}
    </>
  );
}

export function TrustBadges({ unverified, sample }: { unverified: boolean; sample: boolean }) {
  const t = useT();
  return (
    <>
      {unverified && (
        <span className="badge badge--unverified" title={t("label.unverifiedHelp")}>
          {t("label.unverified")}
        </span>
      )}
      {sample && <span className="badge badge--sample">{t("label.sample")}</span>}
    </>
  );
}
