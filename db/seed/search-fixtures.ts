import type { Db } from "../client";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { enqueueSearchSync } from "../queries/outbox";

// Test data for the search suites (the test template holds reference data only: GIs, trademarks without numbers,
// regional brands, a few organisations). Written the way the app writes: rows plus search_outbox events in one
// transaction; the caller drains the outbox into its own index. Not a test file itself.

export const CREDIT_CODES = {
  distillery: withCheckCharacter("93630223MA7K0Q1X1"),
  garlic: withCheckCharacter("93630202MA7L3N2P4"),
  chili: withCheckCharacter("91632133MA7R8T5W6"),
};

export const FIXTURE = {
  townships: { weiyuan: "威远镇", nianbo: "碾伯街道", jishi: "积石镇" },
  orgs: {
    distillery: "互助青稞酒坊示范合作社",
    garlic: "乐都紫皮蒜种植合作社",
    chili: "循化线辣椒有限公司",
  },
  products: {
    liquor: "互助青稞酒 52度 礼盒",
    garlic: "紫皮大蒜 5kg 网袋",
    noodles: "洋芋粉条",
    jerky: "牦牛肉干",
    sauce: "线辣椒酱",
    shoots: "蒜苗",
    markup: '<script>alert("x")</script>青稞饼',
  },
  trademarks: {
    exact: { name: "高原红", reg_no: "12345678" },
    longer: { name: "高原蓝", reg_no: "123456789" },
    neighbour: { name: "高原绿", reg_no: "12345679" },
  },
} as const;

export interface Fixture {
  orgIds: Record<keyof typeof FIXTURE.orgs, number>;
  productIds: Record<keyof typeof FIXTURE.products, number>;
  trademarkIds: Record<keyof typeof FIXTURE.trademarks, number>;
}

/** Inserts producers, products and numbered trademarks, and announces them to the search outbox. */
export async function insertSearchFixture(db: Db): Promise<Fixture> {
  return db.transaction().execute(async (trx) => {
    const county = async (name: string) => (await trx.selectFrom("places").select("id").where("name_zh", "=", name).executeTakeFirstOrThrow()).id;
    const huzhu = await county("互助土族自治县");
    const ledu = await county("乐都区");
    const xunhua = await county("循化撒拉族自治县");
    const township = async (name: string, parent: number) =>
      // the reference seed may hold the township already
      (
        await trx
          .insertInto("places")
          .values({ kind: "township", parent_id: parent, name_zh: name })
          .onConflict((oc) => oc.columns(["parent_id", "name_zh"]).doUpdateSet({ name_zh: name }))
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const weiyuan = await township(FIXTURE.townships.weiyuan, huzhu);
    const nianbo = await township(FIXTURE.townships.nianbo, ledu);
    const jishi = await township(FIXTURE.townships.jishi, xunhua);

    const org = async (name: string, county_id: number, township_id: number, credit_code: string) =>
      Number(
        (
          await trx
            .insertInto("organizations")
            .values({ name_zh: name, county_id, township_id, credit_code, org_type: "cooperative", status: "published" })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id,
      );
    const orgIds = {
      distillery: await org(FIXTURE.orgs.distillery, huzhu, weiyuan, CREDIT_CODES.distillery),
      garlic: await org(FIXTURE.orgs.garlic, ledu, nianbo, CREDIT_CODES.garlic),
      chili: await org(FIXTURE.orgs.chili, xunhua, jishi, CREDIT_CODES.chili),
    };

    const gi = async (name: string) => Number((await trx.selectFrom("gi_products").select("id").where("name_zh", "=", name).executeTakeFirstOrThrow()).id);
    const liquorGi = await gi("互助青稞酒");
    const brand = Number((await trx.selectFrom("regional_brands").select("id").where("name_zh", "=", "黄河彩篮").executeTakeFirstOrThrow()).id);
    const tianyoude = Number((await trx.selectFrom("trademarks").select("id").where("name_zh", "=", "天佑德").executeTakeFirstOrThrow()).id);
    await trx
      .insertInto("gi_authorised_users")
      .values({ gi_product_id: liquorGi, organization_id: orgIds.distillery, basis: "announcement", verification: "verified", valid_to: "2099-12-31" })
      .execute();
    await trx
      .insertInto("regional_brand_licences")
      .values({ regional_brand_id: brand, organization_id: orgIds.distillery, verification: "verified", valid_to: "2099-12-31" })
      .execute();

    const T = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
    const product = async (values: {
      name_zh: string;
      name_en?: string;
      organization_id: number;
      months?: number[];
      gi_product_id?: number;
      regional_brand_id?: number;
      trademark_id?: number;
      updated: string;
    }) =>
      Number(
        (
          await trx
            .insertInto("products")
            .values({
              name_zh: values.name_zh,
              name_en: values.name_en ?? null,
              organization_id: values.organization_id,
              availability_months: values.months ?? [],
              gi_product_id: values.gi_product_id ?? null,
              regional_brand_id: values.regional_brand_id ?? null,
              trademark_id: values.trademark_id ?? null,
              status: "published",
              updated_at: values.updated,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id,
      );
    const P = FIXTURE.products;
    const productIds = {
      liquor: await product({
        name_zh: P.liquor,
        name_en: "Huzhu highland barley liquor gift box",
        organization_id: orgIds.distillery,
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        gi_product_id: liquorGi,
        regional_brand_id: brand,
        trademark_id: tianyoude,
        updated: T(10),
      }),
      garlic: await product({ name_zh: P.garlic, name_en: "Purple-skin garlic 5 kg", organization_id: orgIds.garlic, months: [7, 8, 9], updated: T(12) }),
      noodles: await product({ name_zh: P.noodles, organization_id: orgIds.distillery, months: [10, 11], updated: T(3) }),
      jerky: await product({ name_zh: P.jerky, name_en: "Dried yak meat", organization_id: orgIds.distillery, updated: T(4) }),
      sauce: await product({ name_zh: P.sauce, name_en: "Thread chili sauce", organization_id: orgIds.chili, months: [9, 10], updated: T(5) }),
      shoots: await product({ name_zh: P.shoots, organization_id: orgIds.garlic, months: [4], updated: T(6) }),
      markup: await product({ name_zh: P.markup, name_en: '<img src=x onerror=alert(1)> "barley" cake', organization_id: orgIds.chili, updated: T(7) }),
    };
    await trx
      .insertInto("product_certifications")
      .values([
        { product_id: productIds.liquor, kind: "green_food", certificate_no: "LB-1", expires_on: "2099-01-01" },
        { product_id: productIds.garlic, kind: "organic", certificate_no: "OR-1", expires_on: null },
        // expired: must not count as a certification any more
        { product_id: productIds.sauce, kind: "selenium_rich", certificate_no: "SE-1", expires_on: "2020-01-01" },
      ])
      .execute();

    const trademark = async (name: string, reg_no: string, classNo: number, wellKnown: boolean) => {
      const id = Number(
        (
          await trx
            .insertInto("trademarks")
            .values({ name_zh: name, reg_no, county_id: huzhu, well_known: wellKnown, status: "published", holder_org_id: orgIds.distillery })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id,
      );
      await trx.insertInto("trademark_classes").values({ trademark_id: id, class_no: classNo }).execute();
      return id;
    };
    const TM = FIXTURE.trademarks;
    const trademarkIds = {
      exact: await trademark(TM.exact.name, TM.exact.reg_no, 30, true),
      longer: await trademark(TM.longer.name, TM.longer.reg_no, 30, false),
      neighbour: await trademark(TM.neighbour.name, TM.neighbour.reg_no, 29, false),
    };

    // as every writer does: the outbox (Meilisearch) and the fallback's search table, in this transaction
    await enqueueSearchSync(trx, "organization", Object.values(orgIds));
    await enqueueSearchSync(trx, "product", Object.values(productIds));
    await enqueueSearchSync(trx, "trademark", Object.values(trademarkIds));
    return { orgIds, productIds, trademarkIds };
  });
}
