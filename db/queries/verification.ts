import { sql, type RawBuilder } from "kysely";

/**
 * The "unverified" (待核实) rule in SQL, for queries that compute it in the database (the search fallback):
 * below-high confidence and never checked by staff. The TypeScript twin is app/domain/verification.ts.
 * `alias` is the record table's alias in the calling query.
 */
export function unverifiedSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.confidence`)} <> 'high' and ${sql.ref(`${alias}.last_verified_at`)} is null)`;
}
