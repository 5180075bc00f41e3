// Decides what each number counts: the metric (from the noun it counts, the
// verb of its clause, or the cue before it) and the population (from
// demonyms and group words in its noun phrase). Numbers that count things
// other than people, or that no metric word governs, are rejected.
#pragma once

#include "importers/extract/candidate.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace tracker::extract {

// Whether an article speaks more of detention than of hostages.
bool is_detention_article(std::string_view body);

// is_detention_article(body), read only when first asked: few figures'
// metrics depend on it, and it scans the whole article.
class DetentionArticle {
  public:
    explicit DetentionArticle(std::string_view body) : m_body(body) {}
    bool operator()() const {
        if (!m_value) m_value = is_detention_article(m_body);
        return *m_value;
    }

  private:
    std::string_view m_body;
    mutable std::optional<bool> m_value;
};

// `detention_article` says the article is mostly about prisoners and
// detainees, so that people "held", "taken" or "released" with no noun of
// their own are prisoners rather than hostages.
// `previous_sentence` is the last figure of the sentence before, which
// "four of them" may refer to.
void assign_metrics(const TokenizedSentence& sentence, std::vector<Candidate>& candidates,
                    const lexicon::Lexicon& lexicon, const DetentionArticle& detention_article,
                    const Candidate* previous_sentence = nullptr);

} // namespace tracker::extract
