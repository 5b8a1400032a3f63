#!/usr/bin/env bash
# Reports benchmark and data generator. Usage: scripts/bench-reports.sh [conversations, default 1000000]
# Runs dev.unibox.bench.ReportBenchmark: it generates the conversations on a fresh embedded PostgreSQL, builds
# the rollups with the real sweep, times 30-day reports and writes its section into docs/benchmarks.md.
HARNESS_JAVA_OPTS="-Dreports.conversations=${1:-1000000}" exec "$(dirname "$0")/harness.sh" ReportBenchmark
