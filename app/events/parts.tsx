import { Link } from "@remix-run/react";
import { localized, type Lang, type Translate } from "../i18n/i18n";
import type { PublicProduct } from "../../db/queries/products";

// Pieces shared by the event page, presenter, kiosk and print views.

/** GI and regional-brand badges, only when the authorised use is verified and valid (the badge rule of the read model). */
/** A product's GI and regional-brand badges (named in the view's language where the record has an English name) and its sample flag. */
export function EventBadges({ product: p, t, lang, className = "badge badge--gi" }: { product: PublicProduct; t: Translate; lang: Lang; className?: string }) {
  return (
    <>
      {p.gi_id && p.gi_authorised && (
        <span className={className}>
          {t("record.giBadge")}
          <L lang={lang} zh={p.gi_name_zh} en={p.gi_name_en} />
        </span>
      )}
      {p.regional_brand_id && p.regional_brand_licensed && (
        <span className={className}>
          {t("record.regionalBadge")}
          <L lang={lang} zh={p.regional_brand_zh} en={p.regional_brand_en} />
        </span>
      )}
      {p.is_sample && <span className="badge badge--sample">{t("events.sample")}</span>}
    </>
  );
}

export function boothText(t: Translate, hall: string | null, booth: string | null) {
  if (!booth) return "";
  return hall ? t("events.hallBooth", { hall, booth }) : t("events.boothAt", { booth });
}

export function eventDates(t: Translate, from: string, to: string) {
  return from === to ? from : t("events.dates", { from, to });
}

export function L({ lang, zh, en }: { lang: Lang; zh: string | null | undefined; en: string | null | undefined }) {
  const v = localized(lang, zh, en);
  return <span lang={v.lang}>{v.text}</span>;
}

/** A product page reached from one of the event's views: it names the fair and booth (app/events/exhibited.server.ts). */
export function productAtEvent(productId: number, eventId: number) {
  return `/products/${productId}?event=${eventId}`;
}

/** The largest JPEG variant no wider than `max` (falls back to the smallest there is). */
export function imageUrl(p: PublicProduct, max: number) {
  const variants = p.images[0]?.variants.filter((v) => v.format === "jpeg") ?? [];
  const fit = variants.filter((v) => v.width <= max).sort((a, b) => b.width - a.width)[0] ?? variants.sort((a, b) => a.width - b.width)[0];
  return fit ? `/images/${fit.key}` : null;
}

/**
 * Links to the event's views: the printable catalogue for everyone; the presenter and the kiosk are fair staff's
 * tools for the venue screens (issue 19: visitors saw 演示模式 and 自助查询屏 and did not know what to do with them).
 */
export function EventViewLinks({ eventId, staff, t }: { eventId: number; staff: boolean; t: Translate }) {
  return (
    <>
      <Link className="button button--secondary" to={`/events/${eventId}/print`}>
        {t("events.print")}
      </Link>
      {staff && (
        <>
          <Link className="button button--secondary" to={`/events/${eventId}/present`}>
            {t("events.present")}
          </Link>
          <Link className="button button--secondary" to={`/events/${eventId}/kiosk`}>
            {t("events.kiosk")}
          </Link>
        </>
      )}
    </>
  );
}

/**
 * A product's first photo as a small thumbnail: its width and height are set so nothing jumps as it loads, it loads lazily, and its alt text is the photo's own in the page language,
 * else the product's name.
 */
export function ProductPhoto({ product: p, lang, width = 160 }: { product: PublicProduct; lang: Lang; width?: number }) {
  const src = imageUrl(p, 320);
  const image = p.images[0];
  if (!src || !image) return null;
  const alt = localized(lang, image.alt_zh || p.name_zh, image.alt_en || p.name_en);
  // a fixed 4:3 box (CSS aspect-ratio and object-fit: cover): every thumbnail the same size, whatever the photo
  const height = Math.round((width * 3) / 4);
  return <img className="event-photo" src={src} alt={alt.text} lang={alt.lang} width={width} height={height} loading="lazy" decoding="async" />;
}
