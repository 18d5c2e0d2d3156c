import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { getEvent } from "../../db/queries/events";
import { resolvedCatalogue } from "../../db/queries/event-catalogue-versions";
import { isFairStaff, visibleOr404 } from "../events/access.server";
import { boothText, EventBadges, L, productAtEvent } from "../events/parts";
import { slideIndex, useOfflinePresentation } from "../events/present-offline";
import { Picture } from "../components/picture";
import { publicOrigin } from "../platform/public-origin.server";
import { qrSvg } from "../platform/qr.server";
import { localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// the presenter covers the screen: the site header and footer would only be keyboard stops hidden behind it
export const handle = { chrome: "none" };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: metaTranslator(matches)("present.title", { name: data?.event.name_zh ?? "" }) },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  const catalogue = await resolvedCatalogue(db(), event.id);
  const origin = publicOrigin(context);
  const entries = [...catalogue.sections, ...catalogue.addendum].flatMap((s) =>
    s.entries.map((e) => ({ ...e, section_zh: s.title_zh, section_en: s.title_en })),
  );
  const url = new URL(request.url);
  const auto = Math.min(120, Math.max(0, Number(url.searchParams.get("auto")) || 0));
  const slides = await Promise.all(
    entries.map(async (e) => ({
      ...e,
      qr: await qrSvg(`${origin}${productAtEvent(e.product.id, event.id)}`),
    })),
  );
  return {
    event: { id: event.id, name_zh: event.name_zh, name_en: event.name_en },
    slides,
    auto,
    start: slideIndex(url.search, slides.length),
    // ?controls=0: the venue screen starts without the control bar
    controlsHidden: url.searchParams.get("controls") === "0",
  };
}

const NEXT = new Set(["ArrowRight", "PageDown", " ", "Spacebar", "ArrowDown"]);
// the control bar hides itself on the venue screen after this long without the mouse (not in 适老模式)
const CONTROLS_IDLE_MS = 5000;

/** How much room a name needs, CJK characters counting double: the slide sets a smaller size for long names. */
function nameLength(text: string): "short" | "long" | "very-long" {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return width > 96 ? "very-long" : width > 48 ? "long" : "short";
}
const PREVIOUS = new Set(["ArrowLeft", "PageUp", "ArrowUp"]);
// the photo's box (app.css: the first of two 1.2fr : 1fr columns, or the full width on a portrait screen), so srcset
// picks by the pixels it fills: 1600 px where the box is over 1280 device pixels (a 4K screen at 1920×1080), 640 px on
// a small one; a little over the exact box, never under, so the picture is not drawn blurry
const SLIDE_PHOTO_SIZES = "(orientation: portrait) 94vw, 52vw";

export default function PresentPage() {
  const { event, slides, auto, start, controlsHidden } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang, elder } = usePreferences();
  const [current, setCurrent] = useState(start);
  const [autoSeconds, setAutoSeconds] = useState(auto);
  // 适老模式 promises that nothing moves by itself: no auto-advance there, whether from ?auto= (a link shared by fair
  // staff), the A key or the button, and also when the mode is switched on while the page is open
  const advancing = elder ? 0 : autoSeconds;
  const [controls, setControls] = useState(!controlsHidden);
  const total = slides.length;
  const go = useCallback((delta: number) => setCurrent((c) => Math.max(0, Math.min(total - 1, c + delta))), [total]);

  // keyboard and presentation clickers (which send PageDown/PageUp or the arrow keys)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (NEXT.has(e.key)) {
        e.preventDefault();
        go(1);
      } else if (PREVIOUS.has(e.key)) {
        e.preventDefault();
        go(-1);
      } else if (e.key === "h" || e.key === "H") setControls((c) => !c);
      else if (e.key === "Home") setCurrent(0);
      else if (e.key === "End") setCurrent(total - 1);
      else if (!elder && (e.key === "a" || e.key === "A")) setAutoSeconds((s) => (s ? 0 : 10));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, total, elder]);

  // the bar comes back with the mouse and goes again when it rests; 适老模式 keeps it where it is
  useEffect(() => {
    if (elder) return;
    let timer = window.setTimeout(() => setControls(false), CONTROLS_IDLE_MS);
    const show = () => {
      setControls(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setControls(false), CONTROLS_IDLE_MS);
    };
    window.addEventListener("pointermove", show);
    window.addEventListener("pointerdown", show);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("pointermove", show);
      window.removeEventListener("pointerdown", show);
    };
  }, [elder]);

  useEffect(() => {
    if (!advancing) return;
    const timer = window.setInterval(() => setCurrent((c) => (c + 1) % Math.max(1, total)), advancing * 1000);
    return () => window.clearInterval(timer);
  }, [advancing, total]);

  // offline: a service worker scoped to this presentation serves what this caches once the page has loaded
  const cached = useOfflinePresentation(event.id, lang);

  // the offline copy of the page is stored without ?slide= (one copy serves every slide): the slide comes from the
  // address the page was opened at, read after hydration so the server's HTML and the first render still agree
  useEffect(() => {
    setCurrent(slideIndex(window.location.search, total));
  }, [total]);

  // the key help names only what works: in elder mode there is no A key
  const help = t(elder ? "present.helpElder" : "present.help");

  if (total === 0)
    return (
      <div className="present">
        <p className="present-empty">{t("present.empty")}</p>
        <Link to={`/events/${event.id}`}>{t("events.back")}</Link>
      </div>
    );

  return (
    <div className="present" data-slide={current + 1} data-offline-ready={cached ? "true" : "false"} data-controls={controls ? "shown" : "hidden"}>
      <h1 className="event-sr-only">
        <L lang={lang} zh={event.name_zh} en={event.name_en} />
      </h1>
      {slides.map((s, i) => {
        const name = localized(lang, s.product.name_zh, s.product.name_en);
        const note = localized(lang, s.note_zh, s.note_en);
        const picture = s.product.images[0];
        return (
          <section
            key={`${i}-${s.product.id}`}
            className="slide"
            hidden={i !== current}
            aria-roledescription="slide"
            aria-label={t("present.slide", { n: i + 1, total })}
          >
            <div className="slide-photo">
              {picture && (
                <Picture
                  variants={picture.variants}
                  width={picture.width}
                  height={picture.height}
                  alt={(lang === "en" && picture.alt_en) || picture.alt_zh || ""}
                  sizes={SLIDE_PHOTO_SIZES}
                  eager
                  // the offline copy keeps this site's /images files (app/events/present-offline.ts)
                  sameOrigin
                />
              )}
            </div>
            <div className="slide-text">
              <p className="slide-section">
                <L lang={lang} zh={s.section_zh} en={s.section_en} />
              </p>
              <h2 className="slide-name" lang={name.lang} data-length={nameLength(name.text)}>
                {name.text}
              </h2>
              <p className="slide-badges">
                <EventBadges product={s.product} t={t} lang={lang} className="badge badge--gi slide-badge" />
              </p>
              <p className="slide-producer">
                <L lang={lang} zh={s.product.organization_zh} en={s.product.organization_en} />
              </p>
              {note.text && (
                <p className="slide-note" lang={note.lang}>
                  {note.text}
                </p>
              )}
            </div>
            {/* the booth and the QR code sit in the row the layout never pushes off the screen */}
            <div className="slide-foot">
              <p className="slide-booth">{boothText(t, s.hall, s.booth)}</p>
              <figure className="slide-qr">
                <div dangerouslySetInnerHTML={{ __html: s.qr }} />
                <figcaption>{t("present.scan")}</figcaption>
              </figure>
            </div>
          </section>
        );
      })}
      <nav className="present-controls" aria-label={help}>
        <a
          href={`?slide=${Math.max(1, current)}`}
          className="button button--secondary"
          onClick={(e) => {
            e.preventDefault();
            go(-1);
          }}
        >
          {t("present.previous")}
        </a>
        <span aria-live="polite">{t("present.slide", { n: current + 1, total })}</span>
        <a
          href={`?slide=${Math.min(total, current + 2)}`}
          className="button button--secondary"
          onClick={(e) => {
            e.preventDefault();
            go(1);
          }}
        >
          {t("present.next")}
        </a>
        {!elder && (
          <button type="button" className="button button--secondary" aria-pressed={autoSeconds > 0} onClick={() => setAutoSeconds((s) => (s ? 0 : 10))}>
            {autoSeconds ? t("present.stopAuto") : t("present.auto")}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => setControls(false)}>
          {t("present.hideControls")}
        </button>
        <span className="muted">{help}</span>
        {cached && <span className="muted">{t("present.offlineReady")}</span>}
      </nav>
    </div>
  );
}
