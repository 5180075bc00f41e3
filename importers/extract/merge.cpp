#include "importers/extract/merge.hpp"

namespace tracker::extract {

bool DuplicateFilter::first(const model::Claim& claim) {
    return seen_
        .emplace(claim.metric, claim.value, claim.qualifier, claim.high, claim.population,
                 claim.claimant, claim.as_of)
        .second;
}

std::vector<model::Claim> merge_duplicates(std::vector<model::Claim> claims) {
    DuplicateFilter filter;
    std::vector<model::Claim> kept;
    kept.reserve(claims.size());
    for (auto& claim : claims)
        if (filter.first(claim)) kept.push_back(std::move(claim));
    return kept;
}

} // namespace tracker::extract
