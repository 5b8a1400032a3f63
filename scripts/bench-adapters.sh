#!/usr/bin/env bash
# Adapter push-ingest benchmark (issue 3). Usage: scripts/bench-adapters.sh [pushesPerPlatform] [concurrency]
# Builds adapters + backend test classes, then runs dev.unibox.bench.PushIngestBenchmark from backend/
# (it writes its table into docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor invocation: sibling modules resolve to their build output (nothing needs installing)
mvn -q -pl backend -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
cd backend
java -cp "target/test-classes:target/classes:../adapters/target/classes:../adapters-testkit/target/classes:$(cat target/bench-classpath.txt)" \
  dev.unibox.bench.PushIngestBenchmark "${1:-2000}" "${2:-4}"
