#include "importers/extract/merge.hpp"

#include <set>
#include <tuple>

namespace tracker::extract {

std::vector<model::Claim> merge_duplicates(std::vector<model::Claim> claims) {
    using Key = std::tuple<model::Metric, std::int64_t, model::Qualifier,
                           std::optional<std::int64_t>, std::string, std::string, model::Date>;
    std::set<Key> seen;
    std::vector<model::Claim> kept;
    kept.reserve(claims.size());
    for (auto& claim : claims) {
        Key key{claim.metric,     claim.value,    claim.qualifier, claim.high,
                claim.population, claim.claimant, claim.as_of};
        if (seen.insert(key).second) kept.push_back(std::move(claim));
    }
    return kept;
}

} // namespace tracker::extract
