import { localized, usePreferences, useT, type Lang, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { CERTIFICATION_VALUES, ENTITY_TYPE_VALUES, GI_SCHEME_VALUES, SORT_VALUES, type FacetName, type SortValue } from "../search/facets";

export interface FacetLabels {
  counties: { name_zh: string; name_en: string }[];
  niceClasses: Record<string, { zh: string; en: string }>;
  /** English names of the township values shown, by Chinese name */
  townships: Record<string, string>;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const LEGENDS: Record<FacetName, MessageKey> = {
  type: "search.filterType",
  county: "search.filterCounty",
  township: "search.filterTownship",
  gi_scheme: "search.filterScheme",
  nice_class: "search.filterNiceClass",
  certification: "search.filterCertification",
  month: "search.filterMonth",
  well_known: "search.filterWellKnown",
};

/** The order facets are offered in: what buyers narrow by first. */
export const FACET_ORDER: FacetName[] = ["type", "county", "gi_scheme", "certification", "month", "township", "nice_class", "well_known"];

/** A facet value as a buyer reads it, in their language (with the `lang` of the text shown). */
export function facetValueLabel(facet: FacetName, value: string, t: Translate, lang: Lang, labels: FacetLabels): { text: string; lang?: Lang } {
  switch (facet) {
    case "type":
      return { text: t(`type.${value}` as MessageKey) };
    case "gi_scheme":
      return { text: t(`scheme.${value}` as MessageKey) };
    case "certification":
      return { text: t(`search.cert.${value}` as MessageKey) };
    case "month":
      return { text: t("search.month", { n: value, month: MONTHS_EN[Number(value) - 1] ?? value }) };
    case "well_known":
      return { text: t("search.wellKnown") };
    case "nice_class": {
      const name = labels.niceClasses[value];
      const text = t("search.niceClass", { n: value });
      return { text: name ? `${text} ${lang === "en" ? name.en : name.zh}` : text };
    }
    case "county": {
      const c = labels.counties.find((x) => x.name_zh === value);
      const l = localized(lang, value, c?.name_en);
      return { text: l.text, lang: l.lang };
    }
    case "township": {
      const l = localized(lang, value, labels.townships[value]);
      return { text: l.text, lang: l.lang };
    }
  }
}

/** Values to offer for a facet: known values in a fixed order, the rest by count; selected values always stay. */
function facetOptions(facet: FacetName, counts: Record<string, number> | undefined, selected: string[], labels: FacetLabels): string[] {
  const present = Object.entries(counts ?? {})
    .filter(([, n]) => n > 0)
    .map(([v]) => v);
  const all = [...new Set([...present, ...selected])];
  const inOrder = (order: readonly string[]) => [...order.filter((v) => all.includes(v)), ...all.filter((v) => !order.includes(v))];
  switch (facet) {
    case "type":
      return counts ? [...ENTITY_TYPE_VALUES] : inOrder(ENTITY_TYPE_VALUES);
    case "gi_scheme":
      return inOrder(GI_SCHEME_VALUES);
    case "certification":
      return inOrder(CERTIFICATION_VALUES);
    case "county":
      return inOrder(labels.counties.map((c) => c.name_zh));
    case "month":
    case "nice_class":
      return all.sort((a, b) => Number(a) - Number(b));
    case "well_known":
      return all.filter((v) => v === "true");
    case "township":
      return all.sort((a, b) => (counts?.[b] ?? 0) - (counts?.[a] ?? 0) || a.localeCompare(b, "zh-CN"));
  }
}

/** One facet as a fieldset of checkboxes with counts (counts are absent when search is degraded). */
export function FacetGroup({
  facet,
  counts,
  selected,
  labels,
  form,
}: {
  facet: FacetName;
  counts: Record<string, number> | undefined;
  selected: string[];
  labels: FacetLabels;
  /** id of the form the checkboxes belong to when they are rendered outside it */
  form?: string;
}) {
  const t = useT();
  const { lang } = usePreferences();
  const options = facetOptions(facet, counts, selected, labels);
  if (options.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{t(LEGENDS[facet])}</legend>
      <ul className="facet__options">
        {options.map((value) => {
          const label = facetValueLabel(facet, value, t, lang, labels);
          const count = counts ? (counts[value] ?? 0) : undefined;
          return (
            <li key={value}>
              <label>
                <input type="checkbox" form={form} name={facet} value={value} defaultChecked={selected.includes(value)} />
                <span lang={label.lang}>{label.text}</span>
                {count !== undefined && <span className="facet__count">{`(${count})`}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function SortSelect({ value }: { value: SortValue }) {
  const t = useT();
  return (
    <div className="search-sort">
      <label htmlFor="sort">{t("search.sort")}</label>
      <select id="sort" name="sort" defaultValue={value}>
        {SORT_VALUES.map((s) => (
          <option key={s} value={s}>
            {t(`search.sort.${s}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}
