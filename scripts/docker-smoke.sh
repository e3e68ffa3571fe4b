#!/usr/bin/env bash
# Builds the Hookcheck image from the root Dockerfile with buildah (no Docker engine needed) and
# runs it: the image's configuration, `hookcheck --version`, `hookcheck checks`, `serve` (the
# default command) with its HEALTHCHECK command, environment variables and a mounted config file,
# and `check` against a correct and a deliberately flawed receiver (scripts/webhook_receiver.py,
# run on the host: chroot isolation shares the host's network).
#
#   scripts/docker-smoke.sh [--rebuild-bases]
#
# Needs root, buildah, debootstrap, python3 and curl; reaches a Debian mirror (the bases) and Maven
# Central (the image's build stage). No registry is contacted: the two base images are made locally
# with debootstrap (Debian bookworm, minbase) and passed to the Dockerfile's BUILD_IMAGE and
# RUNTIME_IMAGE build arguments. They are kept in buildah's storage and reused by later runs.
# Not part of `mvn verify`: a manual or CI-optional check. Exits 0 when everything passed; logs and
# reports of the last run stay in target/docker-smoke/. vfs storage copies every layer in full, so
# the cached layers grow by several GB a build: `buildah --storage-driver vfs rmi --prune` frees them.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SUITE=bookworm
MIRROR="${HOOKCHECK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BUILD_BASE="localhost/hookcheck-base-build:$SUITE"
RUNTIME_BASE="localhost/hookcheck-base-runtime:$SUITE"
IMAGE="localhost/hookcheck:smoke"
SECRET="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
API_KEY="smoke-key"
BH=(buildah --storage-driver "${STORAGE_DRIVER:-vfs}")
REBUILD_BASES=false

for arg in "$@"; do
    case "$arg" in
        --rebuild-bases) REBUILD_BASES=true ;;
        -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $arg; usage: $0 [--rebuild-bases]" >&2; exit 2 ;;
    esac
done

for tool in buildah debootstrap python3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and buildah's vfs storage need it)" >&2; exit 2; }

START=$SECONDS
WORK="$ROOT/target/docker-smoke" # logs and reports of the last run, kept for reading
rm -rf "$WORK"
mkdir -p "$WORK"
CTR=""
PIDS=()
RESULTS=()
FAILED=0

cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    [ -z "$CTR" ] || "${BH[@]}" rm "$CTR" >/dev/null 2>&1 || true
}
trap cleanup EXIT

step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - START))"; }
pass() { RESULTS+=("PASS  $*"); echo "PASS  $*"; }
fail() { RESULTS+=("FAIL  $*"); echo "FAIL  $*"; FAILED=$((FAILED + 1)); }
# expect CODE DESCRIPTION -- COMMAND...: runs the command and passes when it exits with CODE.
expect() {
    local want="$1" what="$2" code=0
    shift 3
    "$@" || code=$?
    if [ "$code" = "$want" ]; then pass "$what (exit $code)"; else fail "$what (exit $code, expected $want)"; fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
run() { "${BH[@]}" run --isolation chroot "$@"; }

# ---- local base images (debootstrap -> buildah)

make_base() {
    local name="$1" packages="$2" dir ctr mnt
    if ! $REBUILD_BASES && "${BH[@]}" inspect --type image "$name" >/dev/null 2>&1; then
        echo "reusing $name"
        return
    fi
    dir="$(mktemp -d /var/tmp/hookcheck-base.XXXXXX)"
    echo "debootstrap $SUITE minbase + $packages from $MIRROR"
    if ! debootstrap --variant=minbase --include="$packages" "$SUITE" "$dir/rootfs" "$MIRROR" >"$dir/log" 2>&1; then
        tail -20 "$dir/log"
        rm -rf "$dir"
        echo "debootstrap failed for $name" >&2
        exit 1
    fi
    # Trust the host's own CA certificates too (a TLS-intercepting proxy on the way to Maven Central);
    # update-ca-certificates also rebuilds Java's cacerts, which needs /proc.
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        cp /usr/local/share/ca-certificates/*.crt "$dir/rootfs/usr/local/share/ca-certificates/"
        mount -t proc proc "$dir/rootfs/proc"
        chroot "$dir/rootfs" update-ca-certificates >>"$dir/log" 2>&1 || { umount "$dir/rootfs/proc"; tail -5 "$dir/log"; exit 1; }
        umount "$dir/rootfs/proc"
        echo "added the host's CA certificates: $(cd /usr/local/share/ca-certificates && ls *.crt | tr '\n' ' ')"
    fi
    rm -rf "$dir"/rootfs/var/cache/apt/archives/*.deb "$dir"/rootfs/var/lib/apt/lists/* \
        "$dir"/rootfs/usr/share/doc/* "$dir"/rootfs/usr/share/man/*
    ctr="$("${BH[@]}" from scratch)"
    mnt="$("${BH[@]}" mount "$ctr")"
    cp -a "$dir/rootfs/." "$mnt/"
    "${BH[@]}" umount "$ctr" >/dev/null
    "${BH[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        --env LANG=C.UTF-8 --cmd /bin/bash "$ctr"
    "${BH[@]}" commit --quiet --rm "$ctr" "$name" >/dev/null
    rm -rf "$dir"
    echo "made $name"
}

step "base images"
make_base "$BUILD_BASE" openjdk-17-jdk-headless,maven
make_base "$RUNTIME_BASE" openjdk-17-jre-headless
"${BH[@]}" images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E 'hookcheck-base' || true

# ---- the image

step "build the image (buildah bud, chroot isolation, docker format)"
build_start=$SECONDS
if "${BH[@]}" bud --isolation chroot --format docker --layers --force-rm --pull=never \
    --build-arg BUILD_IMAGE="$BUILD_BASE" --build-arg RUNTIME_IMAGE="$RUNTIME_BASE" \
    -t "$IMAGE" -f "$ROOT/Dockerfile" "$ROOT" >"$WORK/build.log" 2>&1; then
    pass "image built from the Dockerfile with local bases ($((SECONDS - build_start)) s)"
else
    tail -40 "$WORK/build.log"
    fail "image build (last lines above; all of it in $WORK/build.log)"
    printf '\n%s\n' "${RESULTS[@]}"
    exit 1
fi
"${BH[@]}" images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -F "$IMAGE" || true

step "image configuration (buildah inspect)"
"${BH[@]}" inspect --type image "$IMAGE" >"$WORK/inspect.json"
python3 - "$WORK/inspect.json" >"$WORK/config.txt" <<'EOF' || true
import json, sys
config = json.load(open(sys.argv[1]))["Docker"]["config"]
env = dict(e.split("=", 1) for e in config.get("Env") or [])
health = config.get("Healthcheck") or {}
checks = [
    ("user is hookcheck (not root)", config.get("User") == "hookcheck", config.get("User")),
    ("entrypoint is hookcheck", config.get("Entrypoint") == ["hookcheck"], config.get("Entrypoint")),
    ("default command is serve", config.get("Cmd") == ["serve"], config.get("Cmd")),
    ("port 8080/tcp exposed", "8080/tcp" in (config.get("ExposedPorts") or {}), list(config.get("ExposedPorts") or {})),
    ("HEALTHCHECK kept", health.get("Test") == ["CMD", "healthcheck"], health),
    ("HOOKCHECK_HOST=0.0.0.0", env.get("HOOKCHECK_HOST") == "0.0.0.0", env.get("HOOKCHECK_HOST")),
    ("HOOKCHECK_PORT=8080", env.get("HOOKCHECK_PORT") == "8080", env.get("HOOKCHECK_PORT")),
    ("working directory /work", config.get("WorkingDir") == "/work", config.get("WorkingDir")),
]
for what, ok, seen in checks:
    print(("PASS" if ok else "FAIL") + "\t" + what + ": " + json.dumps(seen))
EOF
while IFS=$'\t' read -r verdict text; do
    if [ "$verdict" = PASS ]; then pass "config: $text"; else fail "config: $text"; fi
done <"$WORK/config.txt"
[ -s "$WORK/config.txt" ] || fail "config: could not read the image configuration"

CTR="$("${BH[@]}" from --pull=never "$IMAGE")"
mapfile -t ENTRYPOINT < <(python3 -c 'import json,sys; [print(a) for a in json.load(open(sys.argv[1]))["Docker"]["config"]["Entrypoint"]]' "$WORK/inspect.json")
mapfile -t CMD < <(python3 -c 'import json,sys; [print(a) for a in json.load(open(sys.argv[1]))["Docker"]["config"]["Cmd"]]' "$WORK/inspect.json")

step "commands inside the image"
user="$(run "$CTR" -- id -un 2>&1 || true)"
[ "$user" = hookcheck ] && pass "commands run as user hookcheck (uid $(run "$CTR" -- id -u))" \
    || fail "commands run as '$user', expected hookcheck"
version="$(run "$CTR" -- "${ENTRYPOINT[@]}" --version 2>&1)" && code=0 || code=$?
echo "$version"
[ "$code" = 0 ] && [ -n "$version" ] && pass "hookcheck --version: $version" || fail "hookcheck --version (exit $code)"
run "$CTR" -- "${ENTRYPOINT[@]}" checks >"$WORK/checks.txt" 2>&1 && code=0 || code=$?
head -5 "$WORK/checks.txt"
catalog="$(grep -cE '(SIG|RPL|IDM|ROB|CON|HSK)-[0-9]{3}' "$WORK/checks.txt" || true)"
[ "$code" = 0 ] && [ "$catalog" -ge 30 ] && pass "hookcheck checks lists the catalog ($catalog lines with a check id)" \
    || fail "hookcheck checks (exit $code, $catalog check ids)"

# ---- receivers on the host: a correct one and one that never checks the timestamp

# start_receiver NAME [flags...]: sets RECEIVER_PORT.
start_receiver() {
    local name="$1" deadline=$((SECONDS + 10))
    shift
    python3 "$ROOT/scripts/webhook_receiver.py" --port 0 --secret "$SECRET" "$@" >"$WORK/receiver-$name.log" 2>&1 &
    PIDS+=("$!")
    until grep -q 'listening on' "$WORK/receiver-$name.log" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    RECEIVER_PORT="$(sed -nE 's#^listening on http://127\.0\.0\.1:([0-9]+)/.*#\1#p' "$WORK/receiver-$name.log")"
    [ -n "$RECEIVER_PORT" ] || { cat "$WORK/receiver-$name.log"; echo "the $name receiver did not start" >&2; exit 1; }
}
start_receiver correct
CORRECT_PORT="$RECEIVER_PORT"
start_receiver flawed --flaw no-timestamp-check
FLAWED_PORT="$RECEIVER_PORT"

# ---- serve: the default command, configured by environment variables, then by a mounted file

# start_serve PORT [buildah run options...]: the image's ENTRYPOINT + CMD in the background.
start_serve() {
    local port="$1"
    shift
    run -e HOOKCHECK_PORT="$port" "$@" "$CTR" -- "${ENTRYPOINT[@]}" "${CMD[@]}" >"$WORK/serve-$port.log" 2>&1 &
    SERVE_PID=$!
    PIDS+=("$SERVE_PID")
}
# healthy PORT: polls the image's own HEALTHCHECK command inside the container, 90 s at most.
healthy() {
    local port="$1" deadline=$((SECONDS + 90))
    while [ $SECONDS -lt $deadline ]; do
        if run -e HOOKCHECK_PORT="$port" "$CTR" -- healthcheck >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$SERVE_PID" 2>/dev/null || return 1
        sleep 1
    done
    return 1
}
# Stops the buildah process that runs serve (its process tree goes with it).
stop_serve() {
    kill -TERM "$SERVE_PID" 2>/dev/null || true
    wait "$SERVE_PID" 2>/dev/null || true
}
http_status() { curl -s -o "$WORK/last-body.json" -w '%{http_code}' "$@" || true; }

step "serve (ENTRYPOINT + CMD) with HOOKCHECK_* environment variables"
SERVE_PORT="$(free_port)"
run -e HOOKCHECK_PORT="$SERVE_PORT" "$CTR" -- healthcheck >/dev/null 2>&1 \
    && fail "healthcheck succeeded before serve started (it cannot fail?)" \
    || pass "healthcheck fails while nothing listens"
serve_start=$SECONDS
start_serve "$SERVE_PORT" -e HOOKCHECK_API_KEY="$API_KEY" -e HOOKCHECK_SEED=7 -e HOOKCHECK_EVENTS=20
if healthy "$SERVE_PORT"; then
    pass "serve healthy by the image's HEALTHCHECK command after $((SECONDS - serve_start)) s on port $SERVE_PORT"
else
    fail "serve did not become healthy on port $SERVE_PORT"
fi
head -20 "$WORK/serve-$SERVE_PORT.log"
status="$(http_status "http://127.0.0.1:$SERVE_PORT/__admin/health")"
[ "$status" = 200 ] && pass "GET /__admin/health from the host: 200 $(head -c 200 "$WORK/last-body.json")" \
    || fail "GET /__admin/health from the host: $status"
seeded="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("events"))' "$WORK/last-body.json" 2>/dev/null || true)"
[ "$seeded" = 120 ] && pass "HOOKCHECK_EVENTS=20 read: 120 events seeded (6 profiles)" \
    || fail "HOOKCHECK_EVENTS=20 not applied: health says $seeded events"
status="$(http_status -H "Authorization: Bearer $API_KEY" "http://127.0.0.1:$SERVE_PORT/v1/webhook-events?limit=1")"
[ "$status" = 200 ] && pass "HOOKCHECK_API_KEY is a valid key: GET /v1/webhook-events 200" \
    || fail "HOOKCHECK_API_KEY: GET /v1/webhook-events answered $status"
status="$(http_status -H 'Authorization: Bearer not-the-key' "http://127.0.0.1:$SERVE_PORT/v1/webhook-events?limit=1")"
[ "$status" = 401 ] && pass "another key is refused: 401" || fail "another key answered $status, expected 401"
HOST_IP="$(hostname -I 2>/dev/null | awk '{print $1}')"
if [ -n "$HOST_IP" ]; then
    status="$(http_status "http://$HOST_IP:$SERVE_PORT/__admin/health")"
    [ "$status" = 200 ] && pass "HOOKCHECK_HOST=0.0.0.0: serve answers on $HOST_IP too, not only on loopback" \
        || fail "serve does not answer on $HOST_IP:$SERVE_PORT ($status): does it read HOOKCHECK_HOST?"
fi
stop_serve

step "serve with a mounted config file (HOOKCHECK_CONFIG) delivering to the correct receiver"
cat >"$WORK/hookcheck.yaml" <<EOF
seed: 11
events: 10
apiKey: config-key
endpoints:
  - profile: standard
    url: http://127.0.0.1:$CORRECT_PORT/webhooks
    secret: $SECRET
EOF
chmod 644 "$WORK/hookcheck.yaml"
SERVE_PORT="$(free_port)"
start_serve "$SERVE_PORT" -v "$WORK/hookcheck.yaml:/config/hookcheck.yaml:ro" -e HOOKCHECK_CONFIG=/config/hookcheck.yaml
if healthy "$SERVE_PORT"; then
    pass "serve with /config/hookcheck.yaml healthy on port $SERVE_PORT"
    status="$(http_status -H 'Authorization: Bearer config-key' "http://127.0.0.1:$SERVE_PORT/v1/webhook-events?limit=1")"
    [ "$status" = 200 ] && pass "apiKey from the config file is a valid key" \
        || fail "apiKey from the config file: GET /v1/webhook-events answered $status"
    status="$(http_status -X POST -H 'Content-Type: application/json' -d '{"profile":"standard","type":"invoice.paid"}' \
        "http://127.0.0.1:$SERVE_PORT/__admin/events")"
    event_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("id", ""))' "$WORK/last-body.json" 2>/dev/null || true)"
    if [ "$status" = 201 ] && [ -n "$event_id" ]; then
        status="$(http_status "http://127.0.0.1:$SERVE_PORT/__admin/deliveries/await?count=1&eventId=$event_id&status=delivered&timeoutMs=20000")"
        [ "$status" = 200 ] && pass "event $event_id delivered, signed, to the receiver named in the config file (it verified and answered 2xx)" \
            || fail "event $event_id not delivered to the receiver ($status: $(head -c 300 "$WORK/last-body.json"))"
    else
        fail "POST /__admin/events answered $status: $(head -c 300 "$WORK/last-body.json")"
    fi
else
    tail -20 "$WORK/serve-$SERVE_PORT.log"
    fail "serve with the config file did not become healthy"
fi
stop_serve

# ---- check: the correct and the flawed receiver

# check_against NAME PORT [buildah run options...]: runs check in the image, the secret from
# HOOKCHECK_SECRET, and leaves its exit code in CHECK_CODE; the options mount the report directory.
check_against() {
    local name="$1" port="$2"
    shift 2
    CHECK_CODE=0
    run "$@" -e HOOKCHECK_SECRET="$SECRET" "$CTR" -- \
        "${ENTRYPOINT[@]}" check --url "http://127.0.0.1:$port/webhooks" --profile standard \
        --probe-url "http://127.0.0.1:$port/__probe/{event_id}" >"$WORK/check-$name.log" 2>&1 || CHECK_CODE=$?
}
summary() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); s=r["summary"]; print(s["passed"], s["failed"], s["skipped"], " ".join(c["id"] for c in r["checks"] if c["outcome"]=="failed"))' "$1"; }

step "check against the correct receiver, as the README runs it: --user UID:GID, the directory mounted at /work"
mkdir -p "$WORK/project-correct"
chown 4242:4242 "$WORK/project-correct" # a user the image does not know, like a CI runner's
REPORTS="$WORK/project-correct/hookcheck-report"
check_start=$SECONDS
check_against correct "$CORRECT_PORT" --user 4242:4242 -v "$WORK/project-correct:/work"
tail -8 "$WORK/check-correct.log"
[ "$CHECK_CODE" = 0 ] && pass "check against the correct receiver: exit 0 in $((SECONDS - check_start)) s" \
    || fail "check against the correct receiver: exit $CHECK_CODE, expected 0"
missing=""
for f in junit.xml report.json report.html; do [ -s "$REPORTS/$f" ] || missing="$missing $f"; done
[ -z "$missing" ] && pass "reports written to ./hookcheck-report: $(cd "$REPORTS" && ls | tr '\n' ' ')" \
    || fail "reports missing:$missing"
leaks="$(grep -l -F "$SECRET" "$REPORTS"/* 2>/dev/null || true)"
[ -z "$leaks" ] && pass "no report contains the secret" || fail "the secret is in: $leaks"
owner="$(stat -c %u:%g "$REPORTS/report.json" 2>/dev/null || true)"
[ "$owner" = 4242:4242 ] && pass "the reports belong to the --user (4242:4242)" || fail "the reports belong to '$owner'"
if [ -s "$REPORTS/report.json" ]; then
    read -r passed failed skipped ids < <(summary "$REPORTS/report.json")
    [ "$failed" = 0 ] && pass "report.json: $passed passed, $failed failed, $skipped skipped" \
        || fail "report.json: $failed failed ($ids)"
fi

step "check against the flawed receiver (never checks the timestamp), as the image's user, hookcheck-report/ mounted"
REPORTS="$WORK/reports-flawed"
mkdir -p "$REPORTS"
chown 10001:10001 "$REPORTS" # the image's user writes the reports
check_against flawed "$FLAWED_PORT" -v "$REPORTS:/work/hookcheck-report"
tail -8 "$WORK/check-flawed.log"
[ "$CHECK_CODE" = 1 ] && pass "check against the flawed receiver: exit 1" \
    || fail "check against the flawed receiver: exit $CHECK_CODE, expected 1"
if [ -s "$REPORTS/report.json" ]; then
    read -r passed failed skipped ids < <(summary "$REPORTS/report.json")
    # the detection matrix's row for this flaw: exactly these three fail
    [ "$ids" = "RPL-001 RPL-003 RPL-004" ] && pass "report.json fails exactly the flaw's checks: $ids" \
        || fail "report.json fails '${ids:-nothing}', expected RPL-001 RPL-003 RPL-004"
    grep -q 'RPL-001' "$REPORTS/junit.xml" && pass "junit.xml has RPL-001" || fail "junit.xml lacks RPL-001"
else
    fail "no report.json for the flawed receiver"
fi

step "usage error"
expect 2 "check without --url is a usage error" -- run "$CTR" -- "${ENTRYPOINT[@]}" check --profile standard --secret x

# ---- summary

printf '\n== summary (%s s in all)\n' "$((SECONDS - START))"
printf '%s\n' "${RESULTS[@]}"
if [ "$FAILED" = 0 ]; then
    echo "SMOKE PASSED: ${#RESULTS[@]} checks"
else
    echo "SMOKE FAILED: $FAILED of ${#RESULTS[@]} checks failed"
    exit 1
fi
