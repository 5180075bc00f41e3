// Merges claims that say the same thing twice in one article (spec: "One
// claim, not two"): equal metric, value, qualifier, bounds, population,
// claimant and as_of. The first occurrence is kept.
#pragma once

#include "tracker/model/claim.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace tracker::extract {

// Remembers the keys of the claims seen so far, so that duplicates are
// dropped as they are found: memory grows with the distinct claims of an
// article, not with the number of times they are repeated.
class DuplicateFilter {
  public:
    // True the first time a claim with this key is offered (reads only the
    // key fields, so the caller may fill the others afterwards).
    bool first(const model::Claim& claim);

  private:
    using Key = std::tuple<model::Metric, std::int64_t, model::Qualifier,
                           std::optional<std::int64_t>, std::string, std::string, model::Date>;
    std::set<Key> seen_;
};

std::vector<model::Claim> merge_duplicates(std::vector<model::Claim> claims);

} // namespace tracker::extract
