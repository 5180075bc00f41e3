// How a figure is hedged: exact, approximate, a bound or a range.
#pragma once

#include <optional>
#include <string_view>

namespace tracker::model {

enum class Qualifier { exact, approx, at_least, at_most, range };

std::string_view to_string(Qualifier qualifier);
std::optional<Qualifier> parse_qualifier(std::string_view name);

} // namespace tracker::model
