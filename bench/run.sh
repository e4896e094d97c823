#!/usr/bin/env bash
# Runs one benchmark scenario. Usage: bench/run.sh <idle|play|chat|churn> [--option value ...]
# Builds the app first if its packaged jar is missing. See docs/benchmarks.md.
# Each Maven build step writes its output to bench/target/<step>.log; a failed step shows the end of its log.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/target

# step <name> <maven arguments...>: runs ./mvnw with its output in bench/target/<name>.log.
step() {
  local name=$1
  shift
  local log="bench/target/$name.log"
  if ! ./mvnw -B "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "bench/run.sh: the Maven step '$name' (./mvnw $*) failed; the full log is $log" >&2
    exit 1
  fi
}

if [ ! -f web-demo/target/quarkus-app/quarkus-run.jar ]; then
  step build-app package -DskipTests -pl web-demo -am
fi
step build-bench install -DskipTests -pl bench -am
exec ./mvnw -q -pl bench exec:java -Dexec.args="$*"
