#!/usr/bin/env bash
# The benchmark (see README): builds what it needs, then runs BenchMain, which starts an embedded
# PostgreSQL and the server jar on loopback, measures every scenario next to its ceiling (the
# framework, pgbench, JMH) and writes bench/results/<date>.md and .json. --smoke runs it briefly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "The benchmark needs pgbench from Debian's postgresql package: sudo apt-get install postgresql" >&2
    exit 1
  fi
fi

./mvnw -B -q -DskipTests package -pl registry-secrets-bench -am
classpath="$(cat registry-secrets-bench/target/classpath.txt):registry-secrets-bench/target/classes"
exec java -cp "$classpath" org.registrysecrets.bench.BenchMain \
  --jar registry-secrets-server/target/registry-secrets.jar --out bench/results "$@"
