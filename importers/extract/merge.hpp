// Merges claims that say the same thing twice in one article (spec: "One
// claim, not two"): equal metric, value, qualifier, bounds, population,
// claimant and as_of. The first occurrence is kept.
#pragma once

#include "tracker/model/claim.hpp"

#include <vector>

namespace tracker::extract {

std::vector<model::Claim> merge_duplicates(std::vector<model::Claim> claims);

} // namespace tracker::extract
