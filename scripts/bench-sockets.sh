#!/usr/bin/env bash
# Server memory per idle agent socket, permessage-deflate off and on. Usage: scripts/bench-sockets.sh [sockets]
# Runs dev.unibox.bench.IdleSocketBenchmark once per mode, each in a fresh JVM (the client ends in a child JVM);
# each writes its section into docs/benchmarks.md.
set -euo pipefail
for mode in off on; do
  HARNESS_JAVA_OPTS="-Xmx2g" "$(dirname "$0")/harness.sh" IdleSocketBenchmark "${1:-10000}" "$mode"
done
