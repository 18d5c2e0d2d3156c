import type { Migration } from "kysely";
import * as createCatalogue from "./2026_11_28_090000_create_catalogue";
import * as createAccounts from "./2026_11_28_100000_create_accounts";

// Listed explicitly (not read from disk) so the same files run from tsx, the Vite-built server and tests alike.
export const migrations: Record<string, Migration> = {
  "2026_11_28_090000_create_catalogue": createCatalogue,
  "2026_11_28_100000_create_accounts": createAccounts,
};
