#!/usr/bin/env bash
# Single-thread throughput and peak memory of `tracker extract`.
#
#   bench/extract_throughput.sh BIN [--megabytes N] [--seed S] [--keep DIR]
#                               [--batch FILES] [--startup-runs K]
#
# BIN            the tracker binary (build it in Release first)
# --megabytes N  size of the generated corpus in MB of 10^6 bytes (default 200)
# --seed S       generator seed (default 1)
# --keep DIR     generate the corpus in DIR and keep it; a corpus already in DIR
#                made with the same seed, size and generator is reused
# --batch FILES  at most this many files per `tracker extract` process when it
#                takes several (default 10000, about 40 MB of text; a batch
#                also stops at 1.5 MB of file names, the command-line limit)
# --startup-runs K  processes used to time start-up on a tiny article (default 100)
#
# What it does:
#  1. generates a varied corpus with bench/generate_corpus.py (not timed);
#  2. reads every file once so that the page cache holds the corpus and the
#     timing measures extraction, not the disk;
#  3. if `extract` accepts several files, runs it over the corpus in batches,
#     one process after another (xargs -P 1: one core); otherwise one process
#     per file, and then also reports throughput net of start-up, start-up
#     being timed on a tiny article with no figure;
#  4. prints `key: value` lines on standard output (diagnostics go to stderr);
#     exits 1 if a tracker process failed, whatever the figures.
#
# Many small files, not one big one: real articles are a few KB, and the
# extractor holds one article at a time, so one giant article would measure
# something no user does (generate_corpus.py --single-file exists to probe how
# time and memory grow with the size of ONE article).
#
# Peak RSS is the largest resident set of any single tracker process
# (getrusage RUSAGE_CHILDREN, see bench/rusage_run.py). The target the issue
# sets is 50 MB/s per core with peak RSS under 100 MB, whatever the corpus size.
# throughput_mb_s divides by wall time; throughput_mb_per_cpu_s by the CPU time
# of the tracker processes, which is the per-core figure and the one the target
# is checked against: on a shared 2-core machine other jobs stretch wall time
# (load_average_1m_before says how busy the machine was).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }

[[ $# -ge 1 ]] || usage
[[ "$1" == -h || "$1" == --help ]] && usage 0
bin="$1"; shift
megabytes=200
seed=1
keep=""
batch=10000
startup_runs=100
while [[ $# -gt 0 ]]; do
    case "$1" in
        --megabytes) megabytes="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        --batch) batch="$2"; shift 2 ;;
        --startup-runs) startup_runs="$2"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "unknown option: $1" >&2; usage ;;
    esac
done

[[ -x "$bin" ]] || { echo "not an executable: $bin" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/tracker-bench.XXXXXX")"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

# --- 1. corpus ---------------------------------------------------------------
if [[ -n "$keep" ]]; then
    corpus="$keep"
else
    corpus="$work/corpus"
fi
mkdir -p "$corpus"
corpus="$(cd "$corpus" && pwd)"
stamp="seed=$seed megabytes=$megabytes generator=$(sha256sum "$here/generate_corpus.py" | cut -c1-16)"
if [[ -f "$corpus/.corpus-stamp" && "$(cat "$corpus/.corpus-stamp")" == "$stamp" ]]; then
    echo "reusing the corpus in $corpus" >&2
else
    if [[ -n "$(ls -A "$corpus")" ]]; then
        # Only ever clear a directory that this script filled before.
        if [[ -f "$corpus/.corpus-stamp" ]]; then
            find "$corpus" -maxdepth 1 -name '*.txt' -delete
            rm -f "$corpus/.corpus-stamp"
        else
            echo "$corpus is not empty and holds no corpus made by this script" >&2
            exit 2
        fi
    fi
    echo "generating ${megabytes} MB of articles in $corpus ..." >&2
    python3 "$here/generate_corpus.py" --out "$corpus" --megabytes "$megabytes" \
        --seed "$seed" >&2
    echo "$stamp" > "$corpus/.corpus-stamp"
fi

# File names relative to the corpus, so that batches fit in one command line.
cd "$corpus"
find . -maxdepth 1 -name '*.txt' -type f -printf '%f\0' | sort -z > "$work/files"
files=$(tr -cd '\0' < "$work/files" | wc -c)
bytes=$(find . -maxdepth 1 -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
[[ "$files" -gt 0 ]] || { echo "no articles in $corpus" >&2; exit 1; }

# --- 2. warm the page cache ----------------------------------------------------
xargs -0 cat < "$work/files" > /dev/null

# --- 3. does extract take several files? ----------------------------------------
probe="$work/probe"
mkdir -p "$probe"
for i in 1 2; do
    printf 'Title: probe\nOutlet: Probe Wire\nPublished: 2024-03-01\n\nThe ministry said %d people were killed.\n' \
        "$((i + 10))" > "$probe/p$i.txt"
done
printf 'Title: empty\nOutlet: Probe Wire\nPublished: 2024-03-01\n\nThe talks went on.\n' > "$probe/empty.txt"
if out="$("$bin" extract "$probe/p1.txt" "$probe/p2.txt" 2>/dev/null)" \
    && [[ "$(printf '%s\n' "$out" | grep -c .)" -ge 2 ]]; then
    multi=1
else
    multi=0
fi

# Start-up cost: K processes on a tiny article with no figure.
for ((i = 0; i < startup_runs; i++)); do printf '%s\0' "$probe/empty.txt"; done > "$work/startup-files"
python3 "$here/rusage_run.py" "$work/startup.txt" -- \
    xargs -0 -n 1 -P 1 "$bin" extract < "$work/startup-files" > /dev/null
startup_wall=$(awk '/^wall_s:/ {print $2}' "$work/startup.txt")
startup_rss_kb=$(awk '/^max_rss_kb:/ {print $2}' "$work/startup.txt")
startup_cpu_ms=$(awk -v k="$startup_runs" '/^(user|sys)_s:/ {c += $2} END {printf "%.3f", 1000 * c / k}' "$work/startup.txt")
startup_ms=$(awk -v w="$startup_wall" -v k="$startup_runs" 'BEGIN {printf "%.3f", 1000 * w / k}')

# --- 4. the timed run ---------------------------------------------------------
if [[ "$multi" == 1 ]]; then
    per_process="$batch"
    mode="batched"
else
    per_process=1
    mode="per-file"
fi
# Split the list into batches ourselves (at most FILES names and 1.5 MB of
# arguments each), so that each batch is exactly one process and the count of
# processes below is the real one.
mkdir -p "$work/batches"
# (Per-file mode: one list, and xargs -n 1 starts a process per file.)
chunk_limit="$per_process"
[[ "$mode" == per-file ]] && chunk_limit=$((files + 1))
byte_split=1
[[ "$mode" == per-file ]] && byte_split=0
python3 - "$work/files" "$work/batches" "$chunk_limit" "$byte_split" <<'PY'
import sys
names = open(sys.argv[1], "rb").read().split(b"\0")[:-1]
limit, out, batch, size, n = int(sys.argv[3]), sys.argv[2], [], 0, 0
byte_split = sys.argv[4] == "1"
def flush():
    global batch, size, n
    if batch:
        with open(f"{out}/{n:06d}", "wb") as f:
            f.write(b"".join(x + b"\0" for x in batch))
        n += 1
    batch, size = [], 0
for name in names:
    if batch and (len(batch) >= limit or (byte_split and size + len(name) + 9 > 1_500_000)):
        flush()
    batch.append(name)
    size += len(name) + 9
flush()
PY
if [[ "$mode" == per-file ]]; then
    processes="$files"
else
    processes=$(find "$work/batches" -type f | wc -l)
fi
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)
echo "extracting: $files files, $mode, $processes process(es) ..." >&2
# One batch after another: one tracker process at a time, so one core.
python3 "$here/rusage_run.py" "$work/run.txt" -- bash -c '
    bin="$1"; n="$2"; shift 2
    status=0
    for batch in "$@"; do
        xargs -0 -n "$n" -s 2000000 -P 1 "$bin" extract < "$batch" || status=$?
    done
    exit "$status"' run-batches "$bin" "$per_process" "$work"/batches/* \
    > "$work/claims.jsonl" 2> "$work/errors.txt"
status=$(awk '/^exit_status:/ {print $2}' "$work/run.txt")
wall=$(awk '/^wall_s:/ {print $2}' "$work/run.txt")
user=$(awk '/^user_s:/ {print $2}' "$work/run.txt")
sys=$(awk '/^sys_s:/ {print $2}' "$work/run.txt")
rss_kb=$(awk '/^max_rss_kb:/ {print $2}' "$work/run.txt")
claims=$(grep -c . "$work/claims.jsonl" || true)
errors=$(grep -c . "$work/errors.txt" || true)
if [[ "$errors" -gt 0 ]]; then
    echo "first errors from tracker:" >&2
    head -n 5 "$work/errors.txt" >&2
fi

awk -v bin="$bin" -v mode="$mode" -v corpus="$corpus" -v seed="$seed" -v bytes="$bytes" \
    -v files="$files" -v processes="$processes" -v per="$per_process" -v claims="$claims" \
    -v errors="$errors" -v status="$status" -v wall="$wall" -v user="$user" -v sys="$sys" \
    -v rss_kb="$rss_kb" -v startup_ms="$startup_ms" -v startup_cpu_ms="$startup_cpu_ms" -v startup_rss_kb="$startup_rss_kb" \
    -v keep="$keep" -v load="$load" 'BEGIN {
    mb = bytes / 1e6
    cpu = user + sys
    startup_total = processes * startup_ms / 1000
    net = wall - startup_total
    if (net <= 0) net = 0.001
    net_cpu = cpu - processes * startup_cpu_ms / 1000
    if (net_cpu <= 0) net_cpu = 0.001
    printf "binary: %s\n", bin
    printf "mode: %s\n", mode
    printf "corpus_dir: %s\n", (keep != "" ? corpus : "(temporary, removed)")
    printf "corpus_seed: %s\n", seed
    printf "corpus_mb: %.2f\n", mb
    printf "files: %d\n", files
    printf "batch_limit_files: %d\n", per
    printf "processes: %d\n", processes
    printf "claims: %d\n", claims
    printf "tracker_errors: %d\n", errors
    printf "exit_status: %d\n", status
    printf "wall_s: %.3f\n", wall
    printf "cpu_user_s: %.3f\n", user
    printf "cpu_sys_s: %.3f\n", sys
    printf "throughput_mb_s: %.2f\n", mb / wall
    printf "throughput_mb_per_cpu_s: %.2f\n", mb / (cpu > 0 ? cpu : 0.001)
    printf "articles_per_s: %.1f\n", files / wall
    printf "startup_ms: %.3f\n", startup_ms
    printf "startup_share: %.3f\n", startup_total / wall
    printf "startup_cpu_ms: %.3f\n", startup_cpu_ms
    printf "throughput_net_of_startup_mb_s: %.2f\n", mb / net
    printf "throughput_net_of_startup_mb_per_cpu_s: %.2f\n", mb / net_cpu
    printf "load_average_1m_before: %s\n", load
    printf "peak_rss_mb: %.1f\n", rss_kb / 1024
    printf "startup_rss_mb: %.1f\n", startup_rss_kb / 1024
    printf "target_mb_s: 50\n"
    printf "target_peak_rss_mb: 100\n"
    # Per core: CPU seconds, which other load on the machine does not inflate
    # the way it inflates wall time.
    # (net of process start-up, which only matters when extract takes one file).
    printf "meets_throughput_target: %s\n", (mb / net_cpu >= 50 ? "yes" : "no")
    printf "meets_rss_target: %s\n", (rss_kb / 1024 < 100 ? "yes" : "no")
}'
[[ "$status" == 0 ]] || exit 1
