#!/usr/bin/env bash
# Server memory per idle agent socket, permessage-deflate off and on (issue 9).
# Usage: scripts/bench-sockets.sh [sockets]
# Each mode runs dev.unibox.bench.IdleSocketBenchmark in a fresh JVM (the client ends in a child JVM);
# each writes its section into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for mode in off on; do
  MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx2g" mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true \
    -Dexec.classpathScope=test -Dexec.mainClass=dev.unibox.bench.IdleSocketBenchmark -Dunibox.config.dir=config \
    -Dexec.args="${1:-10000} $mode"
done
