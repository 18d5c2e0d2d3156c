import type { Verification } from "../schema";
import type { ProductInput } from "./record-inputs";
import { productColumns } from "./producer-products";
import { livePictures, revisionPictures, type PictureEntry } from "./product-pictures";
import { TABLE, epoch, type Executor, type ReviewEntity, type ReviewKind, type Values } from "./review";

// What the review screen shows for one waiting item: the live values against the submitted ones, field by field.

export const ORG_FIELDS = [
  "name_zh",
  "name_en",
  "credit_code",
  "org_type",
  "county_id",
  "address",
  "website",
  "contacts",
  "description_zh",
  "description_en",
] as const;
export const TRADEMARK_FIELDS = [
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

function normalise(field: string, value: unknown): unknown {
  if (value === undefined || value === "") return null;
  if (NUMERIC.has(field) && value !== null) return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

export function pick(source: Values, fields: readonly string[]): Values {
  return Object.fromEntries(fields.map((f) => [f, normalise(f, source[f])]));
}

/**
 * A picture as one diff line: its descriptions (both, so a changed English one shows too), size and the start of its
 * content hash (the same photo, the same hash).
 */
function pictureList(pictures: PictureEntry[]) {
  return pictures.map(
    (p) => `${p.alt_zh}${p.alt_en ? ` / ${p.alt_en}` : ""} (${p.width}×${p.height}, ${/[a-f0-9]{64}/.exec(p.storage_key)?.[0].slice(0, 8) ?? "?"})`,
  );
}

function certList(
  rows: { kind: string | null; certificate_no?: string | null; number?: string | null; expires_on?: string | null; expires?: string | null }[],
) {
  return rows.filter((r) => r.kind).map((r) => [r.kind, r.certificate_no ?? r.number ?? "", r.expires_on ?? r.expires ?? ""].join(":"));
}

async function liveValues(db: Executor, entity: ReviewEntity, id: number): Promise<Values | undefined> {
  if (entity === "product") {
    const p = await db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
    if (!p) return undefined;
    const certs = await db
      .selectFrom("product_certifications")
      .select(["kind", "certificate_no", "expires_on"])
      .where("product_id", "=", id)
      .orderBy("id")
      .execute();
    const cols = Object.keys(productColumns({} as ProductInput));
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
    const form = data as unknown as ProductInput;
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
  const ids = (field: string) =>
    rows
      .filter((r) => r.field === field)
      .flatMap((r) => [r.before, r.after])
      .filter((v): v is number => typeof v === "number");
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

/**
 * Whether a field's value changed. A list of plain values (supply months, Nice classes, provinces, pack sizes) is a
 * set: 5, 6 and 6, 5 are the same answer, and marking it changed sends the reviewer looking for a change that is not
 * there. A list of records (the pictures, whose first is the cover) keeps its order.
 */
export function valueChanged(before: unknown, after: unknown): boolean {
  const plainList = (v: unknown): v is (string | number | boolean | null)[] =>
    Array.isArray(v) && v.every((x) => x === null || ["string", "number", "boolean"].includes(typeof x));
  if (plainList(before) && plainList(after)) {
    const key = (xs: unknown[]) => JSON.stringify(xs.map((x) => JSON.stringify(x)).sort());
    return key(before) !== key(after);
  }
  return JSON.stringify(before) !== JSON.stringify(after);
}

export function diff(before: Values | null, after: Values): DiffRow[] {
  return Object.keys(after).map((field) => {
    const b = before ? (before[field] ?? null) : null;
    const a = after[field] ?? null;
    return { field, before: b, after: a, changed: valueChanged(b, a) };
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
  /** the GI a product links to, with its producer's authorisation status (null: no authorisation claimed) */
  giLink: { name: string; authorisation: Verification | null } | null;
}

/** The GI a product would link to, and whether its producer's authorisation to use it is verified. */
async function giLinkFor(db: Executor, organizationId: number, giProductId: number) {
  const row = await db
    .selectFrom("gi_products as g")
    .leftJoin("gi_authorised_users as au", (j) =>
      // the current authorisation, not a pending renewal or a superseded one
      j
        .onRef("au.gi_product_id", "=", "g.id")
        .on("au.organization_id", "=", organizationId)
        .on("au.renews_id", "is", null)
        .on("au.verification", "<>", "superseded"),
    )
    .select(["g.name_zh", "au.verification"])
    .where("g.id", "=", giProductId)
    .executeTakeFirst();
  return row ? { name: row.name_zh, authorisation: row.verification ?? null } : null;
}

export async function owningOrganization(db: Executor, entity: ReviewEntity, entityId: number) {
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
    const row = await db
      .selectFrom(table)
      .select(["status", "submitted_at", epoch("submitted_at").as("version")])
      .where("id", "=", id)
      .executeTakeFirst();
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
  const giId = Number(rows.find((r) => r.field === "gi_product_id")?.after ?? 0);
  const giLink = entityType === "product" && org && Number.isSafeInteger(giId) && giId > 0 ? await giLinkFor(db, org.id, giId) : null;
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
    giLink,
  };
}

/** Whether the record behind a queue link exists at all (decided items are no longer waiting, but still exist). */
export async function reviewTargetExists(db: Executor, kind: ReviewKind, id: number) {
  const table = kind === "revision" ? "record_revisions" : TABLE[kind];
  return !!(await db.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst());
}
