#include "importers/lexicon/lexicon.hpp"

#include "tracker/embedded/resources.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tracker::lexicon {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
        std::size_t at = s.find(sep, from);
        parts.push_back(trim(s.substr(from, at == std::string_view::npos ? s.npos : at - from)));
        if (at == std::string_view::npos) break;
        from = at + 1;
    }
    return parts;
}

// Splits a phrase into the word tokens the extractor produces for it:
// words (with inner hyphens, apostrophes and dots kept) and punctuation.
std::vector<std::string> phrase_words(std::string_view phrase) {
    std::vector<std::string> words;
    std::string current;
    auto flush = [&] {
        if (current.empty()) return;
        std::string folded = fold_word(current);
        // A possessive is a word of its own, as the tokenizer makes it.
        if (folded.size() > 2 && folded.compare(folded.size() - 2, 2, "'s") == 0) {
            words.push_back(folded.substr(0, folded.size() - 2));
            words.emplace_back("'s");
        } else if (folded.size() > 1 && folded.back() == '\'') {
            // "Prisoners'": the apostrophe is a token of its own
            folded.pop_back();
            words.push_back(std::move(folded));
            words.emplace_back("'");
        } else {
            words.push_back(std::move(folded));
        }
        current.clear();
    };
    for (char c : phrase) {
        if (c == ' ') {
            flush();
        } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
            flush();
            words.emplace_back(1, c);
        } else {
            current.push_back(c);
        }
    }
    flush();
    return words;
}

std::optional<TermRole> parse_role(std::string_view s) {
    if (s == "event") return TermRole::event;
    if (s == "head") return TermRole::head;
    if (s == "measure") return TermRole::measure;
    return std::nullopt;
}

std::optional<AttributionKind> parse_attribution(std::string_view s) {
    if (s == "verb") return AttributionKind::verb;
    if (s == "preposition") return AttributionKind::preposition;
    if (s == "citing") return AttributionKind::citing;
    if (s == "noun") return AttributionKind::noun;
    return std::nullopt;
}

std::optional<QualifierCue> parse_qualifier_cue(std::string_view s) {
    if (s == "approx") return QualifierCue::approx;
    if (s == "at_least") return QualifierCue::at_least;
    if (s == "at_most") return QualifierCue::at_most;
    return std::nullopt;
}

std::string user_config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::string(xdg) + "/tracker";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.config/tracker";
    return {};
}

} // namespace

std::string fold_word(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(word[i]);
        // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) reads as an apostrophe.
        if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
            static_cast<unsigned char>(word[i + 2]) == 0x99) {
            out.push_back('\'');
            i += 2;
            continue;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                           : static_cast<char>(c));
    }
    return out;
}

template <typename Payload>
void PhraseTable<Payload>::add(std::string_view phrase, Payload payload) {
    auto words = phrase_words(phrase);
    if (words.empty()) return;
    m_first_filter.add(words.front());
    auto [slot, added] =
        m_by_first.try_emplace(words.front(), static_cast<std::uint32_t>(m_lists.size() + 1));
    if (added) m_lists.emplace_back();
    auto& bucket = m_lists[slot->second - 1];
    // A later entry for the same phrase replaces the earlier one, so that a
    // user's file can correct the built-in lexicon.
    for (auto& entry : bucket) {
        if (entry.words == words) {
            entry.payload = std::move(payload);
            return;
        }
    }
    bucket.push_back(Entry{std::move(words), std::move(payload)});
    std::stable_sort(bucket.begin(), bucket.end(), [](const Entry& a, const Entry& b) {
        return a.words.size() > b.words.size();
    });
    ++m_count;
}

template <typename Payload>
std::uint32_t PhraseTable<Payload>::list_of(std::string_view first) const {
    if (!m_first_filter.may_hold(first)) return 0;
    auto found = m_by_first.find(first);
    return found == m_by_first.end() ? 0 : found->second;
}

template <typename Payload>
const typename PhraseTable<Payload>::Entry*
PhraseTable<Payload>::match(const std::vector<std::string_view>& words, std::size_t at) const {
    if (at >= words.size()) return nullptr;
    return match_list(words, at, list_of(words[at]));
}

template <typename Payload>
const typename PhraseTable<Payload>::Entry*
PhraseTable<Payload>::match_list(const std::vector<std::string_view>& words, std::size_t at,
                                 std::uint32_t list) const {
    if (list == 0 || at >= words.size()) return nullptr;
    for (const Entry& entry : m_lists[list - 1]) {
        if (at + entry.words.size() > words.size()) continue;
        bool same = true;
        for (std::size_t k = 1; k < entry.words.size() && same; ++k)
            same = words[at + k] == entry.words[k];
        if (same) return &entry;
    }
    return nullptr;
}

template class PhraseTable<MetricTerm>;
template class PhraseTable<PopulationTerm>;
template class PhraseTable<std::size_t>;
template class PhraseTable<AttributionKind>;
template class PhraseTable<QualifierCue>;
template class PhraseTable<std::string>;

std::size_t Lexicon::claimant_index(const std::string& canonical) {
    if (auto found = m_claimant_by_name.find(canonical); found != m_claimant_by_name.end())
        return found->second;
    claimants.push_back(Claimant{canonical, {}, {}, {}});
    m_claimant_by_name.emplace(canonical, claimants.size() - 1);
    return claimants.size() - 1;
}

const Claimant* Lexicon::find_claimant(std::string_view canonical) const {
    auto found = m_claimant_by_name.find(canonical);
    return found == m_claimant_by_name.end() ? nullptr : &claimants[found->second];
}

std::optional<std::size_t> Lexicon::find_claimant_index(std::string_view canonical) const {
    auto found = m_claimant_by_name.find(canonical);
    if (found == m_claimant_by_name.end()) return std::nullopt;
    return found->second;
}

const std::vector<NameRef>& Lexicon::names_with_word(std::string_view word) const {
    static const std::vector<NameRef> none;
    auto found = m_names_by_word.find(word);
    return found == m_names_by_word.end() ? none : found->second;
}

const std::vector<std::uint32_t>& Lexicon::claimants_with_surname(std::string_view surname) const {
    static const std::vector<std::uint32_t> none;
    auto found = m_claimants_by_surname.find(surname);
    return found == m_claimants_by_surname.end() ? none : found->second;
}

namespace {

bool is_word_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

} // namespace

bool contains_word(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + 1)) {
        bool left = at == 0 || !is_word_character(text[at - 1]);
        std::size_t after = at + word.size();
        bool right = after >= text.size() || !is_word_character(text[after]);
        if (left && right) return true;
    }
    return false;
}

namespace {

// Words that make an alias the name of a body rather than of a person.
constexpr std::array<std::string_view, 20> k_body_words{
    "ministry", "office",     "forces", "government",  "authorities", "service", "society",
    "brigades", "department", "house",  "nations",     "agency",      "army",    "military",
    "council",  "committee",  "forum",  "association", "observatory", "mission"};

// "Daniel Hagari", "Ashraf al-Qudra", "Vivian van de Perre": two to four
// words, each capitalised or a name particle, none a word for a body.
bool is_personal_name(std::string_view alias) {
    std::size_t words = 0;
    std::size_t from = 0;
    while (from < alias.size()) {
        std::size_t space = alias.find(' ', from);
        std::string_view word =
            alias.substr(from, space == std::string_view::npos ? alias.npos : space - from);
        from = space == std::string_view::npos ? alias.size() : space + 1;
        if (word.empty()) continue;
        ++words;
        std::string folded = fold_word(word);
        bool upper = word[0] >= 'A' && word[0] <= 'Z';
        bool particle = folded.rfind("al-", 0) == 0 || folded.rfind("el-", 0) == 0 ||
                        folded == "van" || folded == "de" || folded == "der" || folded == "den" ||
                        folded == "von" || folded == "da" || folded == "bin" || folded == "ibn" ||
                        folded == "la" || folded == "le";
        if (!upper && !particle) return false;
        for (auto body : k_body_words)
            if (folded == body) return false;
    }
    return words >= 2 && words <= 4;
}

} // namespace

void Lexicon::index_words() {
    std::unordered_map<std::string, WordInfo, TransparentHash, std::equal_to<>> infos;
    m_word_filter = FirstWordFilter{};
    auto index = [&](const auto& table, std::uint32_t WordInfo::*field) {
        table.for_each_first([&](std::string_view word, std::uint32_t list) {
            auto found = infos.find(word);
            if (found == infos.end()) found = infos.emplace(word, WordInfo{}).first;
            found->second.*field = list;
            m_word_filter.add(word);
        });
    };
    index(metric_terms, &WordInfo::metric);
    index(population_terms, &WordInfo::population);
    index(claimant_aliases, &WordInfo::alias);
    index(attribution_cues, &WordInfo::attribution);
    index(qualifier_cues, &WordInfo::qualifier);
    index(non_people, &WordInfo::non_people);
    std::size_t size = 2;
    while (size < 2 * infos.size() + 1)
        size *= 2;
    m_word_slots.assign(size, WordSlot{});
    m_word_tags.assign(size, 0);
    m_word_mask = size - 1;
    for (auto& [word, info] : infos) {
        const std::size_t hash = TransparentHash{}(word);
        std::size_t at = hash & m_word_mask;
        while (m_word_tags[at] != 0)
            at = (at + 1) & m_word_mask;
        m_word_slots[at] = WordSlot{word, info};
        m_word_tags[at] = word_tag(hash);
    }
}

void Lexicon::index_claimants() {
    m_names_by_word.clear();
    m_claimants_by_surname.clear();
    for (std::uint32_t c = 0; c < claimants.size(); ++c) {
        auto& claimant = claimants[c];
        claimant.folded_names.clear();
        claimant.surnames.clear();
        claimant.folded_names.push_back(fold_word(claimant.canonical));
        for (const auto& alias : claimant.aliases) {
            claimant.folded_names.push_back(fold_word(alias));
            if (!is_personal_name(alias)) continue;
            const std::string& name = claimant.folded_names.back();
            claimant.surnames.push_back(name.substr(name.rfind(' ') + 1));
        }
        for (const auto& surname : claimant.surnames) {
            auto& bearers = m_claimants_by_surname[surname];
            if (bearers.empty() || bearers.back() != c) bearers.push_back(c);
        }
        // Every substring that contains_word() would find in a name: one
        // that starts after a non-word character (or at the start) and ends
        // before one (or at the end).
        for (std::uint32_t n = 0; n < claimant.folded_names.size(); ++n) {
            const std::string& name = claimant.folded_names[n];
            for (std::size_t from = 0; from < name.size(); ++from) {
                if (from > 0 && is_word_character(name[from - 1])) continue;
                for (std::size_t to = from + 1; to <= name.size(); ++to) {
                    if (to < name.size() && is_word_character(name[to])) continue;
                    auto& holders = m_names_by_word[name.substr(from, to - from)];
                    if (holders.empty() || holders.back() != NameRef{c, n})
                        holders.push_back(NameRef{c, n});
                }
            }
        }
    }
}

std::optional<std::string> Lexicon::canonical_claimant(std::string_view alias) const {
    auto words = phrase_words(alias);
    std::vector<std::string_view> views(words.begin(), words.end());
    const auto* entry = claimant_aliases.match(views, 0);
    if (!entry || entry->words.size() != views.size()) return std::nullopt;
    return claimants[entry->payload].canonical;
}

std::optional<std::string> Lexicon::add_file_text(std::string_view text, std::string_view origin,
                                                  std::string_view default_section) {
    // Whatever the file holds, and even when a line is refused, the index of
    // first words follows the tables.
    struct Reindex {
        Lexicon& lexicon;
        ~Reindex() { lexicon.index_words(); }
    } reindex{*this};
    std::string section(default_section);
    std::size_t line_number = 0;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t end = text.find('\n', from);
        std::string_view line = text.substr(from, end == text.npos ? text.npos : end - from);
        from = end == text.npos ? text.size() + 1 : end + 1;
        ++line_number;
        auto where = [&] { return std::string(origin) + ":" + std::to_string(line_number) + ": "; };
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            section = std::string(line.substr(1, line.size() - 2));
            continue;
        }
        auto fields = split(line, '\t');
        auto need = [&](std::size_t n) -> std::optional<std::string> {
            if (fields.size() < n)
                return where() + "section [" + section + "] needs " + std::to_string(n) +
                       " tab-separated fields";
            return std::nullopt;
        };
        if (section == "metrics") {
            if (auto e = need(3)) return e;
            auto role = parse_role(fields[1]);
            if (!role) return where() + "unknown role '" + std::string(fields[1]) + "'";
            metric_terms.add(fields[0], MetricTerm{*role, std::string(fields[2])});
        } else if (section == "populations") {
            if (auto e = need(3)) return e;
            PopulationTerm term;
            term.population = std::string(fields[1] == "-" ? "" : fields[1]);
            if (fields[2] == "modifier") {
                term.is_noun = false;
            } else if (fields[2] == "role") {
                term.is_role = true;
            } else if (fields[2] == "role-modifier") {
                term.is_role = true;
                term.is_noun = false;
            } else if (fields[2] != "noun") {
                return where() + "kind must be noun, modifier, role or role-modifier";
            }
            population_terms.add(fields[0], term);
        } else if (section == "claimants") {
            if (auto e = need(2)) return e;
            std::size_t index = claimant_index(std::string(fields[0]));
            claimant_aliases.add(fields[0], index);
            for (auto alias : split(fields[1], '|')) {
                if (alias.empty()) continue;
                claimant_aliases.add(alias, index);
                claimants[index].aliases.emplace_back(alias);
            }
        } else if (section == "numbers") {
            if (auto e = need(2)) return e;
            char* endp = nullptr;
            std::string value(fields[1]);
            long long n = std::strtoll(value.c_str(), &endp, 10);
            if (endp == value.c_str() || *endp != '\0' || n < 0)
                return where() + "not a number: '" + value + "'";
            std::string word = fold_word(fields[0]);
            m_number_filter.add(word);
            number_words[std::move(word)] = n;
        } else if (section == "attribution") {
            if (auto e = need(2)) return e;
            auto kind = parse_attribution(fields[1]);
            if (!kind) return where() + "unknown attribution kind '" + std::string(fields[1]) + "'";
            attribution_cues.add(fields[0], *kind);
        } else if (section == "qualifiers") {
            if (auto e = need(2)) return e;
            auto cue = parse_qualifier_cue(fields[1]);
            if (!cue) return where() + "unknown qualifier '" + std::string(fields[1]) + "'";
            qualifier_cues.add(fields[0], *cue);
        } else if (section == "non_people") {
            if (auto e = need(2)) return e;
            non_people.add(fields[0], std::string(fields[1]));
        } else if (section.empty()) {
            return where() + "no [section] header before the first entry";
        } else {
            return where() + "unknown section [" + section + "]";
        }
    }
    index_claimants();
    return std::nullopt;
}

const Lexicon& Lexicon::builtin() {
    static const Lexicon lexicon = [] {
        Lexicon built;
        for (const auto& resource : embedded::with_prefix("importers/lexicon/")) {
            if (auto error = built.add_file_text(resource.content, resource.name))
                throw std::logic_error("built-in lexicon: " + *error);
        }
        return built;
    }();
    return lexicon;
}

Lexicon Lexicon::load_default(const std::vector<std::string>& extra_files) {
    Lexicon lexicon = builtin();
    std::vector<std::string> files;
    std::string config = user_config_dir();
    std::error_code ec;
    if (!config.empty() && std::filesystem::is_directory(config, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(config, ec))
            if (entry.path().extension() == ".tsv") files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
    }
    files.insert(files.end(), extra_files.begin(), extra_files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error(path + ": cannot read lexicon file");
        std::stringstream content;
        content << in.rdbuf();
        if (auto error = lexicon.add_file_text(content.str(), path))
            throw std::runtime_error(*error);
    }
    return lexicon;
}

} // namespace tracker::lexicon
