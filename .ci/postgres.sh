#!/usr/bin/env bash
# Provides a local PostgreSQL server for the StorageSQL tests (Debian):
# installs it if missing, starts the cluster on 127.0.0.1:5432 if it is not running, creates the
# role `shaken` (password `shaken`) and the database `shaken_test` if absent, then prints the URL
# to export as SHAKEN_TEST_POSTGRES_URL. Safe to run any number of times.
set -euo pipefail

# Everything the tools say goes to stderr; stdout carries only the URL. Descriptor 3 keeps the original
# stdout for that one line, and is closed for every command this script runs: a server started here would
# otherwise inherit it and hold the caller's pipe open for as long as it lives.
exec 3>&1 1>&2

role=shaken
password=shaken
database=shaken_test
port=5432

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi

version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    cluster=main
    pg_createcluster "$version" "$cluster" --port "$port" >/dev/null 3>&-
fi

if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    pg_ctlcluster "$version" "$cluster" start 3>&-
fi

as_postgres() {
    if [ "$(id -u)" = 0 ]; then su postgres -c "$1" 3>&-; else sudo -u postgres sh -c "$1" 3>&-; fi
}

for _ in $(seq 1 30); do
    as_postgres "pg_isready -q -h 127.0.0.1 -p $port" && break
    sleep 1
done

if ! as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$role'\"" | grep -q 1; then
    as_postgres "psql -p $port -qc \"CREATE ROLE $role LOGIN PASSWORD '$password'\""
fi
if ! as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$database'\"" | grep -q 1; then
    as_postgres "psql -p $port -qc \"CREATE DATABASE $database OWNER $role\""
fi

echo "postgres://$role:$password@127.0.0.1:$port/$database" >&3
