import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowlistProblems, evaluateAudit, type Allowlist } from "../../.ci/audit-policy.mjs";

// .ci/audit.mjs runs `npm audit --omit=dev` in CI. This machine's registry answers the advisory endpoint with 405, so
// these tests feed its decision logic reports in npm audit's JSON shape instead, to prove it fails on a real finding.

const ci = path.resolve(import.meta.dirname, "..", "..", ".ci");
const allowlist = JSON.parse(fs.readFileSync(path.join(ci, "audit-allowlist.json"), "utf8")) as Allowlist;

const advisory = (url: string, severity: string) => ({ source: 1, name: "left-pad", title: "Prototype pollution", url, severity, range: "<2.0.0" });
const report = (...via: object[]) => ({
  auditReportVersion: 2,
  vulnerabilities: {
    "left-pad": { name: "left-pad", severity: "high", isDirect: false, via, effects: ["app-lib"] },
    // only vulnerable through left-pad: reported under left-pad, not twice
    "app-lib": { name: "app-lib", severity: "high", isDirect: true, via: ["left-pad"], effects: [] },
  },
  metadata: { vulnerabilities: { high: 2, critical: 0 } },
});

describe("supply-chain audit policy", () => {
  it("the allowlist exists, is used by the script, and gives a reason for every accepted advisory", () => {
    expect(allowlistProblems(allowlist)).toEqual([]);
    const script = fs.readFileSync(path.join(ci, "audit.mjs"), "utf8");
    expect(script).toContain("audit-allowlist.json");
    expect(script).toContain("allowlistProblems(allow)");
    expect(allowlistProblems({ advisories: [{ url: "https://github.com/advisories/GHSA-xxxx-yyyy-zzzz" }] })).toHaveLength(1);
  });

  it("fails on a high advisory that is not accepted, and names it", () => {
    const { unreachable, bad } = evaluateAudit(report(advisory("https://github.com/advisories/GHSA-aaaa-bbbb-cccc", "high")), allowlist);
    expect(unreachable).toBe(false);
    expect(bad).toEqual(["left-pad (high): Prototype pollution https://github.com/advisories/GHSA-aaaa-bbbb-cccc"]);
  });

  it("passes an advisory accepted with a reason, and ignores moderate ones", () => {
    const url = "https://github.com/advisories/GHSA-aaaa-bbbb-cccc";
    const accepted: Allowlist = { advisories: [{ url, reason: "only reachable through the CLI's --debug flag, which we never pass" }] };
    expect(evaluateAudit(report(advisory(url, "high")), accepted).bad).toEqual([]);
    expect(evaluateAudit(report(advisory("https://github.com/advisories/GHSA-mmmm-oooo-dddd", "moderate")), allowlist).bad).toEqual([]);
  });

  it("tells an unreachable advisory database apart from a clean report", () => {
    expect(evaluateAudit({ error: { code: "E405", summary: "audit endpoint returned an error" } }, allowlist).unreachable).toBe(true);
    expect(evaluateAudit(undefined, allowlist).unreachable).toBe(true);
    expect(evaluateAudit({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }, allowlist)).toEqual({ unreachable: false, bad: [] });
  });
});

describe("version floors (issue 12: Remix ≥ 2.17.5 and sharp ≥ 0.35 kept)", () => {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const installed = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  const atLeast = (version: string, floor: string) => {
    const [a, b] = [version, floor].map((v) => v.split("-")[0]!.split(".").map(Number));
    for (let i = 0; i < 3; i++) if (a![i]! !== b![i]!) return a![i]! > b![i]!;
    return true;
  };

  it.each(["@remix-run/node", "@remix-run/react", "@remix-run/express", "@remix-run/server-runtime"].map((n) => [n]))(
    "%s is installed at 2.17.5 or later",
    (name) => {
      expect({ name, ok: atLeast(installed(name), "2.17.5") }).toEqual({ name, ok: true });
    },
  );

  it("sharp is at least 0.35", () => {
    expect(atLeast(installed("sharp"), "0.35.0")).toBe(true);
    expect(atLeast("0.34.9", "0.35.0")).toBe(false); // the comparison can fail
  });
});
