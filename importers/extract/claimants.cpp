#include "importers/extract/claimants.hpp"

#include "importers/extract/lookup.hpp"

#include "importers/extract/numbers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace tracker::extract {

namespace {

// Adverbs and auxiliaries between a source and its verb: "Hamas also said",
// "the ministry had earlier reported".
constexpr std::array<std::string_view, 18> k_verb_adverbs{
    "also",  "later",   "separately", "previously", "had",        "has",
    "have",  "earlier", "again",      "further",    "then",       "now",
    "first", "would",   "could",      "initially",  "repeatedly", "publicly"};

// Nouns that, after "the", name a body already mentioned: "the ministry".
constexpr std::array<std::string_view, 32> k_descriptions{
    "group",        "ministry",     "military",    "army",        "agency",   "office",
    "organisation", "organization", "observatory", "mission",     "movement", "service",
    "society",      "government",   "authorities", "association", "diocese",  "militia",
    "paper",        "newspaper",    "journal",     "charity",     "union",    "council",
    "forum",        "committee",    "spokesman",   "spokeswoman", "forces",   "police",
    "officials",    "authorities"};

// Descriptions so general that they refer back to whoever spoke last.
constexpr std::array<std::string_view, 10> k_generic_descriptions{
    "group", "organisation", "organization", "movement",    "charity",
    "paper", "newspaper",    "spokesman",    "spokeswoman", "society"};

constexpr std::array<std::string_view, 6> k_pronouns{"it", "they", "he", "she", "we", "its"};

template <std::size_t N> bool in(const std::array<std::string_view, N>& words, std::string_view w) {
    // Length and first letter first: most words differ there, and it saves a memcmp call.
    for (auto x : words)
        if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
    return false;
}

bool is_connector(std::string_view w) {
    return w == "of" || w == "for" || w == "and" || w == "&" || w == "'s" || w == "on" ||
           w == "in" || w == "-";
}

using lexicon::contains_word;

// What the resolver knows while it reads one sentence.
struct Context {
    const lexicon::Lexicon& lexicon;
    std::string_view body;
    std::string_view folded_body; // the whole article, lowercase
    std::string_view folded_sentence;
    // Claimants named so far, most recent last, each once (see remember()).
    std::vector<std::string>& history;
    // Bodies found for a description from the whole article's words, which
    // do not change while the article is read (keyed by the description).
    std::unordered_map<std::string, std::string>* article_matches = nullptr;
    // Whole-article counts of the words of lexicon names (see ClaimantResolver).
    std::unordered_map<std::string_view, std::pair<bool, std::size_t>>* article_words = nullptr;
};

} // namespace

std::pair<bool, std::size_t> word_in_text(std::string_view text, std::string_view word) {
    if (word.empty()) {
        std::pair<bool, std::size_t> stats{contains_word(text, word), 0};
        if (stats.first)
            for (std::size_t at = text.find(word); at != std::string_view::npos;
                 at = text.find(word, at + 1))
                ++stats.second;
        return stats;
    }
    // One pass over the occurrences (overlapping ones too), with memmem.
    bool whole = false;
    std::size_t occurrences = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* at = begin; at < end;) {
        const void* hit =
            ::memmem(at, static_cast<std::size_t>(end - at), word.data(), word.size());
        if (!hit) break;
        const char* found = static_cast<const char*>(hit);
        ++occurrences;
        if (!whole) {
            std::size_t pos = static_cast<std::size_t>(found - begin);
            std::size_t after = pos + word.size();
            // as lexicon::contains_word judges a word's edges
            bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(text[pos - 1]));
            bool right =
                after >= text.size() || !std::isalnum(static_cast<unsigned char>(text[after]));
            whole = left && right;
        }
        at = found + 1;
    }
    return {whole, whole ? occurrences : 0};
}

namespace {

// Whether a word stands in the whole article, and how often it occurs there
// at all; each word of the lexicon's names is counted once per article.
std::pair<bool, std::size_t> article_word(std::string_view word, const Context& ctx) {
    auto count = [&] { return word_in_text(ctx.folded_body, word); };
    if (!ctx.article_words) return count();
    auto found = ctx.article_words->find(word);
    if (found == ctx.article_words->end()) found = ctx.article_words->emplace(word, count()).first;
    return found->second;
}

// Records a claimant as the most recent one. The history keeps each name once
// and only the last few: back-references reach a handful of sentences back,
// and a long article must not make every lookup slower.
void remember(std::vector<std::string>& history, const std::string& claimant) {
    constexpr std::size_t k_max_history = 12;
    if (!history.empty() && history.back() == claimant) return;
    history.erase(std::remove(history.begin(), history.end(), claimant), history.end());
    history.push_back(claimant);
    if (history.size() > k_max_history) history.erase(history.begin());
}

// Every word of `words` stands as a word in `name`, and the description's
// noun heads the name: "the military" fits "Israeli military" but not
// "Hamas's military wing".
bool noun_heads(std::string_view name, std::string_view noun);

bool holds_all(std::string_view name, const std::vector<std::string_view>& words) {
    for (auto w : words)
        if (!contains_word(name, w)) return false;
    if (words.empty()) return true;
    return noun_heads(name, words.back());
}

bool noun_heads(std::string_view name, std::string_view noun) {
    for (std::size_t at = name.find(noun); at != std::string_view::npos;
         at = name.find(noun, at + 1)) {
        std::size_t after = at + noun.size();
        if (after == name.size()) return true;
        if (name[after] != ' ') continue;
        std::string_view rest = name.substr(after + 1);
        if (rest.rfind("of ", 0) == 0 || rest.rfind("for ", 0) == 0 || rest.rfind("in ", 0) == 0 ||
            rest.rfind("on ", 0) == 0)
            return true;
    }
    return false;
}

// The lexicon's names that hold all the words (see holds_all), in claimant
// then name order, found through the lexicon's index of the words in names.
std::vector<lexicon::NameRef> lexicon_names_holding(const lexicon::Lexicon& lexicon,
                                                    const std::vector<std::string_view>& words) {
    std::vector<lexicon::NameRef> holders;
    if (words.empty()) return holders;
    std::vector<const std::vector<lexicon::NameRef>*> lists;
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        lists.push_back(&lexicon.names_with_word(words[i]));
    for (const auto& ref : lexicon.names_with_word(words.back())) {
        bool all = true;
        for (const auto* list : lists)
            all = all && std::binary_search(list->begin(), list->end(), ref);
        if (all && noun_heads(lexicon.claimants[ref.claimant].folded_names[ref.name], words.back()))
            holders.push_back(ref);
    }
    return holders;
}

// The words of a name other than the description's, without possessives.
std::vector<std::string_view> other_words(std::string_view name,
                                          const std::vector<std::string_view>& words) {
    std::vector<std::string_view> others;
    std::size_t from = 0;
    while (from < name.size()) {
        std::size_t space = name.find(' ', from);
        std::string_view word = name.substr(
            from, space == std::string_view::npos ? std::string_view::npos : space - from);
        from = space == std::string_view::npos ? name.size() : space + 1;
        if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
        if (word.size() < 3 || word == "the") continue;
        bool described = false;
        for (auto w : words)
            described = described || w == word;
        if (!described) others.push_back(word);
    }
    return others;
}

// Plural nouns that, lower case before a verb of saying, name a source the
// text leaves unnamed: "aid groups said", "medics said", "witnesses said".
constexpr std::array<std::string_view, 16> k_generic_sources{
    "groups",    "agencies",   "organisations", "organizations", "medics",   "doctors",
    "witnesses", "residents",  "sources",       "activists",     "monitors", "diplomats",
    "rescuers",  "paramedics", "mediators",     "workers"};

// A source the text left unnamed ("Medics", "aid groups"): a crowd of
// people, not a body that "the army" or "the government" could stand for.
bool is_unnamed_source(std::string_view claimant) {
    const std::size_t space = claimant.rfind(' ');
    const std::string folded =
        lexicon::fold_word(space == std::string_view::npos ? claimant : claimant.substr(space + 1));
    return in(k_generic_sources, folded);
}

// "the ministry", "the health ministry", "the military", "it": the body a
// description or pronoun refers back to. In order: the last claimant whose
// names hold the description's words; a body of the lexicon whose names
// hold them and whose other words ("Gaza", "Israeli") the sentence or the
// article mentions (the nearest or most mentioned wins); for a general noun,
// the last claimant; a description the lexicon knows ("the group").
std::string resolve_reference(const std::vector<std::string_view>& words, const Context& ctx) {
    const auto& history = ctx.history;
    std::string_view noun = words.empty() ? std::string_view{} : words.back();
    if (noun.empty() || in(k_pronouns, noun))
        return history.empty() ? std::string() : history.back();
    const auto holders = lexicon_names_holding(ctx.lexicon, words);
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
        if (auto index = ctx.lexicon.find_claimant_index(*it)) {
            for (const auto& ref : holders)
                if (ref.claimant == *index) return *it;
        } else if (holds_all(lexicon::fold_word(*it), words)) {
            return *it; // a body the text named itself has only its own name
        }
    }
    if (!in(k_generic_descriptions, noun)) {
        std::string key;
        for (auto w : words)
            key += std::string(w) + " ";
        for (int scope = 0; scope < 2; ++scope) {
            std::string_view text = scope == 0 ? ctx.folded_sentence : ctx.folded_body;
            if (scope == 1 && ctx.article_matches) {
                if (auto cached = ctx.article_matches->find(key);
                    cached != ctx.article_matches->end()) {
                    if (!cached->second.empty()) return cached->second;
                    break;
                }
            }
            std::string chosen;
            std::size_t best = 0;
            for (const auto& ref : holders) {
                const auto& claimant = ctx.lexicon.claimants[ref.claimant];
                auto others = other_words(claimant.folded_names[ref.name], words);
                if (others.empty()) continue;
                // Sentence: the nearest mention before the end wins;
                // article: the most mentioned.
                std::size_t score = 0;
                bool all_present = true;
                for (const auto& w : others) {
                    if (scope == 0) {
                        if (!contains_word(text, w)) {
                            all_present = false;
                            break;
                        }
                        score = std::max(score, text.rfind(w) + 1);
                    } else {
                        auto [present, occurrences] = article_word(w, ctx);
                        if (!present) {
                            all_present = false;
                            break;
                        }
                        score += occurrences;
                    }
                }
                if (all_present && score > best) {
                    best = score;
                    chosen = claimant.canonical;
                }
            }
            if (scope == 1 && ctx.article_matches) (*ctx.article_matches)[key] = chosen;
            if (!chosen.empty()) return chosen;
        }
    }
    if (in(k_generic_descriptions, noun) && !history.empty()) return history.back();
    std::string phrase = "the";
    for (auto w : words)
        phrase += " " + std::string(w);
    if (auto known = ctx.lexicon.canonical_claimant(phrase)) return *known;
    if (auto known = ctx.lexicon.canonical_claimant("the " + std::string(noun))) return *known;
    // "The army said" after a body the text named itself (no lexicon entry):
    // most likely that body. Never a crowd of unnamed people ("Medics said
    // 12 were wounded. The army said...").
    if (!history.empty() && !is_unnamed_source(history.back()) &&
        (noun == "army" || noun == "military" || noun == "government" || noun == "authorities" ||
         noun == "forces"))
        return history.back();
    return {};
}

// Which rule found a source, in pieces that are joined only for the sources
// that become attributions: most sources looked at are dropped. The pieces
// are literals, words of the sentence or text of the body, all of which
// outlive the sentence's attributions.
struct Evidence {
    std::array<std::string_view, 6> parts{};
    std::string text() const {
        std::string out;
        for (std::string_view part : parts)
            out += part;
        return out;
    }
};

struct Source {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string claimant;
    Evidence evidence;
};

// A claimant alias that ends exactly at `end` (longest first).
std::optional<Source> alias_ending_at(const TokenizedSentence& s, std::size_t end,
                                      const lexicon::Lexicon& lexicon) {
    std::size_t lowest = end >= 7 ? end - 7 : 0;
    for (std::size_t start = lowest; start <= end; ++start) {
        const auto* entry = lookup(lexicon.claimant_aliases, &lexicon::WordInfo::alias, s, start);
        if (entry && start + entry->words.size() - 1 == end) {
            return Source{start,
                          end,
                          lexicon.claimants[entry->payload].canonical,
                          {{"alias '", s.word(start), start < end ? "...'" : "'"}}};
        }
    }
    return std::nullopt;
}

// A claimant alias that starts exactly at `start`.
std::optional<Source> alias_starting_at(const TokenizedSentence& s, std::size_t start,
                                        const lexicon::Lexicon& lexicon) {
    const auto* entry = lookup(lexicon.claimant_aliases, &lexicon::WordInfo::alias, s, start);
    if (!entry) return std::nullopt;
    std::size_t end = start + entry->words.size() - 1;
    return Source{start,
                  end,
                  lexicon.claimants[entry->payload].canonical,
                  {{"alias '", s.word(start), start < end ? "...'" : "'"}}};
}

// Capitalised words that start sentences but never name a source.
constexpr std::array<std::string_view, 32> k_not_names{
    "it",   "its",     "they",    "their", "he",    "she",    "we",  "this",
    "that", "these",   "those",   "there", "in",    "on",     "but", "and",
    "some", "many",    "several", "most",  "other", "others", "all", "both",
    "each", "another", "such",    "no",    "one",   "a",      "an",  "the"};

// Lowercase particles inside personal names: "Vivian van de Perre".
constexpr std::array<std::string_view, 12> k_name_particles{
    "van", "de", "der", "den", "von", "da", "dos", "du", "la", "le", "bin", "ibn"};

bool is_name_word(const TokenizedSentence& s, std::size_t k) {
    const Token& t = s.tokens[k];
    if (t.kind != TokenKind::word) return false;
    if (!t.capitalized) return false;
    std::string_view w = s.word(k);
    return !weekday_index(w) && !is_month_word(w) && !in(k_not_names, w);
}

std::string_view text_of(std::string_view body, const TokenizedSentence& s, std::size_t first,
                         std::size_t last) {
    return body.substr(s.tokens[first].start, s.tokens[last].end - s.tokens[first].start);
}

// A surname standing for a person named in full before: "Hagari said"
// after "Daniel Hagari", or a spokesman known to the lexicon.
std::optional<std::string> claimant_by_surname(std::string_view surname, const Context& ctx) {
    if (surname.size() < 3) return std::nullopt;
    // Through the lexicon's index of surnames, not a scan of every claimant.
    const auto& bearers = ctx.lexicon.claimants_with_surname(surname);
    if (bearers.empty()) return std::nullopt;
    for (auto it = ctx.history.rbegin(); it != ctx.history.rend(); ++it)
        if (auto index = ctx.lexicon.find_claimant_index(*it);
            index && std::find(bearers.begin(), bearers.end(), *index) != bearers.end())
            return *it;
    if (bearers.size() > 1) return std::nullopt; // two bodies share the surname
    return ctx.lexicon.claimants[bearers.front()].canonical;
}

// Whether the word at `k` is a nationality adjective ("Israeli", "Thai").
bool is_demonym(const TokenizedSentence& s, std::size_t k, const Context& ctx) {
    const auto* term = lookup(ctx.lexicon.population_terms, &lexicon::WordInfo::population, s, k);
    return term && term->words.size() == 1 && !term->payload.is_role &&
           !term->payload.population.empty();
}

// Nouns for a body's numbers: "Israeli figures", "Ukrainian data".
constexpr std::array<std::string_view, 12> k_figure_nouns{
    "figures", "tallies",    "tally",   "data",    "estimates", "count",
    "counts",  "statistics", "numbers", "records", "sources",   "authorities"};

// "according to Israeli tallies": a nation's figures are its officials'.
std::optional<Source> national_figures(const TokenizedSentence& s, std::size_t k,
                                       const Context& ctx) {
    if (!is_demonym(s, k, ctx) || !in(k_figure_nouns, s.word(k + 1))) return std::nullopt;
    auto body = ctx.lexicon.canonical_claimant(std::string(s.word(k)) + " officials");
    if (!body) return std::nullopt;
    return Source{k, k + 1, *body, {{"national figures '", s.word(k), " ", s.word(k + 1), "'"}}};
}

// A name the lexicon does not know: the capitalised words ending at `end`
// ("the Palestinian Prisoners' Society"), without the article.
std::optional<Source> proper_name_ending_at(const TokenizedSentence& s, std::size_t end,
                                            const Context& ctx) {
    if (!is_name_word(s, end) && s.word(end) != "'") return std::nullopt;
    std::size_t first = end;
    while (first > 0) {
        std::size_t k = first - 1;
        bool particle = in(k_name_particles, s.word(k)) && k > 0 &&
                        (is_name_word(s, k - 1) || in(k_name_particles, s.word(k - 1)));
        if (is_name_word(s, k) || (s.word(k) == "'" && k > 0) || particle ||
            (is_connector(s.word(k)) && k > 0 && is_name_word(s, k - 1) && s.word(k) != "on" &&
             s.word(k) != "in"))
            first = k;
        else
            break;
    }
    // "Thai Prime Minister Srettha Thavisin": a known alias inside wins.
    for (std::size_t k = first; k <= end; ++k) {
        if (auto alias = alias_starting_at(s, k, ctx.lexicon); alias && alias->last == end)
            return alias;
    }
    if (auto person = claimant_by_surname(s.word(end), ctx))
        return Source{end, end, *person, {{"surname '", s.word(end), "'"}}};
    // Sentence-initial capitals that are not names: "The", "In".
    while (first < end && (s.word(first) == "the" || s.word(first) == "a" || s.word(first) == "an"))
        ++first;
    if (s.word(first) == "the" || s.word(first) == "'") return std::nullopt;
    if (first == end && is_demonym(s, first, ctx)) return std::nullopt; // "Israeli" alone
    std::string_view name = text_of(ctx.body, s, first, end);
    return Source{first, end, std::string(name), {{"name '", name, "'"}}};
}

std::optional<Source> description_ending_at(const TokenizedSentence& s, std::size_t end,
                                            const Context& ctx) {
    std::string_view noun = s.word(end);
    if (in(k_pronouns, noun) && noun != "its") {
        std::string who = resolve_reference({noun}, ctx);
        if (who.empty()) return std::nullopt;
        return Source{end, end, who, {{"back-reference '", noun, "'"}}};
    }
    if (!in(k_descriptions, noun)) return std::nullopt;
    // "the ministry", "the health ministry", "the territory's health
    // ministry", "Gaza's health authorities"; the words before the noun up
    // to a determiner or a possessive describe it.
    std::vector<std::string_view> words{noun};
    std::string owner; // a known body named inside the description
    bool capitalised = false;
    std::size_t first = end;
    while (first > 0 && end - first < 5) {
        std::string_view w = s.word(first - 1);
        bool possessive = w == "'s" || w == "'";
        if (w == "the" || w == "its" || w == "their" || w == "this" || w == "a" || w == "an" ||
            possessive) {
            // "Gaza's health authorities": the owner is context, not a description word.
            std::size_t start = possessive && first >= 2 ? first - 2 : first - 1;
            if (capitalised && !possessive) {
                // "the Health Ministry" in title case is still a description
                // when it fits a body named before or known from the article;
                // "the Kaduna state government" is a body named by the text.
                bool title_case = true;
                for (std::size_t j = first; j <= end; ++j)
                    title_case = title_case && s.tokens[j].capitalized;
                if (title_case) {
                    std::vector<std::string_view> all_words;
                    for (std::size_t j = first; j <= end; ++j)
                        all_words.push_back(s.word(j));
                    std::string who = resolve_reference(all_words, ctx);
                    if (!who.empty())
                        return Source{first - 1, end, who, {{"back-reference 'the ", noun, "'"}}};
                }
                std::string_view name = text_of(ctx.body, s, first, end);
                return Source{first, end, std::string(name), {{"name '", name, "'"}}};
            }
            if ((w == "a" || w == "an") && words.size() == 1) return std::nullopt;
            // "Ukraine's prosecutor general's office": a body of a named
            // owner, found through nested possessives, is the owner's.
            if (possessive) {
                for (std::size_t j = first - 1; j-- > 0 && first - j < 8;) {
                    if (s.tokens[j].kind != TokenKind::word) break;
                    if (s.word(j + 1) != "'s" && s.word(j + 1) != "'") continue;
                    if (auto body = ctx.lexicon.canonical_claimant(s.word(j))) {
                        return Source{j, end, *body, {{"owner '", s.word(j), "' of the ", noun}}};
                    }
                }
            }
            std::string who = resolve_reference(words, ctx);
            // "the UN peacekeeping mission": a body of the named owner.
            if (who.empty()) who = owner;
            if (who.empty()) return std::nullopt;
            return Source{start, end, who, {{"back-reference 'the ", noun, "'"}}};
        }
        if (s.tokens[first - 1].kind != TokenKind::word) break;
        // "the UN agency": a known name as a modifier is part of the description.
        auto known_name = ctx.lexicon.canonical_claimant(w);
        bool known = known_name.has_value();
        if (known && owner.empty()) owner = *known_name;
        if (s.tokens[first - 1].capitalized && first - 1 > 0 && !known)
            capitalised = true;
        else
            words.insert(words.begin(), w);
        --first;
    }
    // "Army figures show ...": a description that opens the sentence.
    if (first == 0 && !capitalised) {
        std::string who = resolve_reference(words, ctx);
        if (!who.empty()) return Source{0, end, who, {{"back-reference '", noun, "'"}}};
    }
    return std::nullopt;
}

// Words for a person or office that speaks for a body named just before:
// "a UN spokesman", "an IDF official", "Hamas's spokesman".
constexpr std::array<std::string_view, 17> k_speaker_roles{
    "spokesman", "spokeswoman", "spokesperson",   "official", "officials", "chief",
    "head",      "envoy",       "representative", "director", "minister",  "spokespeople",
    "commander", "leader",      "correspondent",  "reporter", "reporters"};

std::optional<Source> generic_source_ending_at(const TokenizedSentence& s, std::size_t end,
                                               const Context& ctx) {
    // Lower case, or capitalised only because it opens the sentence ("Medics said").
    if (!in(k_generic_sources, s.word(end)) || (s.tokens[end].capitalized && end > 0))
        return std::nullopt;
    // "the society and other rights groups said": the named one leads.
    for (std::size_t j = end; j-- > 0 && end - j <= 4;)
        if (s.word(j) == "other" && j > 0 && s.word(j - 1) == "and") return std::nullopt;
    std::size_t first = end;
    // "aid groups", "rights groups", "hospital medics": one modifier at most
    if (first > 0 && s.tokens[first - 1].kind == TokenKind::word &&
        !s.tokens[first - 1].capitalized && !in(k_verb_adverbs, s.word(first - 1)) &&
        s.word(first - 1) != "the" && s.word(first - 1) != "and" && s.word(first - 1) != "," &&
        s.word(first - 1).size() > 2)
        --first;
    std::string_view name = text_of(ctx.body, s, first, end);
    return Source{first, end, std::string(name), {{"unnamed source '", name, "'"}}};
}

std::optional<Source> source_ending_at(const TokenizedSentence& s, std::size_t end,
                                       const Context& ctx) {
    if (in(k_speaker_roles, s.word(end)) && end > 0) {
        std::size_t body_end = end - 1;
        if (s.word(body_end) == "'s" && body_end > 0) --body_end;
        // "Ministry officials said", "the army's spokesman said"
        if (in(k_descriptions, s.word(body_end)))
            if (auto ref = description_ending_at(s, body_end, ctx)) return ref;
        if (auto alias = alias_ending_at(s, body_end, ctx.lexicon)) {
            alias->last = end;
            alias->evidence.parts[3] = " (its ";
            alias->evidence.parts[4] = s.word(end);
            alias->evidence.parts[5] = ")";
            // "Israeli officials" stays an alias of its own when the lexicon has one.
            if (auto whole = alias_ending_at(s, end, ctx.lexicon);
                whole && whole->first <= alias->first)
                return whole;
            return alias;
        }
        // "Al Jazeera's correspondent": the speaker's employer, named by the text.
        if (s.word(end - 1) == "'s" && !is_demonym(s, body_end, ctx))
            if (auto named = proper_name_ending_at(s, body_end, ctx)) return named;
    }
    // "health officials in the territory": a modifier makes "officials" a
    // description of a body, not the unnamed officials.
    if ((s.word(end) == "officials" || s.word(end) == "authorities") && end > 0 &&
        s.tokens[end - 1].kind == TokenKind::word && !s.tokens[end - 1].capitalized &&
        !ctx.lexicon.canonical_claimant(std::string(s.word(end - 1)) + " " +
                                        std::string(s.word(end)))) {
        std::vector<std::string_view> words{s.word(end - 1), s.word(end)};
        std::string who = resolve_reference(words, ctx);
        if (!who.empty())
            return Source{
                end - 1, end, who, {{"description '", s.word(end - 1), " ", s.word(end), "'"}}};
    }
    if (auto alias = alias_ending_at(s, end, ctx.lexicon)) {
        // "the group" is an alias of Hamas in the spec's list, but as a
        // description it refers back first.
        if (s.word(alias->first) == "the" && alias->last == alias->first + 1)
            if (auto ref = description_ending_at(s, end, ctx)) return ref;
        return alias;
    }
    if (auto ref = description_ending_at(s, end, ctx)) return ref;
    if (auto generic = generic_source_ending_at(s, end, ctx)) return generic;
    return proper_name_ending_at(s, end, ctx);
}

std::optional<Source> source_starting_at(const TokenizedSentence& s, std::size_t start,
                                         const Context& ctx) {
    if (start >= s.tokens.size()) return std::nullopt;
    if (auto alias = alias_starting_at(s, start, ctx.lexicon)) return alias;
    std::size_t k = start;
    if (s.word(k) == "the" || s.word(k) == "an" || s.word(k) == "a") {
        if (auto alias = alias_starting_at(s, k + 1, ctx.lexicon)) return alias;
        ++k;
    }
    // "citing figures from the Health Ministry": the source of the figures.
    if (in(k_figure_nouns, s.word(k)) &&
        (s.word(k + 1) == "from" || s.word(k + 1) == "of" || s.word(k + 1) == "by"))
        return source_starting_at(s, k + 2, ctx);
    if (auto national = national_figures(s, k, ctx)) return national;
    if (k >= s.tokens.size()) return std::nullopt;
    // The phrase runs to the next punctuation or verb-like word.
    std::size_t end = k;
    while (end + 1 < s.tokens.size() &&
           (is_name_word(s, end + 1) || is_connector(s.word(end + 1)) || s.word(end + 1) == "'" ||
            in(k_descriptions, s.word(end + 1)) ||
            (s.tokens[end + 1].kind == TokenKind::word && end + 2 < s.tokens.size() &&
             in(k_descriptions, s.word(end + 2)) && !s.tokens[end + 1].capitalized)) &&
           end - k < 8)
        ++end;
    while (end > k && is_connector(s.word(end)))
        --end;
    if (auto ref = description_ending_at(s, end, ctx)) return ref;
    if (auto alias = alias_ending_at(s, end, ctx.lexicon); alias && alias->first >= k) return alias;
    if (is_name_word(s, k)) return proper_name_ending_at(s, end, ctx);
    // "according to al-Qudra": a surname that starts in lower case.
    if (auto person = claimant_by_surname(s.word(k), ctx))
        return Source{k, k, *person, {{"surname '", s.word(k), "'"}}};
    return std::nullopt;
}

// The subject of a verb whose own subject slot holds "and" or a comma: "X
// welcomed the release and said ..."; the nearest named source before it.
std::optional<Source> nearest_named_before(const TokenizedSentence& s, std::size_t before,
                                           const Context& ctx) {
    for (std::size_t j = before; j-- > 0;) {
        for (std::size_t start = j >= 6 ? j - 6 : 0; start <= j; ++start) {
            if (auto alias = alias_starting_at(s, start, ctx.lexicon); alias && alias->last == j)
                return alias;
        }
    }
    return std::nullopt;
}

} // namespace

namespace {

std::vector<Attribution> attributions_in(const TokenizedSentence& s, Context& ctx) {
    std::vector<Attribution> found;
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
        const auto* cue =
            lookup(ctx.lexicon.attribution_cues, &lexicon::WordInfo::attribution, s, k);
        if (!cue) continue;
        std::size_t after = k + cue->words.size();
        std::optional<Source> source;
        bool citing = false;
        switch (cue->payload) {
        case lexicon::AttributionKind::verb: {
            // "..., saying it acted": the participle's subject is the
            // sentence's named source, not the pronoun after it.
            if (s.word(k) == "saying") {
                source = nearest_named_before(s, k, ctx);
                break;
            }
            // "a claim by Hamas", "a report by the UN"
            if (s.word(after) == "by") {
                source = source_starting_at(s, after + 1, ctx);
                if (source) break;
            }
            std::size_t end = k;
            // "Hamas also said", "the IDF on Wednesday said"
            while (end > 0) {
                if (in(k_verb_adverbs, s.word(end - 1))) {
                    --end;
                } else if (end >= 2 && weekday_index(s.word(end - 1)) && s.word(end - 2) == "on") {
                    end -= 2;
                } else if (weekday_index(s.word(end - 1)) && end >= 2 &&
                           s.tokens[end - 2].kind == TokenKind::word &&
                           !in(k_verb_adverbs, s.word(end - 2))) {
                    --end; // "the ministry Tuesday said"
                } else {
                    break;
                }
            }
            if (end > 0) {
                std::string_view before = s.word(end - 1);
                if (before == ")" && end >= 3) {
                    // "the UN Office for ... (OCHA) said": the name before the
                    // brackets, or the acronym inside them.
                    std::size_t open = end - 1;
                    while (open > 0 && s.word(open) != "(" && end - open < 6)
                        --open;
                    if (s.word(open) == "(" && open > 0) {
                        source = source_ending_at(s, open - 1, ctx);
                        if (!source && open + 1 < end - 1)
                            source = source_ending_at(s, end - 2, ctx);
                    }
                } else if (before == "," && end >= 2) {
                    // "Hamas's armed wing, the Qassam Brigades, said";
                    // "Islamic Jihad, a smaller armed group, has said";
                    // "The group, which tracks arrests from Thailand, said"
                    std::size_t open = end - 1;
                    while (open > 0 && s.word(open - 1) != "," && end - open < 30)
                        --open;
                    bool relative = open > 0 && s.word(open - 1) == "," &&
                                    (s.word(open) == "which" || s.word(open) == "who" ||
                                     s.word(open) == "whose");
                    if (!relative) source = source_ending_at(s, end - 2, ctx);
                    if (!source || source->claimant.empty()) {
                        for (std::size_t j = end - 2; j-- > 0 && end - j < 12;) {
                            if (s.word(j) == ",") {
                                if (j > 0) source = source_ending_at(s, j - 1, ctx);
                                break;
                            }
                        }
                    }
                } else if ((before == "which" || before == "who") && end >= 3 &&
                           s.word(end - 2) == ",") {
                    // "Israel, which says ..."
                    source = source_ending_at(s, end - 3, ctx);
                } else if (before == "and") {
                    source = nearest_named_before(s, end - 1, ctx);
                } else {
                    source = source_ending_at(s, end - 1, ctx);
                    // "the government media office in Gaza said": a place after
                    // the body's description is not the source.
                    if (source && source->evidence.parts[0].starts_with("name")) {
                        std::size_t j = source->first;
                        while (j > 0 && source->first - j < 3 && !s.tokens[j - 1].capitalized &&
                               s.word(j - 1) != "in" && s.word(j - 1) != "of" &&
                               s.tokens[j - 1].kind == TokenKind::word)
                            --j; // "in the occupied West Bank"
                        if (j >= 2 && (s.word(j - 1) == "in" || s.word(j - 1) == "of") &&
                            (in(k_descriptions, s.word(j - 2)) ||
                             in(k_generic_sources, s.word(j - 2))))
                            if (auto body = source_ending_at(s, j - 2, ctx)) source = body;
                    }
                    // "the society and other rights groups said"; "health
                    // officials in the Hamas-run territory said": the subject's
                    // head stands before "and" or the prepositional phrase.
                    for (std::size_t j = end - 1; !source && j-- > 0 && end - j < 7;) {
                        std::string_view x = s.word(j);
                        if (s.tokens[j].kind != TokenKind::word) break;
                        if ((x == "and" || x == "in" || x == "of" || x == "from") && j > 0)
                            source = source_ending_at(s, j - 1, ctx);
                    }
                }
            }
            // "said the ministry", "said Ashraf al-Qudra"
            if (!source && (end == 0 || s.tokens[end - 1].kind == TokenKind::punct))
                source = source_starting_at(s, after, ctx);
            break;
        }
        case lexicon::AttributionKind::preposition:
            source = source_starting_at(s, after, ctx);
            break;
        case lexicon::AttributionKind::citing:
            if (s.word(after - 1) == "by" && k > 0) {
                // "Israeli officials cited by the Times": the inner source
                // stands before the cue; "the figure was cited by X": X.
                std::string_view before = s.word(k - 1);
                bool passive = before == "was" || before == "were" || before == "is" ||
                               before == "are" || before == "been" || before == "being";
                if (!passive) source = source_ending_at(s, k - 1, ctx);
                if (!source) source = source_starting_at(s, after, ctx);
            } else {
                source = source_starting_at(s, after, ctx);
            }
            citing = true;
            break;
        case lexicon::AttributionKind::noun:
            if (cue->words.size() > 1) {
                // "by its count": the source is the one referred back to.
                if (!ctx.history.empty())
                    source = Source{k, k, ctx.history.back(), {{"back-reference 'its'"}}};
            } else {
                // "the ministry's overall toll", "an AFP tally", "a statement by X"
                for (std::size_t back = 1; back <= 3 && back <= k && !source; ++back) {
                    if (s.word(k - back) == "'s" && k > back)
                        source = source_ending_at(s, k - back - 1, ctx);
                }
                if (!source && k > 0) source = source_ending_at(s, k - 1, ctx);
                if (!source && s.word(after) == "by")
                    source = source_starting_at(s, after + 1, ctx);
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
        a.evidence =
            "claimant: " + source->evidence.text() + " with '" + std::string(s.word(k)) + "'";
        // Later back-references in this sentence may point to this source.
        remember(ctx.history, a.claimant);
        found.push_back(std::move(a));
        // "According to Israeli figures": the source's own words are not cues.
        k = std::max(after - 1, source->last);
    }
    return found;
}

std::string fold_text(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// Where the text after a dateline starts: "GAZA (Wire Desk) - The ministry
// said ..." starts at "The". Zero when the sentence has no dateline.
std::size_t dateline_end(const TokenizedSentence& s) {
    for (std::size_t k = 0; k < s.tokens.size() && k < 12; ++k) {
        std::string_view w = s.word(k);
        if (w == "-" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93") return k + 1;
        bool dateline_token =
            s.tokens[k].capitalized || w == "(" || w == ")" || w == "/" || w == "," || w == "." ||
            (s.tokens[k].kind == TokenKind::word && s.tokens[k].folded.size() <= 3);
        if (!dateline_token) return 0;
    }
    return 0;
}

// Whether an attribution verb ends its sentence ("..., it said.", "...,
// the ministry said on Friday."): then it covers every clause before it.
bool sentence_final(const TokenizedSentence& s, std::size_t cue) {
    for (std::size_t k = cue + 1; k < s.tokens.size(); ++k) {
        std::string_view w = s.word(k);
        if (s.tokens[k].kind == TokenKind::punct) continue;
        if (w == "on" || w == "late" || w == "early" || w == "earlier" || w == "later" ||
            w == "yesterday" || w == "today" || weekday_index(w) || w == "night" ||
            w == "morning" || w == "evening" || w == "afternoon")
            continue;
        return false;
    }
    return true;
}

// Whether a new clause starts between two tokens: ", and X said", "; X said".
bool new_clause_between(const TokenizedSentence& s, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < s.tokens.size(); ++k) {
        std::string_view w = s.word(k);
        if (w == ";") return true;
        if (w == "," &&
            (s.word(k + 1) == "and" || s.word(k + 1) == "but" || s.word(k + 1) == "while"))
            return true;
    }
    return false;
}

} // namespace

std::vector<Attribution> find_attributions(std::string_view body, const TokenizedSentence& sentence,
                                           const lexicon::Lexicon& lexicon,
                                           const std::vector<std::string>& known_history) {
    std::vector<std::string> history = known_history;
    std::string folded_body = fold_text(body);
    std::string folded_sentence =
        fold_text(body.substr(sentence.start, sentence.end - sentence.start));
    Context ctx{lexicon, body, folded_body, folded_sentence, history};
    return attributions_in(sentence, ctx);
}

std::vector<Attribution> ClaimantResolver::assign(std::string_view body, const TokenizedSentence& s,
                                                  std::vector<Candidate>& candidates) {
    if (m_folded_body.size() != body.size()) m_folded_body = fold_text(body);
    // A view of the folded body: the sentence is the same bytes, folded alike.
    std::string_view folded_sentence =
        std::string_view(m_folded_body).substr(s.start, s.end - s.start);
    Context ctx{m_lexicon,       body,      m_folded_body,
                folded_sentence, m_history, &m_article_matches,
                &m_article_words};
    // A body that opens the sentence as its subject ("The Israeli military
    // called the claim ...") is what a later "it" refers to.
    std::size_t subject = dateline_end(s);
    for (std::size_t k = subject; k < subject + 3 && k < s.tokens.size(); ++k) {
        if (auto alias = alias_starting_at(s, k, m_lexicon);
            alias && s.word(alias->first) != "the") {
            remember(ctx.history, alias->claimant);
            break;
        }
        if (s.word(k) != "the" && s.tokens[k].kind == TokenKind::word) break;
    }
    auto attributions = attributions_in(s, ctx);
    // A sentence whose subject refers back ("They also ...", "The group is
    // holding ...") continues the claimant before it.
    std::optional<std::string> continued;
    if (attributions.empty() && !m_history.empty()) {
        // Only a description: a bare "They were among..." is about people,
        // not a source.
        if (s.word(0) == "the" && in(k_descriptions, s.word(1))) {
            std::string who = resolve_reference({s.word(1)}, ctx);
            if (!who.empty()) continued = who;
        }
    }
    for (Candidate& c : candidates) {
        if (!c.reject.empty()) continue;
        const Attribution* best = nullptr;
        long best_distance = 0;
        for (const Attribution& a : attributions) {
            if (a.citing) continue;
            if (a.cue > c.first && !sentence_final(s, a.cue) &&
                new_clause_between(s, c.last + 1, a.source_first))
                continue;
            long d = std::labs(static_cast<long>(a.cue) - static_cast<long>(c.first));
            if (!best || d < best_distance) {
                best = &a;
                best_distance = d;
            }
        }
        if (!best) {
            for (const Attribution& a : attributions)
                if (a.citing) best = &a; // "citing X" alone still names the source
        }
        // "the Journal reported, citing unnamed officials", "X said ..., citing
        // Y": the innermost source, unless a new clause stands between.
        if (best && !best->citing) {
            for (const Attribution& a : attributions)
                if (a.citing && a.cue > best->cue && !new_clause_between(s, best->cue, a.cue)) {
                    best = &a;
                    break;
                }
        }
        if (best) {
            c.claimant = best->claimant;
            c.add_reason(best->evidence);
        } else if (continued) {
            c.claimant = *continued;
            c.add_reason("claimant: the sentence refers back to " + *continued);
        } else {
            c.claimant = m_outlet;
            c.add_reason("claimant: writer's voice, the outlet");
        }
    }
    if (continued) remember(m_history, *continued);
    return attributions;
}

} // namespace tracker::extract
