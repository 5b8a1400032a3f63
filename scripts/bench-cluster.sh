#!/usr/bin/env bash
# One node against three (issue 11): separate JVMs on one durable PostgreSQL; ingest, push → socket latency on
# the receiving and on another node, routing pass rate with every node's router.
# Usage: scripts/bench-cluster.sh [pushes] [inFlight] [ratePerSecond] [backlog]
# Builds what the backend needs and runs dev.unibox.bench.ClusterBenchmark in one Maven call
# (it writes its section into docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.unibox.bench.ClusterBenchmark -Dunibox.config.dir=config \
  -Dexec.args="${1:-2000} ${2:-16} ${3:-100} ${4:-2000}"
