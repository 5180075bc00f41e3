#include "tracker/model/date.hpp"

#include <cctype>

namespace tracker::model {

namespace {

std::optional<int> digits(std::string_view text, size_t from, size_t count) {
    if (from + count > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

} // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    // After the day only a time part may follow ("T..." or " ...").
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ' && text[10] != 't') return std::nullopt;
    auto y = digits(text, 0, 4);
    auto m = digits(text, 5, 2);
    auto d = digits(text, 8, 2);
    if (!y || !m || !d) return std::nullopt;
    date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                             date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

std::string format_date(Date day) {
    // By hand: date::format goes through iostreams, which is slow on the
    // hot path of every exported claim.
    date::year_month_day ymd{day};
    int y = static_cast<int>(ymd.year());
    unsigned m = static_cast<unsigned>(ymd.month());
    unsigned d = static_cast<unsigned>(ymd.day());
    if (y < 0 || y > 9999) return date::format("%F", day);
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + y / 1000);
    out[1] = static_cast<char>('0' + y / 100 % 10);
    out[2] = static_cast<char>('0' + y / 10 % 10);
    out[3] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

} // namespace tracker::model
