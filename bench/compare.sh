#!/usr/bin/env bash
# Java (seq2seq4j bench) against the PyTorch reference (seq2seq_ref.py bench) on the same machine,
# alternating the implementations in each round so that both see the same load, then writes
# docs/performance.md: medians and ranges of every throughput, peak RSS, and Java/PyTorch ratios.
#
#   bench/compare.sh                      # everything: ~15 minutes on 2 cores
#   QUICK=1 bench/compare.sh              # S only, 1 thread, JDK 17, 1 round: ~1 minute
#   CONFIGS="S L" THREADS="1" JDKS="17" ROUNDS=3 bench/compare.sh   # any subset
#
# Environment (defaults in brackets):
#   CONFIGS   [S M L]   which model configurations (defined below)
#   THREADS   [1 2]     thread counts; both implementations get --threads N
#   JDKS      [17 25]   JDK 17 is `java` on PATH (or JAVA17), JDK 25 is JAVA25 [/usr/lib/jvm/temurin-25-jdk-amd64]
#   ROUNDS    [3]       rounds; each runs every (config, threads) once per implementation
#   JAVA_OPTS []        extra JVM options of the Java runs, passed as SEQ2SEQ4J_OPTS to the launcher,
#             which runs them as it runs every command: the Vector API module and its JVM defaults
#             (the serial collector and its heap sizes, see ./seq2seq4j and docs/performance.md)
#   OUT       [docs/performance.md]       the report; raw JSON lines go to bench/results/
#   TORCH_BLAS [native] native: the reference runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset,
#             so OpenBLAS picks its kernel for this CPU (Cooperlake, AVX-512, on the Zen 5 VM: ~1.9x
#             the matmul speed of the Haswell kernel the machine's environment pins); as-set: the
#             reference keeps the environment as it is. The kernel chosen is recorded in every run.
#   SEQ2SEQ4J_REFERENCE   seq2seq_ref.py  [<repo>/../shared/reference/seq2seq_ref.py]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [[ -n ${QUICK:-} ]]; then
  : "${CONFIGS:=S}" "${THREADS:=1}" "${JDKS:=17}" "${ROUNDS:=1}"
fi
CONFIGS=${CONFIGS:-S M L}
THREADS=${THREADS:-1 2}
JDKS=${JDKS:-17 25}
ROUNDS=${ROUNDS:-3}
JAVA_OPTS=${JAVA_OPTS:-}
TORCH_BLAS=${TORCH_BLAS:-native}
OUT=${OUT:-docs/performance.md}
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PY=/usr/bin/python3

# --- the reference and its dependencies ----------------------------------------------------------
ref=${SEQ2SEQ4J_REFERENCE:-}
if [[ -z $ref ]]; then
  for d in "$root/../shared/reference" "$root/../../shared/reference"; do
    [[ -f $d/seq2seq_ref.py ]] && ref=$d/seq2seq_ref.py && break
  done
fi
[[ -f ${ref:-} ]] || { echo "compare.sh: seq2seq_ref.py not found; set SEQ2SEQ4J_REFERENCE" >&2; exit 1; }
missing=()
for pkg in python3-torch libopenblas0-openmp; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "compare.sh: installing ${missing[*]}" >&2
  apt-get install -y "${missing[@]}" >&2
fi
[[ -x /usr/bin/time ]] || { echo "compare.sh: needs GNU time (/usr/bin/time) for peak RSS; apt-get install time" >&2; exit 1; }

# --- the Java side --------------------------------------------------------------------------------
"$root/seq2seq4j" version >/dev/null # builds the jar when it is missing or stale
for j in $JDKS; do
  var=JAVA$j
  [[ -x ${!var:-} ]] || { echo "compare.sh: no JDK $j (set $var)" >&2; exit 1; }
done

# --- configurations: name -> "config JSON|vocab batch min-len max-len steps warmup singles" --------
# Steps and warm-up are the steady state's: C2 needs ~4 s to compile the training code, and before
# that the Vector API runs in Java and boxes (S at 20 steps after 3: 21-25 K tok/s and 1.2-1.4 MB
# allocated a step; at 100 after 30: 29-35 K and 126 KB). Both implementations get the same ones.
declare -A CFG=(
  [S]='{"cell":"gru","embedding_size":64,"hidden_size":128,"layers":1,"bidirectional":true,"attention":"bahdanau"}|40 64 5 20 100 30 200'
  [M]='{"cell":"gru","embedding_size":256,"hidden_size":512,"layers":1,"bidirectional":true,"attention":"bahdanau"}|8000 64 10 30 12 4 10'
  [L]='{"cell":"lstm","embedding_size":128,"hidden_size":256,"layers":1,"bidirectional":true,"attention":"luong_general"}|1000 64 5 25 40 15 50'
)

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$root/bench/results/$stamp
mkdir -p "$results"
lines=$results/runs.jsonl
: >"$lines"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME-OF-IMPL CONFIG THREADS ROUND: one benchmark, its JSON line plus peak RSS and load appended
run() {
  local impl=$1 name=$2 threads=$3 round=$4
  local spec=${CFG[$name]}
  local json=${spec%%|*}
  read -r vocab batch minlen maxlen steps warmup singles <<<"${spec#*|}"
  printf '%s\n' "$json" >"$results/$name.json"
  local args=(bench --config "$results/$name.json" --vocab "$vocab" --batch "$batch" --min-len "$minlen" --max-len "$maxlen"
    --steps "$steps" --warmup "$warmup" --singles "$singles" --threads "$threads" --seed 0)
  local cmd
  case $impl in
    pytorch)
      # OPENBLAS_VERBOSE=2 makes OpenBLAS name its kernel ("Core: ...") on standard error
      case $TORCH_BLAS in
        native) cmd=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_VERBOSE=2 "$PY" "$ref" "${args[@]}") ;;
        as-set) cmd=(env OPENBLAS_VERBOSE=2 "$PY" "$ref" "${args[@]}") ;;
        *) echo "compare.sh: TORCH_BLAS is native or as-set, not '$TORCH_BLAS'" >&2; exit 1 ;;
      esac ;;
    java*)
      local var=JAVA${impl#java}
      local home
      home=$(dirname "$(dirname "$(readlink -f "${!var}")")")
      # as a user runs it, through the launcher; the JIT's untimed decoding warm-up: as many
      # sentences as are timed
      cmd=(env JAVA_HOME="$home" SEQ2SEQ4J_OPTS="$JAVA_OPTS" "$root/seq2seq4j" "${args[@]}"
        --decode-warmup "$singles") ;;
  esac
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%M %U %S' -o "$tmp/rss" "${cmd[@]}" >"$tmp/out" 2>"$tmp/err" || {
    echo "compare.sh: $impl $name --threads $threads failed:" >&2
    cat "$tmp/err" >&2
    exit 1
  }
  local line
  line=$(grep '^{' "$tmp/out" | tail -n 1)
  local blas_core
  blas_core=$(sed -n 's/^Core: *//p' "$tmp/err" | head -n 1)
  $PY - "$line" "$impl" "$name" "$round" "$(tail -n 1 "$tmp/rss")" "$load" "${cmd[*]}" "$blas_core" >>"$lines" <<'EOF'
import json, sys
d = json.loads(sys.argv[1])
rss_kb, user, sys_s = sys.argv[5].split()
d.update(bench_impl=sys.argv[2], bench_config=sys.argv[3], round=int(sys.argv[4]),
         maxrss_mb=round(int(rss_kb) / 1024, 1), cpu_s=round(float(user) + float(sys_s), 2),
         load1=float(sys.argv[6]), command=sys.argv[7])
if sys.argv[8]:
    d["openblas_core"] = sys.argv[8]
print(json.dumps(d))
EOF
  printf '  %-8s %s t=%s round %s: %s\n' "$impl" "$name" "$threads" "$round" \
    "$(tail -n 1 "$lines" | $PY -c 'import json,sys; d=json.load(sys.stdin); print("train %.0f tok/s, greedy batch %.1f, single %.1f, beam5 %.1f sent/s, rss %.0f MB, load %.1f" % (d["train_target_tokens_per_s"], d["greedy_batch_sentences_per_s"], d["greedy_single_sentences_per_s"], d["beam5_single_sentences_per_s"], d["maxrss_mb"], d["load1"]))')" >&2
}

impls=(pytorch)
for j in $JDKS; do impls+=("java$j"); done
echo "compare.sh: configs [$CONFIGS], threads [$THREADS], JDKs [$JDKS], $ROUNDS round(s); raw results in $lines" >&2
start=$(date +%s)
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r ($(uptime | sed 's/.*load average/load average/'))" >&2
  for name in $CONFIGS; do
    for t in $THREADS; do
      # alternate the order between rounds as well, so no implementation always runs first
      if ((r % 2)); then order=("${impls[@]}"); else order=(); for ((i = ${#impls[@]} - 1; i >= 0; i--)); do order+=("${impls[i]}"); done; fi
      for impl in "${order[@]}"; do run "$impl" "$name" "$t" "$r"; done
    done
  done
done
elapsed=$(($(date +%s) - start))

# --- the report -----------------------------------------------------------------------------------
machine="$(lscpu | sed -n 's/^Model name: *//p') (family $(lscpu | sed -n 's/^CPU family: *//p'), model $(lscpu | sed -n 's/^Model: *//p')), $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB"
flags=$(grep -o -w 'avx2\|fma\|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')
jdks=""
for j in $JDKS; do var=JAVA$j; jdks+="$("${!var}" -version 2>&1 | head -n 1); "; done
torchv=$($PY -c 'import torch; print(torch.__version__)')
$PY "$root/bench/report.py" "$lines" "$OUT" "$machine ($flags)" "$jdks" "$torchv" "$elapsed" "$JAVA_OPTS" "$ref"
echo "compare.sh: wrote $OUT ($((elapsed / 60)) min)" >&2
