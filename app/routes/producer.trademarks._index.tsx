import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProducer } from "../auth/guards.server";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { listOwnTrademarks } from "../../db/queries/producer-trademarks";
import { db } from "../services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  return { trademarks: await listOwnTrademarks(db(), user.organization_id) };
}

export default function ProducerTrademarks() {
  const { trademarks } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("producer.trademarks")}</h1>
      <p>
        <Link to="/producer/trademarks/new" className="button">
          {t("producer.newTrademark")}
        </Link>
      </p>
      {trademarks.length === 0 ? (
        <p>{t("producer.noTrademarks")}</p>
      ) : (
        <table className="status-table">
          <thead>
            <tr>
              <th scope="col">{t("record.trademark")}</th>
              <th scope="col">{t("record.regNo")}</th>
              <th scope="col">{t("producer.status")}</th>
            </tr>
          </thead>
          <tbody>
            {trademarks.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/producer/trademarks/${m.id}`} lang="zh-CN">
                    {m.name_zh}
                  </Link>
                </td>
                <td>{m.reg_no ?? "—"}</td>
                <td>
                  {t(`status.${m.status}` as MessageKey)}
                  {m.review_comment && <p>{t("producer.reviewComment", { comment: m.review_comment })}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.trademarks")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
