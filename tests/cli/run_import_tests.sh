#!/usr/bin/env bash
# End-to-end tests of `tracker import` as a whole: folders, --glob, symlink
# loops, unreadable folders, re-import, revisions, --jobs, concurrent
# imports, and imports killed part-way.
#
#   bash tests/cli/run_import_tests.sh <path-to-tracker> <source-dir>
#
# Same harness as run_cli_tests.sh: each check runs in a subshell in its own
# temporary directory ($T, working directory $T/cwd); "ok - name" / "not ok -
# name" per check, then "N passed, M failed"; exits 1 when any check failed.
# Corpora are made by bench/generate_import_corpus.py. Set KILL_ROUNDS to
# change how many killed imports the kill check makes (default 3).
set -u

. "$(dirname "$0")/common.sh"
take_tracker_and_source "$@"
require_tools python3 sqlite3 grep sed awk cmp diff mktemp sort

GENERATE=$SRC/bench/generate_import_corpus.py
SAMPLES=("$SRC"/sample_articles/*.txt)
KILL_ROUNDS=${KILL_ROUNDS:-3}

unset TRACKER_DB
export TZ=UTC LC_ALL=C

# ---------------------------------------------------------------- harness --

PASSED=0
FAILED=0
TMPDIRS=()

cleanup() {
    local d
    for d in ${TMPDIRS[@]+"${TMPDIRS[@]}"}; do
        chmod -R u+rwx -- "$d" 2>/dev/null
        rm -rf -- "$d"
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# check NAME COMMAND [ARGS...]: runs COMMAND in a subshell inside a fresh
# temporary directory; it passes when COMMAND returns 0.
check() {
    local name=$1
    shift
    local dir status
    dir=$(mktemp -d "${TMPDIR:-/tmp}/tracker-import.XXXXXX") || { echo "mktemp failed" >&2; exit 2; }
    TMPDIRS+=("$dir")
    mkdir "$dir/cwd"
    (
        T=$dir
        cd "$dir/cwd" || exit 1
        "$@"
    ) >"$dir/log" 2>&1 </dev/null
    status=$?
    if [ "$status" -eq 0 ]; then
        PASSED=$((PASSED + 1))
        echo "ok - $name"
        grep '^# ' "$dir/log"  # notes a check wants shown even when it passes
    else
        FAILED=$((FAILED + 1))
        echo "not ok - $name"
        sed -e 's/^/#   /' "$dir/log" | head -n 60
    fi
    chmod -R u+rwx -- "$dir" 2>/dev/null
    rm -rf -- "$dir"
}

# run ARGS...: runs tracker; stdout in $T/out, stderr in $T/err, status in RC.
run() {
    CMD="tracker $*"
    "$TRACKER" "$@" >"$T/out" 2>"$T/err" </dev/null
    RC=$?
}

show_output() {
    echo "--- stdout:"
    head -n 15 "$T/out"
    echo "--- stderr:"
    head -n 15 "$T/err"
}

want_status() {
    if [ "$RC" -ne "$1" ]; then
        echo "$CMD: expected exit status $1, got $RC"
        show_output
        return 1
    fi
}

# has FILE TEXT...: FILE contains every TEXT (fixed strings).
has() {
    local file=$1 text
    shift
    for text in "$@"; do
        if ! grep -qF -- "$text" "$file"; then
            echo "$(basename "$file") of '$CMD' does not contain: $text"
            echo "--- $(basename "$file"):"
            head -n 20 "$file"
            return 1
        fi
    done
}

fail() {
    echo "$*"
    return 1
}

# summary_counts: "imported skipped failed" from the import summary in $T/out.
summary_counts() {
    sed -nE 's/^imported ([0-9]+) articles?, skipped ([0-9]+) already present, failed ([0-9]+);.*/\1 \2 \3/p' "$T/out" | head -n 1
}

# want_counts "I S F": the last import's summary says so.
want_counts() {
    local counts
    counts=$(summary_counts)
    [ "$counts" = "$1" ] || fail "$CMD: summary should count '$1' (imported skipped failed), got '$(cat "$T/out")'"
}

# generate DIR N [ARGS...]: N generated articles under DIR.
generate() {
    local dir=$1 n=$2
    shift 2
    python3 "$GENERATE" "$dir" --articles "$n" "$@" >/dev/null || fail "generator failed"
}

# has_html_reader: the html reader is in the list (text-only corpora otherwise).
has_html_reader() {
    "$TRACKER" importers --format csv 2>/dev/null | grep -q '^html,'
}

# claim_counts DB: "path count" per stored article, sorted.
claim_counts() {
    sqlite3 "$1" "SELECT a.path || ' ' || (SELECT count(*) FROM claims c WHERE c.article_id = a.id)
                  FROM articles a ORDER BY a.path"
}

# export_db DB OUT: every claim as JSONL.
export_db() {
    "$TRACKER" export --db "$1" -o "$2" || fail "export of $1 failed"
}

# article FILE URL PUBLISHED BODY: writes a text article.
article() {
    printf 'Title: %s\nOutlet: Test Wire\nURL: %s\nPublished: %s\n\n%s\n' \
        "$(basename "$1")" "$2" "$3" "$4" >"$1"
}

# ------------------------------------------------------------ importers --

t_importers_lists_readers() {
    run importers
    want_status 0 || return 1
    has "$T/out" text "plain-text" || return 1
    run importers --format json
    want_status 0 || return 1
    python3 -c '
import json, sys
readers = json.load(open(sys.argv[1]))
names = [r["name"] for r in readers]
assert "text" in names, names
assert all(r["description"] for r in readers), readers
assert len(set(names)) == len(names), names' "$T/out" || fail "importers --format json: $(cat "$T/out")"
}

t_unknown_importer() {
    run import --db "$T/t.db" --importer no-such-reader "${SAMPLES[0]}"
    want_status 2 || return 1
    has "$T/err" "no-such-reader" "text" || return 1
    [ ! -s "$T/out" ] || fail "stdout should be empty: $(cat "$T/out")"
}

t_forced_importer() {
    # A header-less file with an unknown extension: no reader claims it...
    printf 'The ministry said 12 people were killed on Friday.\n' >"$T/plain.dat"
    run import --db "$T/t.db" --published 2023-10-21 "$T/plain.dat"
    want_status 1 || return 1
    has "$T/err" "$T/plain.dat: " || return 1
    # ...and --importer text reads it.
    run import --db "$T/t.db" --published 2023-10-21 --importer text "$T/plain.dat"
    want_status 0 || return 1
    want_counts "1 0 0"
}

# --------------------------------------------------------------- folders --

make_tree() {
    mkdir -p "$T/tree/b/deep" "$T/tree/a" "$T/tree/.hidden"
    cp "${SAMPLES[0]}" "$T/tree/b/deep/z.txt"
    cp "${SAMPLES[1]}" "$T/tree/a/y.txt"
    cp "${SAMPLES[2]}" "$T/tree/x.txt"
    cp "${SAMPLES[3]}" "$T/tree/.hidden/w.txt"
    cp "${SAMPLES[4]}" "$T/tree/b/v.md"
    printf 'not an article\n' >"$T/tree/a/notes.log"
}

t_folder_glob() {
    make_tree
    run import --db "$T/t.db" --glob '*.txt' "$T/tree"
    want_status 0 || return 1
    want_counts "3 0 0" || return 1
    [ ! -s "$T/err" ] || fail "stderr should be empty without a terminal: $(cat "$T/err")" || return 1
    # Walked in sorted order: a/, b/deep/, then x.txt; hidden folders skipped.
    local paths
    paths=$(sqlite3 "$T/t.db" "SELECT path FROM articles ORDER BY id" | tr '\n' ' ')
    [ "$paths" = "$T/tree/a/y.txt $T/tree/b/deep/z.txt $T/tree/x.txt " ] ||
        fail "articles in the wrong order or set: $paths"
    # Two patterns: either matches.
    run import --db "$T/t.db" --glob '*.txt' --glob '*.md' "$T/tree"
    want_status 0 || return 1
    want_counts "1 3 0"
}

t_folder_unreadable_file_fails() {
    make_tree
    run import --db "$T/t.db" "$T/tree"
    want_status 1 || return 1
    want_counts "4 0 1" || return 1
    has "$T/err" "$T/tree/a/notes.log: " || return 1
    [ "$(wc -l <"$T/err")" -eq 1 ] || fail "one failure line expected: $(cat "$T/err")"
}

t_symlink_loop() {
    make_tree
    ln -s .. "$T/tree/b/deep/up"        # a folder loop
    ln -s self "$T/tree/a/self"          # a link to itself
    ln -s missing.txt "$T/tree/broken.txt"
    run import --db "$T/t.db" --glob '*.txt' --glob '*.md' "$T/tree"
    want_status 1 || return 1
    want_counts "4 0 3" || return 1
    has "$T/err" "$T/tree/b/deep/up: symlink loop" "$T/tree/a/self: symlink loop" \
        "$T/tree/broken.txt: broken symbolic link" || return 1
    # The loop given directly on the command line fails the same way.
    run import --db "$T/t.db" "$T/tree/a/self"
    want_status 1 || return 1
    has "$T/err" "$T/tree/a/self: symlink loop"
}

t_unreadable_folder() {
    make_tree
    mkdir "$T/tree/locked"
    cp "${SAMPLES[5]}" "$T/tree/locked/u.txt"
    chmod 000 "$T/tree/locked"
    local prefix=()
    if [ "$(id -u)" -eq 0 ]; then
        # Root reads any folder: drop the capabilities that let it.
        if setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all true 2>/dev/null; then
            prefix=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-all)
        else
            echo "# skipped: running as root and setpriv cannot drop CAP_DAC_OVERRIDE here"
            return 0
        fi
    fi
    CMD="${prefix[*]} tracker import --glob *.txt $T/tree"
    "${prefix[@]}" "$TRACKER" import --db "$T/t.db" --glob '*.txt' "$T/tree" >"$T/out" 2>"$T/err" </dev/null
    RC=$?
    want_status 1 || return 1
    want_counts "3 0 1" || return 1
    has "$T/err" "$T/tree/locked: cannot read directory" || return 1
    [ "$(wc -l <"$T/err")" -eq 1 ] || fail "one failure line expected: $(cat "$T/err")"
}

# ------------------------------------------------------------- re-import --

t_reimport_skipped() {
    generate "$T/corpus" 60
    run import --db "$T/t.db" "$T/corpus"
    want_status 0 || return 1
    want_counts "60 0 0" || return 1
    export_db "$T/t.db" "$T/first.jsonl" || return 1
    run import --db "$T/t.db" -j 1 "$T/corpus"
    want_status 0 || return 1
    want_counts "0 60 0" || return 1
    export_db "$T/t.db" "$T/second.jsonl" || return 1
    cmp -s "$T/first.jsonl" "$T/second.jsonl" || fail "export changed after the re-import" || return 1
    # The same files under other names: the same bytes, skipped whole.
    cp -r "$T/corpus" "$T/copy"
    run import --db "$T/t.db" "$T/copy"
    want_status 0 || return 1
    want_counts "0 60 0" || return 1
    [ "$(sqlite3 "$T/t.db" 'SELECT count(*) FROM articles')" -eq 60 ] || fail "articles doubled"
}

# ------------------------------------------------------------- revisions --

t_revision() {
    local url=https://example.org/live/gaza
    article "$T/v1.txt" "$url" 2023-10-21 "The Gaza Health Ministry said on Friday that 4,137 Palestinians had been killed."
    run import --db "$T/t.db" "$T/v1.txt"
    want_status 0 || return 1
    want_counts "1 0 0" || return 1
    # The page changed: same URL, corrected figure.
    article "$T/v2.txt" "$url" 2023-10-21 "The Gaza Health Ministry said on Friday that 4,385 Palestinians had been killed."
    run import --db "$T/t.db" "$T/v2.txt"
    want_status 0 || return 1
    want_counts "1 0 0" || return 1
    has "$T/out" "1 new revision" || return 1
    run query --db "$T/t.db" --metric killed --format json
    want_status 0 || return 1
    python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
values = sorted(r["value"] for r in rows)
assert values == [4385], values' "$T/out" || fail "query should show only the latest revision: $(cat "$T/out")" || return 1
    run query --db "$T/t.db" --metric killed --as-of 2023-10-31 --format json
    want_status 0 || return 1
    grep -q 4137 "$T/out" && fail "query --as-of shows the replaced revision: $(cat "$T/out")" && return 1
    has "$T/out" 4385 || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    has "$T/out" '"value":4385' || return 1
    grep -q '"value":4137' "$T/out" && fail "export shows the replaced revision" && return 1
    # Both revisions are stored; the old content again is already present.
    [ "$(sqlite3 "$T/t.db" 'SELECT count(*) FROM articles')" -eq 2 ] || fail "two revisions should be stored" || return 1
    cp "$T/v1.txt" "$T/v1-again.txt"
    run import --db "$T/t.db" "$T/v1-again.txt"
    want_status 0 || return 1
    want_counts "0 1 0" || return 1
    run export --db "$T/t.db"
    has "$T/out" '"value":4385' || return 1
    # Every revision on request, and the list of articles says which replaced which.
    run export --db "$T/t.db" --all-revisions --format csv
    want_status 0 || return 1
    has "$T/out" ',4137,' ',4385,' || return 1
    run articles --db "$T/t.db" --format json
    python3 -c '
import json, sys
rows = {r["id"]: r for r in json.load(open(sys.argv[1]))}
assert rows[1]["replaced_by"] == 2 and rows[2]["replaced_by"] is None, rows' "$T/out" ||
        fail "articles should show revision 1 replaced by 2: $(cat "$T/out")" || return 1
    run articles --db "$T/t.db"
    has "$T/out" "replaced_by"
}

# ------------------------------------------------------------------ jobs --

t_jobs_identical() {
    if has_html_reader; then
        generate "$T/corpus" 300 --html-fraction 0.4
    else
        echo "# html reader not in the list yet: text-only corpus"
        generate "$T/corpus" 300 --html-fraction 0
    fi
    printf 'garbage\n' >"$T/corpus/zz-bad.bin"  # one failure, in order too
    local jobs
    for jobs in 1 2 3; do
        run import --db "$T/j$jobs.db" -j "$jobs" "$T/corpus"
        want_status 1 || return 1
        want_counts "300 0 1" || return 1
        cp "$T/out" "$T/summary$jobs"
        cp "$T/err" "$T/err$jobs"
        export_db "$T/j$jobs.db" "$T/export$jobs.jsonl" || return 1
    done
    for jobs in 2 3; do
        cmp -s "$T/export1.jsonl" "$T/export$jobs.jsonl" ||
            fail "--jobs $jobs export differs from --jobs 1: $(diff "$T/export1.jsonl" "$T/export$jobs.jsonl" | head -5)" || return 1
        cmp -s "$T/err1" "$T/err$jobs" || fail "--jobs $jobs stderr differs" || return 1
        diff <(sed "s/j$jobs.db/jN.db/" "$T/summary$jobs") <(sed "s/j1.db/jN.db/" "$T/summary1") >/dev/null ||
            fail "--jobs $jobs summary differs" || return 1
    done
    [ -s "$T/export1.jsonl" ] || fail "no claims exported" || return 1
    # Committing each article on its own, or in small groups, stores the same.
    local size
    for size in 1 7; do
        run import --db "$T/b$size.db" -j 2 --batch-size "$size" "$T/corpus"
        want_status 1 || return 1
        want_counts "300 0 1" || return 1
        export_db "$T/b$size.db" "$T/exportb$size.jsonl" || return 1
        cmp -s "$T/export1.jsonl" "$T/exportb$size.jsonl" ||
            fail "--batch-size $size export differs: $(diff "$T/export1.jsonl" "$T/exportb$size.jsonl" | head -5)" || return 1
    done
}

# ------------------------------------------------------------- progress --

t_progress_only_on_terminal() {
    generate "$T/corpus" 40 --html-fraction 0
    run import --db "$T/a.db" "$T/corpus"
    want_status 0 || return 1
    [ ! -s "$T/err" ] || fail "progress written to a non-terminal: $(cat "$T/err")" || return 1
    if ! command -v script >/dev/null; then
        echo "# skipped the terminal half: no 'script' command"
        return 0
    fi
    script -qec "'$TRACKER' import --db '$T/b.db' '$T/corpus' 2>&1 >/dev/null" /dev/null >"$T/tty" </dev/null
    grep -q '40/40 files' "$T/tty" ||
        fail "no progress bar on a terminal: $(tr '\r' '\n' <"$T/tty" | head -5)" || return 1
    script -qec "'$TRACKER' import --quiet --db '$T/c.db' '$T/corpus' 2>&1 >/dev/null" /dev/null >"$T/quiet" </dev/null
    ! grep -q ' files' "$T/quiet" || fail "--quiet still shows progress"
}

# ------------------------------------------------------------ concurrent --

t_concurrent_imports() {
    generate "$T/all" 800 --html-fraction 0 --flat
    # Two overlapping folders: files 0-499 and 300-799.
    mkdir "$T/one" "$T/two"
    local i=0 f
    for f in $(ls "$T/all" | sort); do
        [ "$i" -lt 500 ] && ln -s "$T/all/$f" "$T/one/$f"
        [ "$i" -ge 300 ] && ln -s "$T/all/$f" "$T/two/$f"
        i=$((i + 1))
    done
    "$TRACKER" import --db "$T/ref.db" -q "$T/all" >/dev/null || fail "reference import failed" || return 1
    "$TRACKER" import --db "$T/t.db" -q -j 1 "$T/one" >"$T/out1" 2>"$T/err1" &
    local p1=$!
    "$TRACKER" import --db "$T/t.db" -q -j 1 "$T/two" >"$T/out2" 2>"$T/err2" &
    local p2=$!
    wait "$p1"; local s1=$?
    wait "$p2"; local s2=$?
    [ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] ||
        fail "both imports should succeed: $s1 $s2; $(cat "$T/err1" "$T/err2" | head -5)" || return 1
    python3 -c '
import re, sys
total_imported = total_skipped = 0
for path in sys.argv[1:3]:
    m = re.match(r"imported (\d+) articles?, skipped (\d+) already present, failed (\d+)", open(path).read())
    assert m, open(path).read()
    total_imported += int(m.group(1)); total_skipped += int(m.group(2))
    assert m.group(3) == "0"
assert (total_imported, total_skipped) == (800, 200), (total_imported, total_skipped)' "$T/out1" "$T/out2" ||
        fail "imports should add up to 800 imported, 200 skipped: $(cat "$T/out1" "$T/out2")" || return 1
    local got want
    got=$(claim_counts "$T/t.db" | sed 's|/one/|/X/|; s|/two/|/X/|' | sort)
    want=$(claim_counts "$T/ref.db" | sed 's|/all/|/X/|' | sort)
    [ "$got" = "$want" ] || fail "articles or claims lost or doubled: $(diff <(echo "$want") <(echo "$got") | head -5)" || return 1
    [ "$(sqlite3 "$T/t.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed"
}

# ------------------------------------------------------------------ kill --

t_kill_and_resume() {
    generate "$T/corpus" 4000 --html-fraction 0
    "$TRACKER" import --db "$T/ref.db" -q "$T/corpus" >/dev/null || fail "reference import failed" || return 1
    claim_counts "$T/ref.db" >"$T/ref.counts"
    export_db "$T/ref.db" "$T/ref.jsonl" || return 1
    local round delay killed_mid=0
    for round in $(seq 1 "$KILL_ROUNDS"); do
        rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm"
        delay=$(python3 -c 'import random; print("%.2f" % random.uniform(0.2, 1.5))')
        "$TRACKER" import --db "$T/k.db" -q "$T/corpus" >/dev/null 2>&1 &
        local pid=$!
        sleep "$delay"
        if kill -KILL "$pid" 2>/dev/null; then killed_mid=$((killed_mid + 1)); fi
        wait "$pid" 2>/dev/null
        if [ -e "$T/k.db" ]; then
            [ "$(sqlite3 "$T/k.db" 'PRAGMA integrity_check')" = ok ] ||
                fail "round $round: integrity_check failed after kill at ${delay}s" || return 1
            # Every stored article has all its claims: its count is the
            # clean run's.
            claim_counts "$T/k.db" >"$T/k.counts"
            local partial
            partial=$(comm -23 "$T/k.counts" "$T/ref.counts")
            [ -z "$partial" ] || fail "round $round: articles with partial claims: $(echo "$partial" | head -3)" || return 1
            echo "# round $round: killed after ${delay}s with $(wc -l <"$T/k.counts") of 4000 articles stored"
        fi
        run import --db "$T/k.db" -q "$T/corpus"
        want_status 0 || return 1
        export_db "$T/k.db" "$T/k.jsonl" || return 1
        cmp -s "$T/ref.jsonl" "$T/k.jsonl" ||
            fail "round $round: export after resuming differs from an uninterrupted import" || return 1
        [ "$(sqlite3 "$T/k.db" 'SELECT count(*) FROM articles')" -eq 4000 ] || fail "round $round: article count" || return 1
    done
    [ "$killed_mid" -gt 0 ] || fail "no import was still running when killed: the corpus is too small"
}

# ------------------------------------------------------------------ run all --

if [ ! -e "${SAMPLES[0]}" ] || [ ! -e "$GENERATE" ]; then
    echo "sample articles or $GENERATE missing" >&2
    exit 2
fi

check "importers lists the readers" t_importers_lists_readers
check "--importer with an unknown name exits 2 and lists the names" t_unknown_importer
check "--importer forces a reader" t_forced_importer
check "folder import: recursive, sorted, --glob" t_folder_glob
check "folder import: a file no reader takes is a failure" t_folder_unreadable_file_fails
check "symlink loops and broken links are failures, not crashes" t_symlink_loop
check "unreadable folder is a failure" t_unreadable_folder
check "re-import: all skipped, export unchanged" t_reimport_skipped
check "same URL, changed content: new revision, queries see the latest" t_revision
check "--jobs 1, 2, 3 and --batch-size 1, 7: identical exports and messages" t_jobs_identical
check "progress bar only on a terminal, not with --quiet" t_progress_only_on_terminal
check "two concurrent imports: nothing lost or doubled" t_concurrent_imports
check "import killed part-way: consistent, then completed by a re-run" t_kill_and_resume

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
