import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole, STAFF_ROLES } from "../auth/guards.server";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// The staff area's frame: its navigation. Every child route checks the role itself (loaders run in parallel).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, STAFF_ROLES);
  return null;
}

const LINKS: [string, MessageKey][] = [
  ["/staff", "staff.queue"],
  ["/staff/claims", "staff.claims"],
  ["/staff/facts", "staff.facts"],
  ["/staff/figures", "staff.figures"],
  ["/staff/organizations", "staff.organizations"],
  ["/staff/reports", "staff.reports"],
  ["/staff/audit", "staff.audit"],
  ["/staff/users", "staff.users"],
  ["/staff/guidance", "staff.guidance"],
  ["/staff/export", "export.title"],
  ["/staff/privacy", "staffPrivacy.title"],
  ["/staff/outbox", "outbox.link"],
];

export default function StaffLayout() {
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff.nav")} className="staff-nav no-print">
        <ul>
          {LINKS.map(([to, key]) => (
            <li key={to}>
              <NavLink to={to} end={to === "/staff"}>
                {t(key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export { ErrorBoundary } from "../components/route-error";
