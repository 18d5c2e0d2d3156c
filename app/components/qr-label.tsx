import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { validityText } from "../lib/format";
// type only, erased from the browser bundle: the label data the two routes load
import type { QrLabelData } from "../staff/qr.server";
import { CreditCode } from "./credit-code";

/** The printable label page: staff reach it from the organisation, a producer from its claims. */
export function QrLabelPage({ data, back }: { data: SerializeFrom<QrLabelData>; back: { to: string; label: string } }) {
  const { kind, label, qr, problem, provisionalOrigin } = data;
  const t = useT();
  return (
    <section className="qr-label">
      <h1>{t("staff.qrTitle")}</h1>
      <p className="no-print">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <p className="no-print">{t("staff.printHint")}</p>
      {provisionalOrigin && qr && <p className="notice no-print">{t("staff.qrDevOrigin", { origin: provisionalOrigin })}</p>}
      <h2 lang="zh-CN">{label.organization}</h2>
      <dl className="facts">
        <dt>{t("record.creditCode")}</dt>
        <dd>{label.credit_code ? <CreditCode code={label.credit_code} /> : "—"}</dd>
        <dt>{t(`claim.kind.${kind}` as MessageKey)}</dt>
        <dd lang="zh-CN">{label.target}</dd>
        <dt>{t("staff.col.basis")}</dt>
        <dd lang="zh-CN">{label.reference ?? "—"}</dd>
        <dt>{t("staff.col.validity")}</dt>
        <dd>{validityText(t, label.valid_from, label.valid_to)}</dd>
      </dl>
      {problem ? (
        <p className="form-error" role="alert">
          {t(problem)}
        </p>
      ) : (
        qr && (
          <figure className="qr">
            <div className="qr__code" role="img" aria-label={t("staff.qrAlt", { url: qr.url })} dangerouslySetInnerHTML={{ __html: qr.svg }} />
            <figcaption>
              <p>{t("staff.qrIntro")}</p>
              <p className="qr__url">{qr.url}</p>
            </figcaption>
          </figure>
        )
      )}
    </section>
  );
}
