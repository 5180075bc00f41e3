#include "reports/number_format.hpp"

#include <fmt/format.h>

namespace tracker::reports {

namespace {

// Groups the digits of a magnitude by three. Works on the unsigned magnitude
// so that INT64_MIN does not overflow when negated.
std::string group_digits(std::uint64_t magnitude) {
    std::string digits = std::to_string(magnitude);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    out.append(digits, 0, lead);
    for (std::size_t i = lead; i < digits.size(); i += 3) {
        out.push_back(',');
        out.append(digits, i, 3);
    }
    return out;
}

std::uint64_t magnitude_of(std::int64_t value) {
    // -(value + 1) + 1 avoids negating INT64_MIN in signed arithmetic.
    return value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1
                     : static_cast<std::uint64_t>(value);
}

} // namespace

std::string format_thousands(std::int64_t value) {
    std::string out;
    if (value < 0) out.append(k_minus_sign);
    out += group_digits(magnitude_of(value));
    return out;
}

std::string format_figure(model::Qualifier qualifier, std::int64_t value,
                          std::optional<std::int64_t> high) {
    switch (qualifier) {
    case model::Qualifier::exact: return format_thousands(value);
    case model::Qualifier::approx: return "~" + format_thousands(value);
    case model::Qualifier::at_least: return ">" + format_thousands(value);
    case model::Qualifier::at_most: return "<" + format_thousands(value);
    case model::Qualifier::range: {
        std::string out = format_thousands(value);
        out.append(k_range_dash);
        out += high ? format_thousands(*high) : std::string("?");
        return out;
    }
    }
    return format_thousands(value);
}

std::string format_change(std::int64_t delta) {
    if (delta > 0) return "+" + format_thousands(delta);
    return format_thousands(delta); // carries the minus sign, or is "0"
}

std::string iso_date(model::Date day) {
    const date::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) return model::format_date(day);
    const unsigned month = static_cast<unsigned>(ymd.month());
    const unsigned dom = static_cast<unsigned>(ymd.day());
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + year / 1000);
    out[1] = static_cast<char>('0' + year / 100 % 10);
    out[2] = static_cast<char>('0' + year / 10 % 10);
    out[3] = static_cast<char>('0' + year % 10);
    out[5] = static_cast<char>('0' + month / 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + dom / 10);
    out[9] = static_cast<char>('0' + dom % 10);
    return out;
}

std::string format_ratio(double ratio) {
    // fmt's fixed-point formatting ignores the global locale.
    return fmt::format("{:.2f}", ratio);
}

} // namespace tracker::reports
