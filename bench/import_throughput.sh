#!/usr/bin/env bash
# End-to-end throughput and peak memory of `tracker import`, and the speed of
# re-importing the same corpus (every article already present).
#
#   bench/import_throughput.sh BIN [--articles N] [--jobs J] [--seed S] [--keep DIR]
#
# BIN           the tracker binary (a Release build)
# --articles N  articles in the generated corpus (default 20000, about 100 MB)
# --jobs J      import --jobs (default 2)
# --seed S      generator seed (default 1)
# --keep DIR    generate the corpus in DIR and keep it (reused when DIR has one
#               made with the same arguments)
#
# What it does:
#  1. generates a folder of articles with bench/generate_import_corpus.py,
#     mixed plain text and saved web pages, in nested folders (not timed). If
#     `tracker importers` does not list an `html` reader, the corpus is text
#     only and the output says so;
#  2. reads every file once, so that the page cache holds the corpus;
#  3. imports the folder into a new database with --jobs J under
#     /usr/bin/time -v: wall time, CPU time, peak RSS;
#  4. imports it again into the same database (all skipped) and times that.
#
# Prints `key: value` lines. throughput_mb_s is corpus MB (10^6 bytes) over
# wall-clock seconds, end to end (start-up, walking, reading, parsing,
# extraction, storing). The machine may be shared: cpu_mb_s (MB over user+sys
# CPU seconds) and the load average show how much the wall time was stretched
# by other work. Targets (issue 4): >= 20 MB/s with --jobs 2, peak RSS
# < 200 MB, re-import >= 10x faster than the first import.
set -euo pipefail

usage() { sed -n '2,12p' "$0" >&2; exit 2; }
[ $# -ge 1 ] || usage
BIN=$(realpath -- "$1") || usage
shift
ARTICLES=20000
JOBS=2
SEED=1
KEEP=
while [ $# -gt 0 ]; do
    case $1 in
        --articles) ARTICLES=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --keep) KEEP=$2; shift 2 ;;
        *) usage ;;
    esac
done
[ -x "$BIN" ] || { echo "$BIN is not executable" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (Debian package 'time')" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C TZ=UTC

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tracker-import-bench.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT

if "$BIN" importers --format csv | grep -q '^html,'; then
    HTML_FRACTION=0.5
    echo "corpus: mixed text and HTML (html reader present)"
else
    HTML_FRACTION=0
    echo "corpus: text only (no html reader in 'tracker importers' yet)"
fi

CORPUS=${KEEP:-$WORK/corpus}
STAMP="articles=$ARTICLES seed=$SEED html=$HTML_FRACTION generator=$(cksum <"$HERE/generate_import_corpus.py")"
if [ -z "$KEEP" ] || [ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$STAMP" ]; then
    rm -rf -- "$CORPUS"
    mkdir -p "$CORPUS"
    echo "generating $ARTICLES articles in $CORPUS..." >&2
    python3 "$HERE/generate_import_corpus.py" "$CORPUS" --articles "$ARTICLES" --seed "$SEED" \
        --html-fraction "$HTML_FRACTION" >/dev/null
    echo "$STAMP" >"$CORPUS/.stamp"  # hidden: import skips it
fi
FILES=$(find "$CORPUS" -type f ! -name '.*' | wc -l)
BYTES=$(find "$CORPUS" -type f ! -name '.*' -printf '%s\n' | awk '{s += $1} END {print s}')
find "$CORPUS" -type f ! -name '.*' -exec cat {} + >/dev/null  # warm the page cache

# timed NAME ARGS...: runs BIN ARGS under /usr/bin/time -v; sets WALL, CPU,
# RSS_KB and leaves the summary line in $WORK/NAME.out.
timed() {
    local name=$1
    shift
    /usr/bin/time -v -o "$WORK/$name.time" "$BIN" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || {
        echo "tracker $* failed:" >&2
        head -n 5 "$WORK/$name.err" "$WORK/$name.out" >&2
        exit 1
    }
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/$name.time")
    CPU=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$WORK/$name.time")
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
}

DB=$WORK/bench.db
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
timed first import --db "$DB" --quiet --jobs "$JOBS" "$CORPUS"
FIRST_WALL=$WALL FIRST_CPU=$CPU FIRST_RSS=$RSS_KB
timed again import --db "$DB" --quiet --jobs "$JOBS" "$CORPUS"
AGAIN_WALL=$WALL AGAIN_CPU=$CPU AGAIN_RSS=$RSS_KB
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$FILES" "$BYTES" "$JOBS" "$FIRST_WALL" "$FIRST_CPU" "$FIRST_RSS" \
    "$AGAIN_WALL" "$AGAIN_CPU" "$AGAIN_RSS" "$WORK/first.out" "$WORK/again.out" \
    "$LOAD_BEFORE" "$LOAD_AFTER" "$(nproc)" <<'EOF'
import sys
(files, size, jobs, fw, fc, frss, aw, ac, arss, first_out, again_out,
 load_before, load_after, cores) = sys.argv[1:]
size = int(size); fw = float(fw); fc = float(fc); aw = float(aw); ac = float(ac)
mb = size / 1e6
rate = mb / fw if fw else float("inf")
speedup = fw / aw if aw else float("inf")
peak = max(int(frss), int(arss)) / 1024
print(f"files: {files}")
print(f"corpus_mb: {mb:.1f}")
print(f"jobs: {jobs}")
print(f"cores: {cores}")
print(f"first_import: {open(first_out).read().strip()}")
print(f"first_wall_s: {fw:.2f}")
print(f"first_cpu_s: {fc:.2f}")
print(f"throughput_mb_s: {rate:.1f}")
print(f"cpu_mb_s: {mb / fc if fc else float('inf'):.1f}")
print(f"peak_rss_mb: {peak:.1f}")
print(f"reimport: {open(again_out).read().strip()}")
print(f"reimport_wall_s: {aw:.2f}")
print(f"reimport_cpu_s: {ac:.2f}")
print(f"reimport_speedup: {speedup:.1f}")
print(f"loadavg_before: {load_before}")
print(f"loadavg_after: {load_after}")
print(f"target_throughput_20_mb_s: {'met' if rate >= 20 else 'missed'}")
print(f"target_peak_rss_200_mb: {'met' if peak < 200 else 'missed'}")
print(f"target_reimport_10x: {'met' if speedup >= 10 else 'missed'}")
EOF
