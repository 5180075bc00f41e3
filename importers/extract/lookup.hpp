// Each token of a sentence is looked up in the lexicon once (see
// lexicon::WordInfo); the stages then match phrase tables through that,
// without hashing the token again for every table and every stage.
#pragma once

#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"

#include <cstdint>

namespace tracker::extract {

// Fills sentence.info: one lexicon lookup per token.
inline void annotate_sentence(TokenizedSentence& sentence, const lexicon::Lexicon& lexicon) {
    sentence.info.clear();
    sentence.info.reserve(sentence.words.size());
    for (std::string_view word : sentence.words)
        sentence.info.push_back(lexicon.word_info(word));
}

// table.match(s.words, at), through the token's WordInfo when the sentence
// has been annotated (by the lexicon that owns `table`).
template <typename Payload>
const typename lexicon::PhraseTable<Payload>::Entry*
lookup(const lexicon::PhraseTable<Payload>& table, std::uint32_t lexicon::WordInfo::*list,
       const TokenizedSentence& s, std::size_t at) {
    if (s.info.size() != s.words.size()) return table.match(s.words, at);
    if (at >= s.info.size() || s.info[at] == nullptr) return nullptr;
    return table.match_list(s.words, at, s.info[at]->*list);
}

} // namespace tracker::extract
