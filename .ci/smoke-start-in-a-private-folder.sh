#!/usr/bin/env bash
# Issue 20 item 5: the README's `npm start` from a checkout inside a mode-700 folder (as a checkout under /root is),
# run as root. The postgres OS user the embedded PostgreSQL runs as cannot enter it, so the cluster and the server's
# programs must move to /var/lib/haidong and the catalogue must still answer; SIGTERM must leave nothing running.
set -euo pipefail
checkout_src="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$(id -u)" != 0 ]; then echo "FAIL: this check runs as root (as CI does)"; exit 1; fi

home=$(mktemp -d /tmp/private-checkout-XXXXXX)
chmod 700 "$home"
# hard links: the same files (build and node_modules included) at no copying cost; a plain copy where links can't go
cp -al "$checkout_src/." "$home/checkout" 2>/dev/null || cp -a "$checkout_src/." "$home/checkout"
rm -rf "$home/checkout/data"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
log="$home.log"
cd "$home/checkout"
env -u DATABASE_URL -u MEILI_URL -u DATA_DIR PORT="$port" setsid npm start >"$log" 2>&1 &
app_pid=$!
cd "$checkout_src"
cluster=""
cleanup() {
  kill -TERM -- "-$app_pid" 2>/dev/null || true
  sleep 2
  rm -rf "$home" "$log"
  [ -n "$cluster" ] && rm -rf "$(dirname "$cluster")"
  true
}
trap cleanup EXIT

ok=""
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/search?q=%E9%9D%92%E7%A8%9E" 2>/dev/null | grep -q "互助青稞酒"; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || { cat "$log"; echo "FAIL: npm start from a mode-700 folder never served /search?q=青稞 with 互助青稞酒"; exit 1; }
cluster=$(grep -o "is kept in /var/lib/haidong/[0-9a-f]*/postgres" "$log" | head -1 | sed 's/is kept in //')
[ -n "$cluster" ] && [ -f "$cluster/PG_VERSION" ] || { cat "$log"; echo "FAIL: the log does not say where the cluster went, or it is not there"; exit 1; }
grep -q "programs are run from /var/lib/haidong/postgres-" "$log" || { cat "$log"; echo "FAIL: PostgreSQL's programs were not moved where the postgres user can reach them"; exit 1; }
[ ! -e "$home/checkout/data/postgres/PG_VERSION" ] || { echo "FAIL: a cluster was made inside the private folder"; exit 1; }
[ -f "$home/checkout/data/meili.key" ] || [ -d "$home/checkout/data/meili" ] || { ls -la "$home/checkout/data"; echo "FAIL: everything else should stay in the data directory"; exit 1; }
echo "npm start from a mode-700 folder serves the catalogue; cluster in $cluster"

kill -TERM -- "-$app_pid"
for _ in $(seq 1 10); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
sleep 1
left=$(pgrep -af -- "$cluster|$home" || true)
if [ -n "$left" ]; then
  echo "FAIL: processes left behind after stop:"; echo "$left"
  pkill -9 -f -- "$cluster" || true
  exit 1
fi
echo "stopped cleanly"
