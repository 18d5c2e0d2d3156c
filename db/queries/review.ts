import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, SearchEntityType } from "../schema";
import { enqueueSearchSync } from "./outbox";

export type Executor = Kysely<Database> | Transaction<Database>;

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

export const epoch = (col: string) => sql<string>`coalesce((extract(epoch from ${sql.ref(col)}))::text, '')`;

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
    ...products.map((p) => ({
      kind: "product" as const,
      id: p.id,
      entityType: "product" as const,
      entityId: p.id,
      name: p.name_zh,
      organization: p.org,
      creditStatus: p.credit_status,
      submittedAt: p.submitted_at ?? p.created_at,
    })),
    ...orgs.map((o) => ({
      kind: "organization" as const,
      id: o.id,
      entityType: "organization" as const,
      entityId: o.id,
      name: o.name_zh,
      organization: o.name_zh,
      creditStatus: o.credit_status,
      submittedAt: o.submitted_at ?? o.created_at,
    })),
    ...trademarks.map((t) => ({
      kind: "trademark" as const,
      id: t.id,
      entityType: "trademark" as const,
      entityId: t.id,
      name: t.name_zh,
      organization: t.org,
      creditStatus: t.credit_status,
      submittedAt: t.submitted_at ?? t.created_at,
    })),
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

export type Values = Record<string, unknown>;

export const TABLE = { product: "products", organization: "organizations", trademark: "trademarks" } as const;

/** The search documents that show this record: itself, and for an organisation or trademark the products showing it. */
export async function announce(trx: Transaction<Database>, entity: ReviewEntity, id: number) {
  const type: SearchEntityType = entity;
  await enqueueSearchSync(trx, type, [id]);
  if (entity === "organization") {
    const products = await trx.selectFrom("products").select("id").where("organization_id", "=", id).execute();
    const trademarks = await trx.selectFrom("trademarks").select("id").where("holder_org_id", "=", id).execute();
    await enqueueSearchSync(
      trx,
      "product",
      products.map((p) => p.id),
    );
    await enqueueSearchSync(
      trx,
      "trademark",
      trademarks.map((t) => t.id),
    );
  }
  if (entity === "trademark") {
    const products = await trx.selectFrom("products").select("id").where("trademark_id", "=", id).execute();
    await enqueueSearchSync(
      trx,
      "product",
      products.map((p) => p.id),
    );
  }
}
