#!/usr/bin/env bash
# The G2P ablations of docs/results.md: variants of examples/g2p-en-cmudict.yaml trained for the
# same wall-clock budget, two at a time, one thread each (the machine has 2 cores), on
# ../shared/data/cmudict. Each run stops at the budget with Ctrl-C semantics (SIGINT: checkpoint,
# clean exit); its best validation (greedy decoding of all of dev) is read from metrics.csv.
#
#   tools/g2p_ablations.sh [BUDGET_MINUTES] [OUT_DIR]      (defaults: 15, runs/ablations)
#   CMUDICT=DIR   the data directory [../shared/data/cmudict beside the repository]
#
# Prints one Markdown row per variant: name, flags, dev WER (= 100 - acc), PER, step of the best
# validation, steps done, wall time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
budget=${1:-15}
out=${2:-runs/ablations}
data=${CMUDICT:-$root/../shared/data/cmudict}
[[ -f $data/train.tsv && -f $data/dev.tsv ]] || { echo "g2p_ablations.sh: no train.tsv/dev.tsv in $data; set CMUDICT" >&2; exit 1; }
mkdir -p "$out"
./seq2seq4j version >/dev/null # build once before the timed runs

# name | flags added to examples/g2p-en-cmudict.yaml
variants=(
  "bahdanau-lstm|"
  "none-lstm|--attention none"
  "luong_general-lstm|--attention luong_general"
  "bahdanau-lstm-sampling|--teacher-forcing 1.0 --teacher-forcing-end 0.7 --teacher-forcing-decay-steps 8000"
)

# ONLY="name name ...": run just these variants (two at a time, in this order), e.g. the
# scheduled-sampling pair: ONLY="bahdanau-lstm bahdanau-lstm-sampling".
if [[ -n ${ONLY:-} ]]; then
  chosen=()
  for want in $ONLY; do
    for v in "${variants[@]}"; do
      [[ ${v%%|*} == "$want" ]] && chosen+=("$v")
    done
  done
  ((${#chosen[@]})) || { echo "g2p_ablations.sh: ONLY names no variant: $ONLY" >&2; exit 1; }
  variants=("${chosen[@]}")
fi

# The ablation table of docs/results.md was measured with the first recipe (session 2): one thread,
# the plateau schedule. The yaml now holds the shipped model's recipe, so those settings are given here.
first_recipe="--threads 1 --schedule plateau --decay-factor 0.5 --plateau-patience 1 --min-learning-rate 0.00002
  --max-steps 0 --keep-checkpoints 0 --patience 6"
run() { # name flags...
  local name=$1; shift
  local start end
  start=$(date +%s)
  # shellcheck disable=SC2086 # first_recipe is a list of flags
  timeout -s INT "${budget}m" env SEQ2SEQ4J_OPTS=-XX:ActiveProcessorCount=1 ./seq2seq4j train \
    --config examples/g2p-en-cmudict.yaml --train "$data/train.tsv" --dev "$data/dev.tsv" --out "$out/$name" --force --validate-every 1000 -q \
    $first_recipe "$@" \
    >"$out/$name.out" 2>&1 || true # 130 = stopped at the budget
  end=$(date +%s)
  echo $((end - start)) >"$out/$name.seconds"
}

for ((i = 0; i < ${#variants[@]}; i += 2)); do
  for j in $i $((i + 1)); do
    [[ $j -lt ${#variants[@]} ]] || continue
    IFS='|' read -r name flags <<<"${variants[$j]}"
    # shellcheck disable=SC2086 # flags are words
    run "$name" $flags &
  done
  wait
done

echo "| variant | flags | dev WER % | dev PER % | best at step | steps | wall |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for v in "${variants[@]}"; do
  IFS='|' read -r name flags <<<"$v"
  [[ -f $out/$name/metrics.csv ]] || { echo "g2p_ablations.sh: $name failed: $(tail -n 1 "$out/$name.out")" >&2; continue; }
  awk -F, -v name="$name" -v flags="${flags:-(none)}" -v secs="$(cat "$out/$name.seconds")" '
    $3 == "dev" && $4 == "acc" { if ($5 > best) { best = $5; at = $1 } acc[$1] = $5 }
    $3 == "dev" && $4 == "per" { per[$1] = $5 }
    $3 == "train" && $4 == "loss" { steps = $1 }
    END { printf "| %s | `%s` | %.2f | %.2f | %d | %d | %d min %02d s |\n", name, flags, 100 - best, per[at], at, steps, secs / 60, secs % 60 }
  ' "$out/$name/metrics.csv"
done
