#include "importers/extract/qualifiers.hpp"

#include "importers/extract/lookup.hpp"

namespace tracker::extract {

namespace {

using model::Qualifier;

Qualifier to_qualifier(lexicon::QualifierCue cue) {
    switch (cue) {
    case lexicon::QualifierCue::approx: return Qualifier::approx;
    case lexicon::QualifierCue::at_least: return Qualifier::at_least;
    case lexicon::QualifierCue::at_most: return Qualifier::at_most;
    }
    return Qualifier::exact;
}

bool is_auxiliary(std::string_view w) {
    return w == "were" || w == "was" || w == "are" || w == "is" || w == "have" || w == "has" ||
           w == "had" || w == "remain" || w == "remained" || w == "remains";
}

// Words that may stand between two numbers of one list without giving the
// second number a clause of its own.
bool is_list_filler(const TokenizedSentence& s, std::size_t i, const lexicon::Lexicon& lexicon) {
    std::string_view w = s.word(i);
    if (w == "," || w == "and" || w == "or" || w == "were" || w == "was" || w == "have" ||
        w == "has" || w == "had" || w == "been" || w == "are" || w == "is")
        return true;
    if (lookup(lexicon.population_terms, &lexicon::WordInfo::population, s, i)) return true;
    return lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, i) != nullptr;
}

bool is_particle_verb(std::string_view w) {
    return w == "handed" || w == "hand" || w == "hands" || w == "handing" || w == "turned" ||
           w == "turn" || w == "turns" || w == "took" || w == "take" || w == "taken" ||
           w == "taking" || w == "won" || w == "signed" || w == "passed";
}

} // namespace

void assign_qualifiers(const TokenizedSentence& s, std::vector<Candidate>& candidates,
                       const lexicon::Lexicon& lexicon) {
    const Candidate* previous = nullptr;
    for (Candidate& c : candidates) {
        c.qualifier_first = c.first;
        if (c.range_high) {
            c.qualifier = Qualifier::range;
            c.own_qualifier = true;
            // "between 200 and 250" starts at "between".
            if (c.first > 0 && s.word(c.first - 1) == "between") c.qualifier_first = c.first - 1;
            c.add_reason("qualifier: range");
        } else {
            // The longest cue that ends right before the number.
            for (std::size_t length = 4; length >= 1 && !c.own_qualifier; --length) {
                if (c.first < length) continue;
                std::size_t at = c.first - length;
                const auto* cue =
                    lookup(lexicon.qualifier_cues, &lexicon::WordInfo::qualifier, s, at);
                // "handed over 25", "took over 3": a verb particle, not "more than".
                bool particle = cue && cue->words.size() == 1 && cue->words[0] == "over" &&
                                at > 0 && is_particle_verb(s.word(at - 1));
                if (cue && cue->words.size() == length && !particle) {
                    c.qualifier = to_qualifier(cue->payload);
                    c.qualifier_first = at;
                    c.own_qualifier = true;
                    std::string phrase;
                    for (const auto& w : cue->words)
                        phrase += (phrase.empty() ? "" : " ") + w;
                    c.add_reason("qualifier: '" + phrase + "'");
                }
            }
            // "68,000-plus"
            if (!c.own_qualifier && c.last >= c.first + 2 && s.word(c.last) == "plus" &&
                s.word(c.last - 1) == "-") {
                c.qualifier = Qualifier::at_least;
                c.own_qualifier = true;
                c.add_reason("qualifier: '-plus'");
            }
        }
        if (!c.own_qualifier && previous && previous->qualifier != Qualifier::exact &&
            previous->qualifier != Qualifier::range && c.reject.empty()) {
            // A qualifier covers the numbers of one list: only list words
            // between the two, joined by a comma, "and" or "or", and no verb
            // of the second number's own ("... and 91,722 were injured").
            bool joined =
                c.first > 0 && (s.word(c.first - 1) == "," || s.word(c.first - 1) == "and" ||
                                s.word(c.first - 1) == "or");
            bool only_list_words = c.first - previous->last <= 8;
            for (std::size_t k = previous->last + 1; only_list_words && k < c.first; ++k)
                only_list_words = is_list_filler(s, k, lexicon);
            std::size_t next = c.last + 1;
            while (next < s.tokens.size() &&
                   lookup(lexicon.population_terms, &lexicon::WordInfo::population, s, next))
                ++next;
            // B's own verb makes a new clause only when A's clause already had one.
            bool verb_between = false;
            for (std::size_t k = previous->last + 1; k < c.first; ++k)
                verb_between =
                    verb_between || is_auxiliary(s.word(k)) ||
                    lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, k) != nullptr;
            bool own_verb = verb_between && is_auxiliary(s.word(next));
            if (joined && only_list_words && !own_verb) {
                c.qualifier = previous->qualifier;
                c.add_reason("qualifier: shared with the list's first number");
            }
        }
        if (c.reject.empty()) previous = &c;
    }
}

} // namespace tracker::extract
