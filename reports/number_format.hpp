// Fixed, locale-independent display of figures in reports: thousands
// separators, qualifier marks, signed changes and ratios. Every renderer uses
// these so that the same number reads the same everywhere.
#pragma once

#include "tracker/model/date.hpp"
#include "tracker/model/qualifier.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracker::reports {

// Typography used by the formatters (UTF-8). A true minus sign rather than a
// hyphen so that "−150" lines up with "+150" and cannot be mistaken for a
// range or a list dash; the en dash is the conventional range separator.
inline constexpr std::string_view k_minus_sign = "\u2212"; // U+2212 MINUS SIGN
inline constexpr std::string_view k_range_dash = "\u2013"; // U+2013 EN DASH

// "7,028", "1,400,000", "0". Negative numbers take k_minus_sign: "−1,200".
std::string format_thousands(std::int64_t value);

// A claimed figure with its hedge:
//   exact "7,028", approx "~200", at_least ">4,000", at_most "<50",
//   range "200–250" (value is the low end, `high` the upper end; an unknown
//   upper end shows as "200–?").
std::string format_figure(model::Qualifier qualifier, std::int64_t value,
                          std::optional<std::int64_t> high = std::nullopt);

// A change between two figures, always signed unless zero:
// "+1,200", "−150" (k_minus_sign), "0".
std::string format_change(std::int64_t delta);

// A ratio with two decimals, "1.04"; independent of the C++ locale.
std::string format_ratio(double ratio);

// "YYYY-MM-DD", as model::format_date, without going through a stream:
// reports print hundreds of thousands of dates.
std::string iso_date(model::Date day);

} // namespace tracker::reports
