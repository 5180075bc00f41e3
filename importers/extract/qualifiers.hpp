// Decides each number's qualifier: exact, approx, at_least, at_most or
// range, from the words before it ("more than", "about", "nearly"), from a
// "-plus" after it, and from a qualifier shared by a coordinated list
// ("at least 5,601 killed, 2,212 injured and 1,494 abducted").
#pragma once

#include "importers/extract/candidate.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"

#include <vector>

namespace tracker::extract {

void assign_qualifiers(const TokenizedSentence& sentence, std::vector<Candidate>& candidates,
                       const lexicon::Lexicon& lexicon);

} // namespace tracker::extract
