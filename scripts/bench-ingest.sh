#!/usr/bin/env bash
# Durable ingest, event log and socket benchmark (issue 9).
# Usage: scripts/bench-ingest.sh [pushesPerLevel] [liveRatePerSecond]
# Builds what the backend needs and runs dev.unibox.bench.DurableIngestBenchmark in one Maven call
# (it writes its section into docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx2g" mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true \
  -Dexec.classpathScope=test -Dexec.mainClass=dev.unibox.bench.DurableIngestBenchmark -Dunibox.config.dir=config \
  -Dexec.args="${1:-4000} ${2:-2000}"
