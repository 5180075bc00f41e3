// The extraction pipeline: article body -> sentences -> numbers ->
// qualifiers -> metrics and populations -> claimants -> dates -> claims.
#pragma once

#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"

#include <string>
#include <vector>

namespace tracker::extract {

// A number that was read but is not a claim, with the reason.
struct RejectedNumber {
    std::string text;
    std::size_t span_start = 0;
    std::size_t span_end = 0;
    std::string reason;
    std::string sentence;
};

struct Extraction {
    std::vector<model::Claim> claims;       // in body order, duplicates merged
    std::vector<RejectedNumber> rejected;   // in body order
};

// The article must have a publication date (the caller reports its absence).
Extraction extract_claims(const model::Article& article, const lexicon::Lexicon& lexicon);

} // namespace tracker::extract
