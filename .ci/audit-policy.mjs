// The decision part of .ci/audit.mjs, kept apart so that tests can feed it npm audit reports (tests/faults/supply-chain).

/** Problems with the allowlist itself: every accepted advisory names its URL and why it is accepted. */
export function allowlistProblems(allow) {
  const problems = [];
  if (!allow || !Array.isArray(allow.advisories)) return ['audit-allowlist.json needs an "advisories" array'];
  for (const [i, a] of allow.advisories.entries()) {
    if (typeof a?.url !== "string" || !/^https:\/\//.test(a.url)) problems.push(`advisories[${i}]: "url" must be the advisory's https URL`);
    if (typeof a?.reason !== "string" || a.reason.trim().length < 10) problems.push(`advisories[${i}]: "reason" must say why it is accepted`);
  }
  return problems;
}

/**
 * `npm audit --json` output → "unreachable" (no advisory data: the registry refused or failed), or the list of high
 * and critical advisories not accepted in the allowlist. A package that is only vulnerable through another one (its
 * `via` names packages, not advisories) is reported under that other package.
 */
export function evaluateAudit(report, allow) {
  if (!report || report.error || !report.vulnerabilities) return { unreachable: true, bad: [] };
  const allowed = new Set(allow.advisories.map((a) => a.url));
  const bad = [];
  for (const [name, v] of Object.entries(report.vulnerabilities)) {
    const advisories = v.via.filter((x) => typeof x === "object" && ["high", "critical"].includes(x.severity));
    const open = advisories.filter((x) => !allowed.has(x.url));
    if (open.length > 0) bad.push(`${name} (${v.severity}): ${open.map((x) => `${x.title ?? ""} ${x.url}`.trim()).join(", ")}`);
  }
  return { unreachable: false, bad };
}
