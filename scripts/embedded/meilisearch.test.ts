import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { PINNED_MEILI, resolveMeiliBinary } from "./meilisearch";

it("copies the npm binary, executable, only when its sha256 matches the pinned value", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meili-bin-"));
  const bin = resolveMeiliBinary(dir);
  expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  expect(createHash("sha256").update(fs.readFileSync(bin)).digest("hex")).toBe(PINNED_MEILI.sha256);
  // a tampered copy is replaced by a verified one
  fs.writeFileSync(bin, "#!/bin/sh\necho evil\n");
  const again = resolveMeiliBinary(dir);
  expect(createHash("sha256").update(fs.readFileSync(again)).digest("hex")).toBe(PINNED_MEILI.sha256);
  fs.rmSync(dir, { recursive: true, force: true });
});

it("refuses a MEILI_BIN that does not exist", () => {
  expect(() => resolveMeiliBinary(os.tmpdir(), "/nonexistent/meilisearch")).toThrow(/MEILI_BIN/);
});
