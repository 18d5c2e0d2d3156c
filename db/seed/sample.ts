import type { Kysely } from "kysely";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { jsonb } from "../json";
import { enqueueSearchSync } from "../queries/outbox";
import type { Database, ImageVariant } from "../schema";
import { sampleOrganizations, type SampleProduct } from "./sample-catalogue";

export interface SampleImage {
  storage_key: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  placeholder: string;
}

export async function hasSampleData(db: Kysely<Database>): Promise<boolean> {
  return !!(await db.selectFrom("organizations").select("id").where("is_sample", "=", true).limit(1).executeTakeFirst());
}

/**
 * Seeds the sample producers, their trademarks, authorisations and products in one transaction, announcing each to
 * search. `makeImage` renders a product photo (kept outside db/ so this module stays free of image code).
 */
export async function seedSampleCatalogue(db: Kysely<Database>, makeImage: (p: SampleProduct) => Promise<SampleImage>) {
  if (await hasSampleData(db)) return;
  const images = new Map<string, SampleImage>();
  for (const org of sampleOrganizations) for (const p of org.products) images.set(p.name_zh, await makeImage(p));

  await db.transaction().execute(async (trx) => {
    const places = await trx.selectFrom("places").select(["id", "name_zh"]).execute();
    const placeId = (name: string) => places.find((p) => p.name_zh === name)?.id ?? null;
    const gis = await trx.selectFrom("gi_products").select(["id", "name_zh"]).execute();
    const giId = (name: string) => gis.find((g) => g.name_zh === name)?.id ?? null;
    const brands = await trx.selectFrom("regional_brands").select(["id", "name_zh"]).execute();
    const brandId = (name: string) => brands.find((b) => b.name_zh === name)?.id ?? null;
    const common = { is_sample: true, status: "published" as const, confidence: "high" as const, source: jsonb(["sample data"]) };

    for (const o of sampleOrganizations) {
      const org = await trx
        .insertInto("organizations")
        .values({
          ...common,
          name_zh: o.name_zh,
          name_en: o.name_en,
          credit_code: withCheckCharacter(o.creditBody),
          org_type: o.type,
          county_id: placeId(o.county),
          address: o.address,
          website: o.website ?? null,
          contacts: jsonb([
            { kind: "phone", value: o.phone, public: true },
            { kind: "email", value: o.email, public: true },
            { kind: "mobile", value: "13800000000", public: false },
          ]),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await enqueueSearchSync(trx, "organization", [org.id]);

      for (const g of o.gi ?? []) {
        const id = giId(g.name);
        if (!id) continue;
        await trx
          .insertInto("gi_authorised_users")
          .values({
            gi_product_id: id,
            organization_id: org.id,
            basis: g.basis,
            basis_reference: g.ref,
            valid_from: g.from,
            valid_to: g.to,
            verification: g.verification,
            verified_at: g.verification === "verified" ? new Date() : null,
          })
          .execute();
      }
      if (o.regionalBrand) {
        const id = brandId(o.regionalBrand.name);
        if (id) {
          await trx
            .insertInto("regional_brand_licences")
            .values({
              regional_brand_id: id,
              organization_id: org.id,
              licence_no: o.regionalBrand.licence,
              valid_from: o.regionalBrand.from,
              valid_to: o.regionalBrand.to,
              verification: "verified",
              verified_at: new Date(),
            })
            .execute();
        }
      }
      const trademarkIds = new Map<string, number>();
      for (const t of o.trademarks ?? []) {
        const tm = await trx
          .insertInto("trademarks")
          .values({
            ...common,
            reg_no: t.reg_no,
            name_zh: t.name_zh,
            goods: t.goods,
            holder_org_id: org.id,
            holder_name: o.name_zh,
            county_id: placeId(o.county),
            application_date: t.application,
            registration_date: t.registration,
            legal_status: "registered",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("trademark_classes")
          .values(t.classes.map((c) => ({ trademark_id: tm.id, class_no: c, goods: t.goods })))
          .execute();
        trademarkIds.set(t.reg_no, tm.id);
        await enqueueSearchSync(trx, "trademark", [tm.id]);
      }

      for (const p of o.products) {
        const product = await trx
          .insertInto("products")
          .values({
            ...common,
            organization_id: org.id,
            name_zh: p.name_zh,
            name_en: p.name_en,
            category: p.category,
            gi_product_id: p.gi ? giId(p.gi) : null,
            regional_brand_id: p.regionalBrand ? brandId(p.regionalBrand) : null,
            trademark_id: p.trademark ? (trademarkIds.get(p.trademark) ?? null) : null,
            availability_months: p.months,
            annual_volume: String(p.volume[0]),
            volume_unit: p.volume[1],
            min_order_qty: String(p.minOrder[0]),
            min_order_unit: p.minOrder[1],
            pack_sizes: p.packs,
            storage: p.storage,
            price_band: p.price,
            provinces_served: p.provinces,
            samples_available: p.samples,
            description_zh: p.description_zh,
            description_en: p.description_en,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        for (const c of p.certifications ?? []) {
          await trx
            .insertInto("product_certifications")
            .values({ product_id: product.id, kind: c.kind, certificate_no: c.no, expires_on: c.expires })
            .execute();
        }
        const image = images.get(p.name_zh)!;
        await trx
          .insertInto("images")
          .values({
            owner_type: "product",
            owner_id: product.id,
            storage_key: image.storage_key,
            width: image.width,
            height: image.height,
            variants: jsonb(image.variants),
            placeholder: image.placeholder,
            alt_zh: `${p.name_zh}(示例图片)`,
            alt_en: `${p.name_en} (sample picture)`,
          })
          .execute();
        await enqueueSearchSync(trx, "product", [product.id]);
      }
    }
  });
}
