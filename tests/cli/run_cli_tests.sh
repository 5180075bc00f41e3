#!/usr/bin/env bash
# End-to-end tests of the real `tracker` binary on real files.
#
#   bash tests/cli/run_cli_tests.sh <path-to-tracker> <source-dir>
#
# Each check runs in a subshell with its own fresh temporary directory ($T,
# removed when the check ends and, failing that, by the EXIT trap); the
# subshell's working directory is the empty $T/cwd. Every database lives in
# $T. Prints "ok - name" / "not ok - name" (with details) per check and ends
# with "N passed, M failed"; exits 1 when any check failed.
set -u

. "$(dirname "$0")/common.sh"
take_tracker_and_source "$@"
require_tools python3 grep sed awk cmp diff mktemp

SAMPLES=("$SRC"/sample_articles/*.txt)
N_SAMPLES=${#SAMPLES[@]}
BAD=$SRC/tests/fixtures/bad
FIX=$SRC/tests/cli/fixtures
GOOD=$BAD/good.txt
HOSTILE=$FIX/hostile.txt
COMMANDS="import extract export query report articles"

unset TRACKER_DB
export TZ=UTC LC_ALL=C

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
# temporary directory; it passes when COMMAND returns 0.
check() {
    local name=$1
    shift
    local dir status
    dir=$(mktemp -d "${TMPDIR:-/tmp}/tracker-cli.XXXXXX") || { echo "mktemp failed" >&2; exit 2; }
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
    else
        FAILED=$((FAILED + 1))
        echo "not ok - $name"
        sed -e 's/^/#   /' "$dir/log" | head -n 60
    fi
    rm -rf -- "$dir"
}

# run ARGS...: runs tracker; stdout in $T/out, stderr in $T/err, status in RC.
# run_stdin FILE ARGS...: the same with FILE on standard input.
run() {
    CMD="tracker $*"
    "$TRACKER" "$@" >"$T/out" 2>"$T/err" </dev/null
    RC=$?
}
run_stdin() {
    local input=$1
    shift
    CMD="tracker $* < $input"
    "$TRACKER" "$@" >"$T/out" 2>"$T/err" <"$input"
    RC=$?
}

show_output() {
    echo "--- stdout:"
    head -n 15 "$T/out"
    echo "--- stderr:"
    head -n 15 "$T/err"
}

# want_status N: the last run exited with N.
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

# Python helpers shared by the JSON checks: collect errors, report them all.
PY_PRELUDE='
import csv, io, json, re, sys
errors = []
def err(msg):
    errors.append(str(msg))
def done():
    for e in errors[:25]:
        print(e)
    if len(errors) > 25:
        print("... and %d more" % (len(errors) - 25))
    sys.exit(1 if errors else 0)
def pairs_hook(pairs):
    return pairs
def read_jsonl(path, keep_order=False):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                value = json.loads(line, object_pairs_hook=pairs_hook if keep_order else None)
            except ValueError as e:
                err("%s line %d is not JSON (%s): %r" % (path, n, e, line[:200]))
                continue
            rows.append(value)
    return rows
def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except ValueError as e:
        err("%s is not JSON (%s); it starts: %r" % (path, e, open(path, "rb").read(300)))
        done()
METRICS = set("killed injured missing hostages_taken hostages_held hostages_released hostages_killed detained prisoners_released casualties displaced".split())
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}
DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
HEADER_KEYS = {"title", "outlet", "source", "url", "published", "date", "author", "byline",
               "section", "language", "conflict", "tags", "updated", "dateline"}
def header_and_body(path):
    """(header dict, body bytes) of an article file, as claims.md describes it."""
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = data.split(b"\n")
    def field(line):
        m = re.match(rb"\A([^:\n]{1,20}):(.*)\Z", line.strip())
        if m and m.group(1).strip().lower().decode("latin-1") in HEADER_KEYS:
            return m.group(1).strip().lower().decode(), m.group(2).strip().decode("utf-8")
        return None
    header = {}
    if lines and field(lines[0]):
        end = next((i for i, l in enumerate(lines) if not l.strip()), len(lines))
        for l in lines[:end]:
            f = field(l)
            if f:
                header.setdefault(f[0], f[1])
        data = b"\n".join(lines[end + 1:])
    return header, data.strip()
NUMBER_WORD = re.compile(r"(?i)\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                         r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b")
'
# py SCRIPT ARGS...: runs python3 with the prelude; SCRIPT ends with done().
py() {
    local script=$1
    shift
    python3 -c "$PY_PRELUDE
$script" "$@"
}

# import_samples DB: imports every sample article (absolute paths) into DB.
import_samples() {
    run import --db "$1" "${SAMPLES[@]}"
    want_status 0 || return 1
}

# summary_counts: "imported skipped failed" from the import summary in $T/out.
summary_counts() {
    sed -nE 's/.*imported ([0-9]+) articles?,.*skipped ([0-9]+).*failed ([0-9]+).*/\1 \2 \3/p' "$T/out" | head -n 1
}

# ------------------------------------------------------------ 1. version --

t_version() {
    run --version
    want_status 0 || return 1
    grep -qE '^tracker [0-9]+\.[0-9]+(\.[0-9]+)?' "$T/out" ||
        fail "--version does not print 'tracker X.Y[.Z]': $(head -c 200 "$T/out")"
}

t_help_main() {
    run --help
    want_status 0 || return 1
    has "$T/out" --version $COMMANDS
}

t_help_command() {
    local command=$1
    shift
    run "$command" --help
    want_status 0 || return 1
    has "$T/out" "$@"
}

t_no_subcommand() {
    run
    want_status 2 || return 1
    [ -s "$T/err" ] || fail "no message on stderr"
}

# ------------------------------------------------------ 2. import samples --

t_import_samples_summary() {
    import_samples "$T/t.db" || return 1
    local counts
    counts=$(summary_counts)
    [ "$counts" = "$N_SAMPLES 0 0" ] ||
        fail "summary should say $N_SAMPLES imported, 0 skipped, 0 failed; got '$(cat "$T/out")'"
}

t_import_samples_articles() {
    import_samples "$T/t.db" || return 1
    run articles --db "$T/t.db" --format json
    want_status 0 || return 1
    py '
articles = read_json(sys.argv[1])
paths = sys.argv[2:]
if not isinstance(articles, list):
    err("articles --format json is not an array")
else:
    if len(articles) != len(paths):
        err("articles lists %d articles, %d files were imported" % (len(articles), len(paths)))
    listed = sorted(a.get("path") for a in articles)
    if listed != sorted(paths):
        err("article paths differ from the imported files: %s" % sorted(set(listed) ^ set(paths)))
    for a in articles:
        if not isinstance(a.get("claims"), int) or a["claims"] < 0:
            err("bad claim count in %r" % a)
done()' "$T/out" "${SAMPLES[@]}"
}

EXPORT_KEYS='["article_path", "article_url", "title", "outlet", "published", "metric", "value", "low", "high", "qualifier", "population", "claimant", "as_of", "sentence", "span_start", "span_end"]'

t_export_key_order() {
    import_samples "$T/t.db" || return 1
    run export --db "$T/t.db" --format jsonl
    want_status 0 || return 1
    py '
want = '"$EXPORT_KEYS"'
rows = read_jsonl(sys.argv[1], keep_order=True)
if not rows and not errors:
    err("export printed no claims")
for n, pairs in enumerate(rows, 1):
    if not isinstance(pairs, list):
        err("line %d is not a JSON object" % n)
        continue
    keys = [k for k, _ in pairs]
    if keys[:len(want)] != want:
        err("line %d keys start %s, want %s" % (n, keys[:len(want)], want))
    if len(set(keys)) != len(keys):
        err("line %d has duplicate keys %s" % (n, keys))
done()' "$T/out"
}

t_export_values() {
    import_samples "$T/t.db" || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    py '
rows = read_jsonl(sys.argv[1])
if not rows and not errors:
    err("export printed no claims")
def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)
for n, r in enumerate(rows, 1):
    where = "line %d (%s %s)" % (n, r.get("metric"), r.get("value"))
    if r.get("metric") not in METRICS:
        err("%s: unknown metric %r" % (where, r.get("metric")))
    q = r.get("qualifier")
    if q not in QUALIFIERS:
        err("%s: unknown qualifier %r" % (where, q))
    for key in ("as_of", "published"):
        if not isinstance(r.get(key), str) or not DATE.match(r[key]):
            err("%s: %s %r is not YYYY-MM-DD" % (where, key, r.get(key)))
    if not (is_int(r.get("span_start")) and is_int(r.get("span_end")) and 0 <= r["span_start"] < r["span_end"]):
        err("%s: need 0 <= span_start < span_end, got %r, %r" % (where, r.get("span_start"), r.get("span_end")))
    v, lo, hi = r.get("value"), r.get("low"), r.get("high")
    if not is_int(v) or v < 0:
        err("%s: value %r is not a non-negative integer" % (where, v))
        continue
    # claims.md: the bounds the wording implies.
    want = {"exact": (v, v), "approx": (v, v), "at_least": (v, None),
            "at_most": (None, v)}.get(q)
    if want is not None and (lo, hi) != want:
        err("%s: %s gives low/high %r, got %r" % (where, q, want, (lo, hi)))
    if q == "range" and not (lo == v and is_int(hi) and hi > v):
        err("%s: range needs low = value < high, got low %r high %r" % (where, lo, hi))
    for key in ("claimant", "population", "sentence", "article_path", "title", "outlet", "article_url"):
        if not isinstance(r.get(key), str):
            err("%s: %s is not a string: %r" % (where, key, r.get(key)))
    if isinstance(r.get("population"), str) and r["population"] != r["population"].lower():
        err("%s: population %r is not lowercase" % (where, r["population"]))
    if not r.get("claimant"):
        err("%s: empty claimant" % where)
done()' "$T/out"
}

t_export_spans() {
    import_samples "$T/t.db" || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    py '
rows = read_jsonl(sys.argv[1])
if not rows and not errors:
    err("export printed no claims")
bodies = {}
for n, r in enumerate(rows, 1):
    path = r["article_path"]
    if path not in bodies:
        try:
            bodies[path] = header_and_body(path)[1]
        except OSError as e:
            err("line %d: cannot read %s: %s" % (n, path, e))
            bodies[path] = None
    body = bodies[path]
    if body is None:
        continue
    a, b = r["span_start"], r["span_end"]
    where = "line %d (%s %s in %s)" % (n, r["metric"], r["value"], path.rsplit("/", 1)[-1])
    if not (0 <= a < b <= len(body)):
        err("%s: span [%d, %d) outside the %d-byte body" % (where, a, b, len(body)))
        continue
    figure = body[a:b].decode("utf-8", "replace")
    if not (re.search(r"[0-9]", figure) or NUMBER_WORD.search(figure)):
        err("%s: body[%d:%d] = %r has no digit or number word" % (where, a, b, figure))
    # The span lies inside an occurrence of the claim sentence in the body.
    sentence = r["sentence"].encode("utf-8")
    starts, i = [], body.find(sentence)
    while i >= 0:
        starts.append(i)
        i = body.find(sentence, i + 1)
    if not starts:
        err("%s: sentence not found verbatim in the body: %r" % (where, r["sentence"][:120]))
    elif not any(s <= a and b <= s + len(sentence) for s in starts):
        err("%s: span [%d, %d) = %r is not inside its sentence (at %s)" % (where, a, b, figure, starts))
done()' "$T/out"
}

# ------------------------------------------------------------ 3. re-import --

t_reimport() {
    import_samples "$T/t.db" || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    cp "$T/out" "$T/export1"
    import_samples "$T/t.db" || return 1
    local counts
    counts=$(summary_counts)
    [ "$counts" = "0 $N_SAMPLES 0" ] ||
        fail "re-import should say 0 imported, $N_SAMPLES skipped, 0 failed; got '$(cat "$T/out")'" || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    [ -s "$T/export1" ] || fail "export is empty" || return 1
    if ! cmp -s "$T/export1" "$T/out"; then
        echo "export after re-import differs from the first export:"
        diff "$T/export1" "$T/out" | head -n 20
        return 1
    fi
    run articles --db "$T/t.db" --format json
    want_status 0 || return 1
    py 'n = len(read_json(sys.argv[1]))
if n != int(sys.argv[2]): err("articles lists %d after re-import, want %s" % (n, sys.argv[2]))
done()' "$T/out" "$N_SAMPLES"
}

# ---------------------------------------------------------- 4. bad inputs --

import_bad() {
    run import --db "$T/t.db" "$BAD/empty.txt" "$BAD/binary.txt" "$BAD/invalid-utf8.txt" \
        "$BAD/no-date.txt" "$BAD/bad-date.txt" "$GOOD" "$BAD/nonexistent.txt"
}

t_bad_status() {
    import_bad
    want_status 1 || return 1
    local counts
    counts=$(summary_counts)
    [ "$counts" = "1 0 6" ] ||
        fail "summary should say 1 imported, 0 skipped, 6 failed; got '$(cat "$T/out")'"
}

t_bad_messages() {
    import_bad
    want_status 1 || return 1
    py '
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
bad = sys.argv[2]
expected = [  # file, one of these words must appear in the reason
    ("empty.txt", ["empty"]),
    ("binary.txt", ["binary"]),
    ("invalid-utf8.txt", ["UTF-8"]),
    ("no-date.txt", ["publication date", "Published"]),
    ("bad-date.txt", ["date"]),
    ("nonexistent.txt", ["no such file"]),
]
if len(lines) != len(expected):
    err("stderr has %d lines, want one per bad file (%d):" % (len(lines), len(expected)))
    for l in lines:
        err("  " + l)
for name, words in expected:
    prefix = bad + "/" + name + ":"
    mine = [l for l in lines if l.startswith(prefix)]
    if len(mine) != 1:
        err("%d stderr lines start with %r, want 1" % (len(mine), prefix))
        continue
    reason = mine[0][len(prefix):].strip()
    if not reason:
        err("%s: no reason given" % name)
    elif not any(w.lower() in reason.lower() for w in words):
        err("%s: reason %r mentions none of %s" % (name, reason, words))
for l in lines:
    if l.startswith(sys.argv[3]):
        err("good.txt reported as failed: %r" % l)
done()' "$T/err" "$BAD" "$GOOD"
}

t_bad_database() {
    import_bad
    want_status 1 || return 1
    run articles --db "$T/t.db" --format json
    want_status 0 || return 1
    cp "$T/out" "$T/articles.json"
    run export --db "$T/t.db"
    want_status 0 || return 1
    py '
articles = read_json(sys.argv[1])
paths = [a.get("path") for a in articles]
if paths != [sys.argv[3]]:
    err("articles should list only %s, got %s" % (sys.argv[3], paths))
claims = read_jsonl(sys.argv[2])
if not claims:
    err("no claims stored for good.txt")
for c in claims:
    if c.get("article_path") != sys.argv[3]:
        err("claim from %r in the database" % c.get("article_path"))
done()' "$T/articles.json" "$T/out" "$GOOD"
}

# ----------------------------------------------------------- 5. --published --

t_published_supplies_date() {
    run import --db "$T/t.db" --published 2023-10-23 "$BAD/no-date.txt"
    want_status 0 || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    py '
claims = read_jsonl(sys.argv[1])
if not claims:
    err("no claims exported for no-date.txt")
for c in claims:
    if c.get("published") != "2023-10-23":
        err("published is %r, want 2023-10-23" % c.get("published"))
    if c.get("article_path") != sys.argv[2]:
        err("unexpected article %r" % c.get("article_path"))
done()' "$T/out" "$BAD/no-date.txt"
}

t_published_rejects_non_date() {
    run import --db "$T/t.db" --published notadate "$BAD/no-date.txt"
    want_status 2 || return 1
    has "$T/err" "--published" || return 1
    if [ -e "$T/t.db" ]; then
        run articles --db "$T/t.db" --format json
        py 'a = read_json(sys.argv[1])
if a: err("articles were imported despite the bad --published: %s" % a)
done()' "$T/out"
    fi
}

# ------------------------------------------------------------ 6. overrides --

t_overrides() {
    run import --db "$T/t.db" --outlet "Override Outlet" --url "https://override.example/x?y=1" \
        --title "Override title, with a comma" "$GOOD"
    want_status 0 || return 1
    run articles --db "$T/t.db" --format json
    want_status 0 || return 1
    cp "$T/out" "$T/articles.json"
    run export --db "$T/t.db"
    want_status 0 || return 1
    py '
want = {"outlet": "Override Outlet", "url": "https://override.example/x?y=1",
        "title": "Override title, with a comma"}
articles = read_json(sys.argv[1])
if len(articles) != 1:
    err("want 1 article, got %d" % len(articles))
for a in articles:
    for k, v in want.items():
        if a.get(k) != v:
            err("articles: %s is %r, want %r" % (k, a.get(k), v))
claims = read_jsonl(sys.argv[2])
if not claims:
    err("no claims exported")
for c in claims:
    for k, v in (("outlet", want["outlet"]), ("article_url", want["url"]), ("title", want["title"])):
        if c.get(k) != v:
            err("export: %s is %r, want %r" % (k, c.get(k), v))
done()' "$T/articles.json" "$T/out"
}

# ------------------------------------------------------- 7. database path --

t_env_database() {
    CMD="TRACKER_DB=$T/env.db tracker import $GOOD"
    TRACKER_DB="$T/env.db" "$TRACKER" import "$GOOD" >"$T/out" 2>"$T/err"
    RC=$?
    want_status 0 || return 1
    [ -s "$T/env.db" ] || fail "$T/env.db was not created" || return 1
    [ ! -e tracker.db ] || fail "./tracker.db was created although TRACKER_DB is set" || return 1
    run articles --db "$T/env.db" --format json
    want_status 0 || return 1
    py 'a = read_json(sys.argv[1])
if [x.get("path") for x in a] != [sys.argv[2]]: err("env.db holds %s" % a)
done()' "$T/out" "$GOOD" || return 1
    # Other commands read it too.
    CMD="TRACKER_DB=$T/env.db tracker export"
    TRACKER_DB="$T/env.db" "$TRACKER" export >"$T/out" 2>"$T/err"
    RC=$?
    want_status 0 || return 1
    [ -s "$T/out" ] || fail "export through TRACKER_DB printed nothing"
}

t_default_database() {
    run import "$GOOD"
    want_status 0 || return 1
    [ -s tracker.db ] || fail "./tracker.db was not created in the working directory; it has: $(ls -A)" || return 1
    run articles --format json
    want_status 0 || return 1
    py 'a = read_json(sys.argv[1])
if [x.get("path") for x in a] != [sys.argv[2]]: err("./tracker.db holds %s" % a)
done()' "$T/out" "$GOOD"
}

# -------------------------------------------------------------- 8. extract --

EXTRACT_CHECK='
claims = read_jsonl(sys.argv[1])
if not claims and not errors:
    err("extract printed no claims")
for n, c in enumerate(claims, 1):
    for key in ("metric", "value", "claimant", "as_of"):
        if key not in c:
            err("line %d has no %s: %r" % (n, key, c))
    if c.get("metric") not in METRICS:
        err("line %d: unknown metric %r" % (n, c.get("metric")))
    if not DATE.match(str(c.get("as_of"))):
        err("line %d: as_of %r" % (n, c.get("as_of")))
    if c.get("article_path") != sys.argv[2]:
        err("line %d: article_path %r, want %r" % (n, c.get("article_path"), sys.argv[2]))
# good.txt states two clear claims.
found = {(c.get("metric"), c.get("value")) for c in claims}
for want in (("killed", 5087), ("hostages_held", 222)):
    if want not in found:
        err("claim %s %s not extracted (got %s)" % (want[0], want[1], sorted(found, key=str)))
done()'

t_extract_file() {
    run extract "$GOOD"
    want_status 0 || return 1
    py "$EXTRACT_CHECK" "$T/out" "$GOOD" || return 1
    local left
    left=$(ls -A)
    [ -z "$left" ] || fail "extract created files in the working directory: $left"
}

t_extract_stdin() {
    run extract "$GOOD"
    want_status 0 || return 1
    cp "$T/out" "$T/from-file"
    run_stdin "$GOOD" extract -
    want_status 0 || return 1
    py "$EXTRACT_CHECK" "$T/out" "-" || return 1
    py '
a = read_jsonl(sys.argv[1])
b = read_jsonl(sys.argv[2])
for r in a + b:
    r.pop("article_path", None)
if a != b:
    err("extract - differs from extract FILE:\n%s\n%s" % (a, b))
done()' "$T/from-file" "$T/out" || return 1
    local left
    left=$(ls -A)
    [ -z "$left" ] || fail "extract - created files in the working directory: $left"
}

# ---------------------------------------------------------------- 9. query --

# Sets up $T/t.db with the samples and $T/export.jsonl.
query_setup() {
    import_samples "$T/t.db" || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    cp "$T/out" "$T/export.jsonl"
}

t_query_as_of_table() {
    query_setup || return 1
    run query --db "$T/t.db" --metric killed --as-of 2023-10-30
    want_status 0 || return 1
    cp "$T/out" "$T/table"
    run query --db "$T/t.db" --metric killed --as-of 2023-10-30 --format json
    want_status 0 || return 1
    py '
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
items = read_json(sys.argv[2])
if len(lines) < 3:
    err("table has %d lines, want a header, a rule and rows:\n%s" % (len(lines), "\n".join(lines)))
else:
    header = lines[0].split()
    for col in ("as_of", "claimant", "figure"):
        if col not in header:
            err("table header %r has no %s column" % (lines[0], col))
    if not re.fullmatch(r"[- ]+", lines[1]):
        err("second line is not a rule: %r" % lines[1])
    rows = lines[2:]
    if len(rows) != len(items):
        err("table has %d rows, json has %d items" % (len(rows), len(items)))
    for row in rows:
        if not DATE.match(row.split(" ", 1)[0]):
            err("row does not start with a date: %r" % row)
done()' "$T/table" "$T/out"
}

t_query_as_of_json() {
    query_setup || return 1
    local day
    for day in 2023-10-15 2023-10-30 2023-11-08 2024-01-01; do
        run query --db "$T/t.db" --metric killed --as-of "$day" --format json
        want_status 0 || return 1
        py '
items = read_json(sys.argv[1])
claims = [c for c in read_jsonl(sys.argv[2]) if c["metric"] == "killed"]
day = sys.argv[3]
if not isinstance(items, list):
    err("--format json is not an array")
    done()
latest = {}
for c in claims:
    if c["as_of"] <= day:
        key = (c["claimant"], c["population"])
        latest[key] = max(latest.get(key, ""), c["as_of"])
seen = set()
for it in items:
    key = (it.get("claimant"), it.get("population"))
    if it.get("metric") != "killed":
        err("as of %s: item with metric %r" % (day, it.get("metric")))
    if not it.get("as_of", "9") <= day:
        err("as of %s: item dated %r" % (day, it.get("as_of")))
    if key in seen:
        err("as of %s: two items for claimant %r population %r" % ((day,) + key))
    seen.add(key)
    if key not in latest:
        err("as of %s: series %r has no claim on or before that day in the export" % (day, key))
    elif it.get("as_of") != latest[key]:
        err("as of %s: series %r dated %s, its latest claim is dated %s" % (day, key, it.get("as_of"), latest[key]))
for key in sorted(set(latest) - seen):
    err("as of %s: series %r (latest %s) missing from the answer" % (day, key, latest[key]))
if day >= "2023-10-30" and not items:
    err("as of %s: no items" % day)
done()' "$T/out" "$T/export.jsonl" "$day" || return 1
    done
}

t_query_on() {
    query_setup || return 1
    # The most frequent as_of of the killed claims.
    local day
    day=$(py '
from collections import Counter
days = Counter(c["as_of"] for c in read_jsonl(sys.argv[1]) if c["metric"] == "killed")
print(days.most_common(1)[0][0] if days else "2023-10-23")' "$T/export.jsonl")
    run query --db "$T/t.db" --metric killed --on "$day" --format json
    want_status 0 || return 1
    py '
items = read_json(sys.argv[1])
day = sys.argv[3]
want = [c for c in read_jsonl(sys.argv[2]) if c["metric"] == "killed" and c["as_of"] == day]
if not items:
    err("--on %s returned nothing" % day)
for it in items:
    if it.get("as_of") != day or it.get("metric") != "killed":
        err("--on %s returned %s %s dated %s" % (day, it.get("metric"), it.get("value"), it.get("as_of")))
if len(items) != len(want):
    err("--on %s returned %d claims, the export has %d" % (day, len(items), len(want)))
done()' "$T/out" "$T/export.jsonl" "$day"
}

t_query_period() {
    query_setup || return 1
    local from=2023-10-18 to=2023-11-02
    run query --db "$T/t.db" --metric killed --from "$from" --to "$to" --format json
    want_status 0 || return 1
    py '
items = read_json(sys.argv[1])
a, b = sys.argv[3], sys.argv[4]
want = [c for c in read_jsonl(sys.argv[2]) if c["metric"] == "killed" and a <= c["as_of"] <= b]
if not items:
    err("--from %s --to %s returned nothing" % (a, b))
dates = [it.get("as_of") for it in items]
for d in dates:
    if not (a <= d <= b):
        err("as_of %s outside [%s, %s]" % (d, a, b))
if dates != sorted(dates):
    err("as_of not in non-decreasing order: %s" % dates)
if any(it.get("metric") != "killed" for it in items):
    err("an item is not a killed claim")
if len(items) != len(want):
    err("returned %d claims, the export has %d in the period" % (len(items), len(want)))
done()' "$T/out" "$T/export.jsonl" "$from" "$to"
}

t_query_csv() {
    query_setup || return 1
    run query --db "$T/t.db" --metric killed --from 2023-10-01 --format csv
    want_status 0 || return 1
    cp "$T/out" "$T/csv"
    run query --db "$T/t.db" --metric killed --from 2023-10-01 --format json
    want_status 0 || return 1
    py '
want = '"$EXPORT_KEYS"'
rows = list(csv.reader(io.open(sys.argv[1], encoding="utf-8", newline="")))
items = read_json(sys.argv[2])
if not rows:
    err("csv output is empty")
    done()
if rows[0][:len(want)] != want:
    err("csv header %s, want it to start %s" % (rows[0], want))
if len(rows) - 1 != len(items):
    err("csv has %d data rows, json %d items" % (len(rows) - 1, len(items)))
for r in rows[1:]:
    if len(r) != len(rows[0]):
        err("row has %d fields, header %d: %s" % (len(r), len(rows[0]), r))
    elif r[want.index("metric")] != "killed":
        err("row metric %r" % r[want.index("metric")])
done()' "$T/csv" "$T/out"
}

t_query_bad_metric() {
    query_setup || return 1
    run query --db "$T/t.db" --metric nonsense
    want_status 2 || return 1
    [ -s "$T/err" ] || fail "no message on stderr" || return 1
    grep -qE -- '--metric|nonsense' "$T/err" || fail "message names neither --metric nor nonsense: $(cat "$T/err")"
}

t_query_bad_date() {
    query_setup || return 1
    run query --db "$T/t.db" --metric killed --as-of 2023-02-30
    want_status 2 || return 1
    has "$T/err" "--as-of"
}

# --------------------------------------------------------------- 10. report --

REPORT_SECTIONS=("## Latest figures" "## Timeline" "## Disagreements" "## Citations")

t_report_file() {
    import_samples "$T/t.db" || return 1
    run report --db "$T/t.db" --metric hostages_held -o "$T/r.md"
    want_status 0 || return 1
    [ -s "$T/r.md" ] || fail "$T/r.md was not written" || return 1
    has "$T/r.md" "${REPORT_SECTIONS[@]}" || return 1
    [ ! -e "$T/r.md.tmp-tracker" ] || fail "temporary file left behind"
}

t_report_stdout() {
    import_samples "$T/t.db" || return 1
    run report --db "$T/t.db" --metric hostages_held -o "$T/r.md"
    want_status 0 || return 1
    run report --db "$T/t.db" --metric hostages_held
    want_status 0 || return 1
    has "$T/out" "${REPORT_SECTIONS[@]}" || return 1
    if ! cmp -s "$T/out" "$T/r.md"; then
        echo "report on stdout differs from report -o FILE:"
        diff "$T/r.md" "$T/out" | head -n 20
        return 1
    fi
}

# ----------------------------------------------------- 11. non-SQLite --db --

# not_sqlite_run ARGS...: the command fails cleanly on $T/bad.db and leaves it alone.
not_sqlite_run() {
    run "$@" --db "$T/bad.db"
    want_status 2 || return 1
    local lines
    lines=$(wc -l <"$T/err")
    [ "$lines" -eq 1 ] || fail "$CMD: stderr has $lines lines, want 1:" "$(cat "$T/err")" || return 1
    has "$T/err" "$T/bad.db" || return 1
    cmp -s "$T/bad.db" "$T/bad.db.orig" || fail "$CMD changed $T/bad.db"
}

t_not_sqlite() {
    echo hello >"$T/bad.db"
    cp "$T/bad.db" "$T/bad.db.orig"
    not_sqlite_run import "$GOOD" || return 1
    not_sqlite_run export || return 1
    not_sqlite_run articles || return 1
    not_sqlite_run query --metric killed || return 1
    not_sqlite_run query --metric killed --as-of 2023-10-30 || return 1
    not_sqlite_run report --metric killed
}

# ---------------------------------------------------------- 12. stdin import --

t_import_stdin() {
    run_stdin "$GOOD" import --db "$T/t.db" -
    want_status 0 || return 1
    [ "$(summary_counts)" = "1 0 0" ] || fail "summary: $(cat "$T/out")" || return 1
    run articles --db "$T/t.db" --format json
    want_status 0 || return 1
    cp "$T/out" "$T/articles.json"
    run export --db "$T/t.db"
    want_status 0 || return 1
    py '
articles = read_json(sys.argv[1])
if [a.get("path") for a in articles] != ["-"]:
    err("articles paths %s, want [\"-\"]" % [a.get("path") for a in articles])
elif articles[0].get("outlet") != "Fixture News" or articles[0].get("published") != "2023-10-23":
    err("header not read from stdin: %r" % articles[0])
claims = read_jsonl(sys.argv[2])
if not claims:
    err("no claims stored from stdin")
for c in claims:
    if c.get("article_path") != "-":
        err("claim article_path %r, want -" % c.get("article_path"))
done()' "$T/articles.json" "$T/out"
}

# ------------------------------------------------------ 13. hostile strings --

t_hostile_export() {
    run import --db "$T/t.db" "$HOSTILE"
    want_status 0 || return 1
    [ "$(summary_counts)" = "1 0 0" ] || fail "summary: $(cat "$T/out")" || return 1
    run export --db "$T/t.db"
    want_status 0 || return 1
    cp "$T/out" "$T/export.jsonl"
    run articles --db "$T/t.db" --format json
    want_status 0 || return 1
    py '
header, body = header_and_body(sys.argv[3])
claims = read_jsonl(sys.argv[1])
articles = read_json(sys.argv[2])
nasty = ["\"", "<script>", "'"'"'); DROP TABLE claims;--", "&"]
for key in ("title", "outlet"):
    for s in nasty:
        if s not in header[key]:
            err("fixture %s lacks %r" % (key, s))
if len(articles) != 1:
    err("want 1 article, got %d" % len(articles))
for a in articles:
    for key in ("title", "outlet", "url"):
        if a.get(key) != header[key]:
            err("articles %s = %r, want %r" % (key, a.get(key), header[key]))
if not claims:
    err("no claims stored")
for c in claims:
    for key, hkey in (("title", "title"), ("outlet", "outlet"), ("article_url", "url")):
        if c.get(key) != header[hkey]:
            err("export %s = %r, want %r" % (key, c.get(key), header[hkey]))
    if c.get("sentence", "").encode("utf-8") not in body:
        err("sentence not verbatim in the body: %r" % c.get("sentence"))
hostile = [c for c in claims if all(s in c.get("sentence", "") for s in nasty)]
if not hostile:
    err("no claim whose sentence keeps the quotes, <script>, the SQL and & verbatim: %s"
        % [c.get("sentence") for c in claims])
done()' "$T/export.jsonl" "$T/out" "$HOSTILE"
}

t_hostile_report() {
    run import --db "$T/t.db" "$HOSTILE"
    want_status 0 || return 1
    local metric
    for metric in killed hostages_held injured; do
        run report --db "$T/t.db" --metric "$metric"
        want_status 0 || return 1
        has "$T/out" "${REPORT_SECTIONS[@]}" "DROP TABLE claims" || return 1
        if grep -nE '(^|[^\\])<(/?)script' "$T/out"; then
            fail "report --metric $metric contains a raw <script> tag (lines above)" || return 1
        fi
    done
}

t_hostile_query() {
    run import --db "$T/t.db" "$HOSTILE"
    want_status 0 || return 1
    local outlet
    outlet=$(sed -n 's/^Outlet: //p' "$HOSTILE")
    # Values are data, not SQL: a claimant named like an injection finds nothing...
    run query --db "$T/t.db" --metric killed --claimant "x'); DROP TABLE claims;--" --format json
    want_status 0 || return 1
    py 'if read_json(sys.argv[1]) != []: err("claimant filter matched: %s" % open(sys.argv[1]).read()[:300])
done()' "$T/out" || return 1
    # ...the outlet with quotes matches exactly...
    run query --db "$T/t.db" --metric killed --outlet "$outlet" --format json
    want_status 0 || return 1
    py 'items = read_json(sys.argv[1])
if len(items) != 1 or items[0].get("outlet") != sys.argv[2]:
    err("--outlet %r found %s" % (sys.argv[2], items))
done()' "$T/out" "$outlet" || return 1
    # ...and the claims table is still there.
    run export --db "$T/t.db"
    want_status 0 || return 1
    [ "$(wc -l <"$T/out")" -ge 2 ] || fail "claims lost after the hostile queries: $(cat "$T/out")"
}

# ------------------------------------------------------------------ run all --

if [ "$N_SAMPLES" -eq 0 ] || [ ! -e "${SAMPLES[0]}" ]; then
    echo "no sample articles in $SRC/sample_articles" >&2
    exit 2
fi

# ------------------------------------------------ explanations, lexicons --

# An article whose figures come from a body the built-in lexicon does not know.
write_new_group_article() {
    cat >"$T/new-group.txt" <<'ARTICLE'
Title: Militia says it holds 40 villagers
Outlet: Test Desk
Published: 2024-05-06

KAMBU - Commander Tavi Orlan said on Sunday that his fighters were holding 40 villagers in the hills.
ARTICLE
}

t_extract_explain() {
    run extract --explain "$GOOD" || true
    want_status 0 || return 1
    has "$T/out" "[[" "]]" "metric:" "claimant:" "date:" || return 1
    # the numbers read and rejected are listed with a reason
    printf 'Title: t\nOutlet: Test Desk\nPublished: 2023-10-23\n\nThe ministry said 5,087 people had been killed, and 20 trucks of aid crossed on October 21.\n' >"$T/a.txt"
    run extract --explain "$T/a.txt"
    want_status 0 || return 1
    has "$T/out" "numbers that are not claims:" "20  (not people: trucks)" "21  (date)"
}

# extract reads what import reads: saved pages, feeds and tables too.
t_extract_other_formats() {
    local readers=$SRC/tests/golden/readers
    run extract "$readers/html/harbour-daily-jsonld.html"
    want_status 0 || return 1
    has "$T/out" '"article_path":"'"$readers"'/html/harbour-daily-jsonld.html"' '"value":7028' || return 1
    run extract "$readers/feed/wire-world.xml"
    want_status 0 || return 1
    [ -s "$T/out" ] || fail "no claims from the feed" || return 1
    # A table's rows are printed as the claims they are.
    run extract "$readers/csv/moh-daily.csv"
    want_status 0 || return 1
    [ "$(wc -l <"$T/out")" -eq "$(wc -l <"$readers/csv/moh-daily.csv.claims.jsonl")" ] ||
        fail "moh-daily.csv: expected one line per row claim" || return 1
    has "$T/out" '"metric":"killed","value":7028' || return 1
    # --importer forces a reader; an unknown one is a usage error.
    run extract --importer text "$readers/html/harbour-daily-jsonld.html"
    want_status 1 || return 1
    run extract --importer nosuch "$GOOD"
    want_status 2
}

# Articles about two conflicts in one database: --conflict keeps to one.
t_conflict_filter() {
    printf 'Title: a\nOutlet: Test Desk\nConflict: Sudan\nPublished: 2023-10-23\n\nThe ministry said on Monday that 9,000 people had been killed.\n' >"$T/sudan.txt"
    printf 'Title: b\nOutlet: Test Desk\nPublished: 2023-10-23\n\nThe ministry said on Monday that 5,087 people had been killed.\n' >"$T/gaza.txt"
    run import --db "$T/t.db" "$T/sudan.txt"
    want_status 0 || return 1
    # --conflict gives what a file does not say.
    run import --db "$T/t.db" --conflict Israel-Gaza "$T/gaza.txt"
    want_status 0 || return 1
    run query --db "$T/t.db" --metric killed --conflict israel-gaza --format jsonl
    want_status 0 || return 1
    has "$T/out" '"value":5087' '"conflict":"Israel-Gaza"' || return 1
    grep -q '"value":9000' "$T/out" && fail "query --conflict israel-gaza shows the Sudan figure" && return 1
    run query --db "$T/t.db" --metric killed --conflict Sudan --latest --format jsonl
    has "$T/out" '"value":9000' || return 1
    grep -q '"value":5087' "$T/out" && fail "query --conflict Sudan --latest shows the Gaza figure" && return 1
    run report --db "$T/t.db" --metric killed --conflict Sudan --format json
    want_status 0 || return 1
    py '
doc = json.load(open(sys.argv[1]))
if doc["selection"]["conflict"] != "Sudan":
    err("selection.conflict is %r" % doc["selection"]["conflict"])
text = json.dumps(doc)
if "5087" in text:
    err("the report for Sudan cites the Gaza figure")
if "9000" not in text:
    err("the report for Sudan lacks its figure")
done()' "$T/out"
}

t_lexicon_option() {
    write_new_group_article
    run extract "$T/new-group.txt"
    want_status 0 || return 1
    if grep -q '"claimant":"Eastern Hills Militia"' "$T/out"; then
        echo "the built-in lexicon should not know the militia"; return 1
    fi
    printf '[claimants]\nEastern Hills Militia\tEHM|Tavi Orlan|Commander Tavi Orlan\n' >"$T/militia.tsv"
    run extract --lexicon "$T/militia.tsv" "$T/new-group.txt"
    want_status 0 || return 1
    has "$T/out" '"metric":"hostages_held"' '"value":40' '"claimant":"Eastern Hills Militia"' '"as_of":"2024-05-05"'
    run import --db "$T/db" --lexicon "$T/militia.tsv" "$T/new-group.txt"
    want_status 0 || return 1
    run query --db "$T/db" --metric hostages_held --claimant EHM --format jsonl
    want_status 0 || return 1
    has "$T/out" '"claimant":"Eastern Hills Militia"'
}

t_lexicon_config_dir() {
    write_new_group_article
    mkdir -p "$T/config/tracker"
    printf '[claimants]\nEastern Hills Militia\tTavi Orlan\n' >"$T/config/tracker/militia.tsv"
    XDG_CONFIG_HOME=$T/config run extract "$T/new-group.txt"
    want_status 0 || return 1
    has "$T/out" '"claimant":"Eastern Hills Militia"'
}

t_lexicon_bad_file() {
    printf '[claimants]\nno tab on this line\n' >"$T/bad.tsv"
    run extract --lexicon "$T/bad.tsv" "$GOOD"
    want_status 2 || return 1
    has "$T/err" "bad.tsv:2:"
}

check "--version prints a version" t_version
check "--help lists the subcommands" t_help_main
check "import --help" t_help_command import --db --outlet --published --url --title --quiet
check "extract --help" t_help_command extract --outlet --published --url --title --explain --output
check "export --help" t_help_command export --db --format --output
check "query --help" t_help_command query --db --metric --as-of --on --from --to --claimant --population --outlet --format --output
check "report --help" t_help_command report --db --metric --population --from --to --output
check "articles --help" t_help_command articles --db --format --output
check "no subcommand exits 2" t_no_subcommand

check "import samples: summary counts" t_import_samples_summary
check "import samples: articles json lists every file" t_import_samples_articles
check "export jsonl: key order" t_export_key_order
check "export jsonl: metric, qualifier, dates, bounds" t_export_values
check "export jsonl: spans are figures in the body" t_export_spans

check "re-import: all skipped, export unchanged" t_reimport

check "bad inputs: exit status 1, 1 imported, 6 failed" t_bad_status
check "bad inputs: one reason line per bad file" t_bad_messages
check "bad inputs: only good.txt in the database" t_bad_database

check "--published supplies a missing date" t_published_supplies_date
check "--published rejects a non-date" t_published_rejects_non_date
check "--outlet/--url/--title override the header" t_overrides

check "TRACKER_DB selects the database" t_env_database
check "default database is ./tracker.db" t_default_database

check "extract FILE prints JSON claims, no database" t_extract_file
check "extract - reads standard input" t_extract_stdin

check "query --as-of: table" t_query_as_of_table
check "query --as-of: latest per series" t_query_as_of_json
check "query --on: that day only" t_query_on
check "query --from/--to: period, date order" t_query_period
check "query --format csv: header row" t_query_csv
check "query --metric nonsense exits 2" t_query_bad_metric
check "query --as-of with an impossible date exits 2" t_query_bad_date

check "report -o FILE: Markdown sections" t_report_file
check "report to stdout equals report -o" t_report_stdout

check "non-SQLite --db: exit 2, one line, file unchanged" t_not_sqlite

check "import - reads standard input" t_import_stdin

check "hostile strings: export verbatim" t_hostile_export
check "hostile strings: report has no raw <script>" t_hostile_report
check "hostile strings: query values are bound" t_hostile_query

check "extract --explain: marked figure, rules and rejected numbers" t_extract_explain
check "extract reads saved pages, feeds and tables; --importer" t_extract_other_formats
check "--conflict on import, query and report keeps to one conflict" t_conflict_filter
check "--lexicon FILE adds a new body and its spokesman" t_lexicon_option
check "lexicon files in \$XDG_CONFIG_HOME/tracker are read" t_lexicon_config_dir
check "a malformed lexicon file is refused with file:line" t_lexicon_bad_file

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
