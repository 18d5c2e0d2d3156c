export interface Allowlist {
  advisories: { url: string; reason: string; until?: string }[];
}
export function allowlistProblems(allow: unknown): string[];
export function evaluateAudit(report: unknown, allow: Allowlist): { unreachable: boolean; bad: string[] };
