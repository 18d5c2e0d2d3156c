import type { SearchEntityType } from "../../db/schema";

// Where each kind of public record lives. Search documents, degraded-mode hits, canonical URLs and the record kinds
// registry all read it here, so a record's address cannot differ between its search hit and its own page.
// Safe for the browser bundle.

const PREFIX: Record<SearchEntityType, string> = {
  gi: "/gi/",
  trademark: "/trademarks/",
  organization: "/organizations/",
  regional_brand: "/regional-brands/",
  product: "/products/",
};

export function recordPath(type: SearchEntityType, id: number | string): string {
  return `${PREFIX[type]}${id}`;
}
