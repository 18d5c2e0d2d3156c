import type { Db } from "../client";
import { addEntry } from "../queries/event-entries";
import { createEvent, setEventSchedule } from "../queries/events";
import { createSection } from "../queries/event-sections";
import { freezeVersion } from "../queries/event-catalogue-versions";
import { upsertExhibitor } from "../queries/event-exhibitors";
import { seedSampleEventLeads } from "./sample-event-leads";

// One realistic sample trade fair (示例): every sample producer exhibits with a hall and booth; the catalogue has a
// hand-picked section of highlights with notes and one section per county filled by a saved search; version 1 is
// frozen at the cut-off and one highlight added afterwards shows up as the addendum.

export async function seedSampleEvent(db: Db) {
  if (await db.selectFrom("events").select("id").where("is_sample", "=", true).limit(1).executeTakeFirst()) return;
  const year = new Date().getUTCFullYear() + 1;
  const eventId = await createEvent(db, {
    name_zh: `${year} 海东市特色农产品产销对接会(示例)`,
    name_en: `Haidong Specialty Produce Matchmaking Fair ${year} (sample)`,
    starts_on: `${year}-05-16`,
    ends_on: `${year}-05-18`,
    venue_zh: "海东市会展中心(示例场馆)",
    venue_en: "Haidong Convention Centre (sample venue)",
    organiser_zh: "海东市农业农村局(示例)",
    organiser_en: "Haidong Bureau of Agriculture and Rural Affairs (sample)",
    status: "published",
    is_sample: true,
  });
  // the programme buyers plan their visit by (China time), as staff would type it on the manage screen
  const day = (d: number) => `${year}-05-${d}`;
  await setEventSchedule(db, eventId, [
    { date: day(16), time: "09:30", title_zh: "开幕式", title_en: "Opening ceremony", place_zh: "主会场" },
    { date: day(16), time: "10:30", title_zh: "特色农产品产销对接洽谈(第一场)", title_en: "Producer–buyer matchmaking talks (1)", place_zh: "A 馆洽谈区" },
    { date: day(16), time: "14:30", title_zh: "互助青稞酒品鉴会", title_en: "Huzhu qingke liquor tasting", place_zh: "A 馆" },
    { date: day(17), time: "09:30", title_zh: "产销对接洽谈(第二场)", title_en: "Producer–buyer matchmaking talks (2)", place_zh: "B 馆洽谈区" },
    { date: day(17), time: "15:00", title_zh: "签约仪式", title_en: "Contract signing ceremony", place_zh: "主会场" },
    { date: day(18), title_zh: "展区开放,采购商自由洽谈", title_en: "Halls open for buyers' own meetings" },
    { date: day(18), time: "16:00", title_zh: "闭幕式", title_en: "Closing ceremony", place_zh: "主会场" },
  ]);
  const orgs = await db
    .selectFrom("organizations")
    .select(["id", "county_id"])
    .where("is_sample", "=", true)
    .where("status", "=", "published")
    .orderBy("id")
    .execute();
  let booth = 0;
  for (const o of orgs) {
    booth += 1;
    await upsertExhibitor(db, eventId, o.id, booth <= 4 ? "A" : "B", `${booth <= 4 ? "A" : "B"}${String(booth).padStart(2, "0")}`);
  }
  const product = async (name: string) => (await db.selectFrom("products").select("id").where("name_zh", "=", name).executeTakeFirst())?.id;
  const highlights = await createSection(db, eventId, "重点推介", "Highlights", null);
  const picks: [string, string, string][] = [
    ["示例互助青稞酒 42度 500毫升", "地理标志产品,现场可品鉴。", "GI product; tastings at the booth."],
    ["示例循化大红袍花椒", "当季新椒,可提供样品。", "This season's harvest; samples available."],
    ["示例白牦牛肉 冷冻分割", "冷链直供,起订量低。", "Cold-chain supply, low minimum order."],
  ];
  for (const [name, zh, en] of picks) {
    const id = await product(name);
    if (id) await addEntry(db, eventId, highlights, id, zh, en);
  }
  const counties = await db
    .selectFrom("places")
    .select(["id", "name_zh", "name_en"])
    .where("id", "in", [...new Set(orgs.map((o) => o.county_id).filter((c): c is number => c !== null))].concat([-1]))
    .orderBy("id")
    .execute();
  for (const c of counties) await createSection(db, eventId, c.name_zh, c.name_en, { county_id: c.id });
  await freezeVersion(db, eventId, new Date());
  // added after the cut-off: listed as the addendum
  const late = await product("示例乐都大樱桃");
  if (late) await addEntry(db, eventId, highlights, late, "补充:樱桃季提前,欢迎预订。", "Added late: early cherry season, pre-orders welcome.");
  await seedSampleEventLeads(db, eventId);
  return eventId;
}
