#!/usr/bin/env bash
# One node against three: separate JVMs on one durable PostgreSQL; ingest, push → socket latency on
# the receiving and on another node, routing pass rate with every node's router.
# Usage: scripts/bench-cluster.sh [pushes] [inFlight] [ratePerSecond] [backlog]
# Runs dev.unibox.bench.ClusterBenchmark (it writes its section into docs/benchmarks.md).
exec "$(dirname "$0")/harness.sh" ClusterBenchmark "${1:-2000}" "${2:-16}" "${3:-100}" "${4:-2000}"
