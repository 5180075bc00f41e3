// The kinds of people-counts a claim can be about (shared/spec/claims.md).
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace tracker::model {

enum class Metric {
    killed,
    injured,
    missing,
    hostages_taken,
    hostages_held,
    hostages_released,
    hostages_killed,
    detained,
    prisoners_released,
    casualties,
    displaced,
};

inline constexpr std::array k_all_metrics{
    Metric::killed,          Metric::injured,           Metric::missing,
    Metric::hostages_taken,  Metric::hostages_held,     Metric::hostages_released,
    Metric::hostages_killed, Metric::detained,          Metric::prisoners_released,
    Metric::casualties,      Metric::displaced,
};

std::string_view to_string(Metric metric);
std::optional<Metric> parse_metric(std::string_view name);

// Metrics whose figures only grow over time for one claimant (a total so far).
bool is_cumulative(Metric metric);

} // namespace tracker::model
