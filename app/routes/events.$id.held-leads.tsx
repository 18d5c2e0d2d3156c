import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getEvent } from "../../db/queries/events";
import { acceptHeldLeadsOfEvent, heldLeadsOfEvent } from "../../db/queries/held-leads";
import { ContentText } from "../components/content-text";
import { ScrollableTable } from "../components/scrollable-table";
import { requireFairStaff } from "../events/access.server";
import { boothText, L } from "../events/parts";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { chinaDateTime } from "../platform/china-time";
import { db } from "../services.server";

// /events/:id/held-leads — booth leads that arrived past a limit (one phone or one booth sending many in a short time,
// issue 19). They were kept, not refused; fair staff confirm them here (one, or all at once after a busy hour) and
// they reach the exhibitors' inboxes as new inquiries. Exhibitors can also confirm their own in the inbox.

export async function loader({ params, request }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const leads = await heldLeadsOfEvent(db(), event.id);
  return data(
    { event: { id: event.id, name_zh: event.name_zh, name_en: event.name_en }, leads: leads.map((l) => ({ ...l, created_at: chinaDateTime(l.created_at) })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = await requireFairStaff(request);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const form = await request.formData();
  const raw = String(form.get("id") ?? "");
  if (raw !== "all" && !/^\d{1,15}$/.test(raw)) throw data({ error: "bad id" }, { status: 400 });
  const accepted = await acceptHeldLeadsOfEvent(db(), event.id, raw === "all" ? "all" : [Number(raw)], user.id);
  return redirect(`/events/${event.id}/held-leads?accepted=${accepted}`);
}

export default function HeldLeadsPage() {
  const { event, leads } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const { lang } = usePreferences();
  const accepted = search.get("accepted");
  return (
    <section>
      <p>
        <Link to={`/events/${event.id}/manage`}>{t("events.manage")}</Link>
      </p>
      <h1>
        {t("leads.heldTitle")} · <L lang={lang} zh={event.name_zh} en={event.name_en} />
      </h1>
      <p>{t("leads.heldIntro")}</p>
      {accepted !== null && /^\d+$/.test(accepted) && (
        <p className="notice" role="status">
          {t("leads.accepted", { count: Number(accepted) })}
        </p>
      )}
      {leads.length === 0 ? (
        <p>{t("leads.heldNone")}</p>
      ) : (
        <>
          <Form method="post">
            <input type="hidden" name="id" value="all" />
            <button type="submit" className="button">
              {t("leads.acceptAll", { count: leads.length })}
            </button>
          </Form>
          <ScrollableTable labelledBy="held-caption">
            <table className="status-table held-leads-table">
              <caption id="held-caption">{t("leads.heldCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("leads.receivedAt")}</th>
                  <th scope="col">{t("leads.exhibitor")}</th>
                  <th scope="col">{t("leads.buyer")}</th>
                  <th scope="col">{t("leads.contact")}</th>
                  <th scope="col">{t("leads.message")}</th>
                  <th scope="col">{t("leads.heldReason")}</th>
                  <th scope="col">
                    <span className="buyers-sr-only">{t("leads.accept")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {leads.map((l) => (
                  <tr key={l.id}>
                    <td>{l.created_at}</td>
                    <td>
                      {l.booth ? `${boothText(t, l.hall, l.booth)} · ` : ""}
                      <L lang={lang} zh={l.name_zh} en={l.name_en} />
                    </td>
                    <td>
                      <ContentText text={l.buyer_name} />
                      {l.buyer_organization && (
                        <>
                          {" · "}
                          <ContentText text={l.buyer_organization} />
                        </>
                      )}
                    </td>
                    <td>
                      <ContentText
                        text={[l.buyer_phone, l.buyer_email, l.buyer_wechat && `${t("contact.wechat")}: ${l.buyer_wechat}`].filter(Boolean).join(" · ")}
                      />
                    </td>
                    <td className="prewrap">
                      <ContentText text={l.message} />
                    </td>
                    <td>{l.held_reason && t(`leads.heldReason.${l.held_reason}` as MessageKey)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="id" value={l.id} />
                        <button type="submit" className="button button--secondary" aria-label={t("leads.acceptNamed", { name: l.buyer_name })}>
                          {t("leads.accept")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("leads.heldTitle")} · ${metaTranslator(matches)("site.name")}` }];

export { ErrorBoundary } from "../components/route-error";
