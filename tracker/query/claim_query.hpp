// Questions asked of the stored claims: by date, as of a date, over a period.
#pragma once

#include "tracker/model/claim.hpp"
#include "tracker/model/date.hpp"
#include "tracker/model/metric.hpp"
#include "tracker/store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tracker::query {

// Restricts which claims are considered. Text filters compare case-
// insensitively; `claimant` matches the canonical name or any alias
// registered in the claimants table.
struct ClaimFilter {
    std::optional<model::Metric> metric;
    std::optional<std::string> claimant;
    std::optional<std::string> population; // "" selects claims with no population
    std::optional<std::string> outlet;
    std::optional<std::string> conflict; // the articles' conflict, case-insensitive
    std::optional<model::Date> from;     // as_of >= from
    std::optional<model::Date> to;       // as_of <= to
};

// Claims matching the filter, ordered by as_of, claimant, population, value.
std::vector<model::ClaimRecord> find_claims(store::Database& db, const ClaimFilter& filter);

// Claims whose as_of is exactly `day`, same order as find_claims.
std::vector<model::ClaimRecord> claims_on(store::Database& db, const ClaimFilter& filter,
                                          model::Date day);

// "What did each source say as of `day`": for each (claimant, population,
// metric) series, the claim with the latest as_of <= day. Ties on that date
// go to the most recently published article, then the larger value. Ordered
// by metric, claimant, population.
std::vector<model::ClaimRecord> latest_as_of(store::Database& db, const ClaimFilter& filter,
                                             model::Date day);

} // namespace tracker::query
