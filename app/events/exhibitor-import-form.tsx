import { Trans } from "../components/content-text";
import { Form } from "@remix-run/react";
import { FormOutcome } from "../components/form-outcome";
import { ScrollableTable } from "../components/scrollable-table";
import { problemLine } from "../catalogue-io/summary";
import { translator, usePreferences, useT } from "../i18n/i18n";
import { MAX_IMPORT_ROWS, planCounts, type PlanItem } from "./exhibitor-import-shared";
import type { ImportAnswer } from "./exhibitor-import.server";
import { boothText } from "./parts";

// The exhibitor import on the manage screen: the upload form with its template, then the preview of what the file
// would do (or every problem in it, by row and column) and the confirm form carrying the checked rows. Plain posts.

function actionText(t: ReturnType<typeof useT>, item: PlanItem) {
  if (item.action === "move" && item.from) return t("exhibitorImport.action.move", { from: boothText(t, item.from.hall, item.from.booth) });
  return t(`exhibitorImport.action.${item.action}`);
}

export function ExhibitorImport({ answer }: { answer: ImportAnswer | undefined }) {
  const t = useT();
  const { lang } = usePreferences();
  const preview = answer?.preview;
  return (
    <section aria-labelledby="exhibitor-import">
      <h3 id="exhibitor-import">{t("exhibitorImport.title")}</h3>
      <p className="field-hint">
        {/* the Chinese headings are named in Chinese in both languages, marked as such for screen readers */}
        <Trans
          k="exhibitorImport.hint"
          vars={{ max: MAX_IMPORT_ROWS, chineseHeadings: lang === "en" ? <span lang="zh-CN">展馆, 展位, 统一社会信用代码, 单位名称</span> : "" }}
        />
      </p>
      <p>
        <a href={`/events/exhibitor-import-template.csv${lang === "en" ? "?lang=en" : ""}`} download>
          {t("exhibitorImport.template")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" className="form form--row">
        <input type="hidden" name="intent" value="import-exhibitors" />
        <div className="field">
          <label htmlFor="import-file">{t("exhibitorImport.file")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required />
        </div>
        <button className="button button--secondary" type="submit">
          {t("exhibitorImport.preview")}
        </button>
      </Form>
      <FormOutcome answer={answer} labels={{ file: t("exhibitorImport.file") }} />
      {preview && preview.problems.length > 0 && (
        <>
          <h4>{t("exhibitorImport.problems")}</h4>
          <ul className="plain-list" id="import-problems">
            {preview.problems.map((p) => (
              <li key={`${p.row}-${p.column}-${p.message}`}>{problemLine(translator(lang), preview.file, p)}</li>
            ))}
          </ul>
        </>
      )}
      {preview && preview.items.length > 0 && (
        <>
          <p id="import-preview-caption">
            {t("exhibitorImport.previewOf", { file: preview.file, rows: preview.rows })} · {t("exhibitorImport.summary", planCounts(preview.items))}
          </p>
          <ScrollableTable labelledBy="import-preview-caption">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("exhibitorImport.col.row")}</th>
                  <th scope="col">{t("exhibitorImport.col.action")}</th>
                  <th scope="col">{t("exhibitorImport.col.organization")}</th>
                  <th scope="col">{t("exhibitorImport.col.booth")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.map((item) => (
                  <tr key={item.row}>
                    <td>{item.row}</td>
                    <td>{actionText(t, item)}</td>
                    <td lang="zh-CN">
                      {item.name}
                      {item.creditCode ? ` (${item.creditCode})` : ""}
                    </td>
                    <td>{boothText(t, item.hall, item.booth)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </>
      )}
      {preview && preview.problems.length === 0 && preview.payload.length > 0 && (
        <Form method="post" encType="multipart/form-data" className="form">
          <input type="hidden" name="intent" value="import-exhibitors-confirm" />
          <input type="hidden" name="file_name" value={preview.file} />
          <input type="hidden" name="digest" value={preview.digest} />
          {preview.payload.map((piece, i) => (
            <input key={i} type="hidden" name="rows" value={piece} />
          ))}
          <p className="field-hint">{t("exhibitorImport.confirmHint")}</p>
          <button className="button" type="submit">
            {t("exhibitorImport.confirm", { count: preview.rows })}
          </button>
        </Form>
      )}
    </section>
  );
}
