import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { exhibitorProductIds, listExhibitors } from "../../db/queries/event-exhibitors";
import { getPublicEvent } from "../../db/queries/events";
import { productSearchRows } from "../../db/queries/products";
import { boothText, EventBadges, L, productAtEvent } from "../events/parts";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("handoff.title") }, { name: "robots", content: "noindex" }];

/** A list taken from the kiosk before hand-offs landed in the shortlist (links bookmarked then keep working): products of the event's exhibitors named in `?ids=` (public records only). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const event = await getPublicEvent(db(), recordIdOr404(params.id));
  if (!event) notFound();
  const wanted = (new URL(request.url).searchParams.get("ids") ?? "")
    .split(",")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, 100);
  const allowed = new Set(await exhibitorProductIds(db(), event.id));
  const products = await productSearchRows(
    db(),
    wanted.filter((id) => allowed.has(id)),
  );
  const booths = new Map((await listExhibitors(db(), event.id)).map((x) => [x.organization_id, x]));
  return {
    event: { id: event.id, name_zh: event.name_zh, name_en: event.name_en },
    items: products.map((p) => ({ product: p, hall: booths.get(p.organization_id)?.hall ?? null, booth: booths.get(p.organization_id)?.booth ?? null })),
  };
}

export default function TakenListPage() {
  const { event, items } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <div>
      <h1>{t("handoff.title")}</h1>
      <p>
        <Link to={`/events/${event.id}`}>
          <L lang={lang} zh={event.name_zh} en={event.name_en} />
        </Link>
      </p>
      <p>{t("handoff.intro")}</p>
      <ul className="event-entries">
        {items.map((i) => {
          const name = localized(lang, i.product.name_zh, i.product.name_en);
          return (
            <li key={i.product.id} className="event-entry">
              <Link to={productAtEvent(i.product.id, event.id)} lang={name.lang}>
                {name.text}
              </Link>{" "}
              <EventBadges product={i.product} t={t} lang={lang} />
              <br />
              <span className="muted">
                <L lang={lang} zh={i.product.organization_zh} en={i.product.organization_en} /> · {boothText(t, i.hall, i.booth)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
