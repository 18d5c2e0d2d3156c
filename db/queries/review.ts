import { sql, type Kysely, type Transaction } from "kysely";
import type { ProductForm } from "../../app/domain/product-form";
import { jsonb } from "../json";
import type { Database, SearchEntityType } from "../schema";
import { setAuditActor, writeAudit } from "./audit";
import { enqueueSearchSync } from "./outbox";
import { applyProductForm, productColumns } from "./producer-products";
import { applyRevisionPictures, livePictures, revisionPictures, type PictureEntry } from "./product-pictures";

type Executor = Kysely<Database> | Transaction<Database>;

// The review queue: records submitted for the first time (status 'submitted') and revisions of published records
// (record_revisions.status 'submitted'). A decision locks the row, checks that what the reviewer saw is still what is
// waiting (the submission time is the version), applies it, announces it to search and writes the audit log, all in
// one transaction.

export type ReviewKind = "product" | "organization" | "trademark" | "revision";
export const REVIEW_KINDS: readonly ReviewKind[] = ["product", "organization", "trademark", "revision"];
export type ReviewEntity = "product" | "organization" | "trademark";
export type Decision = "approve" | "reject" | "request_changes";

export interface QueueItem {
  kind: ReviewKind;
  id: number;
  entityType: ReviewEntity;
  entityId: number;
  name: string;
  organization: string | null;
  creditStatus: "normal" | "abnormal" | "serious" | null;
  submittedAt: Date | string | null;
}

const epoch = (col: string) => sql<string>`coalesce((extract(epoch from ${sql.ref(col)}))::text, '')`;

/** Everything waiting for a reviewer, oldest first. */
export async function reviewQueue(db: Executor): Promise<QueueItem[]> {
  const [products, orgs, trademarks, revisions] = await Promise.all([
    db
      .selectFrom("products as p")
      .innerJoin("organizations as o", "o.id", "p.organization_id")
      .select(["p.id", "p.name_zh", "o.name_zh as org", "o.credit_status", "p.submitted_at", "p.created_at"])
      .where("p.status", "=", "submitted")
      .execute(),
    db.selectFrom("organizations").select(["id", "name_zh", "credit_status", "submitted_at", "created_at"]).where("status", "=", "submitted").execute(),
    db
      .selectFrom("trademarks as t")
      .leftJoin("organizations as o", "o.id", "t.holder_org_id")
      .select(["t.id", "t.name_zh", "o.name_zh as org", "o.credit_status", "t.submitted_at", "t.created_at"])
      .where("t.status", "=", "submitted")
      .execute(),
    db
      .selectFrom("record_revisions as r")
      .leftJoin("products as p", (j) => j.onRef("p.id", "=", "r.entity_id").on("r.entity_type", "=", "product"))
      .leftJoin("trademarks as t", (j) => j.onRef("t.id", "=", "r.entity_id").on("r.entity_type", "=", "trademark"))
      .leftJoin("organizations as o", (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([eb("r.entity_type", "=", "organization"), eb(eb.ref("o.id"), "=", eb.ref("r.entity_id"))]),
            eb(eb.ref("o.id"), "=", eb.ref("p.organization_id")),
            eb(eb.ref("o.id"), "=", eb.ref("t.holder_org_id")),
          ]),
        ),
      )
      .select([
        "r.id",
        "r.entity_type",
        "r.entity_id",
        "r.submitted_at",
        "r.created_at",
        sql<string>`coalesce(p.name_zh, t.name_zh, o.name_zh, '')`.as("name"),
        "o.name_zh as org",
        "o.credit_status",
      ])
      .where("r.status", "=", "submitted")
      .where("r.entity_type", "in", ["product", "organization", "trademark"])
      .execute(),
  ]);
  const items: QueueItem[] = [
    ...products.map((p) => ({ kind: "product" as const, id: p.id, entityType: "product" as const, entityId: p.id, name: p.name_zh, organization: p.org, creditStatus: p.credit_status, submittedAt: p.submitted_at ?? p.created_at })),
    ...orgs.map((o) => ({ kind: "organization" as const, id: o.id, entityType: "organization" as const, entityId: o.id, name: o.name_zh, organization: o.name_zh, creditStatus: o.credit_status, submittedAt: o.submitted_at ?? o.created_at })),
    ...trademarks.map((t) => ({ kind: "trademark" as const, id: t.id, entityType: "trademark" as const, entityId: t.id, name: t.name_zh, organization: t.org, creditStatus: t.credit_status, submittedAt: t.submitted_at ?? t.created_at })),
    ...revisions.map((r) => ({
      kind: "revision" as const,
      id: r.id,
      entityType: r.entity_type as ReviewEntity,
      entityId: r.entity_id,
      name: r.name,
      organization: r.org,
      creditStatus: r.credit_status,
      submittedAt: r.submitted_at ?? r.created_at,
    })),
  ];
  return items.sort((a, b) => new Date(a.submittedAt ?? 0).getTime() - new Date(b.submittedAt ?? 0).getTime() || a.id - b.id);
}

export async function reviewQueueCount(db: Executor) {
  const row = await sql<{ n: number }>`
    select (select count(*) from products where status = 'submitted')
         + (select count(*) from organizations where status = 'submitted')
         + (select count(*) from trademarks where status = 'submitted')
         + (select count(*) from record_revisions where status = 'submitted' and entity_type in ('product','organization','trademark')) as n`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Field values as the review screen compares them

const ORG_FIELDS = ["name_zh", "name_en", "credit_code", "org_type", "county_id", "address", "website", "contacts", "description_zh", "description_en"] as const;
const TRADEMARK_FIELDS = [
  "reg_no",
  "name_zh",
  "name_en",
  "mark_type",
  "goods",
  "application_date",
  "registration_date",
  "legal_status",
  "well_known",
  "well_known_year",
  "provincial_famous",
] as const;
const NUMERIC = new Set(["annual_volume", "min_order_qty"]);

type Values = Record<string, unknown>;

function normalise(field: string, value: unknown): unknown {
  if (value === undefined || value === "") return null;
  if (NUMERIC.has(field) && value !== null) return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

function pick(source: Values, fields: readonly string[]): Values {
  return Object.fromEntries(fields.map((f) => [f, normalise(f, source[f])]));
}

/** A picture as one diff line: its description, size and the start of its content hash (the same photo, the same hash). */
function pictureList(pictures: PictureEntry[]) {
  return pictures.map((p) => `${p.alt_zh} (${p.width}×${p.height}, ${/[a-f0-9]{64}/.exec(p.storage_key)?.[0].slice(0, 8) ?? "?"})`);
}

function certList(rows: { kind: string | null; certificate_no?: string | null; number?: string | null; expires_on?: string | null; expires?: string | null }[]) {
  return rows.filter((r) => r.kind).map((r) => [r.kind, r.certificate_no ?? r.number ?? "", r.expires_on ?? r.expires ?? ""].join(":"));
}

async function liveValues(db: Executor, entity: ReviewEntity, id: number): Promise<Values | undefined> {
  if (entity === "product") {
    const p = await db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
    if (!p) return undefined;
    const certs = await db.selectFrom("product_certifications").select(["kind", "certificate_no", "expires_on"]).where("product_id", "=", id).orderBy("id").execute();
    const cols = Object.keys(productColumns({} as ProductForm));
    return { ...pick(p as unknown as Values, cols), certifications: certList(certs), images: pictureList(await livePictures(db, id)) };
  }
  if (entity === "organization") {
    const o = await db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
    return o ? pick(o as unknown as Values, ORG_FIELDS) : undefined;
  }
  const t = await db.selectFrom("trademarks").selectAll().where("id", "=", id).executeTakeFirst();
  if (!t) return undefined;
  const classes = await db.selectFrom("trademark_classes").select("class_no").where("trademark_id", "=", id).orderBy("class_no").execute();
  return { ...pick(t as unknown as Values, TRADEMARK_FIELDS), nice_classes: classes.map((c) => c.class_no) };
}

/** A revision's data (the producer's validated form) as row values, comparable with liveValues(). */
function revisionValues(entity: ReviewEntity, data: Values): Values {
  if (entity === "product") {
    const form = data as unknown as ProductForm;
    const pictures = revisionPictures(data);
    return {
      ...pick(productColumns(form) as Values, Object.keys(productColumns(form))),
      certifications: certList(form.certifications ?? []),
      // only a revision that changes the pictures carries them; otherwise the row is left out of the diff
      ...(pictures ? { images: pictureList(pictures) } : {}),
    };
  }
  if (entity === "organization") return pick(data, ORG_FIELDS);
  return { ...pick(data, TRADEMARK_FIELDS), nice_classes: Array.isArray(data.nice_classes) ? data.nice_classes : [] };
}

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Names for the id columns, so the reviewer reads 乐都区 rather than 3. */
async function labelReferences(db: Executor, rows: DiffRow[]) {
  const ids = (field: string) => rows.filter((r) => r.field === field).flatMap((r) => [r.before, r.after]).filter((v): v is number => typeof v === "number");
  const lookups: [string, "places" | "gi_products" | "regional_brands" | "trademarks"][] = [
    ["county_id", "places"],
    ["gi_product_id", "gi_products"],
    ["regional_brand_id", "regional_brands"],
    ["trademark_id", "trademarks"],
  ];
  for (const [field, table] of lookups) {
    const wanted = ids(field);
    if (wanted.length === 0) continue;
    const names = await db.selectFrom(table).select(["id", "name_zh"]).where("id", "in", wanted).execute();
    const label = (v: unknown) => (typeof v === "number" ? `${names.find((n) => n.id === v)?.name_zh ?? "?"} (#${v})` : v);
    for (const r of rows.filter((x) => x.field === field)) {
      r.before = label(r.before);
      r.after = label(r.after);
    }
  }
  return rows;
}

function diff(before: Values | null, after: Values): DiffRow[] {
  return Object.keys(after).map((field) => {
    const b = before ? (before[field] ?? null) : null;
    const a = after[field] ?? null;
    return { field, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}

export interface ReviewItem {
  kind: ReviewKind;
  id: number;
  entityType: ReviewEntity;
  entityId: number;
  name: string;
  status: string;
  version: string;
  submittedAt: Date | string | null;
  organizationId: number | null;
  organization: string | null;
  organizationStatus: string | null;
  creditStatus: "normal" | "abnormal" | "serious" | null;
  isNew: boolean;
  diff: DiffRow[];
  /** product pictures to show side by side: the live ones (null for a new record) and the proposed ones */
  pictures: { before: PictureEntry[] | null; after: PictureEntry[] } | null;
}

async function owningOrganization(db: Executor, entity: ReviewEntity, entityId: number) {
  const orgId =
    entity === "organization"
      ? entityId
      : entity === "product"
        ? (await db.selectFrom("products").select("organization_id as o").where("id", "=", entityId).executeTakeFirst())?.o
        : (await db.selectFrom("trademarks").select("holder_org_id as o").where("id", "=", entityId).executeTakeFirst())?.o;
  if (!orgId) return null;
  return (await db.selectFrom("organizations").select(["id", "name_zh", "status", "credit_status"]).where("id", "=", orgId).executeTakeFirst()) ?? null;
}

/** One waiting item with its field-by-field diff; undefined when it is not (or no longer) waiting. */
export async function reviewItem(db: Executor, kind: ReviewKind, id: number): Promise<ReviewItem | undefined> {
  let entityType: ReviewEntity;
  let entityId: number;
  let rows: DiffRow[];
  let version: string;
  let submittedAt: Date | string | null;
  let status: string;
  let pictures: ReviewItem["pictures"] = null;
  if (kind === "revision") {
    const r = await db
      .selectFrom("record_revisions")
      .select(["id", "entity_type", "entity_id", "data", "status", "submitted_at", epoch("submitted_at").as("version")])
      .where("id", "=", id)
      .where("entity_type", "in", ["product", "organization", "trademark"])
      .executeTakeFirst();
    if (!r || r.status !== "submitted") return undefined;
    entityType = r.entity_type as ReviewEntity;
    entityId = r.entity_id;
    const live = await liveValues(db, entityType, entityId);
    if (!live) return undefined;
    rows = diff(live, revisionValues(entityType, r.data));
    const proposed = entityType === "product" ? revisionPictures(r.data) : undefined;
    if (proposed) pictures = { before: await livePictures(db, entityId), after: proposed };
    version = r.version;
    submittedAt = r.submitted_at;
    status = r.status;
  } else {
    entityType = kind;
    entityId = id;
    const table = kind === "product" ? "products" : kind === "organization" ? "organizations" : "trademarks";
    const row = await db.selectFrom(table).select(["status", "submitted_at", epoch("submitted_at").as("version")]).where("id", "=", id).executeTakeFirst();
    if (!row || row.status !== "submitted") return undefined;
    const live = await liveValues(db, kind, id);
    if (!live) return undefined;
    rows = diff(null, live);
    if (kind === "product") pictures = { before: null, after: await livePictures(db, id) };
    version = row.version ?? "";
    submittedAt = row.submitted_at;
    status = row.status;
  }
  const org = await owningOrganization(db, entityType, entityId);
  const nameRow = rows.find((r) => r.field === "name_zh");
  return {
    kind,
    id,
    entityType,
    entityId,
    name: String(nameRow?.after ?? nameRow?.before ?? ""),
    status,
    version: version ?? "",
    submittedAt,
    organizationId: org?.id ?? null,
    organization: org?.name_zh ?? null,
    organizationStatus: org?.status ?? null,
    creditStatus: org?.credit_status ?? null,
    isNew: kind !== "revision",
    diff: await labelReferences(db, rows),
    pictures,
  };
}

/** Whether the record behind a queue link exists at all (decided items are no longer waiting, but still exist). */
export async function reviewTargetExists(db: Executor, kind: ReviewKind, id: number) {
  const table = kind === "revision" ? "record_revisions" : TABLE[kind];
  return !!(await db.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst());
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

/** The search documents that show this record: itself, and for an organisation or trademark the products showing it. */
async function announce(trx: Transaction<Database>, entity: ReviewEntity, id: number) {
  const type: SearchEntityType = entity;
  await enqueueSearchSync(trx, type, [id]);
  if (entity === "organization") {
    const products = await trx.selectFrom("products").select("id").where("organization_id", "=", id).execute();
    const trademarks = await trx.selectFrom("trademarks").select("id").where("holder_org_id", "=", id).execute();
    await enqueueSearchSync(trx, "product", products.map((p) => p.id));
    await enqueueSearchSync(trx, "trademark", trademarks.map((t) => t.id));
  }
  if (entity === "trademark") {
    const products = await trx.selectFrom("products").select("id").where("trademark_id", "=", id).execute();
    await enqueueSearchSync(trx, "product", products.map((p) => p.id));
  }
}

const TABLE = { product: "products", organization: "organizations", trademark: "trademarks" } as const;

export type DecisionResult = "ok" | "not_found" | "stale" | "credit_blocked" | "duplicate_key";

async function applyRevision(trx: Transaction<Database>, entity: ReviewEntity, id: number, data: Values, actorId: number): Promise<DecisionResult> {
  if (entity === "product") {
    await applyProductForm(trx, id, data as unknown as ProductForm, { updated_by: actorId });
    // files of pictures the revision dropped are swept by the caller after the commit (reviewPictureKeys)
    const pictures = revisionPictures(data);
    if (pictures) await applyRevisionPictures(trx, id, pictures);
    return "ok";
  }
  if (entity === "organization") {
    const v = pick(data, ORG_FIELDS);
    if (v.credit_code) {
      const other = await trx.selectFrom("organizations").select("id").where("credit_code", "=", String(v.credit_code)).where("id", "<>", id).executeTakeFirst();
      if (other) return "duplicate_key";
    }
    await trx
      .updateTable("organizations")
      .set({ ...(v as Record<string, never>), contacts: jsonb(Array.isArray(data.contacts) ? data.contacts : []), updated_by: actorId, updated_at: sql`now()` })
      .where("id", "=", id)
      .execute();
    return "ok";
  }
  const v = pick(data, TRADEMARK_FIELDS);
  if (v.reg_no) {
    const other = await trx.selectFrom("trademarks").select("id").where("reg_no", "=", String(v.reg_no)).where("id", "<>", id).executeTakeFirst();
    if (other) return "duplicate_key";
  }
  await trx
    .updateTable("trademarks")
    .set({ ...(v as Record<string, never>), updated_by: actorId, updated_at: sql`now()` })
    .where("id", "=", id)
    .execute();
  if (Array.isArray(data.nice_classes)) {
    const classes = (data.nice_classes as unknown[]).map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 45);
    await trx.deleteFrom("trademark_classes").where("trademark_id", "=", id).execute();
    if (classes.length) {
      await trx
        .insertInto("trademark_classes")
        .values(classes.map((c) => ({ trademark_id: id, class_no: c, goods: (v.goods as string | null) ?? null })))
        .execute();
    }
  }
  return "ok";
}

/**
 * Approves, rejects or sends back one waiting item. `version` is what the reviewer saw (the submission time): if the
 * producer changed or re-submitted since, nothing happens and "stale" is returned. Approval is refused while the
 * organisation carries a credit mark (经营异常 / 严重违法失信).
 */
export async function decide(
  trx: Transaction<Database>,
  input: { kind: ReviewKind; id: number; version: string; decision: Decision; comment: string | null; actorId: number },
): Promise<DecisionResult> {
  const { kind, id, decision, comment, actorId } = input;
  await setAuditActor(trx, actorId);
  let entity: ReviewEntity;
  let entityId: number;
  let revision: { id: number; data: Values } | undefined;
  if (kind === "revision") {
    const r = await trx
      .selectFrom("record_revisions")
      .select(["id", "entity_type", "entity_id", "data", "status", epoch("submitted_at").as("version")])
      .where("id", "=", id)
      .where("entity_type", "in", ["product", "organization", "trademark"])
      .forUpdate()
      .executeTakeFirst();
    if (!r) return "not_found";
    if (r.status !== "submitted" || r.version !== input.version) return "stale";
    entity = r.entity_type as ReviewEntity;
    entityId = r.entity_id;
    revision = { id: r.id, data: r.data };
  } else {
    entity = kind;
    entityId = id;
  }
  const row = await trx.selectFrom(TABLE[entity]).select(["id", "status", epoch("submitted_at").as("version")]).where("id", "=", entityId).forUpdate().executeTakeFirst();
  if (!row) return "not_found";
  if (!revision && (row.status !== "submitted" || row.version !== input.version)) return "stale";

  if (decision === "approve") {
    const org = await owningOrganization(trx, entity, entityId);
    if (org && org.credit_status !== "normal") return "credit_blocked";
  }

  if (revision) {
    if (decision === "approve") {
      const applied = await applyRevision(trx, entity, entityId, revision.data, actorId);
      if (applied !== "ok") return applied;
    }
    const status = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "changes_requested";
    await trx
      .updateTable("record_revisions")
      .set({ status, reviewed_by: actorId, reviewed_at: sql`now()`, review_comment: comment, updated_at: sql`now()` })
      .where("id", "=", revision.id)
      .execute();
    // the producer's screens show the live row's comment once the revision is closed
    if (decision !== "request_changes") {
      await trx.updateTable(TABLE[entity]).set({ review_comment: decision === "reject" ? comment : null }).where("id", "=", entityId).execute();
    }
  } else {
    const status = decision === "approve" ? "published" : decision === "reject" ? "rejected" : "draft";
    await trx
      .updateTable(TABLE[entity])
      .set({ status, review_comment: comment, updated_by: actorId, updated_at: sql`now()` })
      .where("id", "=", entityId)
      .execute();
  }
  if (decision === "approve") await announce(trx, entity, entityId);
  await writeAudit(trx, {
    actorId,
    action: decision,
    entityType: entity,
    entityId,
    before: { status: row.status },
    after: revision ? { revision: revision.id } : { status: decision === "approve" ? "published" : decision === "reject" ? "rejected" : "draft" },
    note: comment,
  });
  return "ok";
}

// ---------------------------------------------------------------------------------------------------------------
// Credit marks (经营异常 / 严重违法失信)

export type CreditStatus = "normal" | "abnormal" | "serious";

/**
 * Sets or clears an organisation's credit mark. Public queries hide marked organisations and their products, so the
 * organisation, its products and trademarks are announced to search in the same transaction and the index follows.
 */
export async function setCreditStatus(
  trx: Transaction<Database>,
  actorId: number,
  organizationId: number,
  mark: { status: CreditStatus; source: string | null; date: string | null; note: string | null },
) {
  await setAuditActor(trx, actorId);
  const org = await trx.selectFrom("organizations").select(["id", "credit_status", "credit_status_source", "credit_status_date"]).where("id", "=", organizationId).forUpdate().executeTakeFirst();
  if (!org) return "not_found" as const;
  await trx
    .updateTable("organizations")
    .set({
      credit_status: mark.status,
      credit_status_source: mark.status === "normal" ? null : mark.source,
      credit_status_date: mark.status === "normal" ? null : mark.date,
      updated_by: actorId,
      updated_at: sql`now()`,
    })
    .where("id", "=", organizationId)
    .execute();
  await announce(trx, "organization", organizationId);
  await writeAudit(trx, {
    actorId,
    action: mark.status === "normal" ? "credit_clear" : "credit_mark",
    entityType: "organization",
    entityId: organizationId,
    field: "credit_status",
    before: { status: org.credit_status, source: org.credit_status_source, date: org.credit_status_date },
    after: { status: mark.status, source: mark.source, date: mark.date },
    note: mark.note,
  });
  return "ok" as const;
}

/** Organisations for staff, all statuses, optionally filtered by name or credit code. */
export async function staffOrganizations(db: Executor, q: string | null, onlyMarked = false) {
  let query = db
    .selectFrom("organizations")
    .select(["id", "name_zh", "credit_code", "status", "credit_status", "credit_status_date", "is_sample"])
    .orderBy("name_zh")
    .limit(200);
  if (q) query = query.where((eb) => eb.or([eb("name_zh", "like", `%${q.replace(/[\\%_]/g, "\\$&")}%`), eb("credit_code", "=", q.toUpperCase())]));
  if (onlyMarked) query = query.where("credit_status", "<>", "normal");
  return query.execute();
}

export async function staffOrganization(db: Executor, id: number) {
  const org = await db
    .selectFrom("organizations as o")
    .leftJoin("places as c", "c.id", "o.county_id")
    .leftJoin("users as v", "v.id", "o.last_verified_by")
    .select([
      "o.id",
      "o.name_zh",
      "o.name_en",
      "o.credit_code",
      "o.status",
      "o.credit_status",
      "o.credit_status_source",
      "o.credit_status_date",
      "o.is_sample",
      "o.confidence",
      "o.last_verified_at",
      "c.name_zh as county_zh",
      sql<string | null>`coalesce(v.display_name, v.email)`.as("verified_by_name"),
    ])
    .where("o.id", "=", id)
    .executeTakeFirst();
  if (!org) return undefined;
  const [products, trademarks, users] = await Promise.all([
    db.selectFrom("products").select(["id", "name_zh", "status"]).where("organization_id", "=", id).orderBy("name_zh").execute(),
    db.selectFrom("trademarks").select(["id", "name_zh", "reg_no", "status", "last_verified_at"]).where("holder_org_id", "=", id).orderBy("name_zh").execute(),
    db.selectFrom("users").select(["id", "email", "phone", "display_name", "disabled_at"]).where("organization_id", "=", id).orderBy("id").execute(),
  ]);
  return { ...org, products, trademarks, users };
}

