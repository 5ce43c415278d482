#!/usr/bin/env bash
# The author kit, proven outside the reactor: a plugin that knows worker-host only by its installed
# coordinates builds, tests and runs in a real host. Needs `mvn -B install` at the root first (.ci/run does it).
#
#  1. examples/third-party-plugin (Guava 19 against the host's 33) builds and passes its test-kit test on its own;
#  2. a project written by `worker-host plugin init` builds and passes its generated test as generated;
#  3. a copy of the distribution with the example's plugin folder dropped into plugins/ runs SlugWorkflow end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist/target/worker-host
[[ -x $DIST/bin/worker-host ]] || { echo "no distribution at $DIST: run mvn -B install first" >&2; exit 1; }

WORK=$(mktemp -d)
HOST_PID=
cleanup() {
  if [[ -n $HOST_PID ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill -TERM "$HOST_PID"
    wait "$HOST_PID" || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

echo "== the third-party example: its own mvn -B verify"
(cd examples/third-party-plugin && mvn -B verify)

echo "== a plugin written by plugin init: mvn -B verify as generated"
"$DIST/bin/worker-host" plugin init hello-world --package org.acme.hello --dir "$WORK/hello-world"
(cd "$WORK/hello-world" && mvn -B verify)
[[ -f $WORK/hello-world/target/plugin/hello-world/hello-world-0.1.0-SNAPSHOT.jar ]]

echo "== the example's plugin folder in a copy of the distribution, run end to end"
cp -r "$DIST" "$WORK/host"
cp -r examples/third-party-plugin/target/plugin/slugs "$WORK/host/plugins/"
PORT=$(free_port)
# The host's own environment only: no Temporal address from the caller, the embedded server on a free port.
cd "$WORK/host"
env -u TEMPORAL_ADDRESS JAVA_OPTS="-Dtemporal.embedded.port=$PORT -Dhost.admin.port=0" \
  bin/worker-host >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 240); do
  grep -q "worker-host ready" "$WORK/host.log" && break
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log" >&2; echo "the host exited before it was ready" >&2; exit 1; }
  sleep 0.5
done
grep -q "worker-host ready" "$WORK/host.log" || { cat "$WORK/host.log" >&2; echo "the host was not ready in 120 s" >&2; exit 1; }
grep "plugin slugs 1.0.0" "$WORK/host.log"

result=$(env -u TEMPORAL_ADDRESS -u JAVA_OPTS bin/worker-host workflow start SlugWorkflow \
  --input '{"title":"Hello, third-party World!"}' --wait --target "127.0.0.1:$PORT")
echo "$result"
[[ $(jq -r .slug <<<"$result") == hello-third-party-world ]]
[[ $(jq -r .guava_jar <<<"$result") == guava-19.0.jar ]]

kill -TERM "$HOST_PID"
wait "$HOST_PID"
HOST_PID=
echo "== the external plugin built, tested and ran in the host"
