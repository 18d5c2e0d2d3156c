import type { Kysely } from "kysely";
import type { Database, Role } from "../schema";
import { seedSampleBuyerInquiry } from "./sample-buyer-inquiry";

export const SAMPLE_PASSWORD = "haidong-sample-2026";

/** The sample accounts of docs/interfaces.md; they exist only with sample data (never in production). */
export const SAMPLE_ACCOUNTS: { email: string; role: Role; display_name: string; organization?: string }[] = [
  { email: "producer@example.com", role: "producer", display_name: "示例生产者", organization: "互助示例青稞酒业有限公司" },
  { email: "buyer@example.com", role: "buyer", display_name: "示例采购商(西宁)" },
  { email: "reviewer@example.com", role: "reviewer", display_name: "示例审核员(市场监管)" },
  { email: "fairstaff@example.com", role: "fair_staff", display_name: "示例会务人员" },
  { email: "admin@example.com", role: "admin", display_name: "示例管理员" },
];

export async function seedSampleAccounts(db: Kysely<Database>, passwordHash: string) {
  for (const a of SAMPLE_ACCOUNTS) {
    const org = a.organization
      ? await db.selectFrom("organizations").select("id").where("name_zh", "=", a.organization).where("is_sample", "=", true).executeTakeFirst()
      : undefined;
    await db
      .insertInto("users")
      .values({ email: a.email, role: a.role, display_name: a.display_name, password_hash: passwordHash, organization_id: org?.id ?? null, is_sample: true })
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();
  }
  // the sample buyer's profile: what a producer sees of a buyer beside the inquiry itself
  const buyer = await db.selectFrom("users").select("id").where("email", "=", "buyer@example.com").where("is_sample", "=", true).executeTakeFirst();
  if (buyer) {
    await db
      .insertInto("buyer_profiles")
      .values({
        user_id: buyer.id,
        name: "示例商贸有限公司(西宁)",
        province: "青海",
        city: "西宁",
        categories: ["酒类", "杂粮", "调味品"],
        email: "buyer@example.com",
      })
      .onConflict((oc) => oc.column("user_id").doNothing())
      .execute();
    await seedSampleBuyerInquiry(db, buyer.id);
  }
}
