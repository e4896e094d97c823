#!/usr/bin/env bash
# Runs one benchmark scenario. Usage: bench/run.sh <idle|play|chat|churn> [--option value ...]
# Builds the app first if its packaged jar is missing. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f web-demo/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q package -DskipTests -pl web-demo -am
fi
./mvnw -q install -DskipTests -pl bench -am >/dev/null
exec ./mvnw -q -pl bench exec:java -Dexec.args="$*"
