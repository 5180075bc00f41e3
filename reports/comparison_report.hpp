// The report builders: who claimed what, when, how each series' figure moved,
// where claimants disagreed and which figures cannot all be right, with
// citations. Building is pure: it takes claims already loaded and does no
// I/O; every renderer (Markdown, HTML, CSV, JSON) prints the result.
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
    model::Metric metric = model::Metric::killed; // ignored by the overview
    // When set, only claims about this population (compared ASCII
    // case-insensitively; "" selects claims naming no group). When unset,
    // every population, each (name, population) pair its own series.
    std::optional<std::string> population;
    std::optional<model::Date> from; // as_of >= from
    std::optional<model::Date> to;   // as_of <= to
    // What a series follows: a claimant (default) or an outlet.
    SeriesKey series_key = SeriesKey::claimant;
    // When set, only claims by these claimants (canonical names, compared
    // ASCII case-insensitively; the caller resolves aliases). An empty list
    // selects nothing.
    std::optional<std::vector<std::string>> claimants;
    // When set, only claims from articles of this outlet (case-insensitive).
    std::optional<std::string> outlet;
    // When set, only claims from articles about this conflict (case-insensitive).
    std::optional<std::string> conflict;
    // Disagreements compare claimants within windows of this many days,
    // counted from the first as_of of the report (1: the same day). Values
    // below 1 count as 1.
    int window_days = 1;
};

// A human label for a metric: "Killed", "Hostages held".
std::string_view metric_label(model::Metric metric);

// Builds the report for options.metric from `claims`, which may hold any
// metric, population and date: the options select which ones count. For a
// hostage metric (taken, held, released, killed in captivity) the hostage
// accounting check also reads the selected claims of the other three, so
// pass them along. Output order is fully deterministic (ties end on claim
// id), whatever the order of `claims`.
ComparisonReport build_comparison_report(const std::vector<model::ClaimRecord>& claims,
                                         const ReportOptions& options);

// The overview: one section per metric that has selected claims, with each
// series' latest figure, and the consistency checks over all of them.
OverviewReport build_overview_report(const std::vector<model::ClaimRecord>& claims,
                                     const ReportOptions& options);

// The metrics whose claims a report on `metric` reads: the metric itself,
// and for a hostage metric the other hostage metrics (for the accounting
// check).
std::vector<model::Metric> metrics_read_by_report(model::Metric metric);

} // namespace tracker::reports
