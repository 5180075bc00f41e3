// Decides what each number counts: the metric (from the noun it counts, the
// verb of its clause, or the cue before it) and the population (from
// demonyms and group words in its noun phrase). Numbers that count things
// other than people, or that no metric word governs, are rejected.
#pragma once

#include "importers/extract/candidate.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"

#include <vector>

namespace tracker::extract {

void assign_metrics(const TokenizedSentence& sentence, std::vector<Candidate>& candidates,
                    const lexicon::Lexicon& lexicon);

} // namespace tracker::extract
