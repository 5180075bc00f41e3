// The words the extraction stages use, loaded from data files: metric terms,
// population words, claimant aliases, number words, attribution cues and
// words that mark a number as not counting people. The built-in files are
// embedded at build time; users extend them with their own files.
#pragma once

#include <algorithm>
#include <array>
#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tracker::lexicon {

// What a metric term says about the number it attaches to.
enum class TermRole {
    event,   // a happening: "killed", "taken hostage", "released"
    head,    // a noun for whom is counted: "hostages", "prisoners"
    measure, // a noun that is itself a count of a metric: "deaths", "casualties"
};

struct MetricTerm {
    TermRole role = TermRole::event;
    std::string
        meaning; // event:
                 // killed|injured|missing|taken|held|released|detained|displaced|casualties|died_generic
                 // head: hostage|prisoner|people|body
                 // measure: a metric name
};

struct PopulationTerm {
    std::string population; // "" for a people word with no group of its own ("people")
    bool is_noun = true;    // "Palestinians" (noun) vs "Palestinian" (modifier)
    bool is_role = false;   // a role ("soldiers") outranks a nationality
};

struct Claimant {
    std::string canonical;
    std::vector<std::string> aliases;
    // Derived when the lexicon is loaded, so that the extractor never folds
    // names while it reads: every name in lower case (canonical first), and
    // the surnames of the aliases that are personal names ("hagari").
    std::vector<std::string> folded_names;
    std::vector<std::string> surnames;
};

// One name of one claimant: claimants[claimant].folded_names[name].
struct NameRef {
    std::uint32_t claimant = 0;
    std::uint32_t name = 0;
    friend bool operator==(const NameRef&, const NameRef&) = default;
    friend auto operator<=>(const NameRef&, const NameRef&) = default;
};

// Whether `word` stands in `text` as a whole word: neither a letter nor a
// digit right before or right after it.
bool contains_word(std::string_view text, std::string_view word);

// Hashes std::string and std::string_view alike, for lookups that build no string.
// FNV-1a: the keys are short words, for which it is cheaper than std::hash.
struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
        std::uint64_t h = 14695981039346656037ull;
        for (char c : text)
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return static_cast<std::size_t>(h);
    }
};

// A filter on a word's first byte and length that rejects, without hashing,
// most words a table does not hold (every token is looked up in several).
class FirstWordFilter {
  public:
    void add(std::string_view word) {
        m_bits[slot(word) / 64] |= std::uint64_t{1} << (slot(word) % 64);
    }
    bool may_hold(std::string_view word) const {
        return (m_bits[slot(word) / 64] >> (slot(word) % 64)) & 1u;
    }

  private:
    static std::size_t slot(std::string_view word) {
        std::size_t first = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
        return first * 32 + std::min<std::size_t>(word.size(), 31);
    }
    std::array<std::uint64_t, 256 * 32 / 64> m_bits{};
};

// A phrase is matched against lowercase word tokens; multi-word phrases
// are stored under their first word.
template <typename Payload> class PhraseTable {
  public:
    struct Entry {
        std::vector<std::string> words;
        Payload payload;
    };

    void add(std::string_view phrase, Payload payload);
    // Longest entry whose words equal words[at..], if any.
    const Entry* match(const std::vector<std::string_view>& words, std::size_t at) const;
    // The same, given list_of(words[at]) (looked up once per token).
    const Entry* match_list(const std::vector<std::string_view>& words, std::size_t at,
                            std::uint32_t list) const;
    // The entries that start with `first` as a list number for match_list(),
    // 0 if there are none.
    std::uint32_t list_of(std::string_view first) const;
    // Calls fn(first word, list number) for every first word.
    template <typename Fn> void for_each_first(Fn fn) const {
        for (const auto& [word, list] : m_by_first)
            fn(std::string_view(word), list);
    }
    std::size_t size() const { return m_count; }

  private:
    // Looked up by string_view without building a string for every token;
    // the value is a list number: 1 + index in m_lists.
    std::unordered_map<std::string, std::uint32_t, TransparentHash, std::equal_to<>> m_by_first;
    std::vector<std::vector<Entry>> m_lists; // longest entries first
    FirstWordFilter m_first_filter;
    std::size_t m_count = 0;
};

// Where a word starts entries of each phrase table (list numbers for
// PhraseTable::match_list, 0 for none), so that a token is looked up once
// and not once per table and per stage.
struct WordInfo {
    std::uint32_t metric = 0;
    std::uint32_t population = 0;
    std::uint32_t alias = 0;
    std::uint32_t attribution = 0;
    std::uint32_t qualifier = 0;
    std::uint32_t non_people = 0;
};

enum class QualifierCue { approx, at_least, at_most };

enum class AttributionKind {
    verb,        // X said / said X
    preposition, // according to X
    citing,      // citing X (the inner source)
    noun,        // X's statement, an X tally
};

class Lexicon {
  public:
    // The built-in lexicon, then every file in $XDG_CONFIG_HOME/tracker/*.tsv
    // (or ~/.config/tracker), then the given files in order.
    static Lexicon load_default(const std::vector<std::string>& extra_files = {});
    // Only the built-in lexicon (for tests and reproducible runs).
    static const Lexicon& builtin();

    // Reads one lexicon file in the sectioned format (see
    // importers/lexicon/README.md). Returns an error message naming the
    // line, or nothing on success.
    std::optional<std::string> add_file_text(std::string_view text, std::string_view origin,
                                             std::string_view default_section = {});

    PhraseTable<MetricTerm> metric_terms;
    PhraseTable<PopulationTerm> population_terms;
    PhraseTable<std::size_t> claimant_aliases; // index into claimants
    PhraseTable<AttributionKind> attribution_cues;
    PhraseTable<QualifierCue> qualifier_cues;
    PhraseTable<std::string> non_people; // counted things that are not people; payload = reason
    std::unordered_map<std::string, std::int64_t, TransparentHash, std::equal_to<>>
        number_words; // "two" -> 2
    // The value of a number word ("two" -> 2), if it is one.
    std::optional<std::int64_t> number_word(std::string_view word) const {
        if (!m_number_filter.may_hold(word)) return std::nullopt;
        auto found = number_words.find(word);
        if (found == number_words.end()) return std::nullopt;
        return found->second;
    }
    std::vector<Claimant> claimants;

    // The canonical claimant for an alias, if known.
    std::optional<std::string> canonical_claimant(std::string_view alias) const;

    // The claimant with this canonical name, or nullptr.
    const Claimant* find_claimant(std::string_view canonical) const;
    // Its index in `claimants`, if any.
    std::optional<std::size_t> find_claimant_index(std::string_view canonical) const;

    // Every claimant name that contains `word` as a whole word (see
    // contains_word), in claimant then name order. Derived when the lexicon
    // is loaded, so that references are resolved without scanning names.
    const std::vector<NameRef>& names_with_word(std::string_view word) const;
    // The claimants (indexes into `claimants`, each once, in order) with
    // `surname` among their Claimant::surnames. Derived when the lexicon is loaded.
    const std::vector<std::uint32_t>& claimants_with_surname(std::string_view surname) const;

    // Where the word starts entries of the phrase tables, or nullptr if it
    // starts none. Derived by add_file_text(); a table changed otherwise
    // needs index_words().
    const WordInfo* word_info(std::string_view word) const {
        if (!m_word_filter.may_hold(word)) return nullptr;
        const std::size_t hash = TransparentHash{}(word);
        const std::size_t tag = word_tag(hash);
        // Open addressing with linear probing in a power-of-two table; the
        // probe reads the small array of tags, a slot only when its tag matches.
        for (std::size_t at = hash & m_word_mask;; at = (at + 1) & m_word_mask) {
            const std::size_t slot_tag = m_word_tags[at];
            if (slot_tag == 0) return nullptr;
            if (slot_tag == tag && m_word_slots[at].word == word) return &m_word_slots[at].info;
        }
    }
    void index_words();

  private:
    std::size_t claimant_index(const std::string& canonical);
    void index_claimants();

    struct WordSlot {
        std::string word;
        WordInfo info;
    };
    // A slot's tag: its word's hash, never 0, which marks a free slot.
    static std::size_t word_tag(std::size_t hash) { return hash | 1u; }
    // Every first word of a phrase table; at least one slot stays free.
    std::vector<WordSlot> m_word_slots = std::vector<WordSlot>(1);
    // The slots' tags apart, so that probing touches a few cache lines and not
    // the slots (a word and its WordInfo each), most of which it rejects.
    std::vector<std::size_t> m_word_tags = std::vector<std::size_t>(1, 0);
    std::size_t m_word_mask = 0;
    FirstWordFilter m_word_filter; // of the words in m_word_slots

    std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>>
        m_claimant_by_name;
    std::unordered_map<std::string, std::vector<NameRef>, TransparentHash, std::equal_to<>>
        m_names_by_word;
    std::unordered_map<std::string, std::vector<std::uint32_t>, TransparentHash, std::equal_to<>>
        m_claimants_by_surname;
    FirstWordFilter m_number_filter; // of number_words' keys
};

// Lowercases ASCII letters and folds typographic apostrophes to '.
std::string fold_word(std::string_view word);

} // namespace tracker::lexicon
