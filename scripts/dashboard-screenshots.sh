#!/usr/bin/env bash
# The dashboard's screenshots in docs/ (README, "The dashboard"): runs DashboardBrowserTest, which
# drives the real server in headless Chromium at 1280 x 800 and 390 x 844 and saves what it shows,
# then copies those screenshots into docs/. Needs what the test needs: Debian's chromium and
# chromium-driver, and axe-core (npm ci --prefix mock-server/src/test/node/axe).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl mock-server -am verify -Dtest=DashboardBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p docs
for name in delivery deliveries retry endpoints events failures; do
    for width in 1280 390; do
        cp "mock-server/target/screenshots/dashboard-$name-$width.png" "docs/dashboard-$name-$width.png"
    done
done
echo "docs/: $(ls docs/dashboard-*-1280.png docs/dashboard-*-390.png | wc -l) screenshots"
