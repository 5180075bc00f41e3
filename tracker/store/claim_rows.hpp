// Internal to the store and query modules: the one SELECT shape that reads a
// stored claim with its article and claimant into a model::ClaimRecord.
#pragma once

#include "tracker/model/claim.hpp"

#include <SQLiteCpp/Statement.h>

#include <string_view>

namespace tracker::store::detail {

// The columns read_claim_record expects, in order, over k_claim_record_tables
// (claims c, articles a, claimants k).
inline constexpr std::string_view k_claim_record_columns =
    "c.id, c.metric, c.value, c.qualifier, c.low, c.high, c.population, k.name, c.as_of, "
    "c.sentence, c.span_start, c.span_end, c.rule, "
    "a.id, a.path, a.url, a.title, a.outlet, a.published, a.conflict";

inline constexpr std::string_view k_claim_record_tables =
    "claims c JOIN articles a ON a.id = c.article_id JOIN claimants k ON k.id = c.claimant_id";

// Reads the current row of a statement that selected k_claim_record_columns.
// Throws StoreError for a row the model cannot hold (an unknown metric, an
// impossible date), which only a hand-edited database can contain.
model::ClaimRecord read_claim_record(SQLite::Statement& row);

} // namespace tracker::store::detail
