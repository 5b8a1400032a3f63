#!/usr/bin/env bash
# Reports benchmark and data generator (issue 12). Usage: scripts/bench-reports.sh [conversations, default 1000000]
# Builds the backend's test classes, then runs dev.unibox.bench.ReportBenchmark from backend/: it generates the
# conversations on a fresh embedded PostgreSQL, builds the rollups with the real sweep, times 30-day reports and
# writes its section into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl backend -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cd backend
java -Dreports.conversations="${1:-1000000}" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  dev.unibox.bench.ReportBenchmark
