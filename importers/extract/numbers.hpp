// Finds the numbers of a sentence: digits ("7,028"), scales ("1.4 million"),
// number words ("twenty-one", "two hundred"), ranges ("200 to 250",
// "between 100 and 150") and rejects those that are dates, years, times,
// percentages, money, ages, ordinals or parts of names.
#pragma once

#include "importers/extract/candidate.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace tracker::extract {

// The value of a digit string such as "7,028" or "1.4" times `scale`,
// rounded to a whole number; nothing if it is not a well-formed number.
std::optional<std::int64_t> parse_digits(std::string_view text, std::int64_t scale = 1);

// Whether a folded word is a month name or its abbreviation ("oct", "oct.").
bool is_month_word(std::string_view word);
// Whether a folded word ending in "day" (possessive removed) is a weekday name.
std::optional<unsigned> weekday_of_day_word(std::string_view word);
// Whether a folded word is a weekday name, possessive included ("monday's").
// Inline: it is asked of many words, and most do not end in "day".
inline std::optional<unsigned> weekday_index(std::string_view word) {
    if (word.size() < 6) return std::nullopt; // "friday" is the shortest
    if (word[word.size() - 2] == '\'' && word.back() == 's') word.remove_suffix(2);
    std::size_t n = word.size();
    if (n < 6 || word[n - 3] != 'd' || word[n - 2] != 'a' || word[n - 1] != 'y')
        return std::nullopt;
    return weekday_of_day_word(word);
}

std::vector<Candidate> find_numbers(const TokenizedSentence& sentence,
                                    const lexicon::Lexicon& lexicon);
// The same into `found` (cleared first), reusing its memory from one sentence to the next.
void find_numbers_into(std::vector<Candidate>& found, const TokenizedSentence& sentence,
                       const lexicon::Lexicon& lexicon);

} // namespace tracker::extract
