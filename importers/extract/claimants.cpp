#include "importers/extract/claimants.hpp"

#include "importers/extract/numbers.hpp"

#include <array>
#include <cstdlib>

namespace tracker::extract {

namespace {

// Adverbs and auxiliaries between a source and its verb: "Hamas also said",
// "the ministry had earlier reported".
constexpr std::array<std::string_view, 16> k_verb_adverbs{
    "also",   "later",  "separately", "previously", "had",  "has",   "have",  "earlier",
    "again",  "further", "then",      "now",        "first", "would", "could", "initially"};

// Nouns that, after "the", name a body already mentioned: "the ministry".
constexpr std::array<std::string_view, 28> k_descriptions{
    "group",    "ministry",   "military", "army",      "agency",   "office",     "organisation",
    "organization", "observatory", "mission", "movement", "service", "society", "government",
    "authorities", "association", "diocese", "militia", "paper",    "newspaper",  "journal",
    "charity",  "union",      "council",  "forum",     "committee", "spokesman", "spokeswoman"};

constexpr std::array<std::string_view, 6> k_pronouns{"it", "they", "he", "she", "we", "its"};

template <std::size_t N> bool in(const std::array<std::string_view, N>& words, std::string_view w) {
    for (auto x : words)
        if (x == w) return true;
    return false;
}

bool is_connector(std::string_view w) {
    return w == "of" || w == "for" || w == "and" || w == "&" || w == "'s" || w == "on" ||
           w == "in" || w == "-";
}

// The most recent claimant in the history that a description fits: "the
// ministry" finds "Gaza Health Ministry"; a pronoun takes the last one.
std::string resolve_reference(std::string_view noun, const std::vector<std::string>& history,
                              const lexicon::Lexicon& lexicon) {
    if (history.empty()) return {};
    if (noun.empty() || in(k_pronouns, noun)) return history.back();
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        std::string folded = lexicon::fold_word(*it);
        if (folded.find(noun) != std::string::npos) return *it;
        for (const auto& claimant : lexicon.claimants) {
            if (claimant.canonical != *it) continue;
            for (const auto& alias : claimant.aliases)
                if (lexicon::fold_word(alias).find(noun) != std::string::npos) return *it;
        }
    }
    // A description the lexicon knows as an alias ("the group" for Hamas).
    std::string phrase = "the " + std::string(noun);
    if (auto known = lexicon.canonical_claimant(phrase)) return *known;
    // "the army", "the authorities": a body named before, when the noun is generic.
    if (noun == "group" || noun == "army" || noun == "military" || noun == "government" ||
        noun == "authorities" || noun == "spokesman" || noun == "spokeswoman")
        return history.back();
    return {};
}

struct Source {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string claimant;
    std::string evidence;
};

// A claimant alias that ends exactly at `end` (longest first).
std::optional<Source> alias_ending_at(const TokenizedSentence& s, std::size_t end,
                                      const lexicon::Lexicon& lexicon) {
    std::size_t lowest = end >= 7 ? end - 7 : 0;
    for (std::size_t start = lowest; start <= end; ++start) {
        const auto* entry = lexicon.claimant_aliases.match(s.words, start);
        if (entry && start + entry->words.size() - 1 == end) {
            return Source{start, end, lexicon.claimants[entry->payload].canonical,
                          "alias '" + std::string(s.word(start)) + (start < end ? "...'" : "'")};
        }
    }
    return std::nullopt;
}

// A claimant alias that starts exactly at `start`.
std::optional<Source> alias_starting_at(const TokenizedSentence& s, std::size_t start,
                                        const lexicon::Lexicon& lexicon) {
    const auto* entry = lexicon.claimant_aliases.match(s.words, start);
    if (!entry) return std::nullopt;
    std::size_t end = start + entry->words.size() - 1;
    return Source{start, end, lexicon.claimants[entry->payload].canonical,
                  "alias '" + std::string(s.word(start)) + (start < end ? "...'" : "'")};
}

bool is_name_word(const TokenizedSentence& s, std::size_t k) {
    const Token& t = s.tokens[k];
    if (t.kind != TokenKind::word) return false;
    if (!t.capitalized) return false;
    std::string_view w = s.word(k);
    return !weekday_index(w) && !is_month_word(w) && w != "on" && w != "in";
}

std::string text_of(std::string_view body, const TokenizedSentence& s, std::size_t first,
                    std::size_t last) {
    return std::string(body.substr(s.tokens[first].start, s.tokens[last].end - s.tokens[first].start));
}

// A name the lexicon does not know: the capitalised words ending at `end`
// ("the Palestinian Prisoners' Society"), without the article.
std::optional<Source> proper_name_ending_at(std::string_view body, const TokenizedSentence& s,
                                            std::size_t end, const lexicon::Lexicon& lexicon) {
    if (!is_name_word(s, end) && s.word(end) != "'") return std::nullopt;
    std::size_t first = end;
    while (first > 0) {
        std::size_t k = first - 1;
        if (is_name_word(s, k) || (s.word(k) == "'" && k > 0) ||
            (is_connector(s.word(k)) && k > 0 && is_name_word(s, k - 1) && s.word(k) != "on" &&
             s.word(k) != "in"))
            first = k;
        else
            break;
    }
    // "Thai Prime Minister Srettha Thavisin": a known alias inside wins.
    for (std::size_t k = first; k <= end; ++k) {
        if (auto alias = alias_starting_at(s, k, lexicon); alias && alias->last == end) return alias;
    }
    // Sentence-initial capitals that are not names: "The", "In".
    while (first < end && (s.word(first) == "the" || s.word(first) == "a" || s.word(first) == "an"))
        ++first;
    if (s.word(first) == "the") return std::nullopt;
    std::string name = text_of(body, s, first, end);
    return Source{first, end, name, "name '" + name + "'"};
}

std::optional<Source> description_ending_at(const TokenizedSentence& s, std::size_t end,
                                            const std::vector<std::string>& history,
                                            const lexicon::Lexicon& lexicon) {
    std::string_view noun = s.word(end);
    if (in(k_pronouns, noun) && noun != "its") {
        std::string who = resolve_reference(noun, history, lexicon);
        if (who.empty()) return std::nullopt;
        return Source{end, end, who, "back-reference '" + std::string(noun) + "'"};
    }
    if (!in(k_descriptions, noun)) return std::nullopt;
    // "the ministry", "the health ministry", "the UN agency", "its spokesman"
    std::size_t first = end;
    while (first > 0 && end - first < 4) {
        std::string_view w = s.word(first - 1);
        if (w == "the" || w == "its" || w == "their" || w == "this") {
            std::string who = resolve_reference(noun, history, lexicon);
            if (who.empty()) return std::nullopt;
            return Source{first - 1, end, who, "back-reference 'the " + std::string(noun) + "'"};
        }
        if (s.tokens[first - 1].kind != TokenKind::word) break;
        --first;
    }
    return std::nullopt;
}

std::optional<Source> source_ending_at(std::string_view body, const TokenizedSentence& s,
                                       std::size_t end, const lexicon::Lexicon& lexicon,
                                       const std::vector<std::string>& history) {
    if (auto alias = alias_ending_at(s, end, lexicon)) {
        // "the group" is an alias of Hamas in the spec's list, but as a
        // description it refers back first.
        if (s.word(alias->first) == "the" && alias->last == alias->first + 1)
            if (auto ref = description_ending_at(s, end, history, lexicon)) return ref;
        return alias;
    }
    if (auto ref = description_ending_at(s, end, history, lexicon)) return ref;
    return proper_name_ending_at(body, s, end, lexicon);
}

std::optional<Source> source_starting_at(std::string_view body, const TokenizedSentence& s,
                                         std::size_t start, const lexicon::Lexicon& lexicon,
                                         const std::vector<std::string>& history) {
    if (start >= s.tokens.size()) return std::nullopt;
    if (auto alias = alias_starting_at(s, start, lexicon)) return alias;
    std::size_t k = start;
    if (s.word(k) == "the" || s.word(k) == "an" || s.word(k) == "a") {
        if (auto alias = alias_starting_at(s, k + 1, lexicon)) return alias;
        ++k;
    }
    // The phrase runs to the next punctuation or verb-like word.
    std::size_t end = k;
    while (end + 1 < s.tokens.size() && s.tokens[end + 1].kind == TokenKind::word &&
           (is_name_word(s, end + 1) || is_connector(s.word(end + 1)) || s.word(end + 1) == "'s" ||
            in(k_descriptions, s.word(end + 1))) &&
           end - k < 8)
        ++end;
    while (end > k && is_connector(s.word(end))) --end;
    if (auto ref = description_ending_at(s, end, history, lexicon)) return ref;
    if (auto alias = alias_ending_at(s, end, lexicon); alias && alias->first >= k) return alias;
    if (is_name_word(s, k)) return proper_name_ending_at(body, s, end, lexicon);
    return std::nullopt;
}

} // namespace

std::vector<Attribution> find_attributions(std::string_view body, const TokenizedSentence& s,
                                           const lexicon::Lexicon& lexicon,
                                           const std::vector<std::string>& history) {
    std::vector<Attribution> found;
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
        const auto* cue = lexicon.attribution_cues.match(s.words, k);
        if (!cue) continue;
        std::size_t after = k + cue->words.size();
        std::optional<Source> source;
        bool citing = false;
        switch (cue->payload) {
        case lexicon::AttributionKind::verb: {
            // "..., saying it acted": the participle's subject is the
            // sentence's first named source, not the pronoun after it.
            if (s.word(k) == "saying") {
                for (std::size_t j = 0; j < k && !source; ++j)
                    if (auto alias = alias_starting_at(s, j, lexicon)) source = alias;
                break;
            }
            std::size_t end = k;
            while (end > 0 && in(k_verb_adverbs, s.word(end - 1))) --end;
            if (end > 0) source = source_ending_at(body, s, end - 1, lexicon, history);
            // "said the ministry", "said Ashraf al-Qudra"
            if (!source && (end == 0 || s.tokens[end - 1].kind == TokenKind::punct))
                source = source_starting_at(body, s, after, lexicon, history);
            break;
        }
        case lexicon::AttributionKind::preposition:
            source = source_starting_at(body, s, after, lexicon, history);
            break;
        case lexicon::AttributionKind::citing:
            source = source_starting_at(body, s, after, lexicon, history);
            citing = true;
            break;
        case lexicon::AttributionKind::noun:
            if (cue->words.size() > 1) {
                // "by its count": the source is the one referred back to.
                if (!history.empty()) source = Source{k, k, history.back(), "back-reference 'its'"};
            } else if (k > 0) {
                std::size_t end = k - 1;
                if (s.word(end) == "'s" && end > 0) --end;
                source = source_ending_at(body, s, end, lexicon, history);
                if (!source && s.word(after) == "by")
                    source = source_starting_at(body, s, after + 1, lexicon, history);
            }
            break;
        }
        if (!source || source->claimant.empty()) continue;
        Attribution a;
        a.cue = k;
        a.source_first = source->first;
        a.source_last = source->last;
        a.claimant = source->claimant;
        a.citing = citing;
        a.evidence = "claimant: " + source->evidence + " with '" + std::string(s.word(k)) + "'";
        found.push_back(std::move(a));
        k = after - 1;
    }
    return found;
}

std::vector<Attribution> ClaimantResolver::assign(std::string_view body, const TokenizedSentence& s,
                                                  std::vector<Candidate>& candidates) {
    auto attributions = find_attributions(body, s, m_lexicon, m_history);
    // A sentence whose subject refers back ("They also ...", "The group is
    // holding ...") continues the claimant before it.
    std::optional<std::string> continued;
    if (attributions.empty() && !m_history.empty()) {
        std::size_t k = 0;
        if (s.word(k) == "the" && in(k_descriptions, s.word(k + 1))) {
            std::string who = resolve_reference(s.word(k + 1), m_history, m_lexicon);
            if (!who.empty()) continued = who;
        } else if (s.word(k) == "they" || s.word(k) == "it") {
            continued = m_history.back();
        }
    }
    for (Candidate& c : candidates) {
        if (!c.reject.empty()) continue;
        const Attribution* best = nullptr;
        long best_distance = 0;
        for (const Attribution& a : attributions) {
            if (a.citing) continue;
            long d = std::labs(static_cast<long>(a.cue) - static_cast<long>(c.first));
            if (!best || d < best_distance) {
                best = &a;
                best_distance = d;
            }
        }
        if (!best) {
            for (const Attribution& a : attributions) best = &a;  // only "citing" ones
        }
        // "the Journal reported, citing unnamed officials": the innermost source.
        if (best && !best->citing) {
            for (const Attribution& a : attributions)
                if (a.citing && a.cue > best->cue && a.cue <= best->cue + 4) best = &a;
        }
        if (best) {
            c.claimant = best->claimant;
            c.reasons.push_back(best->evidence);
        } else if (continued) {
            c.claimant = *continued;
            c.reasons.push_back("claimant: the sentence refers back to " + *continued);
        } else {
            c.claimant = m_outlet;
            c.reasons.push_back("claimant: writer's voice, the outlet");
        }
    }
    for (const Attribution& a : attributions) {
        if (m_history.empty() || m_history.back() != a.claimant) m_history.push_back(a.claimant);
    }
    if (continued && (m_history.empty() || m_history.back() != *continued))
        m_history.push_back(*continued);
    return attributions;
}

} // namespace tracker::extract
