#!/usr/bin/env bash
# Runs one benchmark harness (a main class of backend's tests, package dev.unibox.bench) after building what it
# needs; every scripts/bench-*.sh calls this. Usage: scripts/harness.sh ClassName [args...]
# JVM options (heap, -D properties) go in HARNESS_JAVA_OPTS. The harness runs in backend/, like the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl backend -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
cd backend
# shellcheck disable=SC2086
exec java ${HARNESS_JAVA_OPTS:-} -Dunibox.config.dir=../config \
  -cp "target/test-classes:target/classes:../adapters/target/classes:../adapters-testkit/target/classes:$(cat target/bench-classpath.txt)" \
  "dev.unibox.bench.$1" "${@:2}"
