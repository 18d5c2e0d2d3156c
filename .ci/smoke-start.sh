#!/usr/bin/env bash
# npm start on an empty data dir: the home page within 30 s (issue 2; .ci/run runs this after npm test has built the
# app, so the time is start-up only: initdb, both servers, migrations, seeds, first index), /search?q=青稞 shows
# 互助青稞酒, and SIGTERM leaves no PostgreSQL or Meilisearch process behind.
set -euo pipefail
data_dir=$(mktemp -d /tmp/haidong-smoke-XXXXXX)
chmod 755 "$data_dir"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
log="$data_dir.log"
env -u DATABASE_URL -u MEILI_URL DATA_DIR="$data_dir" PORT="$port" setsid npm start >"$log" 2>&1 &
app_pid=$!
cleanup() { kill -TERM -- "-$app_pid" 2>/dev/null || true; }
trap cleanup EXIT

started=$(date +%s)
ok=""
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1; then ok=1; break; fi
  sleep 0.5
done
[ -n "$ok" ] || { cat "$log"; echo "FAIL: the home page never answered"; exit 1; }
took=$(( $(date +%s) - started ))
echo "home page after ${took} s"
[ "$took" -le 30 ] || { cat "$log"; echo "FAIL: the home page took ${took} s (at most 30 s)"; exit 1; }
curl -fsS "http://127.0.0.1:$port/healthz"; echo

found=""
for _ in $(seq 1 30); do
  if curl -fsS "http://127.0.0.1:$port/search?q=%E9%9D%92%E7%A8%9E" | grep -q "互助青稞酒"; then found=1; break; fi
  sleep 1
done
[ -n "$found" ] || { cat "$log"; echo "FAIL: /search?q=青稞 does not show 互助青稞酒"; exit 1; }
echo "search shows 互助青稞酒"

kill -TERM -- "-$app_pid"
for _ in $(seq 1 10); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
trap - EXIT
sleep 1
left=$(pgrep -af -- "$data_dir" || true)
if [ -n "$left" ]; then
  echo "FAIL: processes left behind after stop:"; echo "$left"
  pkill -9 -f -- "$data_dir" || true
  exit 1
fi
# the server's own lines: readable ("[haidong] …") outside production, JSON ("name":"haidong") with LOG_FORMAT=json
grep -E '\[haidong\]|"name":"haidong"' "$log"
echo "stopped cleanly: no PostgreSQL or Meilisearch left"
rm -rf "$data_dir" "$log"
