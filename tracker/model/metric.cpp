#include "tracker/model/metric.hpp"

namespace tracker::model {

std::string_view to_string(Metric metric) {
    switch (metric) {
    case Metric::killed: return "killed";
    case Metric::injured: return "injured";
    case Metric::missing: return "missing";
    case Metric::hostages_taken: return "hostages_taken";
    case Metric::hostages_held: return "hostages_held";
    case Metric::hostages_released: return "hostages_released";
    case Metric::hostages_killed: return "hostages_killed";
    case Metric::detained: return "detained";
    case Metric::prisoners_released: return "prisoners_released";
    case Metric::casualties: return "casualties";
    case Metric::displaced: return "displaced";
    }
    return "killed";
}

std::optional<Metric> parse_metric(std::string_view name) {
    for (Metric metric : k_all_metrics)
        if (to_string(metric) == name) return metric;
    return std::nullopt;
}

bool is_cumulative(Metric metric) {
    switch (metric) {
    case Metric::killed:
    case Metric::hostages_taken:
    case Metric::hostages_released:
    case Metric::hostages_killed:
    case Metric::prisoners_released:
    case Metric::displaced: return true;
    default: return false;
    }
}

} // namespace tracker::model
