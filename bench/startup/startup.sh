#!/usr/bin/env bash
# Start-up, side by side in one hyperfine run (BENCHMARKS.md, "Start-up"):
#   - serve until GET /__admin/health answers: WireMock standalone, hookcheck with plain `java -jar`, and
#     through the ./hookcheck launcher (AppCDS archive); and until the first API answer that needs the
#     seeded data (GET /v1/webhook-events with the default key)
#   - check of the whole catalog against an immediate receiver with a probe (scripts/webhook_receiver.py),
#     wall time including the JVM's start: plain `java -jar`, with each launcher option alone, and the
#     ./hookcheck launcher
#
#   mvn -B -q -pl cli -am package -DskipTests && ./hookcheck --version      # the jar and its archives
#   mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=bench/target
#   bench/startup/startup.sh [RUNS]                                          # default 10 runs after 2 warm-ups
#
# BASE=JAR adds the same rows for another build of the jar (for example the commit before a change:
# git archive COMMIT | tar -x -C DIR, then mvn -B -q -pl cli -am package -DskipTests in DIR).
#
# Needs hyperfine (apt-get install --no-install-recommends --no-upgrade hyperfine), curl and python3.
# Writes bench/target/startup.md. --ignore-failure: a check run that fails a check (seen once in ~150
# runs on a loaded machine) is timed all the same instead of ending the benchmark.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
jar="$root/cli/target/hookcheck.jar"
wiremock="$root/bench/target/wiremock-standalone-3.13.2.jar"
answers="$root/bench/startup/until-answers.sh"
for file in "$jar" "$wiremock" "$root/cli/target/hookcheck-serve.jsa" "$root/cli/target/hookcheck-check.jsa"; do
    [ -f "$file" ] || { echo "missing $file: see the commands at the top of $0" >&2; exit 2; }
done
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

secret=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
receiver_port="$(free_port)"
python3 "$root/scripts/webhook_receiver.py" --port "$receiver_port" --secret "$secret" >/dev/null 2>&1 &
receiver=$!
trap 'kill "$receiver" 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$receiver_port/__probe/x"; do sleep 0.05; done

port="$(free_port)"
reports="$(mktemp -d)"
check="check --url http://127.0.0.1:$receiver_port/webhooks --profile standard --secret $secret"
check+=" --probe-url http://127.0.0.1:$receiver_port/__probe/{event_id} --report-dir $reports"
cds="-Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$root/cli/target/hookcheck-check.jsa"

cd "$root"
base=()
if [ -n "${BASE:-}" ]; then
    base=(-n "before: serve, java -jar: until /__admin/health" "$answers $port /__admin/health java -jar $BASE serve --port $port"
        -n "before: serve, java -jar: until the first API answer" "$answers $port /v1/webhook-events?limit=1 java -jar $BASE serve --port $port --api-key sandbox"
        -n "before: check, java -jar" "java -jar $BASE $check")
fi
hyperfine --ignore-failure --warmup 2 --runs "$runs" --export-markdown bench/target/startup.md "${base[@]}" \
    -n "wiremock standalone: start until /__admin/health" "$answers $port /__admin/health java -jar $wiremock --port $port" \
    -n "hookcheck serve, java -jar: until /__admin/health" "$answers $port /__admin/health java -jar $jar serve --port $port" \
    -n "hookcheck serve, java -jar: until the first API answer" "$answers $port /v1/webhook-events?limit=1 java -jar $jar serve --port $port --api-key sandbox" \
    -n "hookcheck serve, ./hookcheck (AppCDS): until /__admin/health" "$answers $port /__admin/health ./hookcheck serve --port $port" \
    -n "hookcheck serve, ./hookcheck (AppCDS): until the first API answer" "$answers $port /v1/webhook-events?limit=1 ./hookcheck serve --port $port" \
    -n "hookcheck check (full catalog), java -jar" "java -jar $jar $check" \
    -n "hookcheck check, + AppCDS archive" "java $cds -jar $jar $check" \
    -n "hookcheck check, + AppCDS + C1 only" "java $cds -XX:TieredStopAtLevel=1 -jar $jar $check" \
    -n "hookcheck check, + AppCDS + C1 + serial GC" "java $cds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar $check" \
    -n "hookcheck check, ./hookcheck" "./hookcheck $check"
rm -rf "$reports"
