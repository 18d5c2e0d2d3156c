import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buyerDeals, buyerInquiries, type BuyerInquiry } from "../../db/queries/buyer-home";
import { buyerProfile } from "../../db/queries/buyer-profiles";
import { requireBuyer } from "../auth/guards.server";
import { PRIVATE_HEADERS } from "../buyers/inquiry.server";
import { provinceLabel } from "../buyers/provinces";
import { readShortlist } from "../buyers/shortlist.server";
import { ContentText, Trans } from "../components/content-text";
import { inquiryBadge, StatusBadge } from "../components/status-badge";
import { categoryEn } from "../domain/product-form";
import { joinList, localized, metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { formatCny } from "../lib/format";
import { chinaDateTime } from "../platform/china-time";
import { db } from "../services.server";

// /buyer — 我的采购, a signed-in buyer's home: the profile producers see, the shortlist, every inquiry with each
// producer's status and latest reply, the leads left at fair booths, and the deals recorded on those threads.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireBuyer(request);
  const [profile, inquiries, deals, shortlist] = await Promise.all([
    buyerProfile(db(), user.id),
    buyerInquiries(db(), user.id),
    buyerDeals(db(), user.id),
    readShortlist(request, user),
  ]);
  const url = new URL(request.url);
  const claimed = Number(url.searchParams.get("claimed"));
  return data(
    {
      profile,
      inquiries: inquiries.filter((i) => i.source !== "booth"),
      leads: inquiries.filter((i) => i.source === "booth"),
      deals,
      shortlistCount: shortlist.productIds.length,
      saved: url.searchParams.get("profile") === "saved",
      claimed: Number.isInteger(claimed) && claimed > 0 ? claimed : 0,
    },
    { headers: PRIVATE_HEADERS },
  );
}

export default function BuyerHome() {
  const { profile, inquiries, leads, deals, shortlistCount, saved, claimed } = useLoaderData<typeof loader>();
  const t = useT();
  const { lang } = usePreferences();
  return (
    <section className="buyer-home">
      <h1>{t("buyerHome.title")}</h1>
      <p>{t("buyerHome.intro")}</p>
      {(saved || claimed > 0) && (
        <p className="notice" role="status">
          {saved ? t("buyerProfile.saved") : t("buyerHome.claimed", { count: claimed })}
        </p>
      )}

      <section aria-labelledby="buyer-profile">
        <h2 id="buyer-profile">{t("buyerHome.profile")}</h2>
        {profile ? (
          <dl className="facts">
            <dt>{t("buyerProfile.name")}</dt>
            <dd>
              <ContentText text={profile.name} />
            </dd>
            {(profile.province || profile.city) && (
              <>
                <dt>{t("buyerHome.location")}</dt>
                <dd>
                  {profile.province ? provinceLabel(profile.province, lang) : null} <ContentText text={profile.city} />
                </dd>
              </>
            )}
            {profile.categories.length > 0 && (
              <>
                <dt>{t("buyerHome.buys")}</dt>
                <dd>
                  {joinList(
                    lang,
                    profile.categories.map((c) => (lang === "en" ? (categoryEn(c) ?? c) : c)),
                  )}
                </dd>
              </>
            )}
            {(profile.phone || profile.email || profile.wechat) && (
              <>
                <dt>{t("buyerHome.contact")}</dt>
                <dd>{[profile.phone, profile.email, profile.wechat ? `${t("buyerProfile.wechat")} ${profile.wechat}` : null].filter(Boolean).join(" · ")}</dd>
              </>
            )}
          </dl>
        ) : (
          <p>{t("buyerHome.profileMissing")}</p>
        )}
        <p>
          <Link to="/buyer/profile" className="button button--secondary">
            {profile ? t("buyerHome.editProfile") : t("buyerHome.fillProfile")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="buyer-shortlist">
        <h2 id="buyer-shortlist">{t("buyerHome.shortlist")}</h2>
        <p>
          {shortlistCount > 0 ? t("buyerHome.shortlistCount", { count: shortlistCount }) : t("buyerHome.shortlistEmpty")}{" "}
          {shortlistCount > 0 ? <Link to="/shortlist">{t("buyerHome.openShortlist")}</Link> : <Link to="/search">{t("buyerHome.findProducts")}</Link>}
        </p>
      </section>

      <section aria-labelledby="buyer-inquiries">
        <h2 id="buyer-inquiries">{t("buyerHome.inquiries")}</h2>
        {inquiries.length === 0 ? <p>{t("buyerHome.inquiriesEmpty")}</p> : <InquiryList inquiries={inquiries} />}
      </section>

      <section aria-labelledby="buyer-leads">
        <h2 id="buyer-leads">{t("buyerHome.leads")}</h2>
        {leads.length === 0 ? <p>{t("buyerHome.leadsEmpty")}</p> : <InquiryList inquiries={leads} />}
      </section>

      <section aria-labelledby="buyer-deals">
        <h2 id="buyer-deals">{t("buyerHome.deals")}</h2>
        {deals.length === 0 ? (
          <p>{t("buyerHome.dealsEmpty")}</p>
        ) : (
          <ul className="buyer-home__deals">
            {deals.map((d) => (
              <li key={d.id}>
                <Link to={`/buyer/inquiries/${d.inquiry_id}`}>
                  {t(`deal.kind.${d.kind}`)} ·{" "}
                  <Trans
                    k="buyerHome.dealLine"
                    vars={{
                      product: <span lang="zh-CN">{d.product_name_zh}</span>,
                      producer: (
                        <span lang={localized(lang, d.organization_zh, d.organization_en).lang}>
                          {localized(lang, d.organization_zh, d.organization_en).text}
                        </span>
                      ),
                      amount: formatCny(lang, d.amount_cny),
                      date: d.deal_date,
                    }}
                  />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="buyer-privacy">
        <h2 id="buyer-privacy">{t("buyerHome.personalData")}</h2>
        <ul className="buyer-home__privacy">
          <li>
            <a href="/account/data.json" download>
              {t("privacy.download")}
            </a>
          </li>
          <li>
            <Link to="/account/delete">{t("privacy.delete")}</Link>
          </li>
          <li>
            <Link to="/privacy">{t("privacy.title")}</Link>
          </li>
        </ul>
      </section>
    </section>
  );
}

/** Inquiries or booth leads, one card each: when and where, then one line per producer with status and latest reply. */
function InquiryList({ inquiries }: { inquiries: BuyerInquiry[] }) {
  const t = useT();
  const { lang } = usePreferences();
  return (
    <ul className="card-list buyer-home__inquiries">
      {inquiries.map((i) => {
        const date = chinaDateTime(i.created_at);
        const event = i.event ? localized(lang, i.event.name_zh, i.event.name_en) : null;
        return (
          <li key={i.id} className="card">
            <h3>
              <Link to={`/buyer/inquiries/${i.id}`}>
                {event ? <Trans k="buyerHome.leftAt" vars={{ date, event: <span lang={event.lang}>{event.text}</span> }} /> : t("buyerHome.sentOn", { date })}
              </Link>
            </h3>
            <ul className="buyer-home__recipients">
              {i.recipients.map((r) => {
                const org = localized(lang, r.organization_zh, r.organization_en);
                const replies = Number(r.replies);
                return (
                  <li key={r.id}>
                    <span lang={org.lang}>{org.text}</span> <StatusBadge {...inquiryBadge(t, r.status)} />
                    <br />
                    {r.products.map((p, n) => {
                      const name = localized(lang, p.product_name_zh, p.product_name_en);
                      return (
                        <span key={n}>
                          {n > 0 && t("buyerHome.listSeparator")}
                          <span lang={name.lang}>{name.text}</span>
                        </span>
                      );
                    })}
                    <br />
                    {replies > 0 ? (
                      <>
                        {t("buyerHome.replies", { count: replies })} · {t("buyerHome.lastReply")}{" "}
                        <q>
                          <ContentText text={r.last_reply} />
                        </q>
                      </>
                    ) : (
                      t("buyerHome.noReply")
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("buyerHome.title")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
