#!/usr/bin/env bash
# Hostile input for the real `tracker` binary: huge files, a huge line, a
# million numbers, deeply nested HTML, entity bombs, NUL bytes, overlong
# UTF-8, invisible characters and Arabic-Indic digits around numbers, and
# strings that try to become formulas, links or markup in the outputs.
#
#   bash tests/cli/run_hostile_tests.sh <path-to-tracker> <source-dir>
#
# Every run must end by itself with status 0 or 1 (a refusal is one line on
# stderr naming the file and the reason), never by a signal or a sanitizer
# report, within its time limit, and with a bounded peak RSS (GNU time's
# "maximum resident set size"; Debian package `time`).
#
# Sizes and limits:
#   - the big text file is 50 MB, or 200 MB with TRACKER_SLOW_TESTS=1;
#   - peak RSS must stay under HOSTILE_RSS_LIMIT_MB (default 1536, i.e.
#     1.5 GB) for every run, and under 12x the input size + 64 MB for text
#     articles (tracker holds an article in memory several times over: the
#     file, its body, the body folded for matching, the stored copy; 50 MB
#     takes about 530 MB). So the 200 MB file must stay under 1.5 GB;
#   - each run is stopped after HOSTILE_TIMEOUT seconds (default 60; the
#     big file gets 4x) and counts as a hang;
#   - TRACKER_SANITIZED=1 (set by the TRACKER_SANITIZE build) keeps every
#     check but does not judge RSS (AddressSanitizer's shadow memory and
#     quarantine inflate it), multiplies the time limits by 5 and uses a
#     10 MB big file.
#
# Each check runs in a subshell with its own fresh temporary directory ($T,
# removed when the check ends and, failing that, by the EXIT trap), as in
# run_cli_tests.sh. Prints "ok - name" / "not ok - name" (with details) and
# "# note: ..." lines for behaviour worth knowing (what the extractor does
# with Arabic-Indic digits, say), then "N passed, M failed"; exits 1 when
# any check failed.
set -u

. "$(dirname "$0")/common.sh"
take_tracker_and_source "$@"
if [ ! -d "$SRC/tests/cli" ]; then
    echo "$0: $SRC is not the tracker source tree" >&2
    exit 2
fi
TIME=/usr/bin/time
require_tools python3 grep sed timeout mktemp "$TIME"

unset TRACKER_DB
export TZ=UTC LC_ALL=C
# Lexicon files of the user running the tests must not change what is read.
export XDG_CONFIG_HOME=/nonexistent

SANITIZED=${TRACKER_SANITIZED:-0}
RSS_LIMIT_MB=${HOSTILE_RSS_LIMIT_MB:-1536}
TIMEOUT=${HOSTILE_TIMEOUT:-60}
BIG_MB=50
[ "${TRACKER_SLOW_TESTS:-0}" = 1 ] && BIG_MB=200
if [ "$SANITIZED" = 1 ]; then
    TIMEOUT=$((TIMEOUT * 5))
    BIG_MB=10
fi

# ---------------------------------------------------------------- harness --

PASSED=0
FAILED=0
TMPDIRS=()

cleanup() {
    local d
    for d in ${TMPDIRS[@]+"${TMPDIRS[@]}"}; do rm -rf -- "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# check NAME COMMAND [ARGS...]: runs COMMAND in a subshell inside a fresh
# temporary directory; it passes when COMMAND returns 0. Lines the check
# prints that start with "# note:" are shown either way.
check() {
    local name=$1
    shift
    local dir status
    dir=$(mktemp -d "${TMPDIR:-/tmp}/tracker-hostile.XXXXXX") || { echo "mktemp failed" >&2; exit 2; }
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
        grep '^# note:' "$dir/log"
    else
        FAILED=$((FAILED + 1))
        echo "not ok - $name"
        sed -e 's/^/#   /' "$dir/log" | head -n 60
    fi
    rm -rf -- "$dir"
}

# run [--limit SECONDS] ARGS...: runs tracker under GNU time and timeout;
# stdout in $T/out, stderr in $T/err, status in RC, peak RSS in RSS_KB,
# wall time in SECONDS_TAKEN. A run still going after the limit is sent
# SIGTERM (then SIGKILL) and RC is 124.
run() {
    local limit=$TIMEOUT
    if [ "$1" = --limit ]; then
        limit=$2
        shift 2
    fi
    CMD="tracker $*"
    "$TIME" -f '%M %e' -o "$T/time" timeout -k 5 "$limit" "$TRACKER" "$@" >"$T/out" 2>"$T/err" </dev/null
    RC=$?
    read -r RSS_KB SECONDS_TAKEN < <(tail -n 1 "$T/time")
    case $RSS_KB in ''|*[!0-9]*) RSS_KB=0 ;; esac
}

show_output() {
    echo "--- stdout ($(wc -c <"$T/out") bytes):"
    head -c 1500 "$T/out" | head -n 10
    echo "--- stderr:"
    head -c 3000 "$T/err" | head -n 30
}

fail() {
    echo "$*"
    return 1
}

# survived: the last run ended by itself with status 0 or 1, without a
# sanitizer report, in time.
survived() {
    if [ "$RC" -eq 124 ]; then
        fail "$CMD: still running after its time limit (a hang), peak RSS ${RSS_KB} KB"
        show_output
        return 1
    fi
    if [ "$RC" -gt 128 ]; then
        fail "$CMD: killed by signal $((RC - 128))"
        show_output
        return 1
    fi
    if [ "$RC" -ne 0 ] && [ "$RC" -ne 1 ]; then
        fail "$CMD: exit status $RC, want 0 or 1"
        show_output
        return 1
    fi
    if grep -qE '^(==[0-9]+==ERROR|SUMMARY: (Address|Undefined|Leak)Sanitizer)|runtime error:' "$T/err"; then
        fail "$CMD: sanitizer report"
        show_output
        return 1
    fi
}

# want_status N: the last run exited with N (after surviving).
want_status() {
    survived || return 1
    if [ "$RC" -ne "$1" ]; then
        echo "$CMD: expected exit status $1, got $RC"
        show_output
        return 1
    fi
}

# rss_below MB: the last run's peak RSS stayed under MB (and the global limit).
rss_below() {
    local limit_mb=$1
    [ "$limit_mb" -gt "$RSS_LIMIT_MB" ] && limit_mb=$RSS_LIMIT_MB
    if [ "$SANITIZED" = 1 ]; then
        echo "# note: $CMD: peak RSS $((RSS_KB / 1024)) MB under the sanitizers (not judged)"
        return 0
    fi
    if [ "$RSS_KB" -ge $((limit_mb * 1024)) ]; then
        fail "$CMD: peak RSS $((RSS_KB / 1024)) MB, limit ${limit_mb} MB"
        return 1
    fi
}

# one_line_refusal FILE-NAME WORDS-REGEX: the run refused its input (exit 1)
# with exactly one line on stderr that names the file and matches the regex.
one_line_refusal() {
    want_status 1 || return 1
    local lines
    lines=$(grep -c '' "$T/err")
    if [ "$lines" -ne 1 ]; then
        fail "$CMD: want one line on stderr, got $lines"
        show_output
        return 1
    fi
    grep -qF -- "$1" "$T/err" || { fail "$CMD: stderr does not name $1: $(cat "$T/err")"; return 1; }
    grep -qiE -- "$2" "$T/err" || { fail "$CMD: stderr does not say /$2/: $(cat "$T/err")"; return 1; }
}

# import summary: "imported N articles, skipped N ..., failed N; stored N claims in DB"
summary_counts() {
    sed -n 's/^imported \([0-9]*\) articles\{0,1\}, skipped \([0-9]*\) already present, failed \([0-9]*\).*/\1 \2 \3/p' "$T/out" "$T/err" | head -n 1
}

# py SCRIPT ARGS...: python3 with the shared helpers; SCRIPT ends with done().
PY_PRELUDE='
import csv, io, json, re, sys
errors = []
def err(msg):
    errors.append(str(msg))
def done():
    for e in errors[:25]:
        print(e)
    sys.exit(1 if errors else 0)
def note(msg):
    print("# note: " + msg)
def claims_of(path):
    rows = []
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line.decode("utf-8")))
            except (ValueError, UnicodeDecodeError) as e:
                err("line %d of the output is not UTF-8 JSON (%s): %r" % (n, e, line[:200]))
    return rows
def check_spans(claims, body):
    """Spans are byte offsets into the body, on UTF-8 boundaries."""
    for c in claims:
        a, b = c["span_start"], c["span_end"]
        if not (0 <= a < b <= len(body)):
            err("span %d..%d outside the body (%d bytes)" % (a, b, len(body)))
            continue
        try:
            body[a:b].decode("utf-8")
        except UnicodeDecodeError:
            err("span %d..%d cuts a UTF-8 sequence: %r" % (a, b, body[max(0, a - 4):b + 4]))
'
py() {
    local script=$1
    shift
    python3 -c "$PY_PRELUDE
$script" "$@"
}

# article FILE BODY-FILE: writes a text article with a header around BODY-FILE.
HEADER=$'Title: Hostile input\nOutlet: Test Wire\nPublished: 2023-10-23\n\n'
article() {
    { printf '%s' "$HEADER"; cat "$2"; } >"$1"
}

# ------------------------------------------------------------ huge inputs --

# A long article: the same report paragraphs over and over (one source,
# numbers, back-references, dates). Whatever tracker does with it (read it
# or refuse it with a message), memory stays bounded and it ends.
t_big_text() {
    python3 - "$T/big.txt" "$BIG_MB" <<'EOF' || return 1
import sys
path, mb = sys.argv[1], int(sys.argv[2])
paragraphs = [
    "Gaza's Health Ministry said on Monday that 5,087 people had been killed, including 2,055 children.",
    "The ministry said the toll was rising. It said 15,273 people had been wounded since October 7.",
    "About 1.4 million people have been displaced in the territory, the ministry said on Tuesday.",
]
block = ("\n\n".join(paragraphs) + "\n\n").encode()
with open(path, "wb") as f:
    f.write(b"Title: A very long article\nOutlet: Test Wire\nPublished: 2023-10-23\n\n")
    for _ in range(mb * 1024 * 1024 // len(block)):
        f.write(block)
EOF
    local size_mb=$(( $(stat -c %s "$T/big.txt") / 1048576 ))
    run --limit $((TIMEOUT * 4)) extract "$T/big.txt"
    survived || return 1
    if [ "$RC" -eq 0 ]; then
        [ -s "$T/out" ] || fail "extract read ${size_mb} MB and found no claim" || return 1
        echo "# note: extract read a ${size_mb} MB article in ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB, $(grep -c '' "$T/out") claims"
    else
        one_line_refusal big.txt 'too large|size|limit' || return 1
        echo "# note: extract refused a ${size_mb} MB article: $(cat "$T/err")"
    fi
    rss_below $((size_mb * 12 + 64)) || return 1
    # import stores the article with its claims (or refuses it the same way).
    rm -f "$T/out"
    run --limit $((TIMEOUT * 4)) import --db "$T/t.db" "$T/big.txt"
    survived || return 1
    echo "# note: import of ${size_mb} MB: status $RC in ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB"
    rss_below $((size_mb * 12 + 64))
}

# A long live blog quoting two sources in turn, 20,000 attributed
# sentences (2 MB): the time to read it must grow with its length, not with
# its square (each sentence may look back at the sources named before it).
t_many_sources() {
    python3 - "$T/blog.txt" <<'EOF' || return 1
import sys
pair = ("Gaza's Health Ministry said on Monday that 5,087 people had been killed, including 2,055 children. "
        "The Israeli military said 222 hostages were being held in Gaza, and at least 30 people were injured.\n\n")
with open(sys.argv[1], "w") as f:
    f.write("Title: Live blog\nOutlet: Test Wire\nPublished: 2023-10-23\n\n" + pair * 10000)
EOF
    run --limit $((TIMEOUT / 4)) extract "$T/blog.txt"
    want_status 0 || return 1
    rss_below 256 || return 1
    echo "# note: 20,000 attributed sentences: ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB"
}

# One line of 10 MB: no sentence or paragraph end at all.
t_long_line() {
    python3 - "$T/line.txt" <<'EOF' || return 1
import sys
words = "officials said that 300 people were killed and many more hurt in the strikes on the city "
line = (words * (10 * 1024 * 1024 // len(words) + 1))[:10 * 1024 * 1024]
with open(sys.argv[1], "w") as f:
    f.write("Title: One line\nOutlet: Test Wire\nPublished: 2023-10-23\n\n" + line + "\n")
EOF
    run extract "$T/line.txt"
    survived || return 1
    rss_below $((10 * 12 + 64)) || return 1
    echo "# note: a 10 MB line: status $RC in ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB, $(grep -c '' "$T/out") claims"
    [ "$RC" -eq 0 ] || one_line_refusal line.txt 'long|size|limit'
}

# A million small numbers, 1,000 to a line, and the same as one line.
t_million_numbers() {
    python3 - "$T/numbers.txt" "$T/numbers-line.txt" <<'EOF' || return 1
import sys
head = "Title: Numbers\nOutlet: Test Wire\nPublished: 2023-10-23\n\n"
numbers = [str(i % 97 + 1) for i in range(1000000)]
with open(sys.argv[1], "w") as f:
    f.write(head)
    for i in range(0, len(numbers), 1000):
        f.write(", ".join(numbers[i:i + 1000]) + " people were killed.\n")
with open(sys.argv[2], "w") as f:
    f.write(head + " ".join(numbers) + " people were killed.\n")
EOF
    local file
    for file in numbers.txt numbers-line.txt; do
        run extract --explain "$T/$file"
        want_status 0 || return 1
        rss_below $(( $(stat -c %s "$T/$file") * 12 / 1048576 + 64 )) || return 1
        echo "# note: a million numbers ($file): ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB"
    done
}

# ----------------------------------------------------------------- markup --

# 100,000 nested <div>s around the article text: gumbo builds the tree, and
# whatever walks it must not recurse once per level.
t_nested_html() {
    python3 - "$T/nested.html" <<'EOF' || return 1
import sys
depth = 100000
with open(sys.argv[1], "w") as f:
    f.write('<!DOCTYPE html><html><head><title>Nested</title>'
            '<meta property="article:published_time" content="2023-10-23T08:00:00Z">'
            '<meta property="og:site_name" content="Test Wire"></head><body><article>')
    f.write("<div>" * depth)
    f.write("<p>The ministry said 300 people were killed on Monday.</p>")
    f.write("</div>" * depth)
    f.write("<p>Officials said 40 people were injured.</p></article></body></html>\n")
EOF
    run import --db "$T/t.db" "$T/nested.html"
    survived || return 1
    rss_below 1024 || return 1
    [ "$RC" -eq 0 ] || one_line_refusal nested.html 'nest|deep|depth' || return 1
    echo "# note: 100,000 nested divs: status $RC, $(tail -n 1 "$T/out" "$T/err" | grep -v '^==>' | grep . | head -n 1)"
}

# Deep nesting in a feed and in a JSON table.
t_nested_feed_and_json() {
    python3 - "$T/deep.rss" "$T/deep.json" <<'EOF' || return 1
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item>'
            '<title>t</title><pubDate>Mon, 23 Oct 2023 08:00:00 GMT</pubDate><description>')
    f.write("<x>" * 100000 + "300 killed" + "</x>" * 100000)
    f.write("</description></item></channel></rss>\n")
with open(sys.argv[2], "w") as f:
    f.write("[" * 100000 + "]" * 100000 + "\n")
EOF
    local file
    for file in deep.rss deep.json; do
        run import --db "$T/t.db" "$T/$file"
        survived || return 1
        rss_below 1024 || return 1
        [ "$RC" -eq 0 ] || one_line_refusal "$file" '.' || return 1
        echo "# note: $file: status $RC: $(head -c 200 "$T/err")"
    done
}

# Numbers no double holds, in a JSON table: refused as a bad file, one line.
t_json_number_overflow() {
    printf '[{"date": "2023-10-26", "metric": "killed", "value": 1e400}]\n' >"$T/overflow.json"
    printf '1e1111' >"$T/bare.json"
    local file
    for file in overflow.json bare.json; do
        run import --db "$T/t.db" "$T/$file"
        want_status 1 || return 1
        grep -q "$file" "$T/err" || fail "the refusal does not name $file: $(cat "$T/err")" || return 1
        [ "$(grep -c "$file" "$T/err")" -eq 1 ] || fail "want one line for $file: $(cat "$T/err")" || return 1
        echo "# note: $file: $(grep "$file" "$T/err")"
    done
}

# Entities: two million in a page (decoded, not expanded), and the "billion
# laughs" of entities a feed declares itself (never expanded).
t_entity_bombs() {
    python3 - "$T/entities.html" "$T/laughs.rss" <<'EOF' || return 1
import sys
with open(sys.argv[1], "w") as f:
    f.write('<!DOCTYPE html><html><head><title>Entities</title>'
            '<meta property="article:published_time" content="2023-10-23T08:00:00Z"></head><body><article><p>')
    f.write("&amp;&lt;&#x41;&#65;&nbsp;&NotNestedGreaterGreater;&#x10FFFF;&#0;&#xD800;&bogus; " * 200000)
    f.write("</p><p>The ministry said 300 people were killed.</p></article></body></html>\n")
laughs = ['<!ENTITY lol "lol">']
for i in range(1, 10):
    laughs.append('<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10))
with open(sys.argv[2], "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(laughs) + "\n]>\n")
    f.write('<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title>'
            '<pubDate>Mon, 23 Oct 2023 08:00:00 GMT</pubDate>'
            '<description>&lol9; The ministry said 300 people were killed.</description>'
            '</item></channel></rss>\n')
EOF
    run import --db "$T/t.db" "$T/entities.html"
    survived || return 1
    rss_below 1024 || return 1
    echo "# note: 2 million entities in a page: status $RC in ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB"
    run import --db "$T/t2.db" "$T/laughs.rss"
    survived || return 1
    rss_below 256 || return 1
    echo "# note: billion laughs feed: status $RC in ${SECONDS_TAKEN} s, peak RSS $((RSS_KB / 1024)) MB: $(head -c 200 "$T/err")"
    if [ "$RC" -eq 0 ]; then
        run export --db "$T/t2.db" --format jsonl
        want_status 0 || return 1
        if grep -q 'lollollollollol' "$T/out"; then
            fail "the feed's own entities were expanded: $(head -c 300 "$T/out")" || return 1
        fi
    fi
}

# ------------------------------------------------------------------ bytes --

# A NUL byte near the start is a binary file; one further on is text that
# every output must carry escaped.
t_nul_bytes() {
    printf '%sKilled: 300 people\000were killed.\n' "$HEADER" >"$T/nul-early.txt"
    run extract "$T/nul-early.txt"
    one_line_refusal nul-early.txt 'binary' || return 1
    run import --db "$T/t.db" "$T/nul-early.txt"
    want_status 1 || return 1
    python3 - "$T/nul-late.txt" <<'EOF' || return 1
import sys
filler = "Officials spoke to reporters in the city about the strikes and the aid convoys. " * 120
with open(sys.argv[1], "wb") as f:
    f.write(b"Title: NUL\nOutlet: Test Wire\nPublished: 2023-10-23\n\n" + filler.encode()
            + b"\nThe ministry said 300\x00 people were killed on Monday. The\x00 army said 40 were injured.\n")
EOF
    run extract "$T/nul-late.txt"
    survived || return 1
    if [ "$RC" -eq 0 ]; then
        py 'claims = claims_of(sys.argv[1])
body = open(sys.argv[2], "rb").read().split(b"\n\n", 1)[1].strip()
check_spans(claims, body)
note("NUL after the first 8 KiB: read as text, %d claims: %s" % (len(claims), [(c["metric"], c["value"]) for c in claims]))
done()' "$T/out" "$T/nul-late.txt" || return 1
        run import --db "$T/t.db" "$T/nul-late.txt"
        want_status 0 || return 1
        run export --db "$T/t.db" --format csv
        want_status 0 || return 1
    else
        one_line_refusal nul-late.txt 'binary|NUL'
    fi
    # A page with NUL bytes.
    printf '<html><head><title>N\000UL</title><meta property="article:published_time" content="2023-10-23"></head><body><p>The ministry said 300\000 people were killed.</p></body></html>' >"$T/nul.html"
    run import --db "$T/t3.db" "$T/nul.html"
    survived
}

# Overlong encodings ("/" as C0 AF, E0 80 AF, F0 80 80 AF), a surrogate and
# bytes past U+10FFFF are invalid UTF-8: refused, naming the byte.
t_overlong_utf8() {
    local i=0 seq
    for seq in '\300\257' '\340\200\257' '\360\200\200\257' '\355\240\200' '\364\220\200\200' '\300\200'; do
        i=$((i + 1))
        printf '%sThe ministry said 300 people were killed%b in the strikes.\n' "$HEADER" "$seq" >"$T/overlong-$i.txt"
        run extract "$T/overlong-$i.txt"
        one_line_refusal "overlong-$i.txt" 'invalid UTF-8 at byte [0-9]+' || return 1
        run import --db "$T/t.db" "$T/overlong-$i.txt"
        want_status 1 || return 1
        grep -qE "overlong-$i.txt: invalid UTF-8 at byte [0-9]+" "$T/err" ||
            fail "import of overlong-$i.txt: $(cat "$T/err")" || return 1
    done
    # In a header field too.
    printf 'Title: Bad \300\257 title\nOutlet: Test Wire\nPublished: 2023-10-23\n\nThe ministry said 300 people were killed.\n' >"$T/overlong-title.txt"
    run extract "$T/overlong-title.txt"
    one_line_refusal overlong-title.txt 'invalid UTF-8 at byte 11'
}

# Right-to-left marks, zero-width spaces and joiners, a BOM and NBSPs around
# and inside numbers. Nothing crashes, spans stay on character boundaries,
# and no figure is misread: "5<ZWSP>,000" is 5,000 or nothing, never 5.
t_invisible_characters() {
    python3 - "$T/invisible.txt" <<'EOF' || return 1
import sys
lines = [
    "The ministry said 5\u200b,000 people were killed on Monday.",
    "The army said \u200f300\u200f hostages were being held.",
    "Officials said \u200e1,200\u200e people were injured.",
    "Rescuers said 7\u200d0 people were missing.",
    "The agency said 4\u00a0500 people were displaced.",
    "The ministry said 2\u2009000 people had been killed.",
    "Police said \ufeff900\ufeff people were detained.",
    "The ministry said \u202e0021\u202c people were killed.",
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Title: Invisible\nOutlet: Test Wire\nPublished: 2023-10-23\n\n" + "\n\n".join(lines) + "\n")
EOF
    run extract "$T/invisible.txt"
    want_status 0 || return 1
    py 'claims = claims_of(sys.argv[1])
body = open(sys.argv[2], "rb").read().split(b"\n\n", 1)[1].strip()
check_spans(claims, body)
# A number with an invisible character inside is read whole or not at all.
whole = {"5\u200b,000": ("killed", 5000), "7\u200d0": ("missing", 70), "4\u00a0500": ("displaced", 4500),
         "2\u2009000": ("killed", 2000)}
for c in claims:
    for text, (metric, value) in whole.items():
        if text in c["sentence"] and c["metric"] == metric and c["value"] != value:
            err("%r was read as %s %d" % (c["sentence"], metric, c["value"]))
note("invisible characters: " + "; ".join("%s -> %s %s" % (c["sentence"].encode("unicode_escape").decode()[:50], c["metric"], c["value"]) for c in claims))
if not any(c["metric"] == "hostages_held" and c["value"] == 300 for c in claims):
    note("\"<RLM>300<RLM> hostages were being held\" gives no claim (a mark between a number and its noun hides the noun)")
done()' "$T/out" "$T/invisible.txt"
}

# Arabic-Indic (U+0660..U+0669) and Extended (Persian, U+06F0..U+06F9)
# digits: tracker reads ASCII digits only, so these sentences give no
# claim. What matters: no crash, no wrong figure, spans on boundaries.
t_arabic_indic_digits() {
    python3 - "$T/arabic.txt" <<'EOF' || return 1
import sys
lines = [
    "The ministry said \u0663\u0660\u0660 people were killed.",
    "The ministry said \u0667\u066c\u0660\u0662\u0668 people were killed.",
    "Officials said \u06f1\u06f2\u06f0 people were injured.",
    "\u0642\u0627\u0644\u062a \u0627\u0644\u0648\u0632\u0627\u0631\u0629 \u0625\u0646 \u0663\u0660\u0660 \u0642\u062a\u0644\u0648\u0627.",
    "The army said 25 people were killed and \u0663\u0660 injured.",
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Title: Digits\nOutlet: Test Wire\nPublished: 2023-10-23\n\n" + "\n\n".join(lines) + "\n")
EOF
    run extract --explain "$T/arabic.txt"
    want_status 0 || return 1
    run extract "$T/arabic.txt"
    want_status 0 || return 1
    py 'claims = claims_of(sys.argv[1])
body = open(sys.argv[2], "rb").read().split(b"\n\n", 1)[1].strip()
check_spans(claims, body)
values = sorted((c["metric"], c["value"]) for c in claims)
for c in claims:
    if c["value"] not in (25, 300, 7028, 120, 30):
        err("unexpected figure %s from %r" % (c["value"], c["sentence"]))
if ("killed", 25) not in values:
    err("the ASCII figure beside Arabic-Indic digits was lost: %s" % values)
note("Arabic-Indic digits: claims %s (ASCII digits only are read)" % values)
done()' "$T/out" "$T/arabic.txt"
}

# ---------------------------------------------------------- output safety --

# Strings from an article that would be formulas in a spreadsheet, links or
# markup in Markdown, markup in HTML.
FORMULAS=("=cmd|' /C calc'!A0" "+1" "-1" "@SUM(1)" $'\t=1+1')
t_csv_formula_injection() {
    local i=0 f
    for f in "${FORMULAS[@]}"; do
        i=$((i + 1))
        printf 'Title: %s\nOutlet: %s\nURL: https://example.org/%d\nPublished: 2023-10-2%d\n\n%s The ministry said %d00 people were killed on Monday.\n' \
            "$f" "$f" "$i" "$i" "$f" "$i" >"$T/formula-$i.txt"
    done
    run import --db "$T/t.db" "$T"/formula-*.txt
    want_status 0 || return 1
    run export --db "$T/t.db" --format csv
    want_status 0 || return 1
    cp "$T/out" "$T/export.csv"
    run report --db "$T/t.db" --metric killed --format csv
    want_status 0 || return 1
    cp "$T/out" "$T/report.csv"
    py '
rows = list(csv.reader(io.open(sys.argv[1], newline="", encoding="utf-8")))
header, data = rows[0], rows[1:]
dangerous = ("=", "+", "-", "@", "\t", "\r")
# The report CSV is meant for spreadsheets: no text cell may start like a formula.
for r in data:
    for name, cell in zip(header, r):
        if cell.startswith(dangerous) and not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cell):
            err("report CSV %s cell %r starts like a formula" % (name, cell))
titles = [c for r in data for name, c in zip(header, r) if name == "title" and c]
if not any(t.startswith(chr(39) + "=cmd") for t in titles):
    err("report CSV: title \"=cmd...\" not found neutralised as \x27=cmd...: %s" % titles[:5])
# tracker export: RFC 4180 and every value there, verbatim or neutralised.
rows = list(csv.reader(io.open(sys.argv[2], newline="", encoding="utf-8")))
header, data = rows[0], rows[1:]
formulas = [f.strip() for f in sys.argv[3:]]
raw = 0
for r in data:
    rec = dict(zip(header, r))
    for key in ("title", "outlet"):
        v = rec[key]
        if v in formulas:
            raw += 1
        elif not (v.startswith(chr(39)) and v[1:] in formulas):
            err("export %s %r is neither the stored value nor it neutralised" % (key, v))
if raw:
    note("tracker export --format csv writes %d title/outlet cells that start with =, +, -, @ or a tab unchanged (no formula neutralisation in tracker/cli/output.cpp csv_field)" % raw)
else:
    note("tracker export --format csv neutralises formula cells")
done()' "$T/report.csv" "$T/export.csv" "${FORMULAS[@]}"
}

t_markdown_html_injection() {
    cat >"$T/inject.txt" <<'EOF'
Title: [click me](javascript:alert(1)) <img src=x onerror=alert(1)> ![pixel](https://evil.example/p.png)
Outlet: <script>alert(1)</script> | [Wire](https://evil.example) `code` *bold*
URL: javascript:alert(document.cookie)
Published: 2023-10-23

[Officials](https://evil.example/x) said <b>300</b> people were killed on Monday <iframe src=https://evil.example></iframe>.
EOF
    run import --db "$T/t.db" "$T/inject.txt"
    want_status 0 || return 1
    run report --db "$T/t.db" --metric killed
    want_status 0 || return 1
    cp "$T/out" "$T/report.md"
    run report --db "$T/t.db" --metric killed --format html
    want_status 0 || return 1
    cp "$T/out" "$T/report.html"
    py '
md = open(sys.argv[1], encoding="utf-8").read()
html = open(sys.argv[2], encoding="utf-8").read()
if "killed" not in md.lower():
    err("the Markdown report lacks the figure")
# Markdown: no live link, image or raw tag built from article text.
for pattern, what in [(r"(?<!\\)<(img|script|iframe|b)\b", "a raw HTML tag"),
                      (r"(?<!\\)!\[pixel(?<!\\)\]\(", "an injected image"),
                      (r"(?<!\\)\[(click me|Wire|Officials)(?<!\\)\]\(", "an injected link"),
                      (r"\]\(javascript:", "a javascript: link"),
                      (r"<javascript:", "a javascript: autolink")]:
    m = re.search(pattern, md, re.I)
    if m:
        err("Markdown report has %s: %r" % (what, md[max(0, m.start() - 60):m.end() + 60]))
for line in md.splitlines():
    if line.startswith("|") and "<script>" in line:
        err("Markdown table row with a raw <script>: %r" % line)
# HTML: no tag or javascript: URL from article text.
for pattern, what in [(r"<(img|script|iframe)\b", "a raw tag"), (r"href=[\"\x27]?javascript:", "a javascript: link"),
                      (r"<b>300", "raw markup from the sentence")]:
    m = re.search(pattern, html, re.I)
    if m:
        err("HTML report has %s: %r" % (what, html[max(0, m.start() - 60):m.end() + 60]))
done()' "$T/report.md" "$T/report.html"
}

# ------------------------------------------------------------------ run all --

check "20,000 sentences from two sources in turn: linear time" t_many_sources
check "a ${BIG_MB} MB article: read or refused, ends, memory bounded" t_big_text
check "a single 10 MB line" t_long_line
check "a million tiny numbers" t_million_numbers
check "100,000 nested <div>s in a page" t_nested_html
check "deep nesting in a feed and a JSON table" t_nested_feed_and_json
check "a JSON table with numbers out of range" t_json_number_overflow
check "entity bombs: a page of entities, a billion-laughs feed" t_entity_bombs
check "NUL bytes: binary near the start, escaped further on" t_nul_bytes
check "overlong UTF-8 and surrogates are refused as invalid UTF-8" t_overlong_utf8
check "RTL marks and zero-width characters around numbers" t_invisible_characters
check "Arabic-Indic digits" t_arabic_indic_digits
check "CSV: formula injection in titles and outlets" t_csv_formula_injection
check "Markdown and HTML reports: no injected links or markup" t_markdown_html_injection

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
