#!/usr/bin/env bash
# The benchmark (see README): builds what it needs, then runs BenchMain, which starts an embedded
# PostgreSQL, the server jar and the framework ceiling (bench-hello) on loopback, measures every
# scenario next to its ceiling (Spring hello, wrk, pgbench of the server's own SQL, JMH) and
# writes bench/results/<date>.md and .json. --smoke runs it briefly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/wrk ] || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The benchmark needs Debian's ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

./mvnw -B -q -DskipTests package -pl registry-secrets-bench -am
classpath="$(cat registry-secrets-bench/target/classpath.txt):registry-secrets-bench/target/classes"
exec java -cp "$classpath" org.registrysecrets.bench.BenchMain \
  --jar registry-secrets-server/target/registry-secrets.jar --out bench/results "$@"
