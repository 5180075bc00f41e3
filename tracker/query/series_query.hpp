// Series-shaped questions, answered with index seeks rather than scans so
// that they stay fast on millions of claims: each series' latest figure (as
// of a day), and each series' history with one figure per date. A series is
// one (metric, claimant, population), as in claim_query.hpp, and the claim a
// series "says" on a date follows latest_as_of's rule: the most recently
// published article, then the larger value, then the higher claim id. Like
// every query, only the latest revision of each article is read.
#pragma once

#include "tracker/model/claim.hpp"
#include "tracker/model/date.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tracker::query {

// Makes the connection read large databases fast, for a command that only
// reads: SQLite maps the file into memory instead of copying each page
// through read() (k_read_mmap_bytes at most, as much as SQLite maps: pages
// beyond it go through its cache, ~8% slower on a 2.5 GB database), and
// keeps up to k_read_cache_kib of pages and sort space in memory (a report's
// sort of 100,000 claims would otherwise spill to temporary files).
inline constexpr long long k_read_mmap_bytes = 0x7fff0000;
inline constexpr long long k_read_cache_kib = 64 * 1024;
void tune_for_reading(store::Database& db);

// Each series' latest claim within the filter, and dated on or before `day`
// when given: the same answer as latest_as_of(db, filter, day) (with `day`
// unset, as of the end of time). Ordered by metric (declaration order),
// claimant, population. The series are enumerated by skipping through the
// claims_series index one series at a time, then each series' answer is the
// first entry of a backward scan of the same index (schema/0004).
std::vector<model::ClaimRecord> latest_per_series(store::Database& db, const ClaimFilter& filter,
                                                  std::optional<model::Date> day = std::nullopt);

// Each series' full history within the filter: for every as_of date the
// claim that latest_as_of would answer for that day if the series had no
// later claim. Ordered by metric, claimant, population, then as_of.
std::vector<model::ClaimRecord> series_history(store::Database& db, const ClaimFilter& filter);

// EXPLAIN QUERY PLAN of every statement the two functions above run for this
// filter, as "statement: plan line" strings, to show (and test) that indexes
// serve them.
std::vector<std::string> explain_series_queries(store::Database& db, const ClaimFilter& filter);

} // namespace tracker::query
