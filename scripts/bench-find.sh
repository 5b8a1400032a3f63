#!/usr/bin/env bash
# Find/search benchmark and data generator. Usage: scripts/bench-find.sh [messages, default 1000000]
# Runs dev.unibox.bench.FindBenchmark: it generates the messages on a fresh embedded PostgreSQL (durable
# settings), builds the trigram indexes, times searches and writes its section into docs/benchmarks.md.
HARNESS_JAVA_OPTS="-Dfind.messages=${1:-1000000}" exec "$(dirname "$0")/harness.sh" FindBenchmark
