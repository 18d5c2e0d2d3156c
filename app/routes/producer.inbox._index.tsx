import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { INBOX_STATUSES } from "../buyers/forms";
import { chinaDateTime } from "../platform/china-time";
import { provinceLabel } from "../buyers/provinces";
import { ContentText } from "../components/content-text";
import { EventTag } from "../components/inquiry-parts";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import { LineQuantities, lineProvinces } from "../components/inquiry-lines";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { InquiryStatus } from "../../db/schema";
import { inboxCounts, inboxForOrganization } from "../../db/queries/inquiries";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

// /producer/inbox — the inquiries addressed to the producer's own organisation, newest first, by status.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  const raw = new URL(request.url).searchParams.get("status");
  const status = (INBOX_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as InquiryStatus) : undefined;
  const [threads, counts] = await Promise.all([inboxForOrganization(db(), user.organization_id, status), inboxCounts(db(), user.organization_id)]);
  return data({ threads, counts, status: status ?? null }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function ProducerInbox() {
  const { threads, counts, status } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section>
      <h1>{t("inbox.title")}</h1>
      <p>
        <Link to="/producer">{t("inbox.backToDashboard")}</Link>
      </p>
      <nav aria-label={t("inbox.filter")}>
        <ul className="inbox-filter">
          <li>
            <Link to="/producer/inbox" aria-current={status === null ? "page" : undefined}>
              {t("inbox.all", { count: total })}
            </Link>
          </li>
          {INBOX_STATUSES.filter((s) => s !== "held" || counts.held > 0 || status === "held").map((s) => (
            <li key={s}>
              <Link to={`/producer/inbox?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {t(`inquiryStatus.${s}` as MessageKey)} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {threads.length === 0 ? (
        <p>{t("inbox.empty")}</p>
      ) : (
        <ScrollableTable labelledBy="inbox-caption">
          <table className="status-table">
            <caption id="inbox-caption" className="buyers-sr-only">
              {t("inbox.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("inbox.received")}</th>
                <th scope="col">{t("inquiry.buyer")}</th>
                <th scope="col">{t("inquiry.productsShort")}</th>
                <th scope="col">{t("inquiry.quantityShort")}</th>
                <th scope="col">{t("inquiry.provinceShort")}</th>
                <th scope="col">{t("producer.status")}</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/producer/inbox/${r.id}`}>
                      {chinaDateTime(r.created_at)}
                      <span className="buyers-sr-only">
                        : <ContentText text={r.buyer_name} />
                      </span>
                    </Link>
                  </td>
                  <td>
                    <ContentText text={r.buyer_name} />
                    {r.buyer_organization && (
                      <>
                        {" · "}
                        <ContentText text={r.buyer_organization} />
                      </>
                    )}
                  </td>
                  <td>
                    <span lang="zh-CN">{r.products.map((p) => p.product_name_zh).join("、")}</span>{" "}
                    {(r.sample_wanted || r.products.some((p) => p.sample_wanted)) && <span className="badge">{t("inquiry.sampleBadge")}</span>}
                    {r.event && <EventTag event={r.event} />}
                  </td>
                  <td>
                    <LineQuantities source={r.source} quantity={r.quantity} unit={r.quantity_unit} lines={r.products} />
                  </td>
                  <td>
                    {lineProvinces(r.destination_province, r.products)
                      .map((p) => provinceLabel(p, lang))
                      .join("、")}
                  </td>
                  <td>
                    <StatusBadge {...inquiryBadge(t, r.status)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("inbox.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
