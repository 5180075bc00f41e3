#include "importers/extract/numbers.hpp"

#include "importers/extract/lookup.hpp"

#include <array>
#include <cmath>

namespace tracker::extract {

namespace {

constexpr std::array<std::string_view, 12> k_months{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 13> k_month_abbreviations{
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "aug."};
constexpr std::array<std::string_view, 7> k_weekdays{"sunday",   "monday", "tuesday", "wednesday",
                                                     "thursday", "friday", "saturday"};

bool is_scale_word(std::string_view w) {
    return w == "million" || w == "billion" || w == "thousand" || w == "hundred";
}

std::int64_t scale_of(std::string_view w) {
    if (w == "hundred") return 100;
    if (w == "thousand") return 1000;
    if (w == "million") return 1000000;
    if (w == "billion") return 1000000000;
    return 1;
}

bool adjacent(const Token& a, const Token& b) {
    return a.end == b.start;
}

// A number written in words starting at `at`: "two", "twenty-one",
// "one hundred and fifty", "a million" (only before a scale). Returns the
// value and the last token used.
std::optional<std::pair<std::int64_t, std::size_t>>
parse_number_words(const TokenizedSentence& s, std::size_t at, const lexicon::Lexicon& lexicon) {
    std::int64_t total = 0;
    std::int64_t current = 0;
    std::optional<std::size_t> last;
    std::size_t i = at;
    // "a million", "a thousand": the article stands for one.
    if (s.word(i) == "a" && is_scale_word(s.word(i + 1)) && s.word(i + 1) != "hundred") {
        current = 1;
        last = i;
        ++i;
    }
    for (; i < s.tokens.size(); ++i) {
        if (s.tokens[i].kind != TokenKind::word) break;
        std::string_view w = s.word(i);
        if (is_scale_word(w)) {
            if (!last) return std::nullopt; // a scale with nothing before it
            std::int64_t scale = scale_of(w);
            if (scale == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else {
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
            }
            last = i;
            continue;
        }
        if (w == "and" && last && (s.word(*last) == "hundred" || s.word(*last) == "thousand") &&
            lexicon.number_word(s.word(i + 1))) {
            continue;
        }
        // "twenty-one"
        // A loop rather than find(): the words are short, and a memchr call
        // for every word of every sentence costs more than reading them.
        std::size_t dash = 0;
        while (dash < w.size() && w[dash] != '-')
            ++dash;
        if (dash < w.size()) {
            auto tens = lexicon.number_word(w.substr(0, dash));
            auto units = tens ? lexicon.number_word(w.substr(dash + 1)) : std::nullopt;
            if (tens && units && *tens >= 20 && *tens < 100 && *tens % 10 == 0 && *units < 10) {
                current += *tens + *units;
                last = i;
                continue;
            }
            break;
        }
        auto found = lexicon.number_word(w);
        if (!found) break;
        // "twenty five" continues a tens word; two units in a row do not.
        // "twenty five" continues a tens word, "three thousand two" a scale;
        // two units in a row ("two three") do not make one number.
        std::string_view previous = last ? s.word(*last) : std::string_view{};
        if (last && !is_scale_word(previous) && previous != "and" &&
            !(current % 10 == 0 && current >= 20 && *found < 10))
            break;
        current += *found;
        last = i;
    }
    if (!last) return std::nullopt;
    return std::make_pair(total + current, *last);
}

// Whether parse_number_words() could read a number from this word on: only
// "a" ("a million"), a number word or a hyphenated word ("twenty-one") can
// start one. Most words are none, and this check is cheaper than the parse.
bool may_start_number_words(std::string_view w, const lexicon::Lexicon& lexicon) {
    if (w == "a" || lexicon.number_word(w)) return true;
    for (char c : w)
        if (c == '-') return true;
    return false;
}

// Why a number is not a count of anything, judging from the tokens around
// it; empty when nothing speaks against it.
std::string context_rejection(const TokenizedSentence& s, const Candidate& c,
                              const lexicon::Lexicon& lexicon) {
    const auto& t = s.tokens;
    std::size_t i = c.first;
    std::size_t next = c.last + 1;
    std::string_view before = i > 0 ? s.word(i - 1) : std::string_view{};
    std::string_view after = s.word(next);
    bool single_digits = c.first == c.last && t[i].kind == TokenKind::number;
    bool day_like = single_digits && c.value >= 1 && c.value <= 31 && !c.range_high;
    if (day_like && (is_month_word(before) || is_month_word(after))) return "date";
    // "between 5 and 8 October", "5-8 October": a span of days.
    if (c.range_high && *c.range_high <= 31 && (is_month_word(after) || is_month_word(before)))
        return "date";
    if (day_like && before == "." && i >= 2 && is_month_word(s.word(i - 2))) return "date";
    if (single_digits && t[i].folded.size() == 4 && c.value >= 1900 && c.value <= 2100)
        return "year";
    if (after == "%" || after == "percent" || (after == "per" && s.word(next + 1) == "cent"))
        return "percent";
    if (before == "$" || before == "\xE2\x82\xAC" || before == "\xC2\xA3" || before == "us$")
        return "money";
    if (next < t.size() && t[next - 1].end == t[next].start) {
        if (after == "st" || after == "nd" || after == "rd" || after == "th") return "ordinal";
        if (after == ":" && t.size() > next + 1 && t[next + 1].kind == TokenKind::number)
            return "time";
        if (after == "-" && next + 1 < t.size()) {
            std::string_view unit = s.word(next + 1);
            if (unit.rfind("year", 0) == 0 || unit.rfind("month", 0) == 0 ||
                unit.rfind("week", 0) == 0 || unit.rfind("day", 0) == 0)
                return "age";
        }
    }
    if (after == "a.m." || after == "p.m." || after == "am" || after == "pm" || after == "gmt")
        return "time";
    if (after == "year-old" || after == "years-old" ||
        ((after == "years" || after == "months") && s.word(next + 1) == "old"))
        return "age";
    if (before == "aged" || before == "ages" || before == "age") return "age";
    if (before == "between" && i >= 2 &&
        (s.word(i - 2) == "aged" || s.word(i - 2) == "ages" || s.word(i - 2) == "age"))
        return "age";
    // "a call between two militants": between, without a range, is no count.
    if (before == "between" && !c.range_high) return "not a count";
    if (before == "no." || before == "#") return "name";
    // "Gaza's 2.3 million people", "80% of Gaza's population": a population size.
    if (before == "'s" || before == "'") return "population size";
    // "Hersh Goldberg-Polin, 23, ...": an age after a name.
    if (before == "," && i >= 2 && t[i - 2].capitalized && after == "," && c.value < 120 &&
        !c.range_high)
        return "age";
    // "nine in 10 residents", "one out of five": a ratio.
    if ((after == "in" && next + 1 < t.size() && t[next + 1].kind == TokenKind::number) ||
        (after == "in" && lexicon.number_word(s.word(next + 1))) ||
        (after == "out" && s.word(next + 1) == "of"))
        return "ratio";
    if (before == "in" && i >= 2 &&
        (t[i - 2].kind == TokenKind::number || lexicon.number_word(s.word(i - 2))))
        return "ratio";
    // "two more than it reported": a difference, not a count.
    if ((after == "more" || after == "fewer" || after == "less") && s.word(next + 1) == "than")
        return "difference";
    // "an increase of more than 1,000", "up by 300": a difference, not a count.
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
        std::string_view w = s.word(i - back);
        if (w == "increase" || w == "rise" || w == "jump" || w == "drop" || w == "decline" ||
            w == "decrease" || w == "fall" ||
            (w == "by" && back == 1 && i >= 2 &&
             (s.word(i - 2) == "up" || s.word(i - 2) == "down" || s.word(i - 2) == "rose" ||
              s.word(i - 2) == "fell")))
            return "difference";
        if (t[i - back].kind != TokenKind::word) break;
    }
    // A word listed as a name prefix: "Resolution 2712", "Route 4".
    if (i > 0 && t[i - 1].capitalized) {
        const auto* entry = lookup(lexicon.non_people, &lexicon::WordInfo::non_people, s, i - 1);
        if (entry && entry->words.size() == 1 && entry->payload == "name") return "name";
    }
    return "";
}

} // namespace

std::optional<std::int64_t> parse_digits(std::string_view text, std::int64_t scale) {
    double whole = 0;
    double fraction = 0;
    double fraction_scale = 1;
    bool in_fraction = false;
    bool any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            any = true;
            if (in_fraction) {
                fraction_scale /= 10;
                fraction += (c - '0') * fraction_scale;
            } else {
                whole = whole * 10 + (c - '0');
            }
        } else if (c == ',') {
            if (in_fraction) return std::nullopt;
        } else if (c == '.') {
            if (in_fraction) return std::nullopt;
            in_fraction = true;
        } else {
            return std::nullopt;
        }
        if (whole > 1e15) return std::nullopt;
    }
    if (!any) return std::nullopt;
    double value = (whole + fraction) * static_cast<double>(scale);
    if (value > 9e15) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(value));
}

bool is_month_word(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.size() < 3 || word.size() > 9) return false;
    for (auto m : k_months)
        if (m.size() == word.size() && m[0] == word[0] && word == m) return true;
    for (auto m : k_month_abbreviations)
        if (m.size() == word.size() && m[0] == word[0] && word == m) return true;
    return false;
}

std::optional<unsigned> weekday_of_day_word(std::string_view word) {
    for (unsigned i = 0; i < k_weekdays.size(); ++i)
        if (word.size() == k_weekdays[i].size() && word[0] == k_weekdays[i][0] &&
            word == k_weekdays[i])
            return i;
    return std::nullopt;
}

std::vector<Candidate> find_numbers(const TokenizedSentence& s, const lexicon::Lexicon& lexicon) {
    std::vector<Candidate> found;
    find_numbers_into(found, s, lexicon);
    return found;
}

void find_numbers_into(std::vector<Candidate>& found, const TokenizedSentence& s,
                       const lexicon::Lexicon& lexicon) {
    found.clear();
    const auto& t = s.tokens;
    for (std::size_t i = 0; i < t.size(); ++i) {
        // Most tokens are no number: read the value before building a candidate.
        std::int64_t value = 0;
        std::size_t last = i;
        const char* reject = "";
        if (t[i].kind == TokenKind::number) {
            std::int64_t scale = 1;
            if (i + 1 < t.size() && is_scale_word(s.word(i + 1)) && s.word(i + 1) != "hundred") {
                scale = scale_of(s.word(i + 1));
                last = i + 1;
            }
            auto digits = parse_digits(t[i].folded, scale);
            if (!digits) continue;
            value = *digits;
            if (scale == 1 && t[i].folded.find('.') != std::string_view::npos) reject = "decimal";
        } else if (t[i].kind == TokenKind::word) {
            if (!may_start_number_words(t[i].folded, lexicon)) continue;
            auto parsed = parse_number_words(s, i, lexicon);
            if (!parsed) continue;
            value = parsed->first;
            last = parsed->second;
            // "one" is as often a pronoun ("one of the", "no one") as a count.
            if (value == 1 && i == last && (s.word(i + 1) == "of" || s.word(i - 1) == "no"))
                reject = "pronoun";
        } else {
            continue;
        }
        Candidate c;
        c.first = i;
        c.value = value;
        c.last = last;
        c.reject = reject;

        // Ranges: "200 to 250", "200-250", "200–250", "between 200 and 250".
        std::size_t j = c.last + 1;
        bool dash = j < t.size() && (s.word(j) == "-" || s.word(j) == "\xE2\x80\x93") &&
                    adjacent(t[j - 1], t[j]);
        bool between = i > 0 && s.word(i - 1) == "between" && s.word(j) == "and";
        if (j + 1 < t.size() && (s.word(j) == "to" || dash || between) &&
            t[j + 1].kind == TokenKind::number) {
            std::int64_t scale = 1;
            std::size_t last = j + 1;
            if (is_scale_word(s.word(j + 2)) && s.word(j + 2) != "hundred") {
                scale = scale_of(s.word(j + 2));
                last = j + 2;
            } else if (c.last > i) {
                scale = scale_of(s.word(c.last)); // "1.5 to 2 million" keeps the scale
            }
            auto high = parse_digits(t[j + 1].folded, scale);
            // "1.5-2 million" reads the scale from the end.
            if (c.last == i && last == j + 2 && high) {
                if (auto low = parse_digits(t[i].folded, scale)) c.value = *low;
            }
            if (high && *high > c.value) {
                c.range_high = high;
                c.last = last;
                if (c.reject == "decimal") c.reject.clear();
            }
        }
        // "68,000-plus": the suffix belongs to the number (the qualifier
        // stage reads it), so that the counted noun follows.
        if (c.last + 2 < t.size() && s.word(c.last + 1) == "-" && s.word(c.last + 2) == "plus" &&
            adjacent(t[c.last], t[c.last + 1]))
            c.last += 2;
        if (c.reject.empty()) c.reject = context_rejection(s, c, lexicon);
        found.push_back(std::move(c));
        i = found.back().last;
    }
}

} // namespace tracker::extract
