// `npm start`: runs the compiled server (build/start/start.js, made by `npm run build` from scripts/start.ts).
// Plain JavaScript, so starting never compiles TypeScript. Outside production it builds first when there is no build
// or a source is newer than it, so `npm ci && npm start` works on a fresh checkout; in production the build is part
// of the deploy (deploy/README.md) and a missing one is an error, never a surprise compile on a live server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const entry = path.join(root, "build", "start", "start.js");
const appEntry = path.join(root, "build", "server", "index.js");
const sources = ["app", "db", "scripts", "public", "vite.config.ts", "vite.start.config.ts", "package-lock.json"];

function newestMtime(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, name)));
  return newest;
}

function builtAt() {
  if (!fs.existsSync(entry) || !fs.existsSync(appEntry)) return 0;
  return Math.min(fs.statSync(entry).mtimeMs, fs.statSync(appEntry).mtimeMs);
}

if (process.env.NODE_ENV === "production") {
  if (!builtAt()) {
    console.error("[haidong] no build: run `npm run build` before `npm start` in production (deploy/README.md)");
    process.exit(1);
  }
} else if (builtAt() <= Math.max(...sources.map((s) => newestMtime(path.join(root, s))))) {
  console.log("[haidong] building the app (first start or changed sources)");
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("[haidong] the build failed");
    process.exit(1);
  }
}

await import(pathToFileURL(entry).href);
