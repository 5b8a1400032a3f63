#!/usr/bin/env bash
# Find/search benchmark and data generator (issue 13). Usage: scripts/bench-find.sh [messages, default 1000000]
# Builds the backend's test classes, then runs dev.unibox.bench.FindBenchmark from backend/: it generates the
# messages on a fresh embedded PostgreSQL (durable settings), builds the trigram indexes, times searches and
# writes its section into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl backend -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cd backend
java -Dfind.messages="${1:-1000000}" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  dev.unibox.bench.FindBenchmark
