import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { EXPORT_FORMATS } from "../catalogue-io/download";
import { IMPORT_KINDS } from "../catalogue-io/kind";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { ScrollableTable } from "../components/scrollable-table";

// GET /staff/export — staff download the published catalogue per kind, in the files `npm run import` reads back.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  return null;
}

export default function StaffExport() {
  const t = useT();
  return (
    <section>
      <h1>{t("export.title")}</h1>
      <p>{t("export.intro")}</p>
      <ScrollableTable label={t("export.title")}>
        <table className="status-table">
          <thead>
            <tr>
              <th scope="col">{t("export.col.kind")}</th>
              <th scope="col">{t("export.col.download")}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_KINDS.map((kind) => {
              const name = t(`export.kind.${kind}` as MessageKey);
              return (
                <tr key={kind}>
                  <th scope="row">{name}</th>
                  <td>
                    {EXPORT_FORMATS.map((format, i) => (
                      <span key={format}>
                        {i > 0 && " · "}
                        {/* a plain link: the browser downloads the file, with or without JavaScript */}
                        <a href={`/staff/export/${kind}?format=${format}`} download aria-label={t("export.downloadOf", { name, format: format.toUpperCase() })}>
                          {format.toUpperCase()}
                        </a>
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
      <p>{t("export.privacy")}</p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("export.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
