import { sql, type Kysely } from "kysely";
import { jsonb } from "../json";
import type { Database } from "../schema";

// Sample data for the review queue, so a demo's /staff is not empty: one product the sample producer submitted for
// review and one GI-use claim of theirs waiting for verification. Labelled as samples; idempotent.

const ORGANIZATION = "互助示例青稞酒业有限公司";
const PRODUCT = "示例青稞酒 礼盒装(待审核)";

export async function seedSampleReview(db: Kysely<Database>) {
  const org = await db.selectFrom("organizations").select("id").where("name_zh", "=", ORGANIZATION).where("is_sample", "=", true).executeTakeFirst();
  if (!org) return;
  const user = await db.selectFrom("users").select("id").where("organization_id", "=", org.id).where("is_sample", "=", true).executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom("products").select("id").where("organization_id", "=", org.id).where("name_zh", "=", PRODUCT).executeTakeFirst();
    if (!exists) {
      const gi = await trx.selectFrom("gi_products").select("id").where("name_zh", "=", "互助青稞酒").executeTakeFirst();
      await trx
        .insertInto("products")
        .values({
          organization_id: org.id,
          name_zh: PRODUCT,
          name_en: "Sample qingke liquor gift box (awaiting review)",
          category: "酒类",
          gi_product_id: gi?.id ?? null,
          availability_months: [9, 10, 11, 12, 1],
          pack_sizes: ["礼盒 2 瓶"],
          storage: "ambient",
          price_band: "200–260 元/盒",
          samples_available: true,
          description_zh: "中秋、春节礼盒,示例数据。",
          status: "submitted",
          submitted_at: sql`now() - interval '2 days'`,
          is_sample: true,
          source: jsonb(["sample data"]),
          created_by: user?.id ?? null,
          updated_by: user?.id ?? null,
        })
        .execute();
    }
    // a GI this organisation has not claimed yet
    const gi = await trx
      .selectFrom("gi_products as g")
      .select("g.id")
      .where("g.status", "=", "published")
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("gi_authorised_users as au").select("au.id").whereRef("au.gi_product_id", "=", "g.id").where("au.organization_id", "=", org.id),
          ),
        ),
      )
      .orderBy("g.id")
      .executeTakeFirst();
    const pending = await trx
      .selectFrom("gi_authorised_users")
      .select("id")
      .where("organization_id", "=", org.id)
      .where("verification", "=", "pending")
      .executeTakeFirst();
    if (gi && !pending) {
      await trx
        .insertInto("gi_authorised_users")
        .values({
          gi_product_id: gi.id,
          organization_id: org.id,
          basis: "certification_licence",
          basis_reference: "示例许可备案 2026-001",
          valid_from: "2026-01-01",
          valid_to: "2029-12-31",
          verification: "pending",
        })
        .execute();
    }
  });
}
