import { giIo } from "./gi";
import { giUsersIo } from "./gi-users";
import type { ImportKind, KindIo } from "./kind";
import { organizationsIo } from "./organizations";
import { productsIo } from "./products";
import { regionalBrandsIo } from "./regional-brands";
import { trademarksIo } from "./trademarks";

/** Every kind, in the order a whole catalogue loads: later kinds refer to records of earlier ones. */
export const KINDS_IN_LOAD_ORDER: readonly ImportKind[] = ["organizations", "trademarks", "gi", "regional-brands", "gi-users", "products"];

const KINDS = {
  organizations: organizationsIo,
  trademarks: trademarksIo,
  gi: giIo,
  "gi-users": giUsersIo,
  "regional-brands": regionalBrandsIo,
  products: productsIo,
};

export function kindIo(kind: ImportKind): KindIo<unknown> {
  // each kind's rows are produced by its own schema and only ever handed back to it
  return KINDS[kind] as unknown as KindIo<unknown>;
}
