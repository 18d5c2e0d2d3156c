import { Link, useFetcher, useFetchers, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "../i18n/i18n";
import { ContentText } from "./content-text";
import type { MessageKey } from "../i18n/messages";
import type { ShortlistActionData } from "../buyers/shortlist-answer";

/**
 * Add a product to (or remove it from) the visitor's shortlist. Without JavaScript it is a plain POST form to
 * /shortlist/items that redirects back here; with JavaScript a fetcher sends it and the page stays where it is.
 * Drop it into any card or page: `<ShortlistButton productId={id} productName={name} inShortlist={ids.includes(id)} />`
 * (the ids come from `shortlistedProductIds(request)` in app/buyers/shortlist.server.ts).
 */
export function ShortlistButton({
  productId,
  productName,
  inShortlist,
  showLink = false,
  linkToList = true,
}: {
  productId: number;
  /** names the product for screen readers when several buttons share a page */
  productName: string;
  inShortlist: boolean;
  /** also show a link to /shortlist next to the button */
  showLink?: boolean;
  /** false on /shortlist itself, where a link to the list would lead to the same page */
  linkToList?: boolean;
}) {
  const t = useT();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const key = `shortlist-${productId}`;
  const fetcher = useFetcher<ShortlistActionData>({ key });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Only the button pressed last says what happened: once another product's button is pressed, this one's "added
  // (5 in all)" would be stale, so it goes quiet (the header keeps the current count).
  const otherBusy = useFetchers().some((f) => f.key.startsWith("shortlist-") && f.key !== key && f.state !== "idle");
  const [superseded, setSuperseded] = useState(false);
  useEffect(() => {
    if (otherBusy) setSuperseded(true);
  }, [otherBusy]);
  useEffect(() => {
    if (fetcher.state !== "idle") setSuperseded(false);
  }, [fetcher.state]);

  const pending = fetcher.formData?.get("intent");
  const on = typeof pending === "string" ? pending === "add" : fetcher.data && fetcher.data.productId === productId ? fetcher.data.inShortlist : inShortlist;
  // after a plain-form redirect the outcome travels as ?shortlist=full-<product id> (or unavailable-…); only the
  // button of that product shows it (a bare ?shortlist=full, from older links, shows at every button)
  const notice = /^(full|unavailable)(?:-(\d+))?$/.exec(searchParams.get("shortlist") ?? "");
  const message: MessageKey | undefined =
    fetcher.state === "idle" && fetcher.data
      ? superseded
        ? undefined
        : fetcher.data.message
      : !hydrated && notice && (!notice[2] || Number(notice[2]) === productId)
        ? (`shortlist.${notice[1] as "full" | "unavailable"}` as const)
        : undefined;
  const redirectTo = `${location.pathname}${location.search.replace(/([?&])shortlist=[^&]*&?/, "$1").replace(/[?&]$/, "")}`;

  return (
    <fetcher.Form method="post" action="/shortlist/items" className="shortlist-button">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="intent" value={on ? "remove" : "add"} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {hydrated && <input type="hidden" name="js" value="1" />}
      <button type="submit" className={on ? "button button--secondary" : "button"}>
        {on ? t("shortlist.remove") : t("shortlist.add")}
        <span className="buyers-sr-only">
          : <ContentText text={productName} />
        </span>
      </button>
      {(on || showLink) && linkToList && (
        <Link to="/shortlist" className="shortlist-button__link">
          {t("shortlist.view")}
        </Link>
      )}
      <span role="status" className="shortlist-button__status">
        {message ? t(message, { count: fetcher.data?.count ?? 0 }) : ""}
      </span>
    </fetcher.Form>
  );
}
