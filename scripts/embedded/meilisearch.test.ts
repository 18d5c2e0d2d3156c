import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import net from "node:net";
import { expect, it } from "vitest";
import { PINNED_MEILI, resolveMeiliBinary, startEmbeddedMeili } from "./meilisearch";
import { isPortTaken } from "./process-utils";

it("copies the npm binary, executable, only when its sha256 matches the pinned value", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-bin-"));
  const bin = await resolveMeiliBinary(dir);
  expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  expect(createHash("sha256").update(fs.readFileSync(bin)).digest("hex")).toBe(PINNED_MEILI.sha256);
  // a tampered copy is replaced by a verified one
  fs.writeFileSync(bin, "#!/bin/sh\necho evil\n");
  const again = await resolveMeiliBinary(dir);
  expect(createHash("sha256").update(fs.readFileSync(again)).digest("hex")).toBe(PINNED_MEILI.sha256);
  fs.rmSync(dir, { recursive: true, force: true });
});

it("refuses a MEILI_BIN that does not exist", async () => {
  await expect(resolveMeiliBinary(os.tmpdir(), "/nonexistent/meilisearch")).rejects.toThrow(/MEILI_BIN/);
});

it("recognises a start-up that lost its port to another process, which startEmbeddedMeili answers with a new port", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-port-"));
  const taken = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => taken.once("listening", r));
  const port = (taken.address() as net.AddressInfo).port;
  try {
    const asked = startEmbeddedMeili({ dir: path.join(dir, "meili"), keyFile: path.join(dir, "meili.key"), binDir: path.join(dir, "bin"), port });
    const error = await asked.then(
      (m) => (m.kill(), undefined),
      (e: unknown) => e,
    );
    expect(isPortTaken(error)).toBe(true);
    // without a requested port it starts anyway
    const free = await startEmbeddedMeili({ dir: path.join(dir, "meili"), keyFile: path.join(dir, "meili.key"), binDir: path.join(dir, "bin") });
    expect(Number(new URL(free.url).port)).not.toBe(port);
    await free.stop();
  } finally {
    taken.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it("verifies a copy once per process and off the event loop, so a supervisor restart stalls no request", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-once-"));
  let worstGap = 0;
  let last = Date.now();
  const ticker = setInterval(() => {
    worstGap = Math.max(worstGap, Date.now() - last);
    last = Date.now();
  }, 5);
  try {
    // first use: the source is hashed and copied (131 MB), while timers keep firing
    await resolveMeiliBinary(dir);
    // a restart: the copy verified a moment ago is not read again
    const started = Date.now();
    await resolveMeiliBinary(dir);
    expect(Date.now() - started).toBeLessThan(100);
    expect(worstGap).toBeLessThan(250);
  } finally {
    clearInterval(ticker);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
