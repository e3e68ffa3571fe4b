#!/usr/bin/env bash
# Makes the class data sharing (AppCDS) archives that let `hookcheck` start without loading and
# verifying its ~4000 classes from the jar each time: hookcheck-serve.jsa (what `serve` loads) and
# hookcheck-check.jsa (what `check`, `send`, `sign` and `checks` load). JDK 17 writes a dynamic archive
# at the exit of a training run (-XX:ArchiveClassesAtExit); `java -XX:SharedArchiveFile=...` then maps
# it. An archive only fits the JVM binary and the jar (path, size, time) it was made with, so the
# launcher (./hookcheck) remakes it after every build and the image makes its own; a JVM given one
# that does not fit ignores it. Training: `serve` on a free port until it answers, then a whole `check`
# run against it (the sandbox is no webhook receiver, so the checks fail fast, but every class a run
# needs is loaded), then SIGTERM. Needs bash only (no curl: the image has none).
#
#   scripts/cds-archives.sh JAR DIR        # writes DIR/hookcheck-serve.jsa and DIR/hookcheck-check.jsa
set -euo pipefail

jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
dir="$(mkdir -p "$2" && cd "$2" && pwd)"
java="${JAVA:-java}"
work="$(mktemp -d)"
serve_pid=""
cleanup() {
    [ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)

rm -f "$dir/hookcheck-serve.jsa" "$dir/hookcheck-check.jsa"
"$java" -XX:ArchiveClassesAtExit="$dir/hookcheck-serve.jsa" "${quiet[@]}" -jar "$jar" serve --host 127.0.0.1 --port 0 \
    >"$work/serve.out" 2>&1 &
serve_pid=$!

# the banner names the bound port once the sandbox is seeded
port=""
for _ in $(seq 1 600); do
    port="$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/serve.out" | head -n 1)"
    [ -n "$port" ] && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.out" >&2; echo "cds-archives: serve did not start" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "cds-archives: serve printed no port within 60 s" >&2; exit 1; }

# a few requests of the provider APIs, the admin API and the dashboard, over bash's /dev/tcp
get() {
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer sandbox\r\nConnection: close\r\n\r\n' "$1" >&3
    cat <&3 >/dev/null
    exec 3<&-
}
for path in /__admin/health /__admin/openapi.json / /dashboard/app.js '/v1/webhook-events?limit=5' /webhooks \
    '/api/management/webhooks/' '/__admin/deliveries?limit=5'; do
    get "$path"
done

# the checks against the sandbox: every one fails or is skipped, fast, after loading what it needs
"$java" -XX:ArchiveClassesAtExit="$dir/hookcheck-check.jsa" "${quiet[@]}" -jar "$jar" check \
    --url "http://127.0.0.1:$port/__hookcheck/class-data-training" --profile standard \
    --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --probe-cmd 'echo 0 {event_id} >/dev/null; echo 0' --settle 0.1 --timeout-seconds 5 \
    --report-dir "$work/report" >"$work/check.out" 2>&1 || true
[ -s "$work/report/report.json" ] || { cat "$work/check.out" >&2; echo "cds-archives: the training check failed" >&2; exit 1; }

kill -TERM "$serve_pid"
wait "$serve_pid" || true
serve_pid=""
[ -s "$dir/hookcheck-serve.jsa" ] && [ -s "$dir/hookcheck-check.jsa" ] \
    || { echo "cds-archives: the JVM wrote no archive" >&2; exit 1; }
