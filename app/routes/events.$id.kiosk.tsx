import { categoryEn } from "../domain/product-form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { getEvent } from "../../db/queries/events";
import { listExhibitors } from "../../db/queries/event-exhibitors";
import { productSearchRows } from "../../db/queries/products";
import { isFairStaff, visibleOr404 } from "../events/access.server";
import { createHandoff, kioskAdd, kioskRemove, kioskReset, kioskSearch, kioskShortlist } from "../events/kiosk.server";
import { boothText, EventBadges, imageUrl, L } from "../events/parts";
import { publicOrigin } from "../platform/public-origin.server";
import { qrSvg } from "../platform/qr.server";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { recordIdOr404 } from "../lib/route-params";
import { db, search } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// a kiosk shows only kiosk screens: no site header or footer to leave it by (sign-in, language, other pages)
export const handle = { chrome: "none" };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: metaTranslator(matches)("kiosk.title", { name: data?.event.name_zh ?? "" }) },
];

/** The idle timeout in seconds: a minute, or `?idle=` (2–600) so tests and rehearsals need not wait. */
function idleSeconds(url: URL) {
  const v = Number(url.searchParams.get("idle"));
  return Number.isFinite(v) && v >= 2 && v <= 600 ? Math.round(v) : 60;
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 50);
  const category = url.searchParams.get("category") || null;
  const [{ categories, results }, listIds, exhibitors] = await Promise.all([
    kioskSearch(db(), search(), event.id, q, category),
    kioskShortlist(db(), request, event.id),
    listExhibitors(db(), event.id),
  ]);
  const booths = new Map(exhibitors.map((x) => [x.organization_id, x]));
  const listed = await productSearchRows(db(), listIds);
  const handoff = url.searchParams.get("handoff");
  const handoffUrl = handoff && /^[A-Za-z0-9_-]{43}$/.test(handoff) ? `${publicOrigin(context)}/events/${event.id}/take/${handoff}` : null;
  const card = (p: (typeof results)[number]) => {
    const b = booths.get(p.organization_id);
    return { product: p, image: imageUrl(p, 480), hall: b?.hall ?? null, booth: b?.booth ?? null };
  };
  return {
    event: { id: event.id, name_zh: event.name_zh, name_en: event.name_en },
    q,
    category,
    categories,
    results: results.map(card),
    list: listed.map(card),
    listIds,
    idle: idleSeconds(url),
    idleParam: url.searchParams.get("idle"),
    handoff: handoffUrl ? { url: handoffUrl, svg: await qrSvg(handoffUrl), token: handoff! } : null,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  const form = await request.formData();
  const back = String(form.get("back") ?? "");
  const base = `/events/${event.id}/kiosk`;
  const target = back.startsWith("?") ? `${base}${back}` : base;
  const productId = Number(form.get("product_id"));
  switch (form.get("intent")) {
    case "add": {
      const setCookie = await kioskAdd(db(), request, event.id, productId);
      return redirect(target, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
    }
    case "remove":
      await kioskRemove(db(), request, event.id, productId);
      return redirect(target);
    case "handoff": {
      const ids = await kioskShortlist(db(), request, event.id);
      if (ids.length === 0) return redirect(target);
      const token = await createHandoff(db(), event.id, ids);
      const params = new URLSearchParams(back.startsWith("?") ? back.slice(1) : "");
      params.set("handoff", token);
      return redirect(`${base}?${params}`);
    }
    case "reset": {
      const idle = form.get("idle");
      return redirect(idle ? `${base}?idle=${encodeURIComponent(String(idle))}` : base, {
        headers: { "Set-Cookie": await kioskReset(db(), request, event.id) },
      });
    }
    default:
      throw data({ error: "bad intent" }, { status: 400 });
  }
}

export default function KioskPage() {
  const { event, q, category, categories, results, list, listIds, idle, idleParam, handoff } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  const resetForm = useRef<HTMLFormElement>(null);
  const keep = new URLSearchParams();
  if (q) keep.set("q", q);
  if (category) keep.set("category", category);
  if (idleParam) keep.set("idle", idleParam);
  const back = `?${keep}`;
  const link = (c: string | null) => {
    const p = new URLSearchParams();
    if (c) p.set("category", c);
    if (idleParam) p.set("idle", idleParam);
    const s = p.toString();
    return s ? `?${s}` : `/events/${event.id}/kiosk`;
  };
  const atStart = !q && !category && list.length === 0 && !handoff;
  const otherLang = lang === "en" ? "zh-CN" : "en";
  const langSwitch = new URLSearchParams(keep);
  langSwitch.set("lang", otherLang);

  // a minute without a touch: back to the start, the list cleared (server-side) — unless already there
  useEffect(() => {
    if (atStart) return;
    let timer = window.setTimeout(fire, idle * 1000);
    function fire() {
      resetForm.current?.requestSubmit();
    }
    const poke = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(fire, idle * 1000);
    };
    const events = ["pointerdown", "keydown", "input", "touchstart", "scroll"] as const;
    for (const e of events) window.addEventListener(e, poke, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, poke);
    };
  }, [idle, atStart, q, category, listIds.length, handoff]);

  // once the visitor's phone has taken the list, the kiosk starts over at once: the next visitor must not see the
  // previous one's list or QR code
  useEffect(() => {
    if (!handoff) return;
    let stopped = false;
    const timer = window.setInterval(async () => {
      try {
        const res = await fetch(`/events/${event.id}/kiosk/handoff/${handoff.token}`, { cache: "no-store" });
        const body = (await res.json()) as { taken?: boolean };
        if (body.taken && !stopped) {
          stopped = true;
          resetForm.current?.requestSubmit();
        }
      } catch {
        // the venue network hiccups: ask again next time
      }
    }, 2000);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [handoff, event.id]);

  return (
    <div className="kiosk" data-idle-seconds={idle} data-at-start={atStart ? "true" : "false"}>
      <header className="kiosk-header">
        <h1>
          <L lang={lang} zh={event.name_zh} en={event.name_en} />
        </h1>
        {/* the kiosk's own language switch: the site header, which has one, is not shown here */}
        <a className="kiosk-button kiosk-button--secondary" href={`?${langSwitch}`} hrefLang={otherLang} lang={otherLang}>
          {t("prefs.switchToOther")}
        </a>
        <Form method="post" ref={resetForm}>
          <input type="hidden" name="intent" value="reset" />
          {idleParam && <input type="hidden" name="idle" value={idleParam} />}
          <button className="kiosk-button kiosk-button--secondary" type="submit">
            {t("kiosk.startOver")}
          </button>
        </Form>
      </header>
      <p className="kiosk-hint">{t("kiosk.hint")}</p>
      <Form method="get" className="kiosk-search" role="search">
        <label htmlFor="kiosk-q">{t("kiosk.searchLabel")}</label>
        <input id="kiosk-q" name="q" type="search" defaultValue={q} autoComplete="off" maxLength={50} />
        {category && <input type="hidden" name="category" value={category} />}
        {idleParam && <input type="hidden" name="idle" value={idleParam} />}
        <button className="kiosk-button" type="submit">
          {t("kiosk.search")}
        </button>
      </Form>
      <nav className="kiosk-categories" aria-label={t("events.category")}>
        <Link className="kiosk-button kiosk-button--secondary" to={link(null)} aria-current={!category ? "page" : undefined}>
          {t("kiosk.all")}
        </Link>
        {categories.map((c) => (
          <Link key={c} className="kiosk-button kiosk-button--secondary" to={link(c)} aria-current={category === c ? "page" : undefined}>
            <L lang={lang} zh={c} en={categoryEn(c)} />
          </Link>
        ))}
      </nav>
      <p className="kiosk-idle">{t("kiosk.idle")}</p>
      <div className="kiosk-body">
        <section aria-labelledby="kiosk-results">
          <h2 id="kiosk-results">{results.length ? t("kiosk.results", { count: results.length }) : t("kiosk.noResults")}</h2>
          <ul className="kiosk-grid">
            {results.map((r) => {
              const name = localized(lang, r.product.name_zh, r.product.name_en);
              const inList = listIds.includes(r.product.id);
              return (
                <li key={r.product.id} className="kiosk-card">
                  {r.image && <img src={r.image} alt="" width={240} height={180} />}
                  <h3 lang={name.lang}>{name.text}</h3>
                  <p>
                    <EventBadges product={r.product} t={t} lang={lang} />
                  </p>
                  <p>
                    <L lang={lang} zh={r.product.organization_zh} en={r.product.organization_en} />
                  </p>
                  <p className="kiosk-booth">{boothText(t, r.hall, r.booth)}</p>
                  <Form method="post">
                    <input type="hidden" name="intent" value={inList ? "remove" : "add"} />
                    <input type="hidden" name="product_id" value={r.product.id} />
                    <input type="hidden" name="back" value={back} />
                    <button
                      className={inList ? "kiosk-button kiosk-button--secondary" : "kiosk-button"}
                      type="submit"
                      aria-label={`${inList ? t("kiosk.remove") : t("kiosk.add")}: ${name.text}`}
                    >
                      {inList ? t("kiosk.remove") : t("kiosk.add")}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </section>
        <aside className="kiosk-list" aria-labelledby="kiosk-list-title">
          <h2 id="kiosk-list-title">{t("kiosk.shortlist", { count: list.length })}</h2>
          {list.length === 0 ? (
            <p>{t("kiosk.shortlistEmpty")}</p>
          ) : (
            <ul>
              {list.map((r) => (
                <li key={r.product.id}>
                  <L lang={lang} zh={r.product.name_zh} en={r.product.name_en} /> · {boothText(t, r.hall, r.booth)}
                </li>
              ))}
            </ul>
          )}
          {list.length > 0 && (
            <Form method="post">
              <input type="hidden" name="intent" value="handoff" />
              <input type="hidden" name="back" value={back} />
              <button className="kiosk-button" type="submit">
                {t("kiosk.takeAway")}
              </button>
            </Form>
          )}
          {handoff && (
            <figure className="kiosk-qr">
              <div dangerouslySetInnerHTML={{ __html: handoff.svg }} />
              <figcaption>{t("kiosk.takeAwayHint")}</figcaption>
            </figure>
          )}
        </aside>
      </div>
    </div>
  );
}
