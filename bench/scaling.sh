#!/usr/bin/env bash
# Epoch time and memory against corpus size (issue 6: "time per epoch grows linearly with corpus
# size, and memory stays flat, from 10k to 1M pairs (streaming)"). Generates synthetic parallel
# corpora of each size, trains exactly one epoch of a small fixed model on each, streamed
# (data.stream_pool = POOL) and held in memory (stream_pool 0), each run under GNU time, and
# prints a markdown table: wall and CPU seconds, CPU microseconds per pair and peak RSS.
#
#   bench/scaling.sh                              # 10k, 100k, 1M pairs, streamed and in memory: ~3-5 min on 2 quiet cores
#   SIZES="1000 10000" bench/scaling.sh           # a quick check that everything works
#   MODES=stream DATA=/tmp/scaling bench/scaling.sh   # streamed only; corpora kept (and reused) in /tmp/scaling
#
# Environment (defaults in brackets):
#   SIZES      [10000 100000 1000000]  corpus sizes in pairs
#   MODES      [stream memory]         stream: data.stream_pool = POOL; memory: data.stream_pool = 0
#   POOL       [10000]                 pairs per streamed pool
#   JAVA_OPTS  [-Xms16m -Xmx256m]      JVM options of every run, besides the Vector API module and GC logging
#   DATA       [a temporary directory] where the corpora go; given, they are kept and reused
#   RESULTS    [bench/results/scaling-<UTC time>]   the table and each run's logs
#
# The data: source = a random word of 3-12 lowercase letters, target = the word reversed, one
# TSV line per pair, char tokens (so the vocabulary, 26 letters, is the same at every size and
# only the number of pairs grows). Python's random module seeded with 6 + size makes the same
# corpus on every machine. The model: GRU, embedding 16, hidden 32, one unidirectional layer, no
# attention; Adam, batch 64, 1 thread, seed 1, no dev set (the epoch ends with writing
# checkpoints/last, the model and the report). Streamed, each pool of POOL pairs ends in a partial
# batch, so there are a few more steps than in memory.
#
# Memory. Every run gets the same JVM options, JAVA_OPTS, so peak RSS is comparable across sizes.
# They pin the maximum heap at 256 MB: with the default (1/4 of RAM) G1 grows the heap with the
# allocation rate, not with the data held (in a streamed 1M-pair run it committed 500 MB during
# the token-counting pass, while holding 6-7 MB, and kept it to the end), so RSS would measure the collector's appetite and how long
# it had to grow, not the data. 256 MB leaves the in-memory runs room for their 1M examples
# (147 MB live in mid-epoch), so both modes run with the same flags and the table can compare
# them. -Xms16m lets the heap start small, as in bench/compare.sh. The last column, the largest heap occupancy
# after a collection (from -Xlog:gc), is an upper bound of the data a run holds (a young
# collection leaves dead objects of the old generation in place).
#
# Each run's GNU time report, GC log and train.log go to RESULTS, with the table (table.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

SIZES=${SIZES:-10000 100000 1000000}
MODES=${MODES:-stream memory}
POOL=${POOL:-10000}
JAVA_OPTS=${JAVA_OPTS:--Xms16m -Xmx256m}
RESULTS=${RESULTS:-$root/bench/results/scaling-$(date -u +%Y%m%dT%H%M%SZ)}
JAVA=${JAVA:-$(command -v java)}

[[ -x /usr/bin/time ]] || { echo "scaling.sh: needs GNU time (/usr/bin/time) for peak RSS; apt-get install time" >&2; exit 1; }
command -v python3 >/dev/null || { echo "scaling.sh: needs python3 to generate the corpora" >&2; exit 1; }
for m in $MODES; do
  [[ $m == stream || $m == memory ]] || { echo "scaling.sh: unknown mode '$m' (stream or memory)" >&2; exit 1; }
done

jar=$root/seq2seq4j-cli/target/seq2seq4j.jar
"$root/seq2seq4j" version >/dev/null # builds the jar when it is missing or stale

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=${DATA:-$tmp/data}
mkdir -p "$data" "$RESULTS"

# corpus N: data/N.tsv, made once (deterministic, so a kept file is the same file)
corpus() {
  local n=$1 file=$data/$1.tsv
  if [[ ! -s $file ]]; then
    python3 - "$n" "$file.part" <<'EOF'
import random, string, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(6 + n)
letters = string.ascii_lowercase
with open(path, "w", encoding="utf-8") as f:
    for _ in range(n):
        w = "".join(rng.choice(letters) for _ in range(rng.randint(3, 12)))
        f.write(w + "\t" + w[::-1] + "\n")
EOF
    mv "$file.part" "$file"
  fi
  echo "$file"
}

# run SIZE MODE: one epoch; prints "steps wall cpu rss_mb heap_mb epoch_s"
run() {
  local n=$1 mode=$2 pool
  pool=$([[ $mode == stream ]] && echo "$POOL" || echo 0)
  local out=$tmp/run-$n-$mode log=$RESULTS/$n-$mode
  local train
  train=$(corpus "$n")
  # shellcheck disable=SC2206
  local cmd=("$JAVA" $JAVA_OPTS -Xlog:gc:file="$log.gc.log" --add-modules jdk.incubator.vector -jar "$jar"
    train --train "$train" --tokenizer char --cell gru --embedding-size 16 --hidden-size 32 --layers 1
    --bidirectional false --attention none --batch-size 64 --stream-pool "$pool" --epochs 1 --threads 1 --seed 1
    --log-every 1000 --out "$out" --force --quiet)
  echo "$n $mode: ${cmd[*]}" >>"$RESULTS/commands.txt"
  rm -f "$log.gc.log"
  /usr/bin/time -v -o "$log.time.txt" "${cmd[@]}" >"$tmp/stdout" 2>"$tmp/stderr" || {
    echo "scaling.sh: $n pairs, $mode failed:" >&2
    cat "$tmp/stderr" "$tmp/stdout" >&2
    exit 1
  }
  local steps wall cpu rss heap epoch
  steps=$(sed -n 's/.*finished after \([0-9,]*\) steps.*/\1/p' "$out/train.log" | tr -d , | tail -n 1)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log.time.txt")
  cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$log.time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$log.time.txt")
  # the largest heap occupancy after a collection: "... 57M->12M(64M) 3.1ms" -> 12
  heap=$(sed -n 's/.*[0-9]M->\([0-9]*\)M([0-9]*M).*/\1/p' "$log.gc.log" | sort -n | tail -n 1)
  # from "epoch 1 starts" to the checkpoint written at its end (train.log has whole seconds)
  epoch=$(python3 - "$out/train.log" <<'EOF'
import datetime, sys
start = end = None
for line in open(sys.argv[1], encoding="utf-8"):
    t = datetime.datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S")
    if "epoch 1 starts" in line:
        start = t
    elif start and end is None and "saved checkpoint" in line:
        end = t
print(int((end - start).total_seconds()) if start and end else "?")
EOF
)
  echo "${steps:-?} $wall $cpu $rss ${heap:-?} $epoch"
  cp "$out/train.log" "$log.train.log"
  rm -rf "$out"
}

echo "scaling.sh: sizes [$SIZES], modes [$MODES], pool $POOL, JAVA_OPTS '$JAVA_OPTS'; $(uptime | sed 's/.*load average/load average/')" >&2
start=$(date +%s)
rows=()
for n in $SIZES; do
  corpus "$n" >/dev/null
  for mode in $MODES; do
    run "$n" "$mode" >"$tmp/result"
    read -r steps wall cpu rss heap epoch <"$tmp/result"
    label=$([[ $mode == stream ]] && echo "stream $POOL" || echo "memory")
    per=$(awk -v c="$cpu" -v n="$n" 'BEGIN{printf "%.0f", c * 1e6 / n}')
    row="| $n | $label | $steps | $wall | $epoch | $cpu | $per | $rss | $heap |"
    rows+=("$row")
    echo "  $row load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done
done
elapsed=$(($(date +%s) - start))

{
  echo "| pairs | mode | steps | wall s | epoch s | CPU s | CPU µs/pair | peak RSS MB | heap after GC MB |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $("$JAVA" -version 2>&1 | head -n 1); JVM options \`$JAVA_OPTS\`;" \
    "$(nproc) cores; load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $elapsed s in all."
  echo "wall s, CPU s (user + system): the whole process (JVM start, token counting, the epoch, checkpoint, report);" \
    "epoch s: train.log's \"epoch 1 starts\" to the end-of-epoch checkpoint, whole seconds;" \
    "heap after GC: the largest heap occupancy after a collection."
} | tee "$RESULTS/table.md"
echo "scaling.sh: wrote $RESULTS" >&2
