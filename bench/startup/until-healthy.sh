#!/usr/bin/env bash
# until-healthy.sh PORT COMMAND...: starts COMMAND (a server), polls GET /__admin/health on PORT every
# 10 ms until it answers 200, then stops the server (SIGTERM, by its pid) and exits 0; 1 when the server
# ended first. What hyperfine times is the start until healthy.
set -uo pipefail
port="$1"
shift
"$@" >/dev/null 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/__admin/health"; do
    kill -0 "$pid" 2>/dev/null || exit 1
    sleep 0.01
done
kill -TERM "$pid"
wait "$pid" 2>/dev/null
exit 0
