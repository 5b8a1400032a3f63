#!/usr/bin/env bash
# Durable ingest and event log benchmark. Usage: scripts/bench-ingest.sh [pushesPerLevel] [liveRates, e.g. 250,500,1000]
# Runs dev.unibox.bench.DurableIngestBenchmark (it writes its section into docs/benchmarks.md).
HARNESS_JAVA_OPTS="-Xmx2g" exec "$(dirname "$0")/harness.sh" DurableIngestBenchmark "${1:-4000}" "${2:-250,500,1000,2000}"
