#!/usr/bin/env bash
# The other direction of bundle exchange: models trained in Java, decoded by the PyTorch reference.
# Trains the bundles of parity/JavaTrainedBundles.java into fixtures/java/, then records the
# reference's greedy, beam and teacher-forced outputs on them. Re-run after changing that class:
#   tools/make_java_fixtures.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
ref="${SEQ2SEQ4J_REFERENCE:-$repo/../shared/reference/seq2seq_ref.py}"
[ -d "$ref" ] && ref="$ref/seq2seq_ref.py"
[ -f "$ref" ] || { echo "reference not found at $ref (set SEQ2SEQ4J_REFERENCE)" >&2; exit 1; }
out="$repo/seq2seq4j-core/src/test/resources/fixtures/java"
cd "$repo"
mvn -B -q -o test-compile -pl seq2seq4j-core
rm -rf "$out.tmp" && mkdir -p "$out.tmp"
java --add-modules jdk.incubator.vector -cp seq2seq4j-core/target/classes:seq2seq4j-core/target/test-classes \
  io.github.seq2seq4j.parity.JavaTrainedBundles "$out.tmp" 2>/dev/null
printf '%s\n' abc cba ab "ab cd" fedcba hgfedc a h "aa bb" abcdefg gg "b" "hello" "dcba hg" bbbbbb "" > "$out.tmp/src.txt"
printf 'abc\tcba\nfe dc\tcd ef\ngh\thg\n' > "$out.tmp/pairs.tsv"
for m in "$out.tmp"/*/; do
  m="${m%/}"
  /usr/bin/python3 "$ref" greedy --model "$m" < "$out.tmp/src.txt" > "$m/greedy.txt"
  /usr/bin/python3 "$ref" beam --model "$m" --beam 3 --alpha 1.0 < "$out.tmp/src.txt" > "$m/beam3.txt"
  /usr/bin/python3 "$ref" fixture --model "$m" --pairs "$out.tmp/pairs.tsv" --out "$m/grads.safetensors" > /dev/null
done
{
  echo "Bundles trained in Java by parity/JavaTrainedBundles.java, decoded by the reference."
  echo "torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), reference sha256 $(sha256sum "$ref" | cut -d' ' -f1)"
  echo "made $(date -u +%Y-%m-%d) by tools/make_java_fixtures.sh"
} > "$out.tmp/PROVENANCE.txt"
rm -rf "$out" && mv "$out.tmp" "$out"
echo "wrote $out"
