// What the exhibitor import's planner (exhibitor-import.ts) and its page part (exhibitor-import-form.tsx) share,
// kept apart so the page's JavaScript does not carry the validator.

export const MAX_IMPORT_ROWS = 2000;

export type PlanAction = "add" | "restore" | "move" | "unchanged" | "draft";

export interface PlanItem {
  row: number;
  action: PlanAction;
  /** null for a company the import creates as a draft organisation for review */
  organizationId: number | null;
  name: string;
  creditCode: string | null;
  hall: string | null;
  booth: string;
  /** the booth an existing exhibitor had (move, restore) */
  from: { hall: string | null; booth: string } | null;
}

export function planCounts(items: readonly PlanItem[]): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { add: 0, restore: 0, move: 0, unchanged: 0, draft: 0 };
  for (const i of items) counts[i.action]++;
  return counts;
}
export const IMPORT_FORM = "import-exhibitors";
