#!/usr/bin/env bash
# Schema upgrades through the real binary:
#   - a database made by the first release (tests/fixtures/schema_v1.sql) is
#     migrated in place by any command and its claims come out of export,
#     query and articles; an import adds to it;
#   - a database whose recorded schema version is newer than this tracker
#     knows is refused by every command with one clear line on stderr, a
#     non-zero exit status (2, a database that cannot be used) and nothing
#     on stdout, and its file is left byte for byte as it was.
#
#   bash tests/cli/run_schema_tests.sh <path-to-tracker> <source-dir>
#
# "ok - name" / "not ok - name" per check, then "N passed, M failed"; exits
# 1 when any check failed. Databases are built with python3's sqlite3.
set -u

. "$(dirname "$0")/common.sh"
take_tracker_and_source "$@"
require_tools python3 sha256sum mktemp

FIXTURE=$SRC/tests/fixtures/schema_v1.sql
[ -e "$FIXTURE" ] || { echo "$FIXTURE missing" >&2; exit 2; }
unset TRACKER_DB
export TZ=UTC LC_ALL=C

PASSED=0
FAILED=0
T=$(mktemp -d "${TMPDIR:-/tmp}/tracker-schema.XXXXXX") || exit 2
trap 'rm -rf -- "$T"' EXIT
trap 'exit 130' INT TERM

# check NAME FUNCTION: runs FUNCTION in a subshell in a fresh folder $D.
check() {
    local name=$1 status
    D=$T/$2
    mkdir -p "$D"
    (cd "$D" && "$2") >"$D.log" 2>&1 </dev/null
    status=$?
    if [ "$status" -eq 0 ]; then
        PASSED=$((PASSED + 1))
        echo "ok - $name"
        grep '^# ' "$D.log"
    else
        FAILED=$((FAILED + 1))
        echo "not ok - $name"
        sed -e 's/^/#   /' "$D.log" | head -n 40
    fi
}

fail() {
    echo "$*"
    return 1
}

# sql DB STATEMENTS: runs SQL on DB (python3's sqlite3, no sqlite3 shell needed).
sql() {
    python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute(sys.argv[2]).fetchall() if sys.argv[2].lstrip().upper().startswith(("SELECT", "PRAGMA")) else db.executescript(sys.argv[2]) and []
db.commit()
for row in rows:
    print("|".join("" if v is None else str(v) for v in row))' "$1" "$2"
}

# v1_db PATH: the first release's database of the fixture.
v1_db() {
    python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(open(sys.argv[2], encoding="utf-8").read())
db.commit()' "$1" "$FIXTURE"
}

t_v1_upgraded_by_cli() {
    v1_db v1.db
    [ "$(sql v1.db 'SELECT max(version) FROM schema_migrations')" = 1 ] || fail "fixture is not version 1" || return 1
    "$TRACKER" export --db v1.db --format jsonl >export.jsonl 2>err || fail "export failed: $(cat err)" || return 1
    [ ! -s err ] || fail "export wrote to stderr: $(cat err)" || return 1
    local latest
    latest=$(ls "$SRC"/schema/[0-9]*.sql | wc -l)
    [ "$(sql v1.db 'SELECT max(version) FROM schema_migrations')" = "$latest" ] ||
        fail "not migrated to version $latest: $(sql v1.db 'SELECT version FROM schema_migrations')" || return 1
    [ "$(sql v1.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check" || return 1
    [ "$(sql v1.db 'SELECT count(*) FROM articles')|$(sql v1.db 'SELECT count(*) FROM claims')" = "5|9" ] ||
        fail "rows lost in the upgrade" || return 1
    # Export shows the latest revisions only: articles 2, 3, 4 (claims 3-8).
    python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
got = sorted((r["claim_id"], r["metric"], r["value"], r["low"], r["high"], r["qualifier"], r["claimant"],
              r["as_of"], r["outlet"]) for r in rows)
want = [
    (3, "hostages_held", 200, 200, 250, "range", "Hamas", "2023-10-16", "Summit Wire"),
    (4, "hostages_held", 199, 199, 199, "exact", "Israel Defense Forces", "2023-10-16", "Summit Wire"),
    (5, "killed", 1300, 1300, None, "at_least", "Israeli government", "2023-10-13", "Coastline Times"),
    (6, "injured", 3300, 3300, 3300, "approx", "Israeli government", "2023-10-13", "Coastline Times"),
    (7, "displaced", 1400000, None, 1400000, "at_most", "UNRWA", "2023-10-25", "Bridgewater Journal"),
    (8, "killed", 35, 35, 35, "exact", "UNRWA", "2023-10-24", "Bridgewater Journal"),
]
assert got == want, got' export.jsonl || fail "export of the upgraded database" || return 1
    "$TRACKER" query --db v1.db --metric hostages_held --claimant IDF --format csv >query.csv 2>err ||
        fail "query failed: $(cat err)" || return 1
    grep -q '199' query.csv || fail "query by an old alias: $(cat query.csv)" || return 1
    "$TRACKER" articles --db v1.db --format csv >articles.csv 2>err || fail "articles failed: $(cat err)" || return 1
    [ "$(($(wc -l <articles.csv) - 1))" -eq 5 ] || fail "articles: $(cat articles.csv)" || return 1
    # And an import adds to it.
    "$TRACKER" import --db v1.db -q "$SRC/sample_articles/2023-10-20-hamas-frees-two-americans.txt" >out 2>err ||
        fail "import into the upgraded database failed: $(cat out err)" || return 1
    [ "$(sql v1.db 'SELECT count(*) FROM articles')" = 6 ] || fail "import did not add the article"
}

# newer_db PATH JOURNAL: a current database (the fixture, upgraded) that a
# newer tracker then migrated one version further, in journal mode JOURNAL.
newer_db() {
    v1_db "$1"
    "$TRACKER" articles --db "$1" >/dev/null || fail "upgrading the fixture failed" || return 1
    local future
    future=$(($(ls "$SRC"/schema/[0-9]*.sql | wc -l) + 1))
    sql "$1" "CREATE TABLE future_things (id INTEGER PRIMARY KEY);
              INSERT INTO schema_migrations VALUES ($future, '$(printf %04d "$future")_future.sql', '2031-01-01T00:00:00Z');" >/dev/null
    sql "$1" "PRAGMA journal_mode = $2" >/dev/null
    [ ! -e "$1-wal" ] || fail "WAL left behind while building $1" || return 1
    echo "$future"
}

t_newer_refused() {
    local journal future before after cmd
    for journal in delete wal; do
        future=$(newer_db "newer-$journal.db" "$journal") || fail "$future" || return 1
        before=$(sha256sum <"newer-$journal.db")
        for cmd in "query --metric killed" "query --metric killed --latest" "export" "articles" \
                   "report --metric killed" "import $SRC/sample_articles/2023-10-12-israel-says-1300-killed.txt"; do
            # shellcheck disable=SC2086  # cmd is words
            "$TRACKER" $cmd --db "newer-$journal.db" >out 2>err
            local rc=$?
            [ -e query.err ] || cp err query.err
            [ "$rc" -eq 2 ] || fail "tracker $cmd on a newer database ($journal): exit $rc, expected 2; $(cat out err)" || return 1
            [ ! -s out ] || fail "tracker $cmd on a newer database wrote to stdout: $(head -3 out)" || return 1
            [ "$(wc -l <err)" -eq 1 ] || fail "tracker $cmd: expected one error line, got: $(cat err)" || return 1
            grep -qF "newer-$journal.db: database schema version $future is newer than this tracker understands" err &&
                grep -qF "written by a newer tracker" err && grep -qF "upgrade tracker" err ||
                fail "tracker $cmd: unclear message: $(cat err)" || return 1
            after=$(sha256sum <"newer-$journal.db")
            [ "$after" = "$before" ] || fail "tracker $cmd changed the newer database ($journal)" || return 1
            [ ! -s "newer-$journal.db-wal" ] || fail "tracker $cmd left a WAL with content ($journal)" || return 1
        done
        [ "$(sql "newer-$journal.db" 'PRAGMA journal_mode')" = "$journal" ] || fail "journal mode changed" || return 1
    done
    echo "# tracker query on a newer database says: $(cat query.err)"
}

check "a version-1 database is upgraded in place by the CLI, rows kept" t_v1_upgraded_by_cli
check "a database from a newer tracker: one clear line, exit 2, file unchanged" t_newer_refused

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
