#include "importers/extract/metrics.hpp"

#include "importers/extract/lookup.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace tracker::extract {

namespace {

using lexicon::TermRole;
using model::Metric;

// Words that carry no content of their own between a number and its verb.
constexpr std::array<std::string_view, 48> k_predicate_fillers{
    "were",     "was",       "are",        "is",      "have",  "has",        "had",      "been",
    "being",    "be",        "now",        "still",   "also",  "reportedly", "believed", "feared",
    "presumed", "confirmed", "listed",     "as",      "it",    "they",       "he",       "she",
    "said",     "says",      "say",        "who",     "that",  "later",      "already",  "all",
    "then",     "now",       "officially", "thought", "known", "to",         "remain",   "remained",
    "remains",  "currently", "each",       "alone",   "would", "will",       "among",    "those"};

// Words after a number that end its noun phrase without naming a head.
constexpr std::array<std::string_view, 62> k_function_words{
    "in",     "on",    "at",     "to",    "from",   "by",      "with",   "for",   "into",
    "across", "since", "during", "after", "before", "were",    "was",    "are",   "is",
    "have",   "has",   "had",    "been",  "be",     "being",   "will",   "would", "could",
    "may",    "might", "who",    "whom",  "which",  "that",    "it",     "they",  "he",
    "she",    "as",    "and",    "or",    "but",    "than",    "the",    "a",     "an",
    "this",   "these", "those",  "its",   "their",  "his",     "her",    "still", "now",
    "also",   "all",   "each",   "so",    "alone",  "already", "inside", "out"};

// Words between a number and its head that do not change whom it counts.
constexpr std::array<std::string_view, 22> k_skippable_modifiers{
    "more",      "other",        "additional", "further",  "living", "surviving",
    "alive",     "unidentified", "identified", "foreign",  "young",  "remaining",
    "confirmed", "known",        "registered", "reported", "new",    "fellow",
    "innocent",  "total",        "estimated",  "abducted"};

// Nouns that stand before "of" and let the count pass to what follows:
// "1,650 reports of people missing", "13 members of UN staff".
constexpr std::array<std::string_view, 5> k_transparent_nouns{"reports", "members", "cases",
                                                              "groups", "number"};

// Words in a sentence that put "held" and "released" in a prison setting.
constexpr std::array<std::string_view, 14> k_prison_words{
    "prison",    "prisons",   "prisoners", "prisoner", "jail",      "jails",    "custody",
    "detention", "detainees", "detained",  "arrested", "sentences", "sentence", "inmates"};

template <std::size_t N> bool in(const std::array<std::string_view, N>& words, std::string_view w) {
    // Length and first letter first: most words differ there, and it saves a memcmp call.
    for (auto x : words)
        if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
    return false;
}

bool is_aux(std::string_view w) {
    return w == "were" || w == "was" || w == "are" || w == "is" || w == "have" || w == "has" ||
           w == "had" || w == "been" || w == "being" || w == "be" || w == "remain" ||
           w == "remained" || w == "remains";
}

struct NounPhrase {
    std::size_t end = 0;    // last token of the phrase (== number's last token when empty)
    std::string head_class; // hostage | prisoner | body | people | "" (no head)
    std::optional<Metric> measure;
    std::vector<lexicon::PopulationTerm> populations;
    bool mixed = false;      // "women and children": several groups, no single population
    bool partitive = false;  // "of them", "of whom", "of the captives"
    bool elliptical = false; // "eight more", "13 others": the noun is the one before
    std::string rejection;   // counted thing is not people
    std::string evidence;    // the words that decided the head
};

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

// Maps a head noun's meaning to a class. Measures name the metric directly.
std::optional<Metric> parse_measure(const std::string& meaning) {
    return model::parse_metric(meaning);
}

// Candidates are in text order and do not overlap, so the one that could
// start at `token` is found by binary search: a sentence full of numbers
// stays linear.
bool starts_candidate(const std::vector<Candidate>& all, std::size_t token, std::size_t* index) {
    auto it = std::lower_bound(all.begin(), all.end(), token,
                               [](const Candidate& c, std::size_t t) { return c.last < t; });
    if (it == all.end() || (it->first != token && it->qualifier_first != token)) return false;
    if (index) *index = static_cast<std::size_t>(it - all.begin());
    return true;
}

NounPhrase read_noun_phrase(const TokenizedSentence& s, const std::vector<Candidate>& all,
                            std::size_t from, const lexicon::Lexicon& lexicon, int depth) {
    NounPhrase np;
    np.end = from - 1;
    std::size_t k = from;
    // "1,205: people killed" in "by the numbers" lists.
    if (s.word(k) == ":" && depth == 0) ++k;
    bool saw_head = false;
    while (k < s.tokens.size() && k < from + 9) {
        std::string_view w = s.word(k);
        if (w == "of" && (s.word(k + 1) == "them" || s.word(k + 1) == "whom" ||
                          s.word(k + 1) == "those" || s.word(k + 1) == "these")) {
            np.partitive = true;
            np.end = k + 1;
            k += 2;
            continue;
        }
        if (w == "of" && !saw_head &&
            (s.word(k + 1) == "the" || s.word(k + 1) == "its" || s.word(k + 1) == "their")) {
            np.partitive = true;
            k += 2;
            continue;
        }
        // "1.4 million of Gaza's 2.2 million residents": a possessive proper
        // name opens a partitive like "of the"; the count is of what follows.
        if (w == "of" && !saw_head) {
            std::size_t j = k + 1;
            while (j < s.tokens.size() && j < k + 4 && s.tokens[j].kind == TokenKind::word &&
                   s.tokens[j].capitalized)
                ++j;
            if (j > k + 1 && (s.word(j) == "'s" || s.word(j) == "'")) {
                np.partitive = true;
                k = j + 1;
                continue;
            }
        }
        if (saw_head) {
            // "women and children": a second group in one phrase.
            if ((w == "and" || w == "or") && s.tokens.size() > k + 1 &&
                s.tokens[k + 1].kind == TokenKind::word) {
                std::size_t at = k + 1;
                if (s.word(at) == "their" || s.word(at) == "his" || s.word(at) == "her") ++at;
                const auto* pop =
                    lookup(lexicon.population_terms, &lexicon::WordInfo::population, s, at);
                if (!pop && s.tokens[at].kind == TokenKind::word &&
                    !in(k_function_words, s.word(at)) &&
                    !lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, at) &&
                    !s.tokens[at].capitalized && !starts_candidate(all, at, nullptr)) {
                    np.mixed = true; // "patients and their companions"
                    np.end = at;
                    k = at + 1;
                    continue;
                }
                // Only a second group makes a mixed phrase: "prisoners and
                // detainees" still counts one group, "women and children" two.
                if (pop && pop->payload.is_noun && !pop->payload.population.empty()) {
                    np.mixed = true;
                    np.end = at + pop->words.size() - 1;
                    k = np.end + 1;
                    continue;
                }
            }
            break;
        }
        if (s.tokens[k].kind == TokenKind::number && np.partitive && depth == 0) {
            // "97 of the 251 people taken ...": the head is the other number's.
            std::size_t other = 0;
            if (starts_candidate(all, k, &other)) {
                NounPhrase inner =
                    read_noun_phrase(s, all, all[other].last + 1, lexicon, depth + 1);
                np.head_class = inner.head_class;
                np.measure = inner.measure;
                np.evidence = inner.evidence;
                np.end = inner.end;
                // "nine of Sudan's 18 states": a part of things is not people.
                np.rejection = inner.rejection;
                saw_head = !inner.head_class.empty();
            }
            break;
        }
        if (s.tokens[k].kind == TokenKind::number || s.tokens[k].kind == TokenKind::punct) {
            break;
        }
        // A list that shares one head: "4,000 Palestinian and 1,400 Israeli lives".
        if ((w == "and" || w == "or") && depth == 0) {
            std::size_t next = 0;
            if (starts_candidate(all, k + 1, &next)) {
                NounPhrase shared =
                    read_noun_phrase(s, all, all[next].last + 1, lexicon, depth + 1);
                if (!shared.head_class.empty() || shared.measure) {
                    np.head_class = shared.head_class;
                    np.measure = shared.measure;
                    np.evidence = shared.evidence + " (shared by the list)";
                    np.rejection = shared.rejection;
                }
            }
            break;
        }
        if (const auto* np_ = lookup(lexicon.non_people, &lexicon::WordInfo::non_people, s, k);
            np_ && np_->payload != "name") {
            np.rejection = np_->payload + ": " + join(np_->words);
            np.end = k + np_->words.size() - 1;
            break;
        }
        if (in(k_transparent_nouns, w) && s.word(k + 1) == "of") {
            k += 2;
            if (s.word(k) == "the" || s.word(k) == "its" || s.word(k) == "their") ++k;
            continue;
        }
        const auto* term = lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, k);
        const auto* pop = lookup(lexicon.population_terms, &lexicon::WordInfo::population, s, k);
        if (term && term->payload.role == TermRole::event) {
            // "of the dead", "of the displaced": a partitive of a metric's group.
            if (np.partitive && !saw_head) {
                if (auto metric = model::parse_metric(term->payload.meaning == "killed" ? "killed"
                                                      : term->payload.meaning == "injured"
                                                          ? "injured"
                                                          : term->payload.meaning)) {
                    np.measure = metric;
                    np.head_class = "people";
                    np.evidence = join(term->words);
                    np.end = k + term->words.size() - 1;
                    k = np.end + 1;
                    saw_head = true;
                    continue;
                }
            }
            // "bodies of" and "remains of" are events; plain events end the phrase.
            break;
        }
        if (term &&
            (term->payload.role == TermRole::head || term->payload.role == TermRole::measure)) {
            if (term->payload.role == TermRole::head) {
                np.head_class = term->payload.meaning;
            } else {
                np.measure = parse_measure(term->payload.meaning);
                np.head_class = "people";
            }
            np.evidence = join(term->words);
            if (pop) np.populations.push_back(pop->payload);
            np.end = k + term->words.size() - 1;
            k = np.end + 1;
            saw_head = true;
            continue;
        }
        if (pop) {
            np.populations.push_back(pop->payload);
            np.end = k + pop->words.size() - 1;
            k = np.end + 1;
            if (pop->payload.is_noun) {
                np.head_class = "people";
                np.evidence = join(pop->words);
                saw_head = true;
            }
            continue;
        }
        if (in(k_skippable_modifiers, w)) {
            if (w == "more" || w == "other") np.elliptical = true;
            if (!saw_head) np.end = k;
            ++k;
            continue;
        }
        if (in(k_function_words, w) || is_aux(w)) break;
        if (s.tokens[k].capitalized) {
            // A proper modifier ("Hamas fighters", "Kuriga pupils") is skipped
            // when a head follows; a capitalised word alone ends the phrase.
            ++k;
            continue;
        }
        // An unknown word: an adjective when a known head follows ("pro-Assad
        // fighters", "administrative detention orders"), else the head itself.
        // Unknown heads count as people only when they look like a word for
        // people ("farmworkers", "staffers", "protesters").
        np.evidence = std::string(w);
        np.end = k;
        ++k;
        continue;
    }
    if (!saw_head && !np.evidence.empty() && np.head_class.empty() && np.rejection.empty()) {
        std::string_view w = np.evidence;
        auto ends = [&](std::string_view suffix) {
            return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
        };
        if (ends("ers") || ends("ists") || ends("ians") || ends("ees") || ends("men") ||
            ends("ors") || ends("ants") || ends("ents") || ends("staff")) {
            np.head_class = "people";
        } else {
            np.rejection = "not people: " + np.evidence;
        }
    }
    return np;
}

bool is_preposition(std::string_view w) {
    return w == "from" || w == "in" || w == "inside" || w == "across" || w == "at" || w == "near" ||
           w == "of" || w == "on" || w == "during" || w == "for" || w == "by";
}

bool is_saying(std::string_view w) {
    return w == "said" || w == "says" || w == "say" || w == "believes" || w == "believe" ||
           w == "fears" || w == "estimates" || w == "reported" || w == "thinks";
}

using TermEntry = lexicon::PhraseTable<lexicon::MetricTerm>::Entry;

// A main verb of continuing state within the next words of the clause:
// "were still", "are still", "remain", "remained" (not past a comma or
// "and", which start another clause).
bool still_after(const TokenizedSentence& s, std::size_t from) {
    for (std::size_t k = from; k < s.tokens.size() && k < from + 10; ++k) {
        const std::string_view w = s.word(k);
        if (w == "," || w == ";" || w == "and" || w == "but" || w == ".") return false;
        if (w == "remain" || w == "remains" || w == "remained") return true;
        if ((w == "were" || w == "are" || w == "was" || w == "is") && s.word(k + 1) == "still")
            return true;
    }
    return false;
}

struct Predicate {
    const TermEntry* term = nullptr;
    std::size_t end = 0;
    bool bare_participle = false; // no auxiliary before it: "people seized in ..."
    // The participle of a relative clause that a main verb followed: "the
    // people it holds have been killed" keeps "holds" here.
    const TermEntry* relative = nullptr;
};

NounPhrase read_noun_phrase(const TokenizedSentence& s, const std::vector<Candidate>& all,
                            std::size_t from, const lexicon::Lexicon& lexicon, int depth);

// The event named after the phrase: "were killed", "had been wounded", "it
// said had died", "remain in captivity". It reads past what stands between
// a subject and its verb: the other numbers of a list ("1,155 medical
// workers, 205 journalists and 194 ... have been killed"), an apposition
// between commas, a prepositional phrase, and a relative clause ("people
// seized in Israel are being held", "people it holds have been killed").
Predicate read_predicate(const TokenizedSentence& s, const std::vector<Candidate>& all,
                         std::size_t from, const lexicon::Lexicon& lexicon, int depth = 0,
                         bool has_head = true) {
    Predicate found;
    bool aux_seen = false;
    std::size_t limit = std::min(s.tokens.size(), from + 14);
    for (std::size_t k = from; k < limit; ++k) {
        std::string_view w = s.word(k);
        const auto* term = lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, k);
        if (term &&
            (term->payload.role == TermRole::event || term->payload.role == TermRole::measure) &&
            !(w == "free" && !aux_seen)) {
            if (found.term && found.bare_participle && aux_seen) {
                // a relative clause ran on to the main verb
                found.relative = found.term;
                found.term = term;
                found.end = k + term->words.size() - 1;
                found.bare_participle = false;
                return found;
            }
            if (found.term) continue; // a second event without a main verb before it
            found.term = term;
            found.end = k + term->words.size() - 1;
            found.bare_participle = !aux_seen;
            if (aux_seen || depth > 0) return found;
            // A bare participle describes the noun; a main verb may follow.
            k = found.end;
            limit = std::min(s.tokens.size(), k + 10);
            continue;
        }
        if (found.term) {
            // after a bare participle, only an auxiliary opens the main verb
            if (is_aux(w)) {
                aux_seen = true;
                if (w.substr(0, 6) == "remain") {
                    if (const auto* held =
                            lexicon.metric_terms.match(std::vector<std::string_view>{"held"}, 0)) {
                        Predicate main{held, k, false, found.term};
                        // "remain in captivity" names its own event below
                        const auto* next =
                            lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, k + 1);
                        if (next && next->payload.role == TermRole::event) {
                            main.term = next;
                            main.end = k + next->words.size();
                        }
                        return main;
                    }
                }
            } else if (w == "," || w == ";" || w == "and" || w == ".") {
                // "the hostages taken in the attack were still in Gaza": a
                // main verb with no event of its own; the participle only
                // described the noun.
                if (aux_seen) return Predicate{nullptr, 0, false, found.term};
                return found;
            }
            continue;
        }
        if (in(k_predicate_fillers, w) || is_saying(w) ||
            (w == "the" && s.word(k - 1) == "among")) {
            if (is_aux(w)) aux_seen = true;
            continue;
        }
        // The rest of a list: jump to the last number's phrase.
        if ((w == "," || w == "and" || w == "or") && depth < 3) {
            std::size_t next = 0;
            if (starts_candidate(all, k + 1, &next) && all[next].reject.empty() &&
                s.word(all[next].last + 1) != "of") {
                NounPhrase np = read_noun_phrase(s, all, all[next].last + 1, lexicon, 1);
                Predicate shared = read_predicate(s, all, np.end + 1, lexicon, depth + 1);
                return shared;
            }
        }
        // ", had been killed": the verb after a comma; or an apposition up to
        // the next comma, then the verb (", a girl and her grandmother, had been").
        if (w == ",") {
            if (is_aux(s.word(k + 1))) continue;
            std::size_t j = k + 1;
            while (j < std::min(s.tokens.size(), k + 12) && s.word(j) != ",")
                ++j;
            if (s.word(j) == "," && is_aux(s.word(j + 1))) {
                k = j;
                limit = std::min(s.tokens.size(), j + 10);
                continue;
            }
            return found;
        }
        // A prepositional phrase or a relative clause before the verb (only
        // after a noun: a bare number's phrase is its own).
        if (has_head && (is_preposition(w) || s.tokens[k].kind == TokenKind::word)) {
            std::size_t stop = std::min(s.tokens.size(), k + 7);
            std::size_t j = k + 1;
            for (; j < stop; ++j) {
                std::string_view x = s.word(j);
                if (s.tokens[j].kind != TokenKind::word) break;
                if (is_aux(x) || is_saying(x)) break;
            }
            // "187 pupils from the secondary section and 125 from the primary
            // section had been seized": the phrase runs into the list's next item.
            if (is_preposition(w)) {
                std::size_t m = k + 1;
                while (m < stop && s.tokens[m].kind == TokenKind::word && s.word(m) != "and" &&
                       !is_aux(s.word(m)))
                    ++m;
                std::size_t next = 0;
                if (m < s.tokens.size() && (s.word(m) == "and" || s.word(m) == ",") &&
                    starts_candidate(all, m + 1, &next)) {
                    k = m - 1;
                    continue;
                }
            }
            // "10 million people in Sudan, roughly a fifth of the population,
            // have been forced ...": the phrase ends at an apposition.
            if (j < stop && s.word(j) == "," && is_preposition(w)) {
                k = j - 1;
                limit = std::min(s.tokens.size(), j + 14);
                continue;
            }
            // "88 UN staff working for it had been killed", "staff who worked
            // for the agency had died": a short relative clause.
            bool relative_clause =
                !is_preposition(w) &&
                ((w.size() > 5 && w.substr(w.size() - 3) == "ing") ||
                 (k > from && (s.word(k - 1) == "who" || s.word(k - 1) == "that")));
            if (j < stop && (is_aux(s.word(j)) || is_saying(s.word(j))) &&
                (is_preposition(w) || w == "the" || is_saying(s.word(j)) || relative_clause)) {
                k = j - 1;
                limit = std::min(s.tokens.size(), j + 10);
                continue;
            }
        }
        return found;
    }
    return found;
}

struct LeftContext {
    const lexicon::PhraseTable<lexicon::MetricTerm>::Entry* event = nullptr;
    std::size_t event_at = 0; // token where the event phrase starts
    const lexicon::PhraseTable<lexicon::MetricTerm>::Entry* head = nullptr;
    std::vector<lexicon::PopulationTerm> populations; // between the cue and the number
    std::optional<std::size_t> linked;   // index of the previous number of the same list
    bool subset = false;                 // "including", "among them"
    bool another = false;                // "another 50", "a further 281"
    std::optional<std::size_t> previous; // the number before, linked or not
    bool include_verb = false;           // "they include 30 children"
};

LeftContext read_left(const TokenizedSentence& s, const std::vector<Candidate>& all,
                      std::size_t self, const lexicon::Lexicon& lexicon) {
    LeftContext left;
    const Candidate& c = all[self];
    if (c.qualifier_first == 0) return left;
    std::size_t stop = c.qualifier_first; // exclusive upper end of the scan
    std::string_view just_before = s.word(stop - 1);
    left.another = just_before == "another" || just_before == "further" ||
                   (just_before == "additional" && stop >= 2);
    // The previous number that is not rejected.
    std::optional<std::size_t> previous;
    for (std::size_t k = self; k-- > 0;) {
        if (all[k].reject.empty()) {
            previous = k;
            break;
        }
    }
    left.previous = previous;
    std::size_t floor = stop > 12 ? stop - 12 : 0;
    bool only_links = true; // only list words between the previous number and this one
    for (std::size_t k = stop; k-- > floor;) {
        std::string_view w = s.word(k);
        if (previous && k <= all[*previous].phrase_end) {
            if (only_links) left.linked = previous;
            break;
        }
        if (w == "include" || w == "includes" || w == "included") {
            // "They include 30 children"; "Those killed included three Britons"
            // reads on for the event before.
            left.subset = true;
            left.include_verb = true;
            only_links = false;
            continue;
        }
        bool among_them = w == "among" && (s.word(k + 1) == "them" || s.word(k + 1) == "those" ||
                                           s.word(k + 1) == "whom");
        // "105 hostages: 81 Israelis ...", "105 hostages — 81 Israelis ...", "(81 Israelis"
        bool opens_list = w == ":" || w == "(" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
        if (w == "including" || among_them || opens_list ||
            (w == "of" && s.word(k + 1) == "whom")) {
            // A part of a total belongs to the figure just before it ("injured
            // 43, including 12 children"), or, after words that close that
            // figure's clause, to the sentence's main figure, the first one
            // ("274 killed and 698 wounded in the operation, among them 64 children").
            left.subset = true;
            bool right_after = previous && all[*previous].metric;
            for (std::size_t j = previous ? all[*previous].phrase_end + 1 : k; right_after && j < k;
                 ++j)
                right_after = s.word(j) == ",";
            if (right_after) {
                left.linked = previous;
                break;
            }
            for (std::size_t j = 0; j < self; ++j) {
                if (all[j].reject.empty() && all[j].metric) {
                    left.linked = j;
                    break;
                }
            }
            break;
        }
        if (w == ";" || w == "while" || w == "but" || w == "whereas" || w == "although") break;
        if (!(w == "," || w == "and" || w == "or" || w == "with" || w == "them" || w == "of" ||
              w == "the" || w == "another" || w == "further" || w == "a" || w == "from" ||
              w == "to" || w == "that" || w == "figure" || w == "total" || w == "number" ||
              w == "count" || w == "tally"))
            only_links = false;
        const auto* term = lookup(lexicon.metric_terms, &lexicon::WordInfo::metric, s, k);
        if (term && k + term->words.size() <= stop) {
            if (term->payload.role == TermRole::head) {
                if (!left.head) left.head = term;
            } else if (!left.event && !left.head) {
                left.event = term;
                left.event_at = k + term->words.size();
            }
        }
        if (!left.event) {
            // "the number of abducted pupils at 215": a noun between the cue
            // and the number says whom it counts ("Israeli strikes ... rose
            // to 7,028" does not).
            if (const auto* pop =
                    lookup(lexicon.population_terms, &lexicon::WordInfo::population, s, k);
                pop && k + pop->words.size() <= stop && pop->payload.is_noun && stop - k <= 4 &&
                !s.tokens[k].capitalized)
                left.populations.push_back(pop->payload);
        }
    }
    return left;
}

// Whether a population is a nationality (a demonym) rather than a role.
bool is_nationality(const lexicon::Lexicon& lexicon, const std::string& population) {
    if (population.empty()) return false;
    std::vector<std::string_view> word{population};
    const auto* term = lexicon.population_terms.match(word, 0);
    return term && !term->payload.is_role;
}

bool mentions_un(const TokenizedSentence& s) {
    for (std::size_t k = 0; k < s.words.size(); ++k)
        if (s.words[k] == "un" || s.words[k] == "u.n." ||
            (s.words[k] == "united" && s.word(k + 1) == "nations"))
            return true;
    return false;
}

bool prison_setting(const TokenizedSentence& s) {
    for (auto w : s.words)
        if (in(k_prison_words, w)) return true;
    return false;
}

// `prison()` says whether the figure is about prison (read only when it matters).
template <typename Prison>
std::optional<Metric> metric_for(const std::string& head_class, const std::string& event,
                                 const Prison& prison) {
    bool hostage = head_class == "hostage";
    bool prisoner = head_class == "prisoner";
    // Bodies and coffins count the dead, whatever happens to them.
    if (head_class == "body") return Metric::killed;
    if (event == "killed") return hostage ? Metric::hostages_killed : Metric::killed;
    if (event == "injured") return Metric::injured;
    if (event == "missing") return Metric::missing;
    if (event == "displaced") return Metric::displaced;
    if (event == "casualties") return Metric::casualties;
    if (event == "taken")
        return prisoner || (!hostage && prison()) ? Metric::detained : Metric::hostages_taken;
    if (event == "detained") return Metric::detained;
    if (event == "held") {
        if (prisoner || (!hostage && prison())) return Metric::detained;
        return Metric::hostages_held;
    }
    if (event == "released") {
        if (prisoner || (!hostage && prison())) return Metric::prisoners_released;
        return Metric::hostages_released;
    }
    if (event.empty()) {
        if (hostage) return Metric::hostages_held;
        if (prisoner) return Metric::detained;
        if (head_class == "body") return Metric::killed;
    }
    return std::nullopt;
}

std::string choose_population(const std::vector<lexicon::PopulationTerm>& terms, bool mixed) {
    if (mixed) return "";
    std::set<std::string> roles;
    std::set<std::string> nationalities;
    for (const auto& t : terms) {
        if (t.population.empty()) continue;
        (t.is_role ? roles : nationalities).insert(t.population);
    }
    if (roles.size() == 1) return *roles.begin();
    if (!roles.empty()) return "";
    if (nationalities.size() == 1) return *nationalities.begin();
    return "";
}

} // namespace

bool is_detention_article(std::string_view body) {
    // One pass, ASCII case-insensitive, without a lowercased copy of the body.
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    auto at = [&](std::size_t i, std::string_view stem) {
        if (body.size() - i < stem.size()) return false;
        for (std::size_t k = 1; k < stem.size(); ++k)
            if (lower(body[i + k]) != stem[k]) return false;
        return true;
    };
    // The letters a stem starts with, either case: most bytes are none.
    static constexpr auto k_stem_starts = [] {
        std::array<bool, 256> starts{};
        for (unsigned char c : {'p', 'd', 'a', 'c', 'j', 'h', 'k'}) {
            starts[c] = true;
            starts[c - 'a' + 'A'] = true;
        }
        return starts;
    }();
    bool detention = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (!k_stem_starts[static_cast<unsigned char>(body[i])]) continue;
        switch (lower(body[i])) {
        case 'p': detention = detention || at(i, "prison"); break;
        case 'd': detention = detention || at(i, "detain") || at(i, "detention"); break;
        case 'a':
            if (at(i, "abduct")) return false;
            detention = detention || at(i, "arrest");
            break;
        case 'c':
            if (at(i, "captive")) return false;
            detention = detention || at(i, "custody");
            break;
        case 'j': detention = detention || at(i, "jail"); break;
        case 'h':
            if (at(i, "hostage")) return false;
            break;
        case 'k':
            if (at(i, "kidnap")) return false;
            break;
        default: break;
        }
    }
    return detention;
}

namespace {

// "interviews with more than 550 former prisoners", "surveyed 1,200
// residents": the people a study heard are its sample, not a count of what
// happened to them. Read before the qualifier phrase ("more than"), which
// assign_qualifiers has found.
bool counts_interviewees(const TokenizedSentence& s, const Candidate& c) {
    const std::size_t at = c.qualifier_first;
    const std::string_view verb = at > 0 ? s.word(at - 1) : std::string_view{};
    if (verb == "interviewed" || verb == "interviewing" || verb == "surveyed" || verb == "polled")
        return true;
    return verb == "with" && at > 1 &&
           (s.word(at - 2) == "interviews" || s.word(at - 2) == "interview");
}

} // namespace

void assign_metrics(const TokenizedSentence& s, std::vector<Candidate>& all,
                    const lexicon::Lexicon& lexicon, const DetentionArticle& detention_article,
                    const Candidate* previous_sentence) {
    // Both scans run only for a figure whose metric depends on them.
    std::optional<bool> prison_known;
    auto prison = [&] {
        if (!prison_known) prison_known = detention_article() || prison_setting(s);
        return *prison_known;
    };
    const bool sentence_mentions_un = mentions_un(s);
    for (std::size_t self = 0; self < all.size(); ++self) {
        Candidate& c = all[self];
        c.phrase_end = c.last;
        if (!c.reject.empty()) continue;
        if (counts_interviewees(s, c)) {
            c.reject = "interviewees";
            continue;
        }
        NounPhrase np = read_noun_phrase(s, all, c.last + 1, lexicon, 0);
        if (!np.rejection.empty()) {
            c.reject = np.rejection;
            continue;
        }
        c.phrase_end = np.end;
        // Inside a partitive ("97 of the 251 people taken ... remain"), the
        // number's own participle is its predicate; the main verb is the whole's.
        bool inside_partitive = c.first >= 2 &&
                                (s.word(c.first - 1) == "of" || s.word(c.first - 2) == "of") &&
                                (s.word(c.first - 1) == "the" || s.word(c.first - 1) == "of");
        Predicate found = read_predicate(s, all, np.end + 1, lexicon, inside_partitive ? 1 : 0,
                                         !np.head_class.empty());
        LeftContext left = read_left(s, all, self, lexicon);
        // "killed in strikes, 2,360 of them children": "of them" points back
        // to the figure before, whatever stands between.
        if (!left.linked && np.partitive && left.previous && s.word(c.last + 1) == "of")
            left.linked = left.previous;
        const Candidate* linked = left.linked ? &all[*left.linked] : nullptr;
        // "By its count, four of them were killed": them are the last
        // sentence's figure when this sentence has none before.
        if (!linked && np.partitive && !left.previous && s.word(c.last + 1) == "of" &&
            (s.word(c.last + 2) == "them" || s.word(c.last + 2) == "whom"))
            linked = previous_sentence;
        // "They include 30 children": a part of the last sentence's figure.
        if (!linked && left.include_verb && !left.previous && !left.event)
            linked = previous_sentence;
        // "1,968 prisoners: 250 serving life terms and 1,718 people held
        // since the war": a part described by a participle keeps the total's metric.
        if (found.term && found.bare_participle && left.subset && linked && linked->metric)
            found = {};
        // "released 105 hostages held in Gaza", "in exchange for 240 prisoners
        // held by Israel": the verb before governs; the participle describes.
        if (found.term && found.bare_participle && !found.relative && left.event &&
            left.event->payload.role == TermRole::event && left.event_at == c.qualifier_first)
            found = {};
        // "132 of the hostages taken on October 7 were still in Gaza": the
        // participle says how they became hostages; the clause's own verb
        // says what they are now, and hostages who still are, are held.
        if (found.term && found.bare_participle && !found.relative && np.head_class == "hostage" &&
            still_after(s, found.end + 1))
            found = {};
        const TermEntry* predicate = found.term;
        if (predicate) c.phrase_end = found.end;

        std::string head_class = np.head_class;
        if (head_class.empty() && left.head) head_class = left.head->payload.meaning;
        // "The hostages include 30 children": the part is of the subject's kind.
        if (left.include_verb && left.head && (head_class.empty() || head_class == "people"))
            head_class = left.head->payload.meaning;
        // "the people it holds have been killed": people held are hostages.
        if ((head_class.empty() || head_class == "people") && found.relative &&
            (found.relative->payload.meaning == "held" ||
             found.relative->payload.meaning == "taken") &&
            !prison())
            head_class = "hostage";
        // "including 34 it says are dead", "the bodies of eight more": the
        // part is of the same kind as the number it belongs to.
        if ((head_class.empty() || np.elliptical || np.partitive) && linked &&
            !linked->head_class.empty() && linked->head_class != "people")
            head_class = linked->head_class;
        if (head_class.empty() && (np.elliptical || left.another)) {
            for (std::size_t k = self; k-- > 0;) {
                if (all[k].reject.empty() && !all[k].head_class.empty()) {
                    head_class = all[k].head_class;
                    break;
                }
            }
        }
        c.head_class = head_class;
        std::string event;
        std::string why;
        if (np.measure) {
            c.metric = np.measure;
            why = "metric: '" + np.evidence + "' after the number";
        } else if (predicate) {
            if (predicate->payload.role == TermRole::measure) {
                c.metric = model::parse_metric(predicate->payload.meaning);
            } else {
                event = predicate->payload.meaning;
            }
            why = "metric: '" + join(predicate->words) + "' after the number";
        } else if (left.event) {
            if (left.event->payload.role == TermRole::measure) {
                c.metric = model::parse_metric(left.event->payload.meaning);
            } else {
                event = left.event->payload.meaning;
            }
            why = "metric: '" + join(left.event->words) + "' before the number";
        }
        if (!c.metric && event.empty() && linked && linked->metric && linked->reject.empty() &&
            (left.subset || np.partitive)) {
            c.metric = linked->metric;
            why = "metric: a part of the figure before";
        }
        if (!c.metric && (!event.empty() || !head_class.empty()))
            c.metric = metric_for(head_class, event, prison);
        if (c.metric && !head_class.empty() && head_class != "people" && event.empty() &&
            why.empty())
            why = "metric: head noun '" +
                  (!np.evidence.empty() ? np.evidence
                   : left.head          ? join(left.head->words)
                                        : head_class) +
                  "'";
        // A part of a list or total takes the metric of the number it belongs to.
        if (!c.metric && linked && linked->metric && event.empty() && linked->reject.empty() &&
            (left.subset || np.partitive || left.another ||
             linked->phrase_end + 3 >= c.qualifier_first)) {
            c.metric = linked->metric;
            why = "metric: shared with the number it belongs to";
        }
        if (!c.metric && left.another && self > 0) {
            for (std::size_t k = self; k-- > 0;) {
                if (all[k].metric) {
                    c.metric = all[k].metric;
                    why = "metric: 'another' refers to the figure before";
                    break;
                }
            }
        }
        if (!c.metric) {
            c.reject =
                head_class.empty()
                    ? "no metric"
                    : "no metric for '" + (np.evidence.empty() ? head_class : np.evidence) + "'";
            continue;
        }
        c.add_reason(why);
        c.is_subset = left.subset || np.partitive;
        switch (*c.metric) {
        case Metric::hostages_taken:
        case Metric::hostages_held:
        case Metric::hostages_released:
        case Metric::hostages_killed: c.head_class = "hostage"; break;
        case Metric::detained:
        case Metric::prisoners_released: c.head_class = "prisoner"; break;
        default: break;
        }

        // Population: the phrase's own words, else those between the cue and
        // the number, else (for a bare part of a list) the linked number's.
        std::vector<lexicon::PopulationTerm> terms = np.populations;
        if (terms.empty() && np.head_class.empty()) terms = left.populations;
        // "3,342 of the dead were children", "and 2,062 were women": the
        // group named after "were" is whom a bare or partitive number counts.
        if ((np.head_class.empty() || np.partitive || np.measure) && !np.mixed) {
            std::size_t k = np.end + 1;
            if (is_aux(s.word(k)) && !is_aux(s.word(k + 1))) {
                std::vector<lexicon::PopulationTerm> complement;
                bool mixed = false;
                std::size_t j = k + 1;
                while (j < s.tokens.size() && j < k + 6) {
                    const auto* pop =
                        lookup(lexicon.population_terms, &lexicon::WordInfo::population, s, j);
                    if (pop) {
                        complement.push_back(pop->payload);
                        j += pop->words.size();
                    } else if ((s.word(j) == "and" || s.word(j) == "or") && !complement.empty() &&
                               (lookup(lexicon.population_terms, &lexicon::WordInfo::population, s,
                                       j + 1) ||
                                lookup(lexicon.population_terms, &lexicon::WordInfo::population, s,
                                       j + 2))) {
                        mixed = true; // "government soldiers and allied fighters"
                        ++j;
                    } else if (s.tokens[j].kind == TokenKind::word && !complement.empty()) {
                        break;
                    } else if (s.tokens[j].kind == TokenKind::word && !s.tokens[j].capitalized &&
                               !in(k_function_words, s.word(j))) {
                        ++j; // "were government soldiers"
                    } else {
                        break;
                    }
                }
                bool is_noun = false;
                for (const auto& t : complement)
                    is_noun = is_noun || t.is_noun;
                if (is_noun) {
                    terms = complement;
                    if (mixed) np.mixed = true;
                    // the complement is part of this figure's phrase, so that a
                    // list goes on after it ("... were children and 2,500 were women")
                    c.phrase_end = std::max(c.phrase_end, j - 1);
                }
            }
        }
        c.population = choose_population(terms, np.mixed);
        // "11 of its personnel", "eight staffers": staff in a sentence about
        // the UN are UN staff.
        if (c.population.empty() && !np.mixed &&
            (np.evidence == "staff" || np.evidence == "staffers" || np.evidence == "personnel" ||
             np.evidence == "employees") &&
            sentence_mentions_un)
            terms.push_back(lexicon::PopulationTerm{"un staff", true, true}),
                c.population = "un staff";
        bool own_group = false;
        for (const auto& t : terms)
            own_group = own_group || !t.population.empty();
        // A nationality carries over to the next number of a list ("1,400
        // Israelis killed and 4,600 wounded"); a part's own group does not
        // ("including 3,038 children, and 18,967 wounded").
        bool carries = linked && (np.partitive || !linked->is_subset ||
                                  is_nationality(lexicon, linked->population));
        if (!own_group && carries && !np.mixed &&
            (np.head_class.empty() || np.measure || np.partitive)) {
            c.population = linked->population;
            if (!c.population.empty()) c.add_reason("population: carried over from the list");
        } else if (!c.population.empty()) {
            c.add_reason("population: '" + c.population + "'");
        }
    }
}

} // namespace tracker::extract
