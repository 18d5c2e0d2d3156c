import { Form } from "@remix-run/react";
import { ConfirmAction } from "../components/confirm-action";
import { Trans } from "../components/content-text";
import { localized, usePreferences, useT } from "../i18n/i18n";
import type { SavedQuery } from "../../db/schema";
import { L } from "./parts";

// The manage screen's catalogue sections: each section's products (picked, or found by its saved search) with their
// order and notes, the form that adds a product, and the form that adds a section.

type Row = { entry_id: number | null; product_id: number; note_zh: string | null; note_en: string | null; source: "picked" | "search" };
type Section = { id: number | null; title_zh: string; title_en: string | null; saved_query: SavedQuery | null; rows: Row[] };
type Product = { id: number; name_zh: string; name_en: string | null; organization_zh: string | null };
type Options = { counties: { id: number; name_zh: string; name_en: string | null }[]; categories: string[] };

export function ManageSections({ sections, products, options }: { sections: Section[]; products: Product[]; options: Options }) {
  const t = useT();
  const { lang } = usePreferences();
  const productName = (id: number) => {
    const p = products.find((x) => x.id === id);
    return p ? localized(lang, p.name_zh, p.name_en).text : String(id);
  };
  return (
    <section aria-labelledby="sections">
      <h2 id="sections">{t("events.sections")}</h2>
      {sections.map((s, si) => (
        <section key={s.id} id={`section-${s.id}`} className="manage-section" aria-labelledby={`section-title-${s.id}`}>
          <h3 id={`section-title-${s.id}`}>
            <L lang={lang} zh={s.title_zh} en={s.title_en} />
          </h3>
          <SavedSearchSummary query={s.saved_query} options={options} />
          <SectionTools section={s} first={si === 0} last={si === sections.length - 1} options={options} />
          {s.rows.length === 0 ? (
            <p>{t("events.emptySection")}</p>
          ) : (
            <ol className="manage-entries">
              {s.rows.map((r) => {
                const name = productName(r.product_id);
                return (
                  <li key={`${r.source}-${r.product_id}`} id={r.entry_id ? `entry-${r.entry_id}` : undefined} className="manage-entry">
                    <strong>{name}</strong> {r.source === "search" && <span className="badge">{t("events.fromSearch")}</span>}
                    {r.entry_id ? (
                      <>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="id" value={r.entry_id} />
                          <button
                            className="button button--secondary"
                            type="submit"
                            name="intent"
                            value="move-up"
                            aria-label={t("events.moveUpNamed", { name })}
                          >
                            ↑ {t("events.moveUp")}
                          </button>
                          <button
                            className="button button--secondary"
                            type="submit"
                            name="intent"
                            value="move-down"
                            aria-label={t("events.moveDownNamed", { name })}
                          >
                            ↓ {t("events.moveDown")}
                          </button>
                          <button
                            className="button button--secondary"
                            type="submit"
                            name="intent"
                            value="remove-entry"
                            aria-label={t("events.removeNamed", { name })}
                          >
                            {t("events.remove")}
                          </button>
                        </Form>
                        <Form method="post" className="form form--row">
                          <input type="hidden" name="intent" value="save-note" />
                          <input type="hidden" name="id" value={r.entry_id} />
                          <div className="field">
                            <label htmlFor={`note-zh-${r.entry_id}`}>{t("events.noteZh")}</label>
                            <input id={`note-zh-${r.entry_id}`} name="note_zh" defaultValue={r.note_zh ?? ""} maxLength={500} />
                          </div>
                          <div className="field">
                            <label htmlFor={`note-en-${r.entry_id}`}>{t("events.noteEn")}</label>
                            <input id={`note-en-${r.entry_id}`} name="note_en" lang="en" defaultValue={r.note_en ?? ""} maxLength={500} />
                          </div>
                          <button className="button button--secondary" type="submit">
                            {t("events.saveNote")}
                          </button>
                        </Form>
                      </>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="add-entry" />
                        <input type="hidden" name="section_id" value={s.id ?? ""} />
                        <input type="hidden" name="product_id" value={r.product_id} />
                        <button className="button button--secondary" type="submit">
                          {t("events.pin")}
                        </button>
                      </Form>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          {/* keyed by the pinned count: once a product is added the form starts empty, so the next one does not inherit its note */}
          <Form method="post" className="form form--row" key={`add-${s.id}-${s.rows.filter((r) => r.entry_id).length}`}>
            <input type="hidden" name="intent" value="add-entry" />
            <input type="hidden" name="section_id" value={s.id ?? ""} />
            <div className="field">
              <label htmlFor={`add-${s.id}`}>{t("events.chooseProduct")}</label>
              <select id={`add-${s.id}`} name="product_id" required>
                {products.map((p) => (
                  <option key={p.id} value={p.id} lang="zh-CN">
                    {p.name_zh} · {p.organization_zh}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`add-note-zh-${s.id}`}>{t("events.noteZh")}</label>
              <input id={`add-note-zh-${s.id}`} name="note_zh" maxLength={500} />
            </div>
            <div className="field">
              <label htmlFor={`add-note-en-${s.id}`}>{t("events.noteEn")}</label>
              <input id={`add-note-en-${s.id}`} name="note_en" lang="en" maxLength={500} />
            </div>
            <button className="button" type="submit">
              {t("events.addEntry")}
            </button>
          </Form>
        </section>
      ))}
      <h3>{t("events.addSection")}</h3>
      <Form method="post" className="form" key={`new-section-${sections.length}`}>
        <input type="hidden" name="intent" value="add-section" />
        <SectionFields prefix="sec" options={options} />
        <button className="button" type="submit">
          {t("events.addSection")}
        </button>
      </Form>
    </section>
  );
}

/** What a section's saved search adds: its words, county and category, in a sentence; nothing for a picked-only section. */
function SavedSearchSummary({ query, options }: { query: SavedQuery | null; options: Options }) {
  const t = useT();
  const { lang } = usePreferences();
  if (!query) return null;
  const county = query.county_id ? options.counties.find((c) => c.id === query.county_id) : undefined;
  const parts = [
    ...(query.q ? [t("events.searchWords", { q: query.q })] : []),
    ...(county ? [localized(lang, county.name_zh, county.name_en).text] : []),
    ...(query.category ? [query.category] : []),
  ];
  return <p className="field-hint">{t("events.savedSearchIs", { filter: parts.join(" · ") })}</p>;
}

/** Move up and down, edit (title and saved search), and delete that asks first. */
function SectionTools({ section: s, first, last, options }: { section: Section; first: boolean; last: boolean; options: Options }) {
  const t = useT();
  const { lang } = usePreferences();
  const name = localized(lang, s.title_zh, s.title_en).text;
  const picked = s.rows.filter((r) => r.entry_id).length;
  return (
    <div className="section-tools">
      <Form method="post" className="inline-form">
        <input type="hidden" name="id" value={s.id ?? ""} />
        {!first && (
          <button className="button button--secondary" type="submit" name="intent" value="move-section-up" aria-label={t("events.moveUpNamed", { name })}>
            ↑ {t("events.moveUp")}
          </button>
        )}
        {!last && (
          <button className="button button--secondary" type="submit" name="intent" value="move-section-down" aria-label={t("events.moveDownNamed", { name })}>
            ↓ {t("events.moveDown")}
          </button>
        )}
      </Form>
      <details className="section-edit">
        <summary className="button button--secondary" aria-label={t("events.editSectionNamed", { name })}>
          {t("events.editSection")}
        </summary>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="save-section" />
          <input type="hidden" name="id" value={s.id ?? ""} />
          <SectionFields prefix={`sec-${s.id}`} options={options} value={s} />
          <button className="button" type="submit">
            {t("events.saveSection")}
          </button>
        </Form>
      </details>
      <ConfirmAction
        label={t("events.deleteSection")}
        name={t("events.deleteSectionNamed", { name })}
        question={<Trans k="events.deleteSectionQuestion" vars={{ name: <L lang={lang} zh={s.title_zh} en={s.title_en} />, count: picked }} />}
        confirmLabel={t("events.deleteSection")}
      >
        <input type="hidden" name="intent" value="delete-section" />
        <input type="hidden" name="id" value={s.id ?? ""} />
      </ConfirmAction>
    </div>
  );
}

/** A section's title and saved search, for the add and the edit forms (ids start with `prefix`). */
function SectionFields({ prefix, options, value }: { prefix: string; options: Options; value?: Section }) {
  const t = useT();
  const { lang } = usePreferences();
  const q = value?.saved_query;
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-zh`}>{t("events.sectionTitleZh")}</label>
        <input id={`${prefix}-zh`} name="title_zh" required maxLength={200} defaultValue={value?.title_zh} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-en`}>{t("events.sectionTitleEn")}</label>
        <input id={`${prefix}-en`} name="title_en" lang="en" maxLength={200} defaultValue={value?.title_en ?? ""} />
      </div>
      <fieldset>
        <legend>{t("events.savedSearch")}</legend>
        <p className="field-hint">{t("events.savedSearchHint")}</p>
        <div className="field">
          <label htmlFor={`${prefix}-q`}>{t("events.searchText")}</label>
          <input id={`${prefix}-q`} name="q" maxLength={100} defaultValue={q?.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-county`}>{t("events.county")}</label>
          <select id={`${prefix}-county`} name="county_id" defaultValue={q?.county_id ? String(q.county_id) : ""}>
            <option value="">{t("events.anyCounty")}</option>
            {options.counties.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(lang, c.name_zh, c.name_en).text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-category`}>{t("events.category")}</label>
          <select id={`${prefix}-category`} name="category" defaultValue={q?.category ?? ""}>
            <option value="">{t("events.anyCategory")}</option>
            {options.categories.map((c) => (
              <option key={c} value={c} lang="zh-CN">
                {c}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </>
  );
}
