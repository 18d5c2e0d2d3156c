import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:unit`: the tests that need no PostgreSQL, Meilisearch, Chromium or built app — seconds, not minutes.
// A test belongs here when it uses none of the shared servers' fixtures; the full `npm test` runs it again anyway.
const SERVER_FIXTURES = /inject\(|createTestDatabase|createTestSearch|startTestApp|tests\/support\/|\.\.\/support\/|createDb\(|launchBrowser|startEmbedded/;

function unitTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : unitTests(file);
    return /\.test\.tsx?$/.test(entry.name) && !SERVER_FIXTURES.test(fs.readFileSync(file, "utf8")) ? [file] : [];
  });
}

const root = import.meta.dirname;
export default defineConfig({
  test: {
    include: ["app", "db", "scripts/bench"].flatMap((dir) => unitTests(path.join(root, dir))).map((file) => path.relative(root, file)),
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
