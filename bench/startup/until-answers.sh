#!/usr/bin/env bash
# until-answers.sh PORT PATH COMMAND...: starts COMMAND (a server), polls GET PATH on PORT every 10 ms
# (with the sandbox's default API key) until it answers 200, then stops the server (SIGTERM, by its
# pid) and exits 0; 1 when the server ended first. What hyperfine times is the start until that answer.
set -uo pipefail
port="$1"
path="$2"
shift 2
"$@" >/dev/null 2>&1 &
pid=$!
until curl -fs -o /dev/null -H 'Authorization: Bearer sandbox' "http://127.0.0.1:$port$path"; do
    kill -0 "$pid" 2>/dev/null || exit 1
    sleep 0.01
done
kill -TERM "$pid"
wait "$pid" 2>/dev/null
exit 0
