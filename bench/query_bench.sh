#!/usr/bin/env bash
# Query and report speed on a big generated database.
#
#   bench/query_bench.sh [BUILD_DIR]      (default: build-query-bench)
#
# 1. Builds tracker in Release (without the tests) and bench/query_bench.cpp
#    against its library.
# 2. Generates BUILD_DIR/bench.db, unless it is already there: 10,000,000
#    claims in 200,000 articles (50 claims each), 40 claimants, 11 metrics, 5
#    populations, as_of dates over three years (2021-01-01 to 2023-12-31).
#    The schema comes from tracker itself (its migrations); the rows are made
#    by SQL in one transaction, with the claims indexes dropped during the
#    insert and created again from the schema's own statements.
# 3. Runs bench/query_bench.cpp: in-process medians of the as-of query for one metric,
#    --series for one metric and claimant, and a full HTML report for one
#    metric over about 100,000 claims; then EXPLAIN QUERY PLAN of each.
# 4. Times the same three through the real `tracker` binary (process start,
#    opening the database and writing the output included).
#
# Targets: as-of < 5 ms median, --series < 20 ms, HTML report < 1 s.
# Needs cmake, g++, sqlite3 and python3 (scripts/install-deps).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-query-bench}
db=$build/bench.db
export TZ=UTC LC_ALL=C
unset TRACKER_DB

echo "== building (Release) in $build"
# Warnings are not errors here: the benchmark measures, the test build judges.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTRACKER_BUILD_TESTS=OFF -DTRACKER_WERROR=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
tracker=$build/tracker
c++ -std=c++20 -O2 -DNDEBUG -Wall -Wextra -Werror -I"$root" "$root/bench/query_bench.cpp" \
    "$build/libtracker_lib.a" -lSQLiteCpp -lsqlite3 -lfmt -lxxhash -o "$build/query_bench"

claims_wanted=10000000
have=0
if [ -f "$db" ]; then
  have=$(sqlite3 "$db" "SELECT count(*) FROM claims" 2>/dev/null || echo 0)
fi
if [ "$have" != "$claims_wanted" ]; then
  echo "== generating $db ($claims_wanted claims)"
  rm -f "$db" "$db-wal" "$db-shm"
  "$tracker" articles --db "$db" >/dev/null # creates the schema through the migrations
  indexes=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' AND sql IS NOT NULL")
  drops=$(sqlite3 "$db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' AND sql IS NOT NULL")
  start=$(date +%s)
  sqlite3 "$db" <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -2000000;
PRAGMA temp_store = MEMORY;
BEGIN;
$drops
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
INSERT INTO claimants (id, name) SELECT i, printf('Claimant %02d', i) FROM n;
INSERT INTO claimant_aliases (alias, claimant_id) VALUES ('C7', 7);
-- 200,000 articles, about 182 a day over 1,096 days, 25 outlets.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999)
INSERT INTO articles (id, content_hash, path, url, title, outlet, published, imported_at)
SELECT i + 1, 'bench-' || i, 'bench/' || i || '.txt', 'https://bench.example.org/' || i,
       'Bench article ' || i, 'Outlet ' || (i % 25),
       date('2021-01-01', '+' || (i * 1096 / 200000) || ' days'), '2024-01-01T00:00:00Z'
FROM n;
-- 50 claims an article: every metric, claimant and population, a value that
-- grows with the date, dated up to two days before publication, one in
-- seventeen a lower bound and one in thirteen approximate. The article's
-- publication date is copied as the store's trigger would
-- (schema/0004_series_reads.sql).
WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < $claims_wanted - 1)
INSERT INTO claims (id, article_id, metric, value, qualifier, low, high, population, claimant_id,
                    as_of, sentence, span_start, span_end, rule, published)
SELECT j + 1, a.id,
       CASE j % 11 WHEN 0 THEN 'killed' WHEN 1 THEN 'injured' WHEN 2 THEN 'missing'
         WHEN 3 THEN 'hostages_taken' WHEN 4 THEN 'hostages_held' WHEN 5 THEN 'hostages_released'
         WHEN 6 THEN 'hostages_killed' WHEN 7 THEN 'detained' WHEN 8 THEN 'prisoners_released'
         WHEN 9 THEN 'casualties' ELSE 'displaced' END,
       v, q, CASE WHEN q = 'at_most' THEN NULL ELSE v END, CASE WHEN q = 'at_least' THEN NULL ELSE v END,
       CASE (j / 11) % 5 WHEN 0 THEN '' WHEN 1 THEN 'children' WHEN 2 THEN 'women'
         WHEN 3 THEN 'civilians' ELSE 'soldiers' END,
       (j / 55) % 40 + 1,
       date(a.published, '-' || (j % 3) || ' days'),
       'Claimant ' || ((j / 55) % 40 + 1) || ' said ' || v || ' people were counted.',
       0, 0, 'bench', a.published
FROM (SELECT j, (j / 50) + 1 AS article_id,
             100 + (j / 50) * 3 / 20 + (j % 97) AS v,
             CASE WHEN j % 17 = 0 THEN 'at_least' WHEN j % 13 = 0 THEN 'approx' ELSE 'exact' END AS q
      FROM n) g
JOIN articles a ON a.id = g.article_id;
$indexes
COMMIT;
PRAGMA journal_mode = WAL;
SQL
  echo "   generated in $(( $(date +%s) - start )) s: $(sqlite3 "$db" "SELECT count(*) FROM claims") claims," \
       "$(sqlite3 "$db" "SELECT count(*) FROM articles") articles, $(du -h "$db" | cut -f1)"
fi

metric=killed
claimant="Claimant 07"
as_of=2023-06-30
from=2022-01-01
to=2022-04-30
echo "== claims of $metric from $from to $to: $(sqlite3 "$db" "SELECT count(*) FROM claims WHERE metric = '$metric' AND as_of BETWEEN '$from' AND '$to'")"

echo "== in-process (query_bench)"
"$build/query_bench" "$db" "$metric" "$claimant" "$as_of" "$from" "$to" || status=$?

# median_ms RUNS COMMAND...: the median wall time of a command, in ms.
median_ms() {
  local runs=$1
  shift
  local times=() i t0 t1
  "$@" >/dev/null # warm-up
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null
    t1=$EPOCHREALTIME
    times+=("$(python3 -c "print(($t1 - $t0) * 1000)")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)]}'
}

echo "== through the tracker binary (process start and output included)"
echo "   tracker --version:                 $(median_ms 21 "$tracker" --version) ms median (process start alone)"
echo "   query --as-of $as_of:        $(median_ms 21 "$tracker" query --db "$db" --metric "$metric" --as-of "$as_of" --format jsonl) ms median"
echo "   query --series --claimant C7:      $(median_ms 21 "$tracker" query --db "$db" --metric "$metric" --claimant C7 --series --format jsonl) ms median"
echo "   report --format html (~100k claims): $(median_ms 5 "$tracker" report --db "$db" --metric "$metric" --from "$from" --to "$to" --format html -o "$build/report.html") ms median," \
     "$(du -h "$build/report.html" | cut -f1)"
exit "${status:-0}"
