// The extraction pipeline: article body -> sentences -> numbers ->
// qualifiers -> metrics and populations -> claimants -> dates -> claims.
#pragma once

#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"

#include <string>
#include <vector>

namespace tracker::extract {

// A number that was read but is not a claim, with the reason. Offsets
// only, so that a page of a million numbers costs little memory.
struct RejectedNumber {
    std::string text;
    std::size_t span_start = 0;
    std::size_t span_end = 0;
    std::string reason;
    std::size_t sentence_start = 0; // byte offsets of its sentence in the body
    std::size_t sentence_end = 0;
};

struct Extraction {
    std::vector<model::Claim> claims; // in body order, duplicates merged
    // The first k_max_rejected numbers that are not claims, in body order,
    // for explanations; `more_rejected` counts the others.
    std::vector<RejectedNumber> rejected;
    std::size_t more_rejected = 0;
};

inline constexpr std::size_t k_max_rejected = 10000;

// The longest evidence sentence stored with a claim; a longer span (text
// without sentence ends) is kept as a window around the figure.
inline constexpr std::size_t k_max_evidence_bytes = 1024;

// The article must have a publication date (the caller reports its absence).
Extraction extract_claims(const model::Article& article, const lexicon::Lexicon& lexicon);

} // namespace tracker::extract
