#!/usr/bin/env bash
# Durable ingest, event log and socket benchmark (issue 9).
# Usage: scripts/bench-ingest.sh [pushesPerLevel] [liveRatePerSecond] [idleSockets]
# Builds adapters + backend test classes, then runs dev.unibox.bench.DurableIngestBenchmark from backend/
# (it writes its section into docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl adapters,backend -am test-compile
mvn -q -pl backend -am dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cd backend
java -Xmx1g -cp "target/test-classes:target/classes:../adapters/target/classes:$(cat target/bench-classpath.txt)" \
  dev.unibox.bench.DurableIngestBenchmark "${1:-4000}" "${2:-2000}" "${3:-10000}"
