// The comparison report for one metric: who claimed what, when, how each
// source's figure moved, where sources disagreed, with citations. Building it
// is pure: it takes claims already loaded and does no I/O.
#pragma once

#include "reports/report_data.hpp"
#include "tracker/model/claim.hpp"
#include "tracker/model/date.hpp"
#include "tracker/model/metric.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::reports {

struct ReportOptions {
    model::Metric metric = model::Metric::killed;
    // When set, only claims about this population (compared ASCII
    // case-insensitively; "" selects claims naming no group). When unset,
    // every population, each (claimant, population) pair its own series.
    std::optional<std::string> population;
    std::optional<model::Date> from; // as_of >= from
    std::optional<model::Date> to;   // as_of <= to
};

// A human label for a metric: "Killed", "Hostages held".
std::string_view metric_label(model::Metric metric);

// Builds the report from `claims`, which may hold any metric, population and
// date: the options select which ones count. Output order is fully
// deterministic (ties end on claim id), whatever the order of `claims`.
ComparisonReport build_comparison_report(const std::vector<model::ClaimRecord>& claims,
                                         const ReportOptions& options);

} // namespace tracker::reports
