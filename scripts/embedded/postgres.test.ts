import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clusterFolder, SHARED_HOME, unreachableFolder } from "./postgres";

// Issue 20 item 5: the embedded PostgreSQL runs as the postgres OS user when we are root, and a checkout under /root
// (mode 700) is out of that user's reach. .ci/smoke-start-in-a-private-folder.sh starts the real thing from such a
// folder; these are the rules it relies on.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pg-reach-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const stranger = { uid: 54321, gid: 54321 };

describe("whether the postgres OS user can reach a data directory", () => {
  it("names the first folder on the way that it may not enter, with its mode", () => {
    const home = path.join(tmp, "home");
    fs.mkdirSync(path.join(home, "checkout", "data"), { recursive: true });
    fs.chmodSync(tmp, 0o755);
    fs.chmodSync(home, 0o700);
    expect(unreachableFolder(path.join(home, "checkout", "data", "postgres"), stranger)).toEqual({ folder: home, mode: 0o700 });
  });

  it("lets it through folders open to others, to its group, or that it owns", () => {
    const open = path.join(tmp, "open");
    fs.mkdirSync(open, { mode: 0o755 });
    fs.chmodSync(open, 0o755);
    expect(unreachableFolder(path.join(open, "postgres"), stranger)).toBeNull();
    const own = fs.statSync(open);
    fs.chmodSync(open, 0o710);
    expect(unreachableFolder(open, { uid: stranger.uid, gid: own.gid })).toBeNull();
    fs.chmodSync(open, 0o700);
    expect(unreachableFolder(open, { uid: own.uid, gid: stranger.gid })).toBeNull();
    expect(unreachableFolder(open, stranger)).toEqual({ folder: open, mode: 0o700 });
  });

  it("keeps the cluster in the data directory when it can reach it, and says nothing", () => {
    const said: string[] = [];
    const dir = path.join(tmp, "reachable", "postgres");
    fs.mkdirSync(path.dirname(dir), { mode: 0o755 });
    expect(clusterFolder(dir, stranger, (line) => said.push(line))).toBe(dir);
    expect(clusterFolder(dir, undefined, (line) => said.push(line))).toBe(dir);
    expect(said).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)(
    "moves the cluster of an unreachable data directory under /var/lib/haidong, the same folder every start, and says where",
    () => {
      const said: string[] = [];
      const dir = path.join(tmp, "home", "checkout", "data", "postgres");
      const first = clusterFolder(dir, stranger, (line) => said.push(line));
      expect(first).toMatch(new RegExp(`^${SHARED_HOME}/[0-9a-f]{16}/postgres$`));
      expect(clusterFolder(dir, stranger, () => undefined)).toBe(first);
      expect(said.join("\n")).toContain(`is kept in ${first}`);
      expect(said.join("\n")).toContain("mode 700");
      fs.rmSync(path.dirname(first), { recursive: true, force: true });
    },
  );
});
