// Decides who claims each figure: the source the sentence attributes it to
// ("according to X", "X said", "said X", "citing X"), normalised through the
// claimant aliases; a pronoun or definite description ("they", "the
// ministry") refers back to an earlier source; anything else is in the
// writer's voice and is claimed by the outlet.
#pragma once

#include "importers/extract/candidate.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tracker::extract {

struct Attribution {
    std::size_t cue = 0;          // token index of the attribution word
    std::size_t source_first = 0; // token span of the source's name
    std::size_t source_last = 0;
    std::string claimant; // canonical name, or the text's own name
    bool citing = false;  // the inner source of a nested attribution
    std::string evidence;
};

// Every attribution of one sentence, in text order. `history` holds the
// claimants named so far in the article (most recent last) for
// back-references; `outlet` is the fallback.
std::vector<Attribution> find_attributions(std::string_view body, const TokenizedSentence& sentence,
                                           const lexicon::Lexicon& lexicon,
                                           const std::vector<std::string>& history);

// Whether `word` stands in `text` as a whole word (lexicon::contains_word),
// and if so how often it occurs there at all, overlapping occurrences and
// occurrences inside other words included; {false, 0} otherwise.
std::pair<bool, std::size_t> word_in_text(std::string_view text, std::string_view word);

// Reads the article's sentences in order and assigns claimants.
class ClaimantResolver {
  public:
    ClaimantResolver(const lexicon::Lexicon& lexicon, std::string outlet)
        : m_lexicon(lexicon), m_outlet(std::move(outlet)) {}

    // Assigns claimants and returns the sentence's attributions (the date
    // stage uses them to tell statement days from event days).
    std::vector<Attribution> assign(std::string_view body, const TokenizedSentence& sentence,
                                    std::vector<Candidate>& candidates);

  private:
    const lexicon::Lexicon& m_lexicon;
    std::string m_outlet;
    std::vector<std::string> m_history;
    std::string m_folded_body; // the article in lowercase, for context words
    std::unordered_map<std::string, std::string> m_article_matches; // see claimants.cpp
    // For each word of a lexicon name looked for in the whole article:
    // whether it stands there as a word, and how often it occurs at all.
    std::unordered_map<std::string_view, std::pair<bool, std::size_t>> m_article_words;
};

} // namespace tracker::extract
