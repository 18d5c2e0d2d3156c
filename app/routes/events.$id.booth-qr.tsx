import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "../auth/guards.server";
import { FAIR_MANAGERS } from "../events/access.server";
import { boothQr } from "../events/booth-qr.server";
import { boothText, L } from "../events/parts";
import { metaTranslator, translator, usePreferences, useT } from "../i18n/i18n";
import { readPreferences } from "../i18n/preferences.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { getEvent } from "../../db/queries/events";
import { listExhibitors } from "../../db/queries/event-exhibitors";
import { db } from "../services.server";

// /events/:id/booth-qr[?exhibitor=<id>] — printable booth QR sheets (展位二维码), one booth per A4 page: fair staff
// print any (all by default); a producer prints only its own organisation's booth.

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, [...FAIR_MANAGERS, "producer"]);
  const event = await getEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const only = new URL(request.url).searchParams.get("exhibitor");
  const exhibitors = (await listExhibitors(db(), event.id, { withUnreviewed: true }))
    .filter((x) => user.role !== "producer" || x.organization_id === user.organization_id)
    .filter((x) => !only || String(x.id) === only);
  if (user.role === "producer" && (exhibitors.length === 0 || event.status === "draft")) notFound();
  const t = translator(readPreferences(request).prefs.lang);
  const booths = await Promise.all(exhibitors.map(async (x) => ({ ...x, qr: await boothQr(context, event.id, x.id, t("leads.qrLabel")) })));
  return { event, booths, staff: user.role !== "producer" };
}

export default function BoothQrSheets() {
  const { event: e, booths, staff } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <div className="booth-sheets">
      <div className="no-print">
        <p>
          <Link to={staff ? `/events/${e.id}/manage` : "/producer"}>{staff ? t("events.back") : t("inbox.backToDashboard")}</Link>
        </p>
        <h1>
          {t("leads.qrTitle")}: <L lang={lang} zh={e.name_zh} en={e.name_en} />
        </h1>
        <p>{t("leads.qrIntro")}</p>
      </div>
      {booths.length === 0 && <p>{t("leads.noBooths")}</p>}
      {booths.map((b) => (
        <section key={b.id} className="booth-sheet" aria-labelledby={`booth-${b.id}`}>
          <h2 id={`booth-${b.id}`}>
            <L lang={lang} zh={b.name_zh} en={b.name_en} />
          </h2>
          <p>
            <L lang={lang} zh={e.name_zh} en={e.name_en} /> · <strong>{boothText(t, b.hall, b.booth)}</strong>
          </p>
          <div className="booth-sheet__code" dangerouslySetInnerHTML={{ __html: b.qr.svg }} />
          <p className="booth-sheet__call">{t("leads.scanToContact")}</p>
          <p className="booth-sheet__url">{b.qr.url}</p>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("leads.qrTitle")} · ${metaTranslator(matches)("events.title")}` }];

export { ErrorBoundary } from "../components/route-error";
