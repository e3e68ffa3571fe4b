#!/usr/bin/env bash
# The reliability harness, full run (RELIABILITY.md): builds the command's fat jar and the harness,
# then runs every section against `hookcheck serve` processes and prints the figures as Markdown.
#   scripts/reliability.sh            # the full run (about 5 minutes on 2 cores)
#   scripts/reliability.sh --quick    # the slice `mvn verify` runs
# Exit code 0 when every figure that must be zero is zero. Linux: threads and memory are read from /proc.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl reliability -am package -DskipTests
mode="${1:---full}"
exec java -jar reliability/target/reliability.jar "$mode" --jar cli/target/hookcheck.jar \
    --report "reliability/target/reliability${mode#-}.md"
