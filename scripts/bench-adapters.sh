#!/usr/bin/env bash
# Adapter push-ingest benchmark. Usage: scripts/bench-adapters.sh [pushesPerPlatform] [concurrency]
# Runs dev.unibox.bench.PushIngestBenchmark (it writes its table into docs/benchmarks.md).
exec "$(dirname "$0")/harness.sh" PushIngestBenchmark "${1:-2000}" "${2:-4}"
