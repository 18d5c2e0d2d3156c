import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { ShortlistActionData } from "../buyers/shortlist-answer";
import { safeRedirect } from "../auth/redirect";
import { recordId } from "../domain/fields";
import { changeShortlist, shortlistedProductIds } from "../buyers/shortlist.server";

// POST /shortlist/items — add to or remove from the visitor's shortlist. A plain form (no JavaScript) is redirected
// back to the page it came from; the <ShortlistButton> fetcher (js=1) gets the outcome as data instead.

const schema = z.object({
  intent: z.enum(["add", "remove"]),
  productId: recordId(),
});

export async function loader() {
  // nothing to show at this address; GET /shortlist is the list
  throw redirect("/shortlist");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const js = form.get("js") === "1";
  const back = safeRedirect(form.get("redirectTo"), "/shortlist");
  const parsed = schema.safeParse({ intent: form.get("intent"), productId: form.get("productId") });
  if (!parsed.success || !/^\d+$/.test(String(form.get("productId")))) {
    const body: ShortlistActionData = { ok: false, productId: null, inShortlist: false, count: 0, message: "shortlist.badRequest" };
    // a plain form reaches this resource route directly, where only a Response keeps its status
    return js ? data(body, { status: 400 }) : Response.json(body, { status: 400 });
  }
  const { intent, productId } = parsed.data;
  const { result, setCookie } = await changeShortlist(request, intent, productId);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (result === "not_found") {
    if (!js) throw redirect(withNotice(back, "unavailable", productId), { headers });
    return data<ShortlistActionData>({ ok: false, productId, inShortlist: false, count: 0, message: "shortlist.unavailable" }, { status: 404, headers });
  }
  if (result === "full" && !js) throw redirect(withNotice(back, "full", productId), { headers });
  if (!js) throw redirect(back, { headers });
  // the visitor's list as it is now (the cookie for a brand-new anonymous list is only in this response: ask by id)
  const ids = setCookie
    ? await shortlistedProductIds(new Request(request.url, { headers: { cookie: cookieHeaderWith(request, setCookie) } }))
    : await shortlistedProductIds(request);
  const message: ShortlistActionData["message"] =
    result === "added" ? "shortlist.added" : result === "already" ? "shortlist.already" : result === "full" ? "shortlist.full" : "shortlist.removed";
  return data<ShortlistActionData>(
    { ok: result !== "full", productId, inShortlist: ids.includes(productId), count: ids.length, message },
    { status: result === "full" ? 409 : 200, headers },
  );
}

/** `?shortlist=full-12`: the outcome and the product it is about, so a page of many buttons shows it at that one. */
function withNotice(path: string, notice: string, productId: number) {
  const url = new URL(path, "http://same.invalid");
  url.searchParams.set("shortlist", `${notice}-${productId}`);
  return url.pathname + url.search + url.hash;
}

/** The request's cookies with the one just set replacing its old value. */
function cookieHeaderWith(request: Request, setCookie: string) {
  const pair = setCookie.split(";")[0]!;
  const name = pair.split("=")[0]!;
  const others = (request.headers.get("cookie") ?? "").split(/;\s*/).filter((c) => c && !c.startsWith(`${name}=`));
  return [...others, pair].join("; ");
}
