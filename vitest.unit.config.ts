import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:unit`: the tests that need no PostgreSQL, Meilisearch, Chromium or built app — seconds, not minutes.
// A test belongs here when it uses none of the shared servers' fixtures; the full `npm test` runs it again anyway.
const SERVER_FIXTURES = /inject\(|createTestDatabase|createTestSearch|startTestApp|tests\/support\/|\.\.\/support\/|createDb\(|launchBrowser|startEmbedded/;

/** Whether a test, or a helper it imports from its own folder (such as review-fixture.ts), uses a server. */
function needsServers(file: string): boolean {
  const text = fs.readFileSync(file, "utf8");
  if (SERVER_FIXTURES.test(text)) return true;
  return [...text.matchAll(/from "\.\/([\w.-]+)"/g)].some(([, name]) => {
    const local = path.join(path.dirname(file), `${name}.ts`);
    return fs.existsSync(local) && SERVER_FIXTURES.test(fs.readFileSync(local, "utf8"));
  });
}

function unitTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : unitTests(file);
    return /\.test\.tsx?$/.test(entry.name) && !needsServers(file) ? [file] : [];
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
