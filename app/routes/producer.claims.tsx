import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireProducer } from "../auth/guards.server";
import { FieldErrors, FormActions, FormErrors, SelectField, TextField } from "../components/form";
import { ClaimsTable } from "../components/claims-table";
import { asText } from "../components/staff";
import { msg, recordId } from "../domain/fields";
import { BASES, claimSchema, parseTarget } from "../domain/review-forms";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound } from "../lib/route-params";
import { claimChoices, claimsOf, fileClaim, withdrawClaim } from "../../db/queries/claims";
import { endingState } from "../domain/authorisation-ending";
import { guidanceAside } from "../../db/queries/guidance";
import { GuidanceAside } from "../components/guidance";
import { CLAIM_GUIDANCE } from "../guidance/default-texts";
import { db } from "../services.server";
import { noticeReply, type FormAnswer } from "../domain/form-reply";

// A producer's claims to use a GI or a regional brand, for its own organisation only (the organisation comes from the
// session, never from the form). Claims wait as pending until staff verify them.

const withdrawSchema = z.object({
  kind: z.enum(["gi", "brand"]),
  id: recordId(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  const [claims, choices, guidance] = await Promise.all([claimsOf(db(), user.organization_id), claimChoices(db()), guidanceAside(db(), CLAIM_GUIDANCE)]);
  // ?renew=gi:12 (the 申请续期 link) pre-fills the form's target with the authorisation being renewed
  const renew = new URL(request.url).searchParams.get("renew");
  const renewTarget = renew && claims.some((c) => `${c.kind}:${c.target_id}` === renew && c.verification === "verified") ? renew : null;
  return { claims, choices, renewTarget, guidance };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const formData = await request.formData();
  if (formData.get("intent") === "withdraw") {
    const parsed = withdrawSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) notFound();
    const done = await db()
      .transaction()
      .execute((trx) => withdrawClaim(trx, user.organization_id, parsed.data.kind, parsed.data.id));
    if (!done) notFound();
    return noticeReply("claims.withdrawn");
  }
  const submission = parseWithZod(formData, { schema: claimSchema });
  if (submission.status !== "success") return data<FormAnswer>(submission.reply(), { status: 400 });
  const v = submission.value;
  const target = parseTarget(v.target);
  const outcome = await db()
    .transaction()
    .execute((trx) =>
      fileClaim(trx, user.organization_id, user.id, {
        kind: target.kind,
        targetId: target.id,
        basis: v.basis,
        reference: v.reference,
        validFrom: v.valid_from,
        validTo: v.valid_to,
      }),
    );
  if (outcome === "unknown_target")
    return data<FormAnswer>(submission.reply({ fieldErrors: { target: [msg("validation.unknownReference", { value: v.target })] } }), { status: 400 });
  return noticeReply(outcome === "renewal_filed" ? "claims.renewalFiled" : "claims.filed", submission.reply({ resetForm: true }));
}

export default function ProducerClaims() {
  const { claims, choices, renewTarget, guidance } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    ...validateOnSubmit,
    lastResult: actionData,
    defaultValue: renewTarget ? { target: renewTarget } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: claimSchema }),
  });
  const target = asText(fields.target);
  const { key: targetKey, ...targetProps } = getSelectProps(target, { ariaDescribedBy: undefined });
  return (
    <section className="form">
      <h1>{t("claims.title")}</h1>
      <p>{t("claims.intro")}</p>
      {actionData?.notice && (
        <p className="notice" role="status">
          {t(actionData.notice as MessageKey)}
        </p>
      )}
      <h2>{t("claims.list")}</h2>
      {claims.length === 0 ? (
        <p>{t("claims.none")}</p>
      ) : (
        <ClaimsTable
          claims={claims}
          showVerifier={false}
          actions={(c) => {
            const ending = endingState(c);
            const renewal = claims.find((r) => r.kind === c.kind && r.renews_id === c.id);
            if (c.verification === "verified")
              return (
                <>
                  {ending && <span className="badge badge--unverified">{t(ending.key, { days: ending.days })}</span>}{" "}
                  {renewal ? (
                    t("claims.renewing")
                  ) : (
                    <Link to={`?renew=${c.kind}:${c.target_id}#new-claim`} aria-label={`${t("claims.renew")}:${c.name_zh}`}>
                      {t("claims.renew")}
                    </Link>
                  )}
                  {/* a label to print beside the goods, leading to /verify; its page says when it cannot be printed */}
                  {ending?.key !== "claims.expired" && (
                    <>
                      {" "}
                      <Link to={`/producer/claims/${c.kind}/${c.id}/label`} aria-label={`${t("producer.printLabel")}:${c.name_zh}`}>
                        {t("producer.printLabel")}
                      </Link>
                    </>
                  )}
                </>
              );
            return (
              c.verification === "pending" && (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="kind" value={c.kind} />
                  <input type="hidden" name="id" value={c.id} />
                  <button type="submit" className="button button--secondary" aria-label={`${t("claims.withdraw")}:${c.name_zh}`}>
                    {t("claims.withdraw")}
                  </button>
                </Form>
              )
            );
          }}
        />
      )}

      <h2 id="new-claim">{t("claims.new")}</h2>
      {renewTarget && <p className="notice">{t("claims.renewHint")}</p>}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <div className="field">
          <label htmlFor={target.id}>{t("claims.target")}</label>
          <select key={targetKey} {...targetProps}>
            <option value="">{t("claims.choose")}</option>
            <optgroup label={t("claim.kind.gi")}>
              {choices.gis.map((g) => (
                <ChoiceOption key={`gi-${g.id}`} value={`gi:${g.id}`} zh={g.name_zh} en={g.name_en} />
              ))}
            </optgroup>
            <optgroup label={t("claim.kind.brand")}>
              {choices.brands.map((b) => (
                <ChoiceOption key={`brand-${b.id}`} value={`brand:${b.id}`} zh={b.name_zh} en={b.name_en} />
              ))}
            </optgroup>
          </select>
          <FieldErrors meta={fields.target} />
        </div>
        {/* choosing what to claim: how the GI special mark and a regional brand are applied for */}
        <GuidanceAside entries={guidance.entries} contact={guidance.contact} headingLevel={3} />
        <SelectField
          meta={asText(fields.basis)}
          label={t("claims.basis")}
          hint={t("claims.basisHint")}
          options={[{ value: "", label: "—" }, ...BASES.map((b) => ({ value: b, label: t(`basis.${b}` as MessageKey) }))]}
        />
        <TextField meta={asText(fields.reference)} label={t("claims.reference")} hint={t("claims.referenceHint")} lang="zh-CN" />
        <TextField meta={asText(fields.valid_from)} label={t("claims.validFrom")} type="date" />
        <TextField meta={asText(fields.valid_to)} label={t("claims.validTo")} hint={t("claims.validToHint")} type="date" />
        <FormActions>
          <button type="submit" className="button">
            {t("claims.file")}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("claims.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";

/** A GI or brand to claim, named in the page's language. */
function ChoiceOption({ value, zh, en }: { value: string; zh: string; en: string | null }) {
  const { lang } = usePreferences();
  const l = localized(lang, zh, en);
  return (
    <option value={value} lang={l.lang}>
      {l.text}
    </option>
  );
}
