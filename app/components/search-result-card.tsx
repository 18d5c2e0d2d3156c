import { Link } from "@remix-run/react";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { CatalogHit } from "../search/catalog-hit";
import { SchemeBadges, TrustBadges } from "./badges";
import type { CardImage, CardProducer } from "../../db/queries/search-cards";
import { InquiryLink } from "./inquiry-link";
import { Highlighted } from "./highlighted";
import { Picture } from "./picture";
import { ShortlistButton } from "./shortlist-button";
import { Content, Interpolated } from "./search-text";

/**
 * One search result: the name in the visitor's language (English when the record has an English name, else Chinese
 * marked as a fallback) with the matched words marked, the other-language name, what it is, its GI / brand /
 * trademark / certification badges, where it comes from, and the 待核实 and sample labels. A product also gets the
 * shortlist button (a plain form without JavaScript, a fetcher with it), so buyers shortlist straight from the results.
 */
export function SearchResultCard({
  hit,
  shortlisted = false,
  image,
  producer,
}: {
  hit: CatalogHit;
  shortlisted?: boolean;
  image?: CardImage;
  /** a product's producer, named on the card (issue 18) */
  producer?: CardProducer;
}) {
  const t = useT();
  const { lang } = usePreferences();
  const useEn = lang === "en" && !!hit.name_en;
  const county = localized(lang, hit.county, hit.county_en);
  const township = localized(lang, hit.township, hit.township_en);
  const brand = localized(lang, hit.regional_brand, hit.regional_brand_en);
  const hasPlace = !!county.text || !!hit.township;
  const maker = producer ? localized(lang, producer.name_zh, producer.name_en) : undefined;
  const shownName = useEn ? (hit.name_en ?? hit.name_zh) : hit.name_zh;
  return (
    <li className={image ? "result result--with-image" : "result"}>
      {image && (
        // decorative: the name next to it says what it is, and a screen reader should not hear the product twice
        <div className="result__image">
          <Picture variants={image.variants} alt="" width={image.width} height={image.height} sizes="96px" />
        </div>
      )}
      <h3 className="result__name">
        <Link to={hit.url} lang={useEn ? "en" : "zh-CN"}>
          {useEn ? <Highlighted marked={hit.name_en_marked} plain={hit.name_en ?? ""} /> : <Highlighted marked={hit.name_zh_marked} plain={hit.name_zh} />}
        </Link>
      </h3>
      {lang === "en" && !useEn && <p className="muted result__fallback">{t("label.fallbackChinese")}</p>}
      {useEn && (
        <p lang="zh-CN" className="result__other-name">
          {hit.name_zh}
        </p>
      )}
      {lang !== "en" && hit.name_en && (
        <p lang="en" className="muted result__other-name">
          {hit.name_en}
        </p>
      )}
      <p className="result__badges">
        <span className="badge badge--type">{t(`type.${hit.type}` as MessageKey)}</span>
        <SchemeBadges schemes={hit.gi_schemes} />
        {hit.regional_brand && (
          <span className="badge badge--brand">
            <Interpolated template={t("search.badge.regionalBrand")} values={{ name: <Content text={brand.text} lang={brand.lang} /> }} />
          </span>
        )}
        {hit.trademark && (
          <span className="badge badge--trademark">
            <Interpolated template={t("search.badge.trademark")} values={{ name: <Content text={hit.trademark} /> }} />
          </span>
        )}
        {hit.well_known && <span className="badge badge--trademark">{t("search.wellKnown")}</span>}
        {hit.certifications.map((c) => (
          <span key={c} className="badge badge--cert">
            {t(`search.cert.${c}` as MessageKey)}
          </span>
        ))}
        <TrustBadges unverified={hit.unverified} sample={hit.is_sample} />
      </p>
      {(hasPlace || hit.reg_no) && (
        <p className="result__meta">
          {county.text && <span lang={county.lang}>{county.text}</span>}
          {county.text && hit.township && " · "}
          {hit.township && <span lang={township.lang}>{township.text}</span>}
          {hasPlace && hit.reg_no && " · "}
          {hit.reg_no && (
            <span>
              <Interpolated template={t("search.regNo")} values={{ value: <Content text={hit.reg_no} /> }} />
            </span>
          )}
        </p>
      )}
      {producer && maker && (
        <p className="result__producer">
          {t("record.producer")}:{" "}
          <Link to={`/organizations/${producer.id}`} lang={maker.lang}>
            {maker.text}
          </Link>
        </p>
      )}
      {hit.type === "product" && (
        <div className="result__actions">
          <ShortlistButton productId={hit.record_id} productName={shownName} inShortlist={shortlisted} />
          <InquiryLink productId={hit.record_id} productName={shownName} />
        </div>
      )}
    </li>
  );
}
