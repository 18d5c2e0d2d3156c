import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { AuditTable } from "../components/staff";
import { isoDate, optional, plainNumber, recordId } from "../domain/fields";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActors, listAudit } from "../../db/queries/audit";
import { db } from "../services.server";

const PER_PAGE = 50;
const id = optional(recordId());
const filterSchema = z.object({
  entity_type: optional(z.enum(AUDIT_ENTITIES)),
  entity_id: id,
  actor: id,
  action: optional(z.enum(AUDIT_ACTIONS as [string, ...string[]])),
  from: optional(isoDate),
  to: optional(isoDate),
  page: optional(plainNumber(z.number().int().min(1).max(100_000))),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = filterSchema.safeParse(params);
  // a bad filter is the visitor's mistake: 400 naming the parameter, never a failed query
  if (!parsed.success) throw data({ error: `${String(parsed.error.issues[0]?.path[0] ?? "filter")}: invalid value` }, { status: 400 });
  const f = parsed.data;
  const page = f.page ?? 1;
  const [result, actors] = await Promise.all([
    listAudit(
      db(),
      {
        entityType: f.entity_type ?? undefined,
        entityId: f.entity_id ?? undefined,
        actorId: f.actor ?? undefined,
        action: f.action ?? undefined,
        from: f.from ?? undefined,
        to: f.to ?? undefined,
      },
      page,
      PER_PAGE,
    ),
    auditActors(db()),
  ]);
  return { filter: f, page, rows: result.rows, total: result.total, actors };
}

export default function AuditLog() {
  const { filter, page, rows, total, actors } = useLoaderData<typeof loader>();
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const pageHref = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== null && v !== undefined && k !== "page") params.set(k, String(v));
    params.set("page", String(p));
    return `/staff/audit?${params.toString()}`;
  };
  return (
    <section>
      <h1>{t("staff.audit")}</h1>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="inline-fields">
        <div className="field">
          <label htmlFor="audit-entity-type">{t("audit.entityType")}</label>
          <select id="audit-entity-type" name="entity_type" defaultValue={filter.entity_type ?? ""}>
            <option value="">{t("audit.any")}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`entity.${e}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">{t("audit.entityId")}</label>
          <input id="audit-entity-id" name="entity_id" inputMode="numeric" defaultValue={filter.entity_id ?? ""} size={8} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("audit.actor")}</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">{t("audit.any")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("audit.action")}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("audit.any")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`action.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("audit.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("audit.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t("audit.filter")}
          </button>
        </div>
      </Form>
      <p role="status">{t("audit.summary", { total, page, pages })}</p>
      <AuditTable rows={rows} />
      <nav aria-label={t("audit.summary", { total, page, pages })} className="pager">
        {page > 1 && <Link to={pageHref(page - 1)}>{t("audit.prev")}</Link>} {page < pages && <Link to={pageHref(page + 1)}>{t("audit.next")}</Link>}
      </nav>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("staff.audit")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export { ErrorBoundary } from "../components/route-error";
