// Plain data computed by the report builders and printed by the renderers
// (Markdown now; HTML, CSV and JSON later from the same structs). Nothing here
// is formatted text: figures stay numbers so each renderer decides their look.
#pragma once

#include "tracker/model/date.hpp"
#include "tracker/model/metric.hpp"
#include "tracker/model/qualifier.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracker::reports {

// A figure as claimed. Bounds follow the spec (exact/approx: low = high =
// value; at_least: no high; at_most: no low; range: both); an absent bound
// is open. The builder fills them even when the claim left them unset.
struct Figure {
    std::int64_t value = 0;
    model::Qualifier qualifier = model::Qualifier::exact;
    std::optional<std::int64_t> low;
    std::optional<std::int64_t> high;

    bool operator==(const Figure&) const = default;
};

// One line of figures: one claimant speaking about one population.
struct Series {
    std::string claimant;
    std::string population; // empty when the claims name no group
    // "Gaza Health Ministry (children)"; the claimant alone when the
    // population is empty or fixed by the report options.
    std::string label;
};

// One claim placed in the report, with the number of its citation.
struct CitedFigure {
    Figure figure;
    model::Date as_of{};
    std::int64_t claim_id = 0;
    int citation = 0; // ComparisonReport::citations[citation - 1]
};

// A series' latest figure and the one before it.
struct LatestRow {
    std::size_t series = 0; // index into ComparisonReport::series
    CitedFigure latest;
    // The figure chosen on the series' last as_of date before latest.as_of.
    std::optional<CitedFigure> previous;
    // latest.value - previous.value; compares `value` whatever the qualifiers.
    std::optional<std::int64_t> change;
};

// One distinct figure in a timeline cell with every citation that gave it.
struct CellFigure {
    Figure figure;
    std::vector<int> citations; // ascending
};

// One as_of date of the timeline.
struct TimelineRow {
    model::Date as_of{};
    // One cell per series, in ComparisonReport::series order; an empty cell
    // means the series has no claim that day. Figures sorted by value.
    std::vector<std::vector<CellFigure>> cells;
};

// One side of a disagreement: which series said what.
struct DisagreementSide {
    std::size_t series = 0; // index into ComparisonReport::series
    CitedFigure figure;
};

// Two or more series of one population giving different values on one date.
// Each series speaks through the one claim the latest-figure rule picks for
// that date.
struct Disagreement {
    model::Date as_of{};
    std::string population;
    std::size_t series_count = 0; // how many series spoke that day
    DisagreementSide lowest;
    DisagreementSide highest;
    std::int64_t difference = 0; // highest.value - lowest.value
    std::optional<double> ratio; // highest.value / lowest.value; none if lowest is 0
    // Whether one number could satisfy every figure's bounds (e.g. ">200"
    // and "240" are compatible, "~200" and "240" are not).
    bool bounds_compatible = false;
};

// A claim as cited, with its article. Text fields are raw and untrusted.
struct Citation {
    int number = 0;
    std::int64_t claim_id = 0;
    std::string outlet;
    std::string title;
    std::string url;
    model::Date published{};
    std::string sentence;
};

// Everything the comparison report shows for one metric.
struct ComparisonReport {
    model::Metric metric = model::Metric::killed;
    std::string metric_label; // "Hostages held"
    // The options the report was built with, echoed for the header.
    std::optional<std::string> population;
    std::optional<model::Date> from;
    std::optional<model::Date> to;
    // The as_of span of the claims shown; none when there are no claims.
    std::optional<model::Date> first_as_of;
    std::optional<model::Date> last_as_of;
    std::size_t claim_count = 0;
    std::size_t source_count = 0;            // distinct claimants
    std::size_t article_count = 0;           // distinct article ids
    std::vector<Series> series;              // sorted by claimant, then population
    std::vector<LatestRow> latest;           // one per series, same order
    std::vector<TimelineRow> timeline;       // ascending as_of
    std::vector<Disagreement> disagreements; // by as_of, then population
    std::vector<Citation> citations;         // citations[i].number == i + 1
};

} // namespace tracker::reports
