import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { FormOutcome } from "../components/form-outcome";
import { StatusBadge } from "../components/status-badge";
import { FACT_KINDS } from "../domain/review-forms";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { markVerifiedAction } from "../staff/actions.server";
import { unverifiedFacts, type FactType } from "../../db/queries/verify";
import { db } from "../services.server";
import { ScrollableTable } from "../components/scrollable-table";

const PUBLIC_PATH: Record<FactType, string> = {
  gi: "/gi",
  trademark: "/trademarks",
  regional_brand: "/regional-brands",
  organization: "/organizations",
  product: "/products",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const raw = new URL(request.url).searchParams.get("type") ?? "gi";
  if (!(FACT_KINDS as readonly string[]).includes(raw)) throw data({ error: `type: must be one of ${FACT_KINDS.join(" / ")}` }, { status: 400 });
  const type = raw as FactType;
  return { type, facts: await unverifiedFacts(db(), type) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  return markVerifiedAction(user, await request.formData());
}

export default function FactsToVerify() {
  const { type, facts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <h1>{t("staff.facts")}</h1>
      <p>{t("staff.factsIntro")}</p>
      <Form method="get" className="inline-fields">
        <div className="field">
          <label htmlFor="fact-type">{t("staff.factType")}</label>
          <select id="fact-type" name="type" defaultValue={type}>
            {FACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`entity.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t("staff.show")}
          </button>
        </div>
      </Form>
      <FormOutcome answer={result} />
      {facts.length === 0 ? (
        <p>{t("staff.factsNone")}</p>
      ) : (
        <ScrollableTable label={t("staff.facts")}>
          <table className="status-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.col.record")}</th>
                <th scope="col">{t("staff.confidence")}</th>
                <th scope="col">{t("staff.col.action")}</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link to={`${PUBLIC_PATH[type]}/${f.id}`} lang="zh-CN">
                      {f.name_zh}
                    </Link>
                    {f.is_sample && <StatusBadge label={t("label.sample")} />}
                  </td>
                  <td>
                    {f.confidence === "high" ? (
                      t("confidence.high")
                    ) : (
                      <StatusBadge tone="warn" label={`${t(`confidence.${f.confidence}` as MessageKey)} · ${t("label.unverified")}`} />
                    )}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="type" value={type} />
                      <input type="hidden" name="id" value={f.id} />
                      <button type="submit" className="button button--secondary" aria-label={`${t("staff.markVerified")}:${f.name_zh}`}>
                        {t("staff.markVerified")}
                      </button>
                    </Form>
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
  return [{ title: `${t("staff.facts")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
