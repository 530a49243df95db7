#!/usr/bin/env bash
# Writes the string-reversal data of examples/reverse.yaml: random lowercase strings of 3 to 10
# letters, each paired with its reverse. The committed files were made with
#   examples/data/make-reverse.sh
# (GNU awk or mawk; other awks may draw other strings, which serve as well).
set -euo pipefail
cd "$(dirname "$0")"
gen() { # seed count
  awk -v seed="$1" -v n="$2" 'BEGIN {
    srand(seed)
    for (i = 0; i < n; i++) {
      len = 3 + int(rand() * 8); s = ""
      for (j = 0; j < len; j++) s = s sprintf("%c", 97 + int(rand() * 26))
      r = ""
      for (j = len; j > 0; j--) r = r substr(s, j, 1)
      print s "\t" r
    }
  }'
}
gen 1 3000 > reverse-train.tsv
gen 2 200 > reverse-dev.tsv
