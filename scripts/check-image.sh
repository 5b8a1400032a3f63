#!/usr/bin/env bash
# Checks the image tarball Jib wrote (backend/target/jib-image.tar) without a Docker daemon: its config
# (entrypoint, ports, user, working directory, config directory) and its files; then, when run as root with
# UNIBOX_DATABASE_URL set, starts the image's own entrypoint in its own file system (unshare: new root, /proc,
# uid 1000, like a container runtime) against that PostgreSQL and waits for /health/ready.
# Usage: scripts/check-image.sh [image.tar]
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-backend/target/jib-image.tar}"
fail() { echo "check-image: $*" >&2; exit 1; }
config=$(tar -xOf "$image" "$(tar -xOf "$image" manifest.json | jq -r '.[0].Config')")
jq -e '.config.Entrypoint[-1] == "dev.unibox.Main" and (.config.Entrypoint | index("@/app/jib-classpath-file"))' \
  <<<"$config" >/dev/null || fail "entrypoint is not dev.unibox.Main on the app class path: $(jq -c .config.Entrypoint <<<"$config")"
for port in 8080 5701 9464; do
  jq -e --arg p "$port/tcp" '.config.ExposedPorts | has($p)' <<<"$config" >/dev/null || fail "port $port not exposed"
done
jq -e '.config.User == "1000:1000" and .config.WorkingDir == "/app"
       and (.config.Env | index("UNIBOX_CONFIG_DIR=/app/config"))' <<<"$config" >/dev/null \
  || fail "user, working directory or UNIBOX_CONFIG_DIR wrong: $(jq -c '.config | {User, WorkingDir, Env}' <<<"$config")"

root=$(mktemp -d)
trap 'rm -rf "$root" "$root.log"' EXIT
for layer in $(tar -xOf "$image" manifest.json | jq -r '.[0].Layers[]'); do
  tar -xOf "$image" "$layer" | tar -xz --warning=no-unknown-keyword -C "$root"
done
for f in app/config/unibox.yaml app/jib-classpath-file; do [ -f "$root/$f" ] || fail "/$f missing"; done
ls "$root"/app/libs/vertx-core-*.jar "$root"/app/libs/hazelcast-*.jar >/dev/null || fail "libraries missing in /app/libs"
echo "check-image: config and files OK: $(jq -c '.config | {Entrypoint, ExposedPorts: (.ExposedPorts | keys), User, WorkingDir}' <<<"$config")"

[ -n "${UNIBOX_DATABASE_URL:-}" ] && [ "$(id -u)" = 0 ] || { echo "check-image: not started (needs root and UNIBOX_DATABASE_URL)"; exit 0; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' <<<"$config")
mapfile -t imageEnv < <(jq -r '.config.Env[]' <<<"$config")
mkdir -p "$root/proc"
env -i "${imageEnv[@]}" UNIBOX_HTTP_PORT="$port" UNIBOX_DATABASE_URL="$UNIBOX_DATABASE_URL" \
  UNIBOX_AUTH_BOOTSTRAPADMIN_PASSWORD=check-image-admin-1 UNIBOX_AUTH_JWTSECRET="$(openssl rand -base64 48)" \
  UNIBOX_CREDENTIALS_KEY="$(openssl rand -base64 32)" \
  unshare --pid --fork --kill-child=SIGTERM --root="$root" --mount-proc=/proc --wd=/app --setgid 1000 --setuid 1000 \
  "${entrypoint[@]}" > "$root.log" 2>&1 &
service=$!
for _ in $(seq 1 90); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; then
    echo "check-image: the image's entrypoint is ready on port $port: $(curl -s "http://127.0.0.1:$port/health/ready")"
    kill -KILL "$service"  # unshare --kill-child: the service itself gets SIGTERM and drains
    wait "$service" 2>/dev/null || true
    exit 0
  fi
  kill -0 "$service" 2>/dev/null || break
  sleep 2
done
kill -KILL "$service" 2>/dev/null || true
tail -40 "$root.log" >&2
fail "the service in the image did not become ready"
