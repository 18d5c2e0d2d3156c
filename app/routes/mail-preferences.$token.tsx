import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { mailPreference, setMailPreference } from "../../db/queries/notifications";
import { metaTranslator, translator, useT } from "../i18n/i18n";
import { readPreferences } from "../i18n/preferences.server";
import { addressFromPreferencesToken } from "../notifications/signing.server";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// GET/POST /mail-preferences/<token> — the link at the foot of every e-mail: which notices this address gets, or none.
// The token is the address signed with a secret (app/notifications/signing.server.ts), so no sign-in is needed and
// nobody can change another address's settings. A plain form: works without JavaScript.

const KINDS = ["new_inquiry", "new_lead", "inquiry_reply", "review_decision"] as const;

function addressOr404(request: Request, token: string | undefined): string {
  const address = addressFromPreferencesToken(token ?? "");
  if (!address) throw data({ error: translator(readPreferences(request).prefs.lang)("mailPrefs.invalid") }, { status: 404 });
  return address;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const address = addressOr404(request, params.token);
  const pref = await mailPreference(db(), address);
  return data(
    { address, allOff: pref.allOff, off: pref.offKinds },
    // the token is a credential for this page: keep it out of caches and of other sites' Referer (same-origin, not
    // no-referrer: that would send the form's own POST with Origin: null, which the origin check refuses)
    { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const address = addressOr404(request, params.token);
  const form = await request.formData();
  const receive = new Set(form.getAll("receive").map(String));
  await setMailPreference(db(), address, { allOff: form.get("all_off") === "1", offKinds: KINDS.filter((k) => !receive.has(k)) });
  throw redirect(`/mail-preferences/${params.token}?saved=1`);
}

export default function MailPreferencesPage() {
  const { address, allOff, off } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <section className="form">
      <h1>{t("mailPrefs.title")}</h1>
      <p>{t("mailPrefs.intro", { address })}</p>
      {params.get("saved") === "1" && (
        <p className="notice" role="status">
          {t("mailPrefs.saved")}
        </p>
      )}
      <Form method="post">
        <fieldset>
          <legend>{t("mailPrefs.kinds")}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" name="receive" value={k} defaultChecked={!off.includes(k)} />
              <span>{t(`mailPrefs.kind.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" name="all_off" value="1" defaultChecked={allOff} />
          <span>{t("mailPrefs.allOff")}</span>
        </label>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("mailPrefs.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

// the loader's headers reach the document: the page shows an address, so no cache may keep it
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("mailPrefs.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};
