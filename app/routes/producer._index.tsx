import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { todayInChina } from "../platform/china-time";
import { trademarkValidity } from "../domain/trademark-validity";
import { boothText, L } from "../events/parts";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { getOwnOrganization, producerDashboard } from "../../db/queries/producer-organization";
import { listOwnProducts } from "../../db/queries/producer-products";
import { binnedProducts } from "../../db/queries/product-bin";
import { countNewInquiries } from "../../db/queries/inquiries";
import { boothsOfOrganization } from "../../db/queries/event-leads";
import { guidanceAside } from "../../db/queries/guidance";
import { GuidanceLinks, GuidanceSection } from "../components/guidance-links";
import { DASHBOARD_GUIDANCE } from "../guidance/default-texts";
import { db } from "../services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  // one moment for every reminder: the database's and the trademark rule's "today" are the same China day
  const now = new Date();
  const [org, products, binned, summary, newInquiries, booths, guidance] = await Promise.all([
    getOwnOrganization(db(), user.organization_id),
    listOwnProducts(db(), user.organization_id),
    binnedProducts(db(), user.organization_id),
    producerDashboard(db(), user.organization_id, now),
    countNewInquiries(db(), user.organization_id),
    boothsOfOrganization(db(), user.organization_id),
    guidanceAside(db(), DASHBOARD_GUIDANCE),
  ]);
  const today = todayInChina(now);
  const trademarkReminders = summary.trademarks
    .map((tm) => ({ name: tm.name_zh, validity: trademarkValidity(tm.registration_date, tm.legal_status, today) }))
    .filter((r) => r.validity.state === "renewal_window" || r.validity.state === "grace_period");
  return {
    org: { name_zh: org!.name_zh, status: org!.status, review_comment: org!.review_comment, revision: org!.revision?.status ?? null },
    products,
    binnedCount: binned.length,
    counts: summary.counts,
    trademarkCounts: summary.trademarkCounts,
    claimCounts: summary.claimCounts,
    trademarkReminders,
    certificates: summary.expiringCertificates,
    authorisations: summary.endingAuthorisations,
    gis: summary.gis,
    newInquiries,
    booths,
    guidance,
  };
}

export default function ProducerDashboard() {
  const {
    org,
    products,
    binnedCount,
    counts,
    trademarkCounts,
    claimCounts,
    trademarkReminders,
    certificates,
    authorisations,
    gis,
    newInquiries,
    booths,
    guidance,
  } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const reminders = [
    ...trademarkReminders.map((r) =>
      r.validity.state === "grace_period"
        ? t("producer.reminderGrace", { name: r.name, date: "expiresOn" in r.validity ? r.validity.expiresOn : "" })
        : t("producer.reminderRenewal", { name: r.name, date: "expiresOn" in r.validity ? r.validity.expiresOn : "" }),
    ),
    ...certificates.map((c) =>
      t(c.expired ? "producer.reminderCertificateExpired" : "producer.reminderCertificate", {
        product: c.product,
        cert: t(`cert.${c.kind}` as MessageKey),
        date: c.expires_on ?? "",
      }),
    ),
    ...authorisations.map((a) =>
      t(a.expired ? "producer.reminderAuthorisationExpired" : "producer.reminderAuthorisationEnding", { name: a.name_zh, date: a.valid_to ?? "" }),
    ),
    ...gis.map((g) => t("producer.reminderGiDuties", { gi: g.name_zh })),
  ];
  return (
    <>
      <h1>{t("producer.dashboard")}</h1>
      <section>
        <h2 lang="zh-CN">{org.name_zh}</h2>
        <p>
          {t("producer.status")}: <span className="badge">{t(`status.${org.status}` as MessageKey)}</span>
          {org.revision && <span className="badge badge--unverified">{t(`revision.${org.revision}` as MessageKey)}</span>}
        </p>
        {org.review_comment && <p className="notice">{t("producer.reviewComment", { comment: org.review_comment })}</p>}
        <p>
          <Link to="/producer/organization">{t("producer.editOrganization")}</Link>
        </p>
        <ul className="plain-list">
          <li>
            <Link to="/producer/trademarks">{t("producer.trademarks")}</Link>:{" "}
            {trademarkCounts.length === 0
              ? t("record.none")
              : trademarkCounts.map((c) => (
                  <span key={c.status} className="badge">
                    {t(`status.${c.status}` as MessageKey)}: {c.n}
                  </span>
                ))}
          </li>
          <li>
            <Link to="/producer/claims">{t("nav.claims")}</Link>:{" "}
            {claimCounts.length === 0
              ? t("record.none")
              : claimCounts.map((c) => (
                  <span key={c.verification} className="badge">
                    {t(`verification.${c.verification}` as MessageKey)}: {c.n}
                  </span>
                ))}
          </li>
        </ul>
      </section>
      <p className="notice">
        <Link to="/producer/inbox?status=new">{t("inbox.newCount", { count: newInquiries })}</Link> · <Link to="/producer/inbox">{t("inbox.open")}</Link>
      </p>
      {booths.length > 0 && (
        <section aria-labelledby="booths">
          <h2 id="booths">{t("leads.yourBooths")}</h2>
          <p>{t("leads.yourBoothsHint")}</p>
          <ul>
            {booths.map((b) => (
              <li key={b.id}>
                <L lang={lang} zh={b.name_zh} en={b.name_en} /> · {boothText(t, b.hall, b.booth)} ·{" "}
                <Link to={`/events/${b.event_id}/booth-qr?exhibitor=${b.id}`}>{t("leads.qrTitle")}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="reminders">
        <h2 id="reminders">{t("producer.reminders")}</h2>
        {authorisations.length > 0 && (
          <p className="notice">
            {t("claims.endingNotice")} <Link to="/producer/claims">{t("claims.renew")}</Link>
          </p>
        )}
        {reminders.length === 0 ? (
          <p>{t("producer.noReminders")}</p>
        ) : (
          <ul>
            {reminders.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        {/* how to act on a reminder: renew the mark, renew the GI or brand authorisation */}
        <GuidanceLinks
          entries={guidance.entries.filter((g) => (g.topic === "renewal" ? trademarkReminders.length > 0 : authorisations.length > 0 || gis.length > 0))}
        />
      </section>
      <GuidanceSection contact={guidance.contact} />
      <section aria-labelledby="products">
        <h2 id="products">{t("producer.products")}</h2>
        <p>
          {counts.map((c) => (
            <span key={c.status} className="badge">
              {t(`status.${c.status}` as MessageKey)}: {c.n}
            </span>
          ))}
        </p>
        <p>
          <Link to="/producer/products/new" className="button">
            {t("producer.newProduct")}
          </Link>{" "}
          <Link to="/producer/products/bin">{t("producer.binLink", { count: binnedCount })}</Link>
        </p>
        {products.length === 0 ? (
          <p>{t("producer.noProducts")}</p>
        ) : (
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t("record.product")}</th>
                <th scope="col">{t("producer.status")}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/producer/products/${p.id}`} lang="zh-CN">
                      {p.name_zh}
                    </Link>
                  </td>
                  <td>
                    {t(`status.${p.status}` as MessageKey)}
                    {p.revision_status && ` · ${t(`revision.${p.revision_status}` as MessageKey)}`}
                    {p.review_comment && <p>{t("producer.reviewComment", { comment: p.review_comment })}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="account-privacy">
        <a href="/account/data.json" download>
          {t("privacy.download")}
        </a>{" "}
        · <Link to="/account/delete">{t("privacy.delete")}</Link> · <Link to="/privacy">{t("privacy.title")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.dashboard")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
