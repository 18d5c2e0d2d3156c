import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { DEAL_RECORDERS, MATCHING_STAFF } from "../buyers/roles";
import { chinaDateTime } from "../platform/china-time";
import { formatCny } from "../lib/format";
import { provinceLabel } from "../buyers/provinces";
import { ContentText } from "../components/content-text";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import { localized, metaTranslator, usePreferences, useT, withoutRequiredMark } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { dealTotals, recentDeals } from "../../db/queries/deals";
import { recentInquiries } from "../../db/queries/inquiries";
import { LineQuantities, lineProvinces } from "../components/inquiry-lines";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

// /matching — 产销对接 for staff (reviewers, fair staff, admins): recent inquiries and how producers answered, deal
// outcomes and their totals. Fair staff and admins may record a deal.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, MATCHING_STAFF);
  const [inquiries, deals, totals] = await Promise.all([recentInquiries(db(), 100), recentDeals(db(), 100), dealTotals(db())]);
  return data(
    {
      inquiries,
      deals,
      totals,
      canRecord: (DEAL_RECORDERS as readonly string[]).includes(user.role),
      recorded: new URL(request.url).searchParams.get("recorded") === "1",
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function MatchingOverview() {
  const { inquiries, deals, totals, canRecord, recorded } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <section>
      <h1>{t("matching.title")}</h1>
      {recorded && (
        <p className="notice" role="status">
          {t("deal.recorded")}
        </p>
      )}
      <section aria-labelledby="deal-totals">
        <h2 id="deal-totals">{t("matching.deals")}</h2>
        <p>
          {t("matching.totals", {
            intents: totals.intent.count,
            intentAmount: formatCny(lang, totals.intent.amountCny),
            signed: totals.signed.count,
            signedAmount: formatCny(lang, totals.signed.amountCny),
          })}
        </p>
        {canRecord && (
          <p>
            <Link to="/matching/deals/new" className="button">
              {t("deal.recordNew")}
            </Link>
          </p>
        )}
        {deals.length > 0 && (
          <ScrollableTable labelledBy="deals-caption">
            <table className="status-table">
              <caption id="deals-caption">{t("matching.recentDeals")}</caption>
              <thead>
                <tr>
                  <th scope="col">{withoutRequiredMark(t("deal.date"))}</th>
                  <th scope="col">{withoutRequiredMark(t("deal.kind"))}</th>
                  <th scope="col">{t("record.producer")}</th>
                  <th scope="col">{withoutRequiredMark(t("deal.product"))}</th>
                  <th scope="col">{withoutRequiredMark(t("deal.amount"))}</th>
                  <th scope="col">{t("deal.recordedBy")}</th>
                  <th scope="col">{t("deal.event")}</th>
                </tr>
              </thead>
              <tbody>
                {deals.map((d) => {
                  const org = localized(lang, d.organization_zh, d.organization_en);
                  return (
                    <tr key={d.id}>
                      <td>{d.deal_date}</td>
                      <td>{t(`deal.kind.${d.kind}` as MessageKey)}</td>
                      <td lang={org.lang}>{org.text}</td>
                      <td lang="zh-CN">{d.product_name_zh}</td>
                      <td className="num">{formatCny(lang, d.amount_cny)}</td>
                      <td>{t(`deal.by.${d.recorded_by}` as MessageKey)}</td>
                      <td>{d.event_id ?? "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>
      <section aria-labelledby="inquiries">
        <h2 id="inquiries">{t("matching.inquiries")}</h2>
        {inquiries.length === 0 ? (
          <p>{t("inbox.empty")}</p>
        ) : (
          <ScrollableTable labelledBy="inquiries-caption">
            <table className="status-table">
              <caption id="inquiries-caption">{t("matching.recentInquiries")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("inbox.received")}</th>
                  <th scope="col">{t("inquiry.buyer")}</th>
                  <th scope="col">{t("inquiry.quantityShort")}</th>
                  <th scope="col">{t("inquiry.provinceShort")}</th>
                  <th scope="col">{t("matching.producers")}</th>
                </tr>
              </thead>
              <tbody>
                {inquiries.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={`/matching/inquiries/${i.id}`}>
                        {chinaDateTime(i.created_at)}
                        <span className="buyers-sr-only">
                          : <ContentText text={i.buyer_name} />
                        </span>
                      </Link>
                    </td>
                    <td>
                      <ContentText text={i.buyer_name} />
                      {i.buyer_organization && (
                        <>
                          {" · "}
                          <ContentText text={i.buyer_organization} />
                        </>
                      )}
                    </td>
                    <td>
                      <LineQuantities source={i.source} quantity={i.quantity} unit={i.quantity_unit} lines={i.lines} />
                    </td>
                    <td>
                      {lineProvinces(i.destination_province, i.lines)
                        .map((p) => provinceLabel(p, lang))
                        .join("、")}
                    </td>
                    <td>
                      <ul className="plain-list">
                        {i.recipients.map((r) => {
                          const org = localized(lang, r.organization_zh, r.organization_en);
                          return (
                            <li key={r.id}>
                              <span lang={org.lang}>{org.text}</span> <StatusBadge {...inquiryBadge(t, r.status)} />
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("matching.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
