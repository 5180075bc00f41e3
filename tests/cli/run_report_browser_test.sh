#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads reports made by
# the real binary from sample_articles/ (and from a hostile article), and the
# DOM it builds is checked: one SVG series group and line per series, one
# marker per claim, each with a tooltip, legend entries, citations with
# anchors, and no <script> element anywhere (the hostile article's <script>
# must stay text). PNG screenshots (desktop and phone widths) are saved into
# the test output directory for a person to look at.
#
#   bash tests/cli/run_report_browser_test.sh <path-to-tracker> <source-dir> <output-dir>
#
# Exits 77 (skipped) only when Chromium is not installed; the test installs
# nothing itself (scripts/install-deps installs Debian's chromium package).
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 <path-to-tracker> <source-dir> <output-dir>" >&2
    exit 2
fi
TRACKER=$(realpath -- "$1") || exit 2
SRC=$(realpath -- "$2") || exit 2
OUT=$3
mkdir -p -- "$OUT" || exit 2
OUT=$(realpath -- "$OUT")

CHROMIUM=""
for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then
        CHROMIUM=$(command -v "$candidate")
        break
    fi
done
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium is not installed, so the HTML report cannot be checked in a browser" \
         "(scripts/install-deps installs Debian's chromium package)"
    exit 77
fi
command -v python3 >/dev/null || { echo "$0: python3 is required" >&2; exit 2; }

export TZ=UTC LC_ALL=C
unset TRACKER_DB
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tracker-browser.XXXXXX") || exit 2
trap 'rm -rf -- "$WORK"' EXIT

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1"; shift; for line in "$@"; do echo "#   $line"; done; }

# browser ARGS... URL: one headless Chromium run with a fresh profile.
browser() {
    local profile
    profile=$(mktemp -d "$WORK/profile.XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" 2>"$WORK/chromium.err"
}

# check_dom NAME DOM JSON: the DOM Chromium built against the JSON report of
# the same data (series and points counted by the renderer-independent JSON).
check_dom() {
    local name=$1 dom=$2 json=$3 result
    if result=$(python3 - "$dom" "$json" <<'PY'
import json, sys
from html.parser import HTMLParser

dom_path, json_path = sys.argv[1], sys.argv[2]
report = json.load(open(json_path, encoding="utf-8"))
if report["kind"] == "overview":
    charts = [s for s in report["sections"]]
else:
    charts = [report]
want_series = sum(len(c["series"]) for c in charts)
want_markers = sum(len(s["points"]) for c in charts for s in c["series"])
want_citations = len(report["citations"])

class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.counts = {"svg": 0, "series": 0, "line": 0, "marker": 0, "marker_title": 0,
                       "legend": 0, "script": 0, "cite": 0, "link": 0, "iframe": 0, "img": 0}
        self.external = []
        self.marker_depth = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "svg" and "chart" in classes: self.counts["svg"] += 1
        if tag == "g" and "series" in classes: self.counts["series"] += 1
        if tag == "path" and "series-line" in classes: self.counts["line"] += 1
        if tag == "a" and "marker" in classes:
            self.counts["marker"] += 1
            self.marker_depth = len(self.stack)
        if tag == "title" and self.marker_depth is not None and len(self.stack) == self.marker_depth + 1:
            self.counts["marker_title"] += 1
        if tag == "li" and "data-series" in a and self.stack and self.stack[-1] == "ul":
            self.counts["legend"] += 1
        if tag == "li" and (a.get("id") or "").startswith("cite-"): self.counts["cite"] += 1
        for t in ("script", "iframe", "img", "link"):
            if tag == t: self.counts[t] += 1
        for key in ("src", "srcset", "data"):
            if key in a: self.external.append((tag, key, a[key]))
        if tag not in ("meta", "br", "input", "img", "link", "hr", "wbr"):
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag: self.stack.pop()
    def handle_endtag(self, tag):
        if tag not in self.stack: return
        while self.stack:
            top = self.stack.pop()
            if top == "a" and self.marker_depth is not None and len(self.stack) == self.marker_depth:
                self.marker_depth = None
            if top == tag: break

dom = Dom()
dom.feed(open(dom_path, encoding="utf-8").read())
c = dom.counts
errors = []
def want(key, value):
    if c[key] != value: errors.append("%s: %d in the DOM, want %d" % (key, c[key], value))
want("svg", len([ch for ch in charts if any(s["points"] for s in ch["series"])]))
want("series", want_series)
want("line", want_series)
want("marker", want_markers)
want("marker_title", want_markers)
want("legend", want_series)
want("cite", want_citations)
for key in ("script", "iframe", "img", "link"):
    want(key, 0)
if dom.external: errors.append("attributes that load something: %r" % dom.external[:5])
print("%d series, %d markers, %d citations" % (c["series"], c["marker"], c["cite"]))
for e in errors: print(e)
sys.exit(1 if errors else 0)
PY
    ); then
        ok "$name: $result"
    else
        not_ok "$name" "$result"
    fi
}

# ------------------------------------------------------------------ setup --

DB=$WORK/t.db
if ! "$TRACKER" import --db "$DB" "$SRC"/sample_articles/*.txt "$SRC/tests/cli/fixtures/hostile.txt" \
        >"$WORK/import.out" 2>&1; then
    echo "Bail out! tracker import failed:"; cat "$WORK/import.out"; exit 1
fi

# report NAME ARGS...: the HTML and the JSON of one report.
report() {
    local name=$1
    shift
    "$TRACKER" report --db "$DB" "$@" --format html -o "$WORK/$name.html" 2>"$WORK/$name.err" &&
        "$TRACKER" report --db "$DB" "$@" --format json -o "$WORK/$name.json" 2>>"$WORK/$name.err"
}

for spec in "hostages_held:--metric hostages_held" "killed:--metric killed" "overview:--all"; do
    name=${spec%%:*}
    args=${spec#*:}
    # shellcheck disable=SC2086
    if ! report "$name" $args; then
        not_ok "report $args" "$(cat "$WORK/$name.err")"
        continue
    fi
    if ! browser --dump-dom "file://$WORK/$name.html" >"$WORK/$name.dom"; then
        not_ok "$name: chromium --dump-dom" "$(tail -5 "$WORK/chromium.err")"
        continue
    fi
    check_dom "$name: DOM" "$WORK/$name.dom" "$WORK/$name.json"

    for size in 1200,2000 390,1400; do
        png="$OUT/report-$name-${size%%,*}px.png"
        rm -f -- "$png"
        if browser --screenshot="$png" --window-size="$size" "file://$WORK/$name.html" >/dev/null &&
                [ -s "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
            ok "$name: screenshot $png"
        else
            not_ok "$name: screenshot at $size" "$(tail -5 "$WORK/chromium.err")"
        fi
    done
done

# The hostile article's strings are in the killed report as text, not markup.
if grep -q "&lt;script&gt;alert" "$WORK/killed.dom" && ! grep -qi "<script" "$WORK/killed.dom"; then
    ok "hostile article: <script> stays text in the browser's DOM"
else
    not_ok "hostile article: <script> in the DOM or its escaped text missing" \
        "$(grep -o '.\{40\}script.\{40\}' "$WORK/killed.dom" | head -3)"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
