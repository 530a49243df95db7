#!/usr/bin/env bash
# Load test of `seq2seq4j serve` on this machine (loopback only), bounded in time.
#
#   bench/serve_load.sh [MODEL_DIR]
#
# Starts the server on a free loopback port with MODEL_DIR (default: the random fixture model
# gru-bahdanau-bi), runs bench/ServeLoad.java at 1, 8 and 64 concurrent clients (one request at a
# time each: requests/s, sentences/s, p50/p90/p99 latency, errors, mean decoding batch size,
# server RSS), then stops the server with SIGTERM (graceful shutdown). Settings, from the
# environment:
#   LEVELS=1,8,64   DURATION=10 (s per level)   WARMUP=3 (s per level)   BEAM=5
#   PER_REQUEST=1 (inputs per request)   INPUTS=FILE (one input a line)
#   SERVER_ARGS="--max-batch 1"  extra `serve` options (e.g. to turn batching off)
#   SEQ2SEQ4J_OPTS="-Xmx1g"      JVM options for the server
#   SERVER_CPUS=0 CLIENT_CPUS=1  pin the server and the load generator to separate CPUs (taskset),
#                                so that they do not compete for the same cores
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

model=${1:-seq2seq4j-server/src/test/resources/models/gru-bahdanau-bi}
inputs=${INPUTS:-seq2seq4j-server/src/test/resources/models/src.txt}
levels=${LEVELS:-1,8,64}
duration=${DURATION:-10}
warmup=${WARMUP:-3}
beam=${BEAM:-5}
per_request=${PER_REQUEST:-1}
read -r -a server_args <<<"${SERVER_ARGS:-}"
read -r -a jvm_opts <<<"${SEQ2SEQ4J_OPTS:-}"
server_pin=()
client_pin=()
[[ -n ${SERVER_CPUS:-} ]] && server_pin=(taskset -c "$SERVER_CPUS")
[[ -n ${CLIENT_CPUS:-} ]] && client_pin=(taskset -c "$CLIENT_CPUS")

# The whole run is bounded: levels × (warm-up + duration) plus start-up and shutdown slack.
n_levels=$(tr ',' '\n' <<<"$levels" | wc -l)
budget=$(awk -v n="$n_levels" -v d="$duration" -v w="$warmup" 'BEGIN { printf "%d", n * (d + w) + 180 }')

./seq2seq4j version >/dev/null # builds seq2seq4j-cli/target/seq2seq4j.jar when sources changed
jar=seq2seq4j-cli/target/seq2seq4j.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
vector=()
if "$java" --list-modules 2>/dev/null | grep -q '^jdk\.incubator\.vector@'; then
  vector=(--add-modules jdk.incubator.vector)
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java: $("$java" -version 2>&1 | head -n 1)"
echo "== model: $model; serve options: ${SERVER_ARGS:-(defaults)}; server CPUs: ${SERVER_CPUS:-all}; client CPUs: ${CLIENT_CPUS:-all}"

log=$(mktemp)
${server_pin[@]+"${server_pin[@]}"} "$java" ${jvm_opts[@]+"${jvm_opts[@]}"} ${vector[@]+"${vector[@]}"} -jar "$jar" serve --model "$model" \
  --host 127.0.0.1 --port 0 ${server_args[@]+"${server_args[@]}"} >"$log" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap stop EXIT

url=
for _ in $(seq 1 600); do
  url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$log")
  [[ -n $url ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 0.1
done
[[ -n $url ]] || { cat "$log" >&2; echo "the server did not say where it listens within 60 s" >&2; exit 1; }
echo "== server pid $pid at $url"

timeout "$budget" ${client_pin[@]+"${client_pin[@]}"} "$java" bench/ServeLoad.java --url "$url" --inputs "$inputs" --levels "$levels" \
  --duration "$duration" --warmup "$warmup" --beam "$beam" --inputs-per-request "$per_request" --pid "$pid"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
