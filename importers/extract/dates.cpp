#include "importers/extract/dates.hpp"

#include "importers/extract/numbers.hpp"

#include <array>
#include <cstdlib>

namespace tracker::extract {

namespace {

using model::Date;

constexpr std::array<std::string_view, 12> k_month_prefixes{
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// Words that open or bound a period: a day inside such a phrase does not
// date the figure.
constexpr std::array<std::string_view, 11> k_period_words{
    "since",   "during", "after",   "before",    "until", "till",
    "between", "from",   "through", "following", "prior"};

// Nouns that make a possessive day a statement: "Monday's statement".
constexpr std::array<std::string_view, 9> k_statement_nouns{"statement", "claim",    "announcement",
                                                            "report",    "count",    "tally",
                                                            "update",    "briefing", "figures"};

template <std::size_t N> bool in(const std::array<std::string_view, N>& words, std::string_view w) {
    // Length and first letter first: most words differ there, and it saves a memcmp call.
    for (auto x : words)
        if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
    return false;
}

std::optional<unsigned> month_of(std::string_view w) {
    if (!is_month_word(w)) return std::nullopt;
    for (unsigned i = 0; i < k_month_prefixes.size(); ++i)
        if (w.substr(0, 3) == k_month_prefixes[i]) return i + 1;
    return std::nullopt;
}

std::optional<unsigned> day_number(const TokenizedSentence& s, std::size_t k) {
    if (k >= s.tokens.size() || s.tokens[k].kind != TokenKind::number) return std::nullopt;
    std::string_view text = s.tokens[k].folded;
    if (text.size() > 2) return std::nullopt;
    unsigned d = 0;
    for (char ch : text)
        d = d * 10 + static_cast<unsigned>(ch - '0');
    if (d < 1 || d > 31) return std::nullopt;
    return d;
}

std::optional<int> year_number(const TokenizedSentence& s, std::size_t k) {
    if (k >= s.tokens.size() || s.tokens[k].kind != TokenKind::number) return std::nullopt;
    std::string_view text = s.tokens[k].folded;
    if (text.size() != 4) return std::nullopt;
    int y = 0;
    for (char ch : text)
        y = y * 10 + (ch - '0');
    if (y < 1900 || y > 2100) return std::nullopt;
    return y;
}

// "October 26", "Oct. 26", "26 October", each with an optional year.
// Returns the date and the last token used.
std::optional<std::pair<Date, std::size_t>> calendar_date(const TokenizedSentence& s, std::size_t k,
                                                          Date published) {
    std::optional<unsigned> month;
    std::optional<unsigned> day;
    std::size_t last = k;
    if ((month = month_of(s.word(k)))) {
        std::size_t d = k + 1;
        if (s.word(d) == ".") ++d;
        day = day_number(s, d);
        last = d;
    } else if ((day = day_number(s, k))) {
        month = month_of(s.word(k + 1));
        last = k + 1;
    }
    if (!month || !day) return std::nullopt;
    std::size_t y = last + 1;
    if (s.word(y) == ",") ++y;
    if (auto year = year_number(s, y)) {
        date::year_month_day ymd{date::year{*year}, date::month{*month}, date::day{*day}};
        if (!ymd.ok()) return std::nullopt;
        return std::make_pair(Date{ymd}, y);
    }
    auto resolved = latest_month_day(published, *month, *day);
    if (!resolved) return std::nullopt;
    return std::make_pair(*resolved, last);
}

bool inside_period_phrase(const TokenizedSentence& s, std::size_t first,
                          const std::vector<Attribution>& attributions) {
    std::size_t floor = first > 7 ? first - 7 : 0;
    for (std::size_t k = first; k-- > floor;) {
        std::string_view w = s.word(k);
        if (w == "," || w == ";" || w == ":") return false;
        for (const auto& a : attributions)
            if (a.cue == k) return false;
        // "from Monday to Wednesday" bounds a period; "taken from the school
        // on March 7" does not.
        if (w == "from") {
            bool range = false;
            for (std::size_t j = k + 1; j < s.tokens.size() && j < first + 6; ++j)
                range =
                    range || s.word(j) == "to" || s.word(j) == "until" || s.word(j) == "through";
            if (range || k + 1 == first) return true;
            continue;
        }
        if (in(k_period_words, w)) return true;
    }
    return false;
}

bool near_attribution(std::size_t first, std::size_t last,
                      const std::vector<Attribution>& attributions) {
    for (const auto& a : attributions) {
        // "said on Friday", "said late on Monday", "told reporters on Friday"
        if (a.cue < first && first - a.cue <= 4) return true;
        // "On Saturday, it said"; "Hamas on Friday said"
        if (a.cue > last && a.cue - last <= 5) return true;
    }
    return false;
}

} // namespace

Date latest_weekday(Date published, unsigned weekday) {
    date::weekday published_weekday{published};
    unsigned back = (published_weekday.c_encoding() + 7 - weekday) % 7;
    return published - date::days{back};
}

std::optional<Date> latest_month_day(Date published, unsigned month, unsigned day) {
    date::year_month_day pub{published};
    for (int back = 0; back < 2; ++back) {
        date::year_month_day candidate{pub.year() - date::years{back}, date::month{month},
                                       date::day{day}};
        if (candidate.ok() && Date{candidate} <= published) return Date{candidate};
    }
    return std::nullopt;
}

std::vector<DayMention> find_day_mentions(const TokenizedSentence& s, Date published,
                                          const std::vector<Attribution>& attributions) {
    std::vector<DayMention> found;
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
        std::string_view w = s.word(k);
        DayMention m;
        m.first = k;
        m.last = k;
        bool have = false;
        bool possessive_statement = false;
        if (auto weekday = weekday_index(w)) {
            if (k > 0 && (s.word(k - 1) == "next" || s.word(k - 1) == "every")) continue;
            m.day = latest_weekday(published, *weekday);
            m.evidence = "'" + std::string(w) + "'";
            have = true;
            if (s.word(k + 1) == "'s") {
                m.last = k + 1;
                std::size_t n = k + 2;
                // "Monday's claim", "Saturday afternoon's strikes"
                while (n < s.tokens.size() && n < k + 5 && !in(k_statement_nouns, s.word(n)) &&
                       s.tokens[n].kind == TokenKind::word)
                    ++n;
                possessive_statement = in(k_statement_nouns, s.word(n));
            }
            // "on Thursday, October 26": the calendar date confirms the day.
            std::size_t after = s.word(k + 1) == "," ? k + 2 : k + 1;
            if (auto date = calendar_date(s, after, published)) {
                m.day = date->first;
                m.last = date->second;
            }
        } else if (w == "on" && k + 1 < s.tokens.size()) {
            if (auto date = calendar_date(s, k + 1, published)) {
                m.day = date->first;
                m.last = date->second;
                m.evidence = "'on " + std::string(s.word(k + 1)) + " ...'";
                have = true;
            }
        } else if (w == "yesterday") {
            m.day = published - date::days{1};
            m.evidence = "'yesterday'";
            have = true;
        } else if (w == "today" || w == "tonight") {
            m.day = published;
            m.evidence = "'" + std::string(w) + "'";
            have = true;
        } else if ((w == "last" && s.word(k + 1) == "night")) {
            m.day = published - date::days{1};
            m.last = k + 1;
            m.evidence = "'last night'";
            have = true;
        } else if (w == "this" && (s.word(k + 1) == "morning" || s.word(k + 1) == "afternoon" ||
                                   s.word(k + 1) == "evening")) {
            m.day = published;
            m.last = k + 1;
            m.evidence = "'this " + std::string(s.word(k + 1)) + "'";
            have = true;
        }
        if (!have) continue;
        if (inside_period_phrase(s, m.first, attributions)) {
            k = m.last;
            continue;
        }
        m.statement = possessive_statement || near_attribution(m.first, m.last, attributions);
        found.push_back(m);
        k = m.last;
    }
    return found;
}

void assign_dates(const TokenizedSentence& s, std::vector<Candidate>& candidates, Date published,
                  const std::vector<Attribution>& attributions) {
    auto mentions = find_day_mentions(s, published, attributions);
    for (Candidate& c : candidates) {
        if (!c.reject.empty()) continue;
        const DayMention* best = nullptr;
        long best_distance = 0;
        for (int pass = 0; pass < 2 && !best; ++pass) {
            for (const DayMention& m : mentions) {
                if (pass == 0 && !m.statement) continue;
                long d = std::labs(static_cast<long>(m.first) - static_cast<long>(c.first));
                if (!best || d < best_distance) {
                    best = &m;
                    best_distance = d;
                }
            }
        }
        if (best) {
            c.as_of = best->day;
            c.add_reason(std::string("date: ") +
                         (best->statement ? "statement day " : "event day ") + best->evidence);
        } else {
            c.as_of = published;
            c.add_reason("date: publication date");
        }
    }
}

} // namespace tracker::extract
