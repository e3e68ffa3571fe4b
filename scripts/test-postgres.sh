#!/usr/bin/env bash
# Starts the PostgreSQL server the SQL-probe tests use (cli: SqlProbeIT): Debian's postgresql package,
# installed when missing (without upgrading anything else), its cluster started, and a role and a
# database for the tests. Idempotent; .ci/run calls it. Needs root (or sudo).
#   database hookcheck_test, role hookcheck / password hookcheck, on 127.0.0.1:5432
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends --no-upgrade postgresql
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
    $SUDO pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
    $SUDO pg_ctlcluster "$version" main start
fi
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
for _ in $(seq 1 30); do
    if as_postgres psql -qtAc 'select 1' >/dev/null 2>&1; then break; fi
    sleep 1
done
as_postgres psql -qtAc "select 1 from pg_roles where rolname = 'hookcheck'" | grep -q 1 \
    || as_postgres psql -qc "create role hookcheck login password 'hookcheck'"
as_postgres psql -qtAc "select 1 from pg_database where datname = 'hookcheck_test'" | grep -q 1 \
    || as_postgres psql -qc "create database hookcheck_test owner hookcheck"
echo "PostgreSQL $version ready: jdbc:postgresql://127.0.0.1:5432/hookcheck_test (hookcheck/hookcheck)"
