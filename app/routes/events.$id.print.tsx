import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import notoSansRegular from "@fontsource/noto-sans-sc/400.css?url";
import notoSansBold from "@fontsource/noto-sans-sc/700.css?url";
import { Link, useLoaderData } from "@remix-run/react";
import { getEvent } from "../../db/queries/events";
import { isFairStaff, visibleOr404 } from "../events/access.server";
import { boothText, EventBadges, eventDates } from "../events/parts";
import { printableCatalogue, printSources } from "../events/print.server";
import { publicOrigin, unreachableFromPhones } from "../platform/public-origin.server";
import { metaTranslator, translator, usePreferences, useT } from "../i18n/i18n";
import { recordIdOr404 } from "../lib/route-params";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// The catalogue's own font, served by the app (the same on every machine): Noto Sans SC with TrueType outlines, in
// unicode-range slices the browser fetches as the text needs them. Chromium embeds TrueType faces in the PDF as named
// CID TrueType subsets, which print shops' preflight accepts; the system's CFF-based Noto CJK came out as Type 3.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: notoSansRegular },
  { rel: "stylesheet", href: notoSansBold },
];

/** The anchor of a catalogue entry: the index and the directory link to it, and the PDF's page references resolve it. */
const entryAnchor = (n: number) => `entry-${n}`;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${data?.event.name_zh ?? ""} · ${metaTranslator(matches)("print.catalogueTitle")}` },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const staff = await isFairStaff(request);
  const event = visibleOr404(await getEvent(db(), recordIdOr404(params.id)), staff);
  const origin = publicOrigin(context);
  const page = await printableCatalogue(event, await printSources(db(), event.id), origin);
  // shown on screen only, before anyone prints: codes under this origin would not open on a buyer's phone
  return { ...page, unreachableOrigin: unreachableFromPhones(origin) ? origin : null };
}

// Bilingual throughout (Chinese first, English beneath), whatever the visitor's language: one printed catalogue for all.
const zh = translator("zh-CN");
const en = translator("en");

function Both({ k, vars }: { k: Parameters<typeof zh>[0]; vars?: Record<string, string | number> }) {
  return (
    <>
      <span lang="zh-CN">{zh(k, vars)}</span>{" "}
      <span lang="en" className="print-en">
        {en(k, vars)}
      </span>
    </>
  );
}

export default function PrintCataloguePage() {
  const { event: e, version, sections, byCounty, byCategory, directory, unreachableOrigin } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  // the printed catalogue is Chinese first with English marked lang="en"; only the on-screen toolbar follows the page
  return (
    <div className="print-catalogue" lang="zh-CN">
      <div className="print-toolbar" lang={lang}>
        <Link to={`/events/${e.id}`}>{t("events.back")}</Link>
        <a className="button" href={`/events/${e.id}/print.pdf`} download>
          {t("print.download")}
        </a>
      </div>
      {unreachableOrigin && (
        <p className="print-toolbar form-error" role="alert" lang={lang}>
          {t("print.originWarning", { origin: unreachableOrigin })}
        </p>
      )}
      <section className="print-cover">
        <p className="print-kicker">
          <Both k="print.catalogueTitle" />
        </p>
        <h1>
          <span lang="zh-CN">{e.name_zh}</span>
          {e.name_en && (
            <span lang="en" className="print-en print-title-en">
              {e.name_en}
            </span>
          )}
        </h1>
        <p>{eventDates(zh, e.starts_on, e.ends_on)}</p>
        <p>
          <span lang="zh-CN">{e.venue_zh}</span>{" "}
          {e.venue_en && (
            <span lang="en" className="print-en">
              {e.venue_en}
            </span>
          )}
        </p>
        <p>
          <Both k="events.organiser" />: <span lang="zh-CN">{e.organiser_zh}</span>{" "}
          {e.organiser_en && (
            <span lang="en" className="print-en">
              {e.organiser_en}
            </span>
          )}
        </p>
        <p>{version ? <Both k="events.version" vars={{ version: version.version, date: version.cutoff }} /> : <Both k="events.liveVersion" />}</p>
      </section>

      <section className="print-index">
        <h2>
          <Both k="print.index" />
        </h2>
        <div className="print-index-columns">
          {[
            { k: "print.byCounty" as const, groups: byCounty },
            { k: "print.byCategory" as const, groups: byCategory },
          ].map((idx) => (
            <div key={idx.k}>
              <h3>
                <Both k={idx.k} />
              </h3>
              <dl>
                {idx.groups.map(([name, items]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>
                      {items.map((i) => (
                        <a key={i.n} className="print-index-item" href={`#${entryAnchor(i.n)}`}>
                          {i.n}. {i.name}
                        </a>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      </section>

      {sections.map((s, si) => {
        const [first, ...rest] = s.entries.map((x) => <CatalogueEntry key={x.n} entry={x} />);
        return (
          <section key={si} className="print-section">
            {/* the heading travels with its first entry: a heading is never left alone at the foot of a page */}
            <div className="print-section-start">
              <h2>
                {s.addendum && (
                  <>
                    <Both k="events.addendum" />
                    {" · "}
                  </>
                )}
                <span lang="zh-CN">{s.title_zh}</span>{" "}
                {s.title_en && (
                  <span lang="en" className="print-en">
                    {s.title_en}
                  </span>
                )}
              </h2>
              {first}
            </div>
            {rest}
          </section>
        );
      })}

      <ExhibitorDirectory rows={directory} />
    </div>
  );
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["sections"][number]["entries"][number];

function CatalogueEntry({ entry: x }: { entry: Entry }) {
  return (
    <article id={entryAnchor(x.n)} className="print-entry">
      <div className="print-entry-photo">{x.image && <img src={x.image} alt={x.product.images[0]?.alt_zh ?? ""} />}</div>
      <div className="print-entry-text">
        <h3>
          <span className="print-no">{x.n}</span> <span lang="zh-CN">{x.product.name_zh}</span>
          {x.product.name_en && (
            <span lang="en" className="print-en">
              {" "}
              {x.product.name_en}
            </span>
          )}
        </h3>
        <p>
          <EventBadges product={x.product} t={zh} lang="zh-CN" />
        </p>
        <p>
          <span lang="zh-CN">{x.product.organization_zh}</span>{" "}
          {x.product.organization_en && (
            <span lang="en" className="print-en">
              {x.product.organization_en}
            </span>
          )}
          {x.product.county_zh && <> · {x.product.county_zh}</>}
        </p>
        <p className="print-booth">
          {boothText(zh, x.hall, x.booth)} <span className="print-en">{boothText(en, x.hall, x.booth)}</span>
        </p>
        {(x.note_zh || x.note_en) && (
          <p className="print-note">
            {x.note_zh && <span lang="zh-CN">{x.note_zh}</span>}{" "}
            {x.note_en && (
              <span lang="en" className="print-en">
                {x.note_en}
              </span>
            )}
          </p>
        )}
        <p className="print-contact">
          <Both k="print.contact" />:{" "}
          {x.contact && (x.contact.contacts.length || x.contact.website)
            ? [...x.contact.contacts.map((c) => c.value), ...(x.contact.website ? [x.contact.website] : [])].join(" · ")
            : zh("print.noContact")}
        </p>
      </div>
      <figure className="print-entry-qr">
        <div dangerouslySetInnerHTML={{ __html: x.qr }} />
        <figcaption>{x.url.replace(/^https?:\/\//, "")}</figcaption>
      </figure>
    </article>
  );
}

type DirectoryRow = ReturnType<typeof useLoaderData<typeof loader>>["directory"][number];

/**
 * 展商名录: hall, booth, exhibitor, its entries and, in the PDF, the pages they are on. The page cells carry the
 * entries' anchors in data-page-refs; the PDF renderer prints once, reads which page each anchor landed on and fills
 * the cells in before printing again (Chromium has no CSS target-counter). On screen the page column is hidden.
 */
function ExhibitorDirectory({ rows }: { rows: DirectoryRow[] }) {
  if (!rows.length) return null;
  return (
    <section className="print-directory">
      <h2>
        <Both k="print.directory" />
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <Both k="print.hall" />
            </th>
            <th scope="col">
              <Both k="print.booth" />
            </th>
            <th scope="col">
              <Both k="print.exhibitor" />
            </th>
            <th scope="col">
              <Both k="print.entries" />
            </th>
            <th scope="col" className="print-page-col">
              <Both k="print.page" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.hall ?? "—"}</td>
              <td>{r.booth ?? "—"}</td>
              <td>
                <span lang="zh-CN">{r.name_zh}</span>
                {r.name_en && (
                  <span lang="en" className="print-en">
                    {" "}
                    {r.name_en}
                  </span>
                )}
              </td>
              <td>
                {r.entries.length
                  ? r.entries.map((n, i) => (
                      <span key={n}>
                        {i > 0 && ", "}
                        <a href={`#${entryAnchor(n)}`}>{n}</a>
                      </span>
                    ))
                  : "—"}
              </td>
              <td className="print-page-col" data-page-refs={r.entries.map(entryAnchor).join(" ")} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
