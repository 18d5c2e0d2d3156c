// `npm audit --omit=dev` at high severity, minus the advisories accepted (with a reason) in .ci/audit-allowlist.json.
// When the registry's audit endpoint cannot be reached (this workplace's registry mirror answers 405), it says so
// loudly and passes: an unreachable advisory database is not a vulnerability, and CI must still run the tests.
// When it answers, any high or critical advisory in a production dependency that is not accepted fails the run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { allowlistProblems, evaluateAudit } from "./audit-policy.mjs";

const allow = JSON.parse(fs.readFileSync(new URL("./audit-allowlist.json", import.meta.url), "utf8"));
const problems = allowlistProblems(allow);
if (problems.length > 0) {
  console.error(`.ci/audit-allowlist.json:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const { unreachable, bad } = evaluateAudit(report, allow);
if (unreachable) {
  console.warn("WARNING: npm audit could not reach the advisory database; supply-chain check skipped in this run.");
  console.warn((run.stderr || JSON.stringify(report?.error ?? "")).split("\n").slice(0, 3).join("\n"));
  process.exit(0);
}
if (bad.length > 0) {
  console.error("High-severity advisories not in .ci/audit-allowlist.json:\n  " + bad.join("\n  "));
  process.exit(1);
}
console.log("npm audit: no unaccepted high-severity advisories in production dependencies");
