import { LocalizedText } from "../components/localized-text";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { creditCodeProblem, normaliseCreditCode } from "../domain/credit-code";
import { todayInChina } from "../platform/china-time";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { validityText } from "../lib/format";
import { verifyByCreditCode } from "../../db/queries/verify";
import { db } from "../services.server";
import { CreditCode } from "../components/credit-code";

// docs/interfaces.md: GET /verify?code=<统一社会信用代码> — the code users must print next to the GI special mark, also reached
// from the QR code on a label. A malformed code says what is wrong (400); a valid code not in the public catalogue
// says so (404); a known one lists what the organisation may use today, with basis and validity.

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("code");
  const today = todayInChina();
  if (raw === null || raw.trim() === "") return { state: "empty" as const, code: "", today };
  const code = normaliseCreditCode(raw).slice(0, 40);
  const problem = creditCodeProblem(code);
  if (problem) return data({ state: "invalid" as const, code, problem, today }, { status: 400 });
  const found = await verifyByCreditCode(db(), code);
  if (!found) return data({ state: "unknown" as const, code, today }, { status: 404 });
  return { state: "found" as const, code, today, ...found };
}

// Authorisations change: a scanned label must never be answered from a stale cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export default function VerifyPage() {
  const result = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const invalid = result.state === "invalid";
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      <Form method="get" className="inline-fields" role="search">
        <div className="field">
          <label htmlFor="code">{t("verify.code")}</label>
          <p id="code-hint" className="field-hint">
            {t("verify.codeHint")}
          </p>
          <input
            id="code"
            name="code"
            defaultValue={result.code}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? "code-hint code-error" : "code-hint"}
          />
          {result.state === "invalid" && (
            <p id="code-error" className="field-error" role="alert">
              {t("verify.badCode", { problem: t(`validation.creditCode.${result.problem}` as MessageKey) })}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("verify.submit")}
          </button>
        </div>
      </Form>

      {result.state === "unknown" && (
        <p className="notice" role="status">
          {t("verify.notInCatalogue", { code: result.code })}
        </p>
      )}

      {result.state === "found" && (
        <article className="verify-result" aria-labelledby="verify-org">
          <h2 id="verify-org" lang={localized(lang, result.org.name_zh, result.org.name_en).lang}>
            {localized(lang, result.org.name_zh, result.org.name_en).text}
          </h2>
          <dl className="facts">
            <dt>{t("record.creditCode")}</dt>
            <dd>
              <CreditCode code={result.org.credit_code ?? ""} />
            </dd>
            <dt>{t("record.origin")}</dt>
            <dd lang={localized(lang, result.org.county_zh, result.org.county_en).lang}>
              {localized(lang, result.org.county_zh, result.org.county_en).text || t("common.unknown")}
            </dd>
          </dl>
          <h3>{t("verify.mayUse", { date: result.today })}</h3>
          {result.authorisations.gis.length + result.authorisations.brands.length === 0 ? (
            <p>{t("verify.none")}</p>
          ) : (
            <ul className="plain-list">
              {result.authorisations.gis.map((g) => (
                <li key={`gi-${g.gi_id}`}>
                  <span className="badge badge--gi">
                    {t("record.giBadge")}
                    <LocalizedText zh={g.name_zh} en={g.name_en} />
                  </span>{" "}
                  — {t(`basis.${g.basis}` as MessageKey)}
                  {g.basis_reference ? ` (${g.basis_reference})` : ""}, {validityText(t, g.valid_from, g.valid_to)}
                </li>
              ))}
              {result.authorisations.brands.map((b) => (
                <li key={`rb-${b.brand_id}`}>
                  <span className="badge badge--gi">
                    {t("record.regionalBadge")}
                    <LocalizedText zh={b.name_zh} en={b.name_en} />
                  </span>
                  {b.licence_no ? ` — ${t("claim.licence")} ${b.licence_no}` : ""}, {validityText(t, b.valid_from, b.valid_to)}
                </li>
              ))}
            </ul>
          )}
          <h3>{t("verify.products")}</h3>
          {result.products.length === 0 ? (
            <p>{t("record.none")}</p>
          ) : (
            <ul className="plain-list">
              {result.products.map((p) => (
                <li key={p.id}>
                  <Link to={`/products/${p.id}`} lang={lang === "en" && p.name_en ? "en" : "zh-CN"}>
                    {lang === "en" && p.name_en ? p.name_en : p.name_zh}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/organizations/${result.org.id}`}>{t("verify.openProfile")}</Link>
          </p>
        </article>
      )}
      <p>
        <Link to="/report">{t("verify.reportLink")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("verify.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
