#!/usr/bin/env bash
# Concurrency on one database: four `tracker import` processes (two folders
# that overlap, one distinct, one that takes some of every other) and two
# processes generating reports over and over, all at once on one database.
#
#   bash tests/cli/run_concurrency_tests.sh <path-to-tracker> <source-dir>
#
# Each round starts from a database holding the sample articles, then:
#   - every import exits 0 with nothing on stderr, its summary reports no
#     failure, and the four summaries add up: as many imported as there
#     are distinct new articles, the rest skipped as already present;
#   - every report run exits 0, writes nothing on stderr but "wrote FILE",
#     and its JSON is
#     a whole tracker report with a claim count between the starting one
#     and the final one;
#   - afterwards the database is sound (integrity_check, foreign_key_check)
#     and holds exactly the articles of a sequential reference import of
#     the same files (none lost, none doubled), each with exactly the
#     reference's claims (tests/cli/db_state.py; paths compared by file
#     name, since each file was imported through whichever folder got there
#     first).
#
# Prints one line per round, then the totals. CONCURRENCY_ROUNDS (default 5,
# 3 under TRACKER_SANITIZED) and CONCURRENCY_ARTICLES (default 1200, 300
# under TRACKER_SANITIZED) set the size. Exits 1 on any failure.
set -u

. "$(dirname "$0")/common.sh"
take_tracker_and_source "$@"
require_tools python3 mktemp ln sort

GENERATE=$SRC/bench/generate_import_corpus.py
STATE=$SRC/tests/cli/db_state.py
SAMPLES=$SRC/sample_articles
sanitized=0
case ${TRACKER_SANITIZED:-} in 1|ON|on|TRUE|true|YES|yes) sanitized=1 ;; esac
if [ "$sanitized" -eq 1 ]; then default_articles=300 default_rounds=3; else default_articles=1200 default_rounds=5; fi
ROUNDS=${CONCURRENCY_ROUNDS:-$default_rounds}
ARTICLES=${CONCURRENCY_ARTICLES:-$default_articles}

unset TRACKER_DB
export TZ=UTC LC_ALL=C

T=$(mktemp -d "${TMPDIR:-/tmp}/tracker-concurrency.XXXXXX") || exit 2
PIDS=()
cleanup() {
    local p
    for p in ${PIDS[@]+"${PIDS[@]}"}; do kill -KILL "$p" 2>/dev/null; done
    rm -rf -- "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
    echo "FAIL: $*"
    exit 1
}

# ------------------------------------------------------------------ corpus --

[ -e "$GENERATE" ] || { echo "$GENERATE missing" >&2; exit 2; }
html_fraction=0
"$TRACKER" importers --format csv 2>/dev/null | grep -q '^html,' && html_fraction=0.2
python3 "$GENERATE" "$T/all" --articles "$ARTICLES" --html-fraction "$html_fraction" --flat >/dev/null ||
    die "the corpus generator failed"

# Four folders of hard links into all/ (the same bytes, other paths):
#   a: files [0, 45%)   b: [30%, 75%)   c: [75%, 100%)   d: every 7th file
mkdir "$T/a" "$T/b" "$T/c" "$T/d"
mapfile -t files < <(ls "$T/all" | sort)
n=${#files[@]}
[ "$n" -eq "$ARTICLES" ] || die "the generator wrote $n files, not $ARTICLES"
for i in "${!files[@]}"; do
    f=${files[$i]}
    [ $((i * 100)) -lt $((n * 45)) ] && ln "$T/all/$f" "$T/a/$f"
    [ $((i * 100)) -ge $((n * 30)) ] && [ $((i * 100)) -lt $((n * 75)) ] && ln "$T/all/$f" "$T/b/$f"
    [ $((i * 100)) -ge $((n * 75)) ] && ln "$T/all/$f" "$T/c/$f"
    [ $((i % 7)) -eq 0 ] && ln "$T/all/$f" "$T/d/$f"
done
given=0
for d in a b c d; do given=$((given + $(ls "$T/$d" | wc -l))); done

# The sequential reference: the samples, then every file once.
"$TRACKER" import --db "$T/ref.db" -q --glob "*.txt" "$SAMPLES" >/dev/null 2>"$T/ref.err" || die "reference import of the samples failed"
"$TRACKER" import --db "$T/ref.db" -q "$T/all" >"$T/ref.out" 2>>"$T/ref.err" ||
    die "reference import failed: $(cat "$T/ref.out" "$T/ref.err" | head -5)"
python3 "$STATE" dump "$T/ref.db" "$T/ref.json" --basename || die "reference dump failed"
ref_articles=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$T/ref.json")
"$TRACKER" import --db "$T/seed.db" -q --glob "*.txt" "$SAMPLES" >/dev/null || die "import of the samples failed"
sample_articles=$(ls "$SAMPLES"/*.txt | wc -l)
[ "$ref_articles" -eq $((ARTICLES + sample_articles)) ] ||
    die "the reference holds $ref_articles articles, not $ARTICLES + $sample_articles"

# report_claims JSON: the claim count of a report (comparison or overview).
report_claims() {
    python3 -c '
import json, sys
report = json.load(open(sys.argv[1]))
assert report["format"] == "tracker-report", report.get("format")
if report["kind"] == "overview":
    print(sum(s["summary"]["claims"] for s in report["sections"]))
else:
    assert report["kind"] == "comparison", report["kind"]
    print(report["summary"]["claims"])' "$1"
}

claims_in() {
    python3 -c 'import sqlite3, sys; print(sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True).execute("SELECT count(*) FROM claims").fetchone()[0])' "$1"
}

# report_loop N DB: generates reports (the killed comparison and the
# overview, alternately) until $T/imports-done exists, at least twice; each
# run's output in $T/rN-K.json, its stderr in $T/rN-K.err, its status in
# $T/rN-K.status.
report_loop() {
    local n=$1 db=$2 k=0 args
    while [ "$k" -lt 2 ] || [ ! -e "$T/imports-done" ]; do
        if [ $(((k + n) % 2)) -eq 0 ]; then args=(--metric killed); else args=(--all); fi
        "$TRACKER" report --db "$db" "${args[@]}" --format json -o "$T/r$n-$k.json" 2>"$T/r$n-$k.err" </dev/null
        echo $? >"$T/r$n-$k.status"
        k=$((k + 1))
    done
}

# ------------------------------------------------------------------ rounds --

echo "reference: $ref_articles articles ($ARTICLES generated + $sample_articles samples);" \
     "each round: 4 imports of $given files (a, b, c, d) and 2 report loops at once"
total_reports=0
for round in $(seq 1 "$ROUNDS"); do
    rm -f "$T"/t.db* "$T"/imports-done "$T"/r[0-9]-* "$T"/i[0-9].*
    cp "$T/seed.db" "$T/t.db"
    start_claims=$(claims_in "$T/t.db")
    PIDS=()
    report_loop 1 "$T/t.db" &
    PIDS+=($!)
    report_loop 2 "$T/t.db" &
    PIDS+=($!)
    # -j varies so that extraction speeds differ and writes interleave.
    i=0
    for d in a b c d; do
        i=$((i + 1))
        "$TRACKER" import --db "$T/t.db" -q -j $(( (i + round) % 2 + 1 )) "$T/$d" \
            >"$T/i$i.out" 2>"$T/i$i.err" </dev/null &
        PIDS+=($!)
    done
    import_failed=
    for i in 1 2 3 4; do
        wait "${PIDS[$((i + 1))]}"
        status=$?
        [ "$status" -eq 0 ] || import_failed="$import_failed import $i exited $status;"
    done
    touch "$T/imports-done"
    wait "${PIDS[0]}" "${PIDS[1]}"
    PIDS=()
    [ -z "$import_failed" ] || die "round $round:$import_failed $(cat "$T"/i[1-4].err | head -5)"
    for i in 1 2 3 4; do
        [ ! -s "$T/i$i.err" ] || die "round $round: import $i wrote to stderr: $(head -5 "$T/i$i.err")"
    done
    python3 -c '
import re, sys
given, new = int(sys.argv[1]), int(sys.argv[2])
imported = skipped = 0
for path in sys.argv[3:]:
    text = open(path).read()
    m = re.match(r"imported (\d+) articles?, skipped (\d+) already present, failed (\d+);", text)
    if not m:
        raise SystemExit("%s: no summary: %r" % (path, text))
    if m.group(3) != "0":
        raise SystemExit("%s: failures: %r" % (path, text))
    imported += int(m.group(1)); skipped += int(m.group(2))
if (imported, skipped) != (new, given - new):
    raise SystemExit("imports add up to %d imported, %d skipped; expected %d and %d" % (
        imported, skipped, new, given - new))' "$given" "$ARTICLES" "$T"/i[1-4].out ||
        die "round $round: import summaries: $(cat "$T"/i[1-4].out)"

    final_claims=$(claims_in "$T/t.db")
    reports=0
    for status_file in "$T"/r[0-9]-*.status; do
        base=${status_file%.status}
        [ "$(cat "$status_file")" -eq 0 ] ||
            die "round $round: report $(basename "$base") exited $(cat "$status_file"): $(head -3 "$base.err")"
        # Its only diagnostic is the file it wrote.
        [ "$(cat "$base.err")" = "wrote $base.json" ] ||
            die "round $round: report $(basename "$base") wrote to stderr: $(head -3 "$base.err")"
        claims=$(report_claims "$base.json") || die "round $round: report $(basename "$base") is not a whole JSON report"
        # The killed comparison counts some claims, the overview all of
        # them: either way no more than the final database holds, and an
        # overview no fewer than the start.
        [ "$claims" -le "$final_claims" ] ||
            die "round $round: report $(basename "$base") counts $claims claims, the database ends with $final_claims"
        if python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["kind"] != "overview")' "$base.json"; then
            [ "$claims" -ge "$start_claims" ] ||
                die "round $round: overview $(basename "$base") counts $claims claims, fewer than the $start_claims at the start"
        fi
        reports=$((reports + 1))
    done
    total_reports=$((total_reports + reports))

    where=$(python3 "$STATE" check "$T/t.db" "$T/ref.json" --complete --basename 2>&1) ||
        die "round $round: the database differs from the sequential reference: $where"
    [ "$where" = "articles $ref_articles" ] || die "round $round: $where, expected articles $ref_articles"
    echo "round $round: 4 imports exited 0 ($(sed -nE 's/^imported ([0-9]+) articles?, skipped ([0-9]+).*/\1+\2/p' "$T"/i[1-4].out | tr '\n' ' ')imported+skipped)," \
         "$reports reports exited 0; $ref_articles articles and $final_claims claims, equal to the sequential reference"
done
echo "$ROUNDS rounds of 4 concurrent imports and 2 report loops ($total_reports reports): passed"
