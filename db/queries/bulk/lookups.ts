import { sql } from "kysely";
import { listCounties } from "../places";
import type { Executor } from "./batch";

// Set-based reads that resolve the references in an import file: one query per kind of reference, never one per row.

export interface PlaceRef {
  id: number;
  kind: "county" | "township" | "park";
  name_zh: string;
  short_zh: string | null;
  parent_id: number | null;
}

export interface ImportPlaces {
  /** districts and counties (区县), as findCountyByName sees them */
  counties: PlaceRef[];
  /** every place, for protected areas and townships (乡镇) */
  all: PlaceRef[];
}

/** Loaded once per import: Haidong has a handful of counties and at most a few hundred townships. */
export async function loadPlaces(db: Executor): Promise<ImportPlaces> {
  const counties = await listCounties(db);
  const all = await db.selectFrom("places").select(["id", "kind", "name_zh", "short_zh", "parent_id"]).orderBy("id").execute();
  return {
    counties: counties.map((c) => ({ id: c.id, kind: "county" as const, name_zh: c.name_zh, short_zh: c.short_zh, parent_id: null })),
    all,
  };
}

export interface OrganizationRef {
  id: number;
  name_zh: string;
  credit_code: string | null;
}

/** Organisations with one of these credit codes, or (for those without a code in the file) one of these exact names. */
export async function findOrganizations(db: Executor, creditCodes: readonly string[], names: readonly string[]): Promise<OrganizationRef[]> {
  if (creditCodes.length === 0 && names.length === 0) return [];
  return db
    .selectFrom("organizations")
    .select(["id", "name_zh", "credit_code"])
    .where((eb) => eb.or([eb("credit_code", "=", sql<string>`any(${creditCodes}::text[])`), eb("name_zh", "=", sql<string>`any(${names}::text[])`)]))
    .orderBy("id")
    .execute();
}

export async function findGiProductsByName(db: Executor, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .selectFrom("gi_products")
    .select(["id", "name_zh"])
    .where("name_zh", "=", sql<string>`any(${names}::text[])`)
    .execute();
}

export async function findTrademarksByRegNo(db: Executor, regNos: readonly string[]) {
  if (regNos.length === 0) return [];
  return db
    .selectFrom("trademarks")
    .select(["id", "reg_no"])
    .where("reg_no", "=", sql<string>`any(${regNos}::text[])`)
    .execute() as Promise<{ id: number; reg_no: string }[]>;
}

export async function findRegionalBrandsByName(db: Executor, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .selectFrom("regional_brands")
    .select(["id", "name_zh"])
    .where("name_zh", "=", sql<string>`any(${names}::text[])`)
    .execute();
}
