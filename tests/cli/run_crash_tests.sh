#!/usr/bin/env bash
# Crash safety of `tracker import`: imports of a generated folder are killed
# with SIGKILL at random moments, again and again, and after every kill the
# database must be sound and hold only whole articles; re-running the import
# must then end with exactly what an uninterrupted import stores.
#
#   bash tests/cli/run_crash_tests.sh <path-to-tracker> <source-dir>
#
# How it goes: one uninterrupted import of the folder is the reference (its
# wall time calibrates the kill delays). Then, in runs of CRASH_KILLS_PER_RUN
# kills (default 3) on a fresh database, the import is started on the same
# database and killed after a random delay, each later start resuming the
# killed one (so kills also land in resumed imports, in their skip phase and
# in their migrations); after the last kill of a run the import runs to the
# end. Runs alternate --jobs 1 and --jobs 2.
#
# After every kill:
#   - PRAGMA integrity_check is "ok" and foreign_key_check finds nothing;
#   - every stored article is one of the reference's (same content hash,
#     same path, URL, title, outlet, date) with exactly the reference's
#     claims (count and every field, the claimant by name);
#   - every file recorded as imported (imported_files) has its article.
# After every completed run: the export and the article list equal the
# reference's byte for byte, and the stored articles are exactly the
# reference's.
#
# Prints one line per kill (the delay and where it landed: before the
# database existed, during migrations, or how many articles were stored),
# then the totals. Exits 1 on any failure. The delays come from a seed,
# printed, that CRASH_SEED sets; CRASH_KILLS (default 24) and CRASH_ARTICLES
# (default 2000, 400 under TRACKER_SANITIZED) set the size, CRASH_BATCH_SIZE
# (default 32) the killed imports' --batch-size.
set -u

. "$(dirname "$0")/common.sh"
take_tracker_and_source "$@"
require_tools python3 cmp diff mktemp sleep date

GENERATE=$SRC/bench/generate_import_corpus.py
STATE=$SRC/tests/cli/db_state.py
sanitized=0
case ${TRACKER_SANITIZED:-} in 1|ON|on|TRUE|true|YES|yes) sanitized=1 ;; esac
if [ "$sanitized" -eq 1 ]; then default_articles=400; else default_articles=2000; fi
KILLS=${CRASH_KILLS:-24}
PER_RUN=${CRASH_KILLS_PER_RUN:-3}
ARTICLES=${CRASH_ARTICLES:-$default_articles}
KILL_BATCH=${CRASH_BATCH_SIZE:-32}
SEED=${CRASH_SEED:-$(( $(date +%s) % 100000 ))}

unset TRACKER_DB
export TZ=UTC LC_ALL=C

T=$(mktemp -d "${TMPDIR:-/tmp}/tracker-crash.XXXXXX") || exit 2
PID=
cleanup() {
    [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null
    rm -rf -- "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
    echo "FAIL: $*"
    exit 1
}

now() { date +%s.%N; }
elapsed() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }

# check_db DB REF [--complete]: tests/cli/db_state.py's checks; prints where
# the database stands ("absent", "no-schema", "schema N", "articles K").
check_db() { python3 "$STATE" check "$@"; }

# -------------------------------------------------------------- reference --

[ -e "$GENERATE" ] || { echo "$GENERATE missing" >&2; exit 2; }
html_fraction=0
"$TRACKER" importers --format csv 2>/dev/null | grep -q '^html,' && html_fraction=0.2
python3 "$GENERATE" "$T/corpus" --articles "$ARTICLES" --html-fraction "$html_fraction" >/dev/null ||
    die "the corpus generator failed"

start=$(now)
"$TRACKER" import --db "$T/ref.db" -q "$T/corpus" >"$T/ref.out" 2>"$T/ref.err" ||
    die "reference import failed: $(cat "$T/ref.out" "$T/ref.err" | head -5)"
ref_seconds=$(elapsed "$start" "$(now)")
"$TRACKER" export --db "$T/ref.db" -o "$T/ref.jsonl" || die "reference export failed"
"$TRACKER" articles --db "$T/ref.db" --format csv -o "$T/ref-articles.csv" || die "reference article list failed"
python3 "$STATE" dump "$T/ref.db" "$T/ref.json" || die "reference dump failed"
ref_articles=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$T/ref.json")
[ "$ref_articles" -eq "$ARTICLES" ] || die "the reference stored $ref_articles of $ARTICLES articles"
ref_claims=$(wc -l <"$T/ref.jsonl")
echo "reference: $ref_articles articles, $ref_claims claims in ${ref_seconds}s; seed $SEED," \
     "$KILLS kills in runs of $PER_RUN"

# ------------------------------------------------------------------ kills --

# delay_for STORED: a random delay before the kill, scaled to the work left
# (a resumed import with K of N articles stored has N-K to do): mostly in the
# middle of the import, sometimes right at its start (opening, migrations).
delay_for() {
    python3 -c '
import random, sys
seed, n, stored, total, ref = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
r = random.Random(seed * 1000 + n)
if r.random() < 0.15:
    print("%.3f" % r.uniform(0.0, 0.03))
else:
    left = max(0.05, ref * (total - stored) / total)
    print("%.3f" % r.uniform(0.02, left * 1.05))' "$SEED" "$1" "$2" "$ARTICLES" "$ref_seconds"
}

kills=0 late=0 attempts=0 runs=0
landed_none=0 landed_schema=0 landed_mid=0 landed_all=0
max_attempts=$((KILLS * 4))
while [ "$kills" -lt "$KILLS" ]; do
    runs=$((runs + 1))
    jobs=$(( (runs % 2) + 1 ))
    rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm"
    stored=0
    in_run=0
    while [ "$in_run" -lt "$PER_RUN" ] && [ "$kills" -lt "$KILLS" ]; do
        attempts=$((attempts + 1))
        [ "$attempts" -le "$max_attempts" ] ||
            die "only $kills of $KILLS kills hit a running import in $attempts attempts: the corpus is too small"
        delay=$(delay_for "$attempts" "$stored")
        # Small write groups (--batch-size): a kill then usually finds some
        # groups committed and one being written, whatever the machine's
        # speed; with the default (256 articles) most of a 2,000-article
        # import is a handful of commits, and many kills land before the
        # first or after the last.
        "$TRACKER" import --db "$T/k.db" -q -j "$jobs" --batch-size "$KILL_BATCH" "$T/corpus" \
            >"$T/k.out" 2>"$T/k.err" </dev/null &
        PID=$!
        sleep "$delay"
        # (An import that has just exited is a zombie until waited for: the
        # kill then "succeeds" but the status is the import's own.)
        kill -KILL "$PID" 2>/dev/null
        wait "$PID" 2>/dev/null
        status=$?
        PID=
        if [ "$status" -ne 137 ]; then
            # It finished before the kill: it must have succeeded.
            [ "$status" -eq 0 ] || die "import exited with $status: $(cat "$T/k.out" "$T/k.err" | head -5)"
            late=$((late + 1))
            echo "attempt $attempts (run $runs, -j $jobs): finished before the kill at ${delay}s"
            in_run=$PER_RUN  # complete: check it as a completed run below
            break
        fi
        kills=$((kills + 1))
        in_run=$((in_run + 1))
        where=$(check_db "$T/k.db" "$T/ref.json" 2>&1) ||
            die "kill $kills (run $runs, -j $jobs, after ${delay}s): $where"
        case $where in
            absent|no-schema)
                landed_none=$((landed_none + 1)); what="before the database had a schema" ;;
            schema*)
                landed_schema=$((landed_schema + 1)); what="during the migrations (${where/schema/version})" ;;
            articles*)
                before=$stored
                stored=${where#articles }
                if [ "$stored" -eq "$ARTICLES" ]; then
                    landed_all=$((landed_all + 1)); what="after the last article ($stored/$ARTICLES stored)"
                elif [ "$stored" -eq 0 ]; then
                    landed_schema=$((landed_schema + 1)); what="after the migrations, before the first article"
                elif [ "$stored" -eq "$before" ]; then
                    landed_mid=$((landed_mid + 1)); what="mid-import, before the resumed import stored anything new ($stored/$ARTICLES stored)"
                else
                    landed_mid=$((landed_mid + 1)); what="mid-import, $stored/$ARTICLES articles stored ($((stored - before)) by this import)"
                fi ;;
            *) die "unexpected state '$where'" ;;
        esac
        echo "kill $kills (run $runs, -j $jobs): after ${delay}s, $what; database sound, no partial article"
    done
    # Resume to the end: exactly the reference.
    "$TRACKER" import --db "$T/k.db" -q -j "$jobs" "$T/corpus" >"$T/k.out" 2>"$T/k.err" </dev/null ||
        die "run $runs: the resumed import failed: $(cat "$T/k.out" "$T/k.err" | head -5)"
    [ ! -s "$T/k.err" ] || die "run $runs: the resumed import wrote errors: $(head -5 "$T/k.err")"
    complete=$(check_db "$T/k.db" "$T/ref.json" --complete 2>&1) || die "run $runs: after resuming: $complete"
    "$TRACKER" export --db "$T/k.db" -o "$T/k.jsonl" || die "run $runs: export failed"
    cmp -s "$T/ref.jsonl" "$T/k.jsonl" ||
        die "run $runs: export after resuming differs from the uninterrupted import: $(diff "$T/ref.jsonl" "$T/k.jsonl" | head -4)"
    "$TRACKER" articles --db "$T/k.db" --format csv -o "$T/k-articles.csv" || die "run $runs: articles failed"
    cmp -s "$T/ref-articles.csv" "$T/k-articles.csv" ||
        die "run $runs: article list after resuming differs: $(diff "$T/ref-articles.csv" "$T/k-articles.csv" | head -4)"
    echo "run $runs: resumed to the end: $ref_articles articles, $ref_claims claims, export identical to the reference"
done

echo "$kills kills in $runs runs ($late imports finished before their kill):" \
     "$landed_none before the schema, $landed_schema during or right after the migrations," \
     "$landed_mid mid-import, $landed_all after the last article"
[ "$landed_mid" -ge $((KILLS / 2)) ] ||
    die "only $landed_mid of $kills kills landed mid-import: the delays do not fit the import"
echo "crash tests passed"
