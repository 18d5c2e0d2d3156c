import type { Db } from "../../db/client";
import type { SearchEntityType } from "../../db/schema";
import { getGiRegisterEntry } from "../../db/queries/gi-register";
import { getPublicOrganization } from "../../db/queries/organizations";
import { getPublishedProduct } from "../../db/queries/products";
import { getPublishedRegionalBrand } from "../../db/queries/regional-brands";
import { getPublishedTrademark, niceClassNames } from "../../db/queries/trademarks";
import { verifiedBy } from "../../db/queries/verify";
import { isUnverified, type VerificationFacts } from "../domain/verification";
import { trademarkValidity } from "../domain/trademark-validity";
import { todayInChina } from "../platform/china-time";
import { notFound, recordIdOr404 } from "../lib/route-params";
import type { PageSeo } from "../seo/meta";
import { giSeo, organizationSeo, productSeo, regionalBrandSeo, trademarkSeo } from "../seo/record-seo.server";

// The public record pages (GI, trademark, regional brand, product, organisation) alike: one descriptor per kind says
// how its page reads the published record and what search engines get (its canonical path is recordPath(type, id),
// app/records/paths.ts), and recordPage() applies the rules every kind
// shares — a malformed id or an unpublished record is a 404 (/gi/0x10 must not open GI 16), and the 待核实 badge
// follows app/domain/verification.ts. Modelled on the import/export registry (app/catalogue-io/kinds.ts).

type PublicRecord = VerificationFacts & { id: number };

export interface RecordKind<R extends PublicRecord, T extends SearchEntityType = SearchEntityType> {
  type: T;
  /** the published record with what its page shows of it, or undefined when there is none to show */
  load(db: Db, id: number): Promise<R | undefined>;
  // the record type is the loader's; the SEO builder may read less of it
  seo(record: NoInfer<R>): PageSeo;
}

const kind = <R extends PublicRecord, T extends SearchEntityType>(k: RecordKind<R, T>) => k;

export const RECORD_KINDS = {
  gi: kind({ type: "gi", load: getGiRegisterEntry, seo: giSeo }),
  regional_brand: kind({ type: "regional_brand", load: getPublishedRegionalBrand, seo: regionalBrandSeo }),
  organization: kind({ type: "organization", load: getPublicOrganization, seo: organizationSeo }),
  trademark: kind({
    type: "trademark",
    async load(db, id) {
      const tm = await getPublishedTrademark(db, id);
      if (!tm) return undefined;
      const [classNames, verifier] = await Promise.all([
        niceClassNames(
          db,
          tm.classes.map((c) => c.class_no),
        ),
        // "verified" says by whom and when (the reviewer's display name, else the regulator in general)
        tm.last_verified_at ? verifiedBy(db, "trademark", tm.id) : undefined,
      ]);
      return {
        ...tm,
        verified_by_name: verifier ? (verifier.name ?? "") : null,
        validity: trademarkValidity(tm.registration_date, tm.legal_status, todayInChina()),
        classes: tm.classes.map((c) => ({ ...c, ...classNames.find((n) => n.class_no === c.class_no) })),
      };
    },
    seo: trademarkSeo,
  }),
  product: kind({
    type: "product",
    async load(db, id) {
      const product = await getPublishedProduct(db, id);
      if (!product) return undefined;
      const today = todayInChina();
      // an expired certificate is not shown (nor indexed, see documents.server.ts)
      return { ...product, certifications: product.certifications.filter((c) => !c.expires_on || c.expires_on >= today) };
    },
    seo: productSeo,
  }),
} satisfies { [T in SearchEntityType]: { type: T } };

/** A record page's loader data: the record with its 待核实 flag, and its SEO. Throws a 404 response when there is none. */
export async function recordPage<R extends PublicRecord>(db: Db, k: RecordKind<R>, rawId: string | undefined) {
  const record = await k.load(db, recordIdOr404(rawId));
  if (!record) notFound();
  return { record: { ...record, unverified: isUnverified(record) }, seo: k.seo(record) };
}
