import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { renderCataloguePdf } from "../app/events/pdf.server";
import { getEvent } from "../db/queries/events";
import { configuredOrigin } from "../app/platform/public-origin.server";
import { log, runCli } from "./lib/cli";

// npm run catalogue:pdf -- <event-id> --out FILE [--url http://running-app]
// Prints the event's catalogue (/events/:id/print) to an A4 PDF through Chromium (CHROMIUM_PATH or /usr/bin/chromium),
// Chinese fonts embedded. Without --url it starts the app on a free local port for the job and stops it after; then
// PUBLIC_ORIGIN must be set, or every printed QR code would point at that temporary port (issue 19).

const usage = "usage: npm run catalogue:pdf -- <event-id> --out FILE [--url BASE_URL]";
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const eventId = Number(args.find((a, i) => /^\d+$/.test(a) && !["--out", "--url"].includes(args[i - 1] ?? "")));
const out = option("--out");
const url = option("--url");
if (!Number.isInteger(eventId) || eventId <= 0 || !out) {
  console.error(usage);
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");

async function startApp(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    // handed on, not read: the child app validates it in its own config() (PATH, CHROMIUM_PATH, the operator's servers)
    env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/catalogue ready at (http:\/\/[\d.:]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code}:\n${output}`));
    });
  });
  return {
    base,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

await runCli(async ({ db, services }) => {
  if (!url && !configuredOrigin()) {
    console.error(
      "[haidong] the PDF's QR codes and links need the catalogue's public address. Set PUBLIC_ORIGIN, e.g.\n" +
        "  PUBLIC_ORIGIN=https://catalogue.example.cn npm run catalogue:pdf -- <event-id> --out FILE\n" +
        "or print from the running catalogue with --url BASE_URL.",
    );
    return 2;
  }
  const event = await getEvent(db, eventId);
  if (!event) {
    console.error(`[haidong] no event ${eventId}`);
    return 1;
  }
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    let base = url;
    if (!base) {
      log("starting the app to print from");
      app = await startApp({
        DATABASE_URL: services.databaseUrl,
        MEILI_URL: services.meiliUrl,
        ...(services.meiliKey ? { MEILI_MASTER_KEY: services.meiliKey } : {}),
      });
      base = app.base;
    }
    // the operator named this address (or it is the app just started on loopback): no request's Host involved
    const pdf = await renderCataloguePdf(base.replace(/\/$/, ""), eventId);
    fs.mkdirSync(path.dirname(path.resolve(out!)), { recursive: true });
    fs.writeFileSync(out!, pdf);
    log(`wrote ${out} (${pdf.length} bytes)`);
    return 0;
  } finally {
    await app?.stop();
  }
});
