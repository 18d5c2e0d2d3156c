import { EXPIRING_DAYS } from "../../app/domain/authorisation-ending";
import { sql, type Kysely, type Transaction } from "kysely";
import type { OrganizationInput } from "./record-inputs";
import { jsonb } from "../json";
import { saveOpenRevision, submitOpenRevision } from "./revisions";
import type { Database } from "../schema";
import { chinaToday } from "./china-day";

type Executor = Kysely<Database> | Transaction<Database>;

export async function getOwnOrganization(db: Executor, organizationId: number) {
  const org = await db.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirst();
  if (!org) return undefined;
  const revision = await db
    .selectFrom("record_revisions")
    .select(["id", "data", "status", "review_comment"])
    .where("entity_type", "=", "organization")
    .where("entity_id", "=", organizationId)
    .where("status", "in", ["draft", "submitted", "changes_requested"])
    .executeTakeFirst();
  return { ...org, revision: revision ?? null };
}

export async function creditCodeTakenByOther(db: Executor, creditCode: string, organizationId: number | null) {
  let q = db.selectFrom("organizations").select("id").where("credit_code", "=", creditCode);
  if (organizationId) q = q.where("id", "<>", organizationId);
  return !!(await q.executeTakeFirst());
}

function columns(form: OrganizationInput) {
  return {
    name_zh: form.name_zh,
    name_en: form.name_en,
    credit_code: form.credit_code,
    org_type: form.org_type,
    county_id: form.county_id,
    address: form.address,
    website: form.website,
    contacts: jsonb(form.contacts),
    description_zh: form.description_zh,
    description_en: form.description_en,
  };
}

/** A new producer's organisation starts as a draft that only they see, and becomes theirs in the same transaction. */
export async function createOwnOrganization(trx: Transaction<Database>, userId: number, form: OrganizationInput) {
  const { id } = await trx
    .insertInto("organizations")
    .values({ ...columns(form), status: "draft", created_by: userId, updated_by: userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("users").set({ organization_id: id }).where("id", "=", userId).execute();
  return id;
}

/** Unpublished profiles change in place; a published one keeps its public data and the edit waits as a revision. */
export async function saveOwnOrganization(trx: Transaction<Database>, organizationId: number, userId: number, form: OrganizationInput) {
  const current = await trx.selectFrom("organizations").select(["status"]).where("id", "=", organizationId).forUpdate().executeTakeFirstOrThrow();
  if (current.status !== "published") {
    await trx
      .updateTable("organizations")
      .set({ ...columns(form), status: "draft", updated_by: userId, updated_at: sql`now()` })
      .where("id", "=", organizationId)
      .execute();
    return "saved" as const;
  }
  await saveOpenRevision(trx, "organization", organizationId, { ...form } as Record<string, unknown>, userId);
  return "revision" as const;
}

export async function submitOwnOrganization(trx: Transaction<Database>, organizationId: number) {
  const current = await trx.selectFrom("organizations").select(["status"]).where("id", "=", organizationId).forUpdate().executeTakeFirstOrThrow();
  if (current.status !== "published") {
    await trx
      .updateTable("organizations")
      .set({ status: "submitted", submitted_at: sql`now()`, review_comment: null })
      .where("id", "=", organizationId)
      .execute();
    return "submitted" as const;
  }
  return submitOpenRevision(trx, "organization", organizationId);
}

/** The producer's dashboard; its reminders compare dates with China's day at `at` (default: now), like the badges. */
export async function producerDashboard(db: Executor, organizationId: number, at?: Date) {
  const today = chinaToday(at);
  const counts = await db
    .selectFrom("products")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is", null)
    .groupBy("status")
    .execute();
  // trademarks and claims by status too: the dashboard shows every kind of record the producer keeps
  const trademarkCounts = await db
    .selectFrom("trademarks")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("holder_org_id", "=", organizationId)
    .groupBy("status")
    .execute();
  const claimCounts = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("gi_authorised_users")
        .select("verification")
        .where("organization_id", "=", organizationId)
        .unionAll(eb.selectFrom("regional_brand_licences").select("verification").where("organization_id", "=", organizationId))
        .as("c"),
    )
    .select(["c.verification", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("c.verification")
    .execute();
  const trademarks = await db
    .selectFrom("trademarks")
    .select(["id", "name_zh", "registration_date", "legal_status"])
    .where("holder_org_id", "=", organizationId)
    .execute();
  const expiringCertificates = await db
    .selectFrom("product_certifications as c")
    .innerJoin("products as p", "p.id", "c.product_id")
    .select(["p.name_zh as product", "c.kind", "c.expires_on", sql<boolean>`c.expires_on < ${today}`.as("expired")])
    .where("p.organization_id", "=", organizationId)
    .where("p.status", "<>", "archived") // binned products are archived too
    // an expired certificate keeps reminding until the producer renews or removes it: it may not be claimed any more
    .where(sql<boolean>`c.expires_on <= ${today} + 90`)
    .orderBy("c.expires_on")
    .execute();
  const gis = await db
    .selectFrom("gi_authorised_users as au")
    .innerJoin("gi_products as g", "g.id", "au.gi_product_id")
    .select(["g.name_zh"])
    .where("au.organization_id", "=", organizationId)
    .where("au.verification", "=", "verified")
    .where(sql<boolean>`(au.valid_to is null or au.valid_to >= ${today})`)
    .execute();
  // verified rights to use a GI or a regional brand that lapse within 90 days, or have lapsed: the badge goes when they
  // do, and an expired one keeps reminding until a verified renewal supersedes it (or staff revoke it)
  const endingAuthorisations = await db
    .selectFrom("gi_authorised_users as au")
    .innerJoin("gi_products as g", "g.id", "au.gi_product_id")
    .select(["g.name_zh", "au.valid_to", sql<boolean>`au.valid_to < ${today}`.as("expired")])
    .where("au.organization_id", "=", organizationId)
    .where("au.verification", "=", "verified")
    .where(sql<boolean>`au.valid_to <= ${today} + ${sql.lit(EXPIRING_DAYS)}`)
    .unionAll(
      db
        .selectFrom("regional_brand_licences as rl")
        .innerJoin("regional_brands as r", "r.id", "rl.regional_brand_id")
        .select(["r.name_zh", "rl.valid_to", sql<boolean>`rl.valid_to < ${today}`.as("expired")])
        .where("rl.organization_id", "=", organizationId)
        .where("rl.verification", "=", "verified")
        .where(sql<boolean>`rl.valid_to <= ${today} + ${sql.lit(EXPIRING_DAYS)}`),
    )
    .orderBy("valid_to")
    .execute();
  return {
    counts: counts.map((c) => ({ status: c.status, n: Number(c.n) })),
    trademarkCounts: trademarkCounts.map((c) => ({ status: c.status, n: Number(c.n) })),
    claimCounts: claimCounts.map((c) => ({ verification: c.verification, n: Number(c.n) })),
    trademarks,
    expiringCertificates,
    gis,
    endingAuthorisations,
  };
}
