#!/usr/bin/env bash
# The dev corpus score is a quality gate: it may only go up. Scores each
# level with ../shared/eval/run-corpus and fails if any F1 falls below its
# floor. Skips (exit 77) where ../shared is absent, as in a bare clone.
set -euo pipefail
bin=$1
src=$2
shared=$src/../shared
if [ ! -x "$shared/eval/run-corpus" ] || [ ! -d "$shared/corpus/dev" ]; then
  echo "skipped: $shared/eval/run-corpus or the dev corpus is absent"
  exit 77
fi
# Raise these as the extractor improves; never lower them.
declare -A floor=([figure]=0.965 [qualified]=0.965 [attributed]=0.95 [dated]=0.965 [full]=0.94)
scores=$("$shared/eval/run-corpus" "$bin" "$shared/corpus/dev" --json)
status=0
for level in figure qualified attributed dated full; do
  f1=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]]["f1"])' "$scores" "$level")
  if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) + 1e-9 >= float(sys.argv[2]) else 1)' "$f1" "${floor[$level]}"; then
    echo "ok - $level F1 $f1 (floor ${floor[$level]})"
  else
    echo "not ok - $level F1 $f1 is below its floor ${floor[$level]}"
    status=1
  fi
done
exit $status
