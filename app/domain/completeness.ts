/** What a buyer would miss on a product page; drives the producer's completeness meter. */
export type MissingItem = "image" | "nameEn" | "availability" | "minOrder" | "description" | "certificateExpiry";

/**
 * Takes either the live row (certifications with `expires_on`) or an open revision's form data (`expires`): the meter
 * must describe what the producer is editing, or it keeps asking for an English name they already saved.
 */
export function productCompleteness(p: {
  imageCount: number;
  name_en?: string | null;
  availability_months?: number[] | null;
  min_order_qty?: string | number | null;
  description_zh?: string | null;
  certifications?: { expires_on?: string | null; expires?: string | null }[] | null;
}) {
  const checks: [MissingItem, boolean][] = [
    ["image", p.imageCount > 0],
    ["nameEn", !!p.name_en],
    ["availability", (p.availability_months ?? []).length > 0],
    ["minOrder", p.min_order_qty !== null && p.min_order_qty !== undefined && p.min_order_qty !== ""],
    ["description", !!p.description_zh],
    ["certificateExpiry", (p.certifications ?? []).every((c) => !!(c.expires_on ?? c.expires))],
  ];
  const missing = checks.filter(([, ok]) => !ok).map(([item]) => item);
  return { percent: Math.round(((checks.length - missing.length) / checks.length) * 100), missing };
}
