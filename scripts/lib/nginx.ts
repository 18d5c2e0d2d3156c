import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort, waitUntil } from "../embedded/process-utils";

// nginx in front of app servers exactly as deployed: deploy/nginx/haidong-http.conf at http level,
// deploy/nginx/haidong-proxy.conf inside the server and deploy/nginx.conf's upstream block on the caller's ports. Used
// by tests/deploy/ (the two-server journey and rolling restart) and by the bench's deployed rows (scripts/bench/deployed.ts).

const root = path.resolve(import.meta.dirname, "..", "..");

export const nginxPath = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const nginxAvailable = fs.existsSync(nginxPath);
export const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** deploy/nginx.conf's `upstream haidong` block with the test's ports instead of 3001 and 3002 (same parameters). */
export function upstreamFor(ports: [number, number]) {
  const site = fs.readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8");
  const block = /^upstream haidong \{[\s\S]*?^\}/m.exec(site)?.[0];
  if (!block || !block.includes("127.0.0.1:3001") || !block.includes("127.0.0.1:3002"))
    throw new Error("deploy/nginx.conf: no upstream haidong on :3001/:3002");
  return block.replace("127.0.0.1:3001", `127.0.0.1:${ports[0]}`).replace("127.0.0.1:3002", `127.0.0.1:${ports[1]}`);
}

export interface Nginx {
  url: string;
  accessLog: () => string;
  errorLog: () => string;
  stop(): Promise<void>;
}

export async function startNginx(ports: [number, number]): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-nginx-"));
  // run as root, nginx's workers drop to an unprivileged user that must reach the temp folders it creates in here
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    conf,
    `# written by scripts/lib/nginx.ts
daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n    ")}
${upstreamFor(ports)}
    include ${path.join(root, "deploy", "nginx", "haidong-http.conf")};
    server {
        listen 127.0.0.1:${port};
        access_log ${path.join(dir, "access.log")} haidong;
        include ${path.join(root, "deploy", "nginx", "haidong-proxy.conf")};
    }
}
`,
  );
  let output = "";
  const child: ChildProcess = spawn(nginxPath, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const read = (name: string) => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), "utf8") : "");
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}\n${read("error.log")}`);
      return canConnect(port);
    },
    10_000,
    "nginx to listen",
  );
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog: () => read("access.log"),
    errorLog: () => read("error.log"),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** requestId → which app wrote the access line for it (the apps' JSON log lines, event "http.request"). */
