import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../client";
import { createBoothLead } from "../queries/event-leads";
import { chinaDayFromToday } from "../../app/platform/china-time";

// The sample fair's booth activity (示例), so its fair summary is not empty: a few booth-page views over the last days and
// one lead left at the liquor producer's booth (the sample producer account's organisation). The lead's private link
// token is thrown away: nobody can open the buyer's page of a sample lead.

export async function seedSampleEventLeads(db: Db, eventId: number) {
  const exhibitors = await db.selectFrom("event_exhibitors").select(["id", "organization_id"]).where("event_id", "=", eventId).orderBy("id").execute();
  const views = [12, 7, 5, 3];
  for (const [i, x] of exhibitors.slice(0, views.length).entries()) {
    for (const daysAgo of [1, 0]) {
      await db
        .insertInto("event_booth_views")
        .values({ exhibitor_id: x.id, day: chinaDayFromToday(-daysAgo), views: Math.max(1, views[i]! - daysAgo * 2) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  const liquor = await db
    .selectFrom("products")
    .select(["id", "name_zh", "name_en", "organization_id"])
    .where("name_zh", "=", "示例互助青稞酒 42度 500毫升")
    .executeTakeFirst();
  if (!liquor || !exhibitors.some((x) => x.organization_id === liquor.organization_id)) return;
  await db.transaction().execute((trx) =>
    createBoothLead(
      trx,
      {
        buyer_token_hash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        buyer_user_id: null,
        buyer_name: "赵示例",
        buyer_organization: "西宁示例商贸有限公司",
        buyer_email: null,
        buyer_phone: "0971-0000000",
        buyer_wechat: "haidong_buyer01",
        message: "展位上品鉴过 42 度青稞酒,想了解团购价格和配送到西宁的方式。(示例留资)",
        event_id: eventId,
      },
      liquor.organization_id,
      { id: liquor.id, name_zh: liquor.name_zh, name_en: liquor.name_en },
    ),
  );
}
