// Plain data computed by the report builders and printed by the renderers
// (Markdown, HTML with SVG charts, CSV and JSON all read these same structs).
// Nothing here is formatted text except the check messages: figures stay
// numbers so each renderer decides their look.
#pragma once

#include "tracker/model/date.hpp"
#include "tracker/model/metric.hpp"
#include "tracker/model/qualifier.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::reports {

// What one line of figures follows: one claimant (the default), or one
// outlet whatever claimants it quoted.
enum class SeriesKey { claimant, outlet };

std::string_view to_string(SeriesKey key); // "claimant", "outlet"
std::optional<SeriesKey> parse_series_key(std::string_view text);

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

// One claim placed in the report, with the number of its citation.
struct CitedFigure {
    Figure figure;
    model::Date as_of{};
    std::int64_t claim_id = 0;
    int citation = 0; // citations[citation - 1]
};

// One claim of a series, as drawn on a chart: every claim is a marker; the
// step line joins the chosen ones.
struct SeriesPoint {
    CitedFigure figure;
    // The claim the latest-figure rule picks for its as_of date (the most
    // recently published article, then the larger value, then the higher
    // claim id): exactly one per series and date.
    bool chosen = false;
    // A consistency check names this claim (see ComparisonReport::checks).
    bool flagged = false;
};

// One line of figures: one claimant (or outlet) speaking about one population.
struct Series {
    std::string name;       // the claimant, or the outlet with SeriesKey::outlet
    std::string population; // empty when the claims name no group
    // "Gaza Health Ministry (children)"; the name alone when the population
    // is empty or fixed by the report options.
    std::string label;
    std::vector<SeriesPoint> points; // ascending as_of, then timeline cell order
};

// A series' latest figure, the one before it and the first of the period.
struct LatestRow {
    std::size_t series = 0; // index into the report's series
    CitedFigure latest;
    // The figure chosen on the series' last as_of date before latest.as_of.
    std::optional<CitedFigure> previous;
    // latest.value - previous.value; compares `value` whatever the qualifiers.
    std::optional<std::int64_t> change;
    // The figure chosen on the series' first as_of date in the period, when
    // that is not latest.as_of.
    std::optional<CitedFigure> first;
    std::optional<std::int64_t> change_since_first; // latest.value - first.value
};

// One distinct figure in a timeline cell with every citation that gave it.
struct CellFigure {
    Figure figure;
    std::vector<int> citations; // ascending
};

// One as_of date of the timeline.
struct TimelineRow {
    model::Date as_of{};
    // One cell per series, in series order; an empty cell means the series
    // has no claim that day. Figures sorted by value.
    std::vector<std::vector<CellFigure>> cells;
};

// One side of a disagreement: which claimant said what.
struct DisagreementSide {
    std::string claimant;
    std::size_t series = 0; // index of the series that holds this claim
    CitedFigure figure;
};

// Two or more claimants giving different values for one population within
// one date window. Each claimant speaks through one claim: the one the
// latest-figure rule picks on its last date inside the window.
struct Disagreement {
    model::Date window_start{}; // == as_of for one-day windows
    model::Date as_of{};        // the window's last day
    std::string population;
    std::size_t series_count = 0; // how many claimants spoke in the window
    DisagreementSide lowest;
    DisagreementSide highest;
    std::int64_t difference = 0; // highest.value - lowest.value
    std::optional<double> ratio; // highest.value / lowest.value; none if lowest is 0
    // Whether one number could satisfy every figure's bounds (e.g. ">200"
    // and "240" are compatible, "~200" and "240" are not).
    bool bounds_compatible = false;
};

// What a consistency check found wrong.
enum class CheckKind {
    cumulative_decrease,     // a cumulative count went down for one claimant
    hostage_accounting,      // taken != held + released + killed in captivity
    jump,                    // more than ×10 up or down from the previous figure
    dated_after_publication, // as_of later than the article's publication date
};

std::string_view to_string(CheckKind kind);   // "cumulative_decrease", ...
std::string_view check_title(CheckKind kind); // "Cumulative count went down", ...

// One finding of the consistency checks. The message is plain text built from
// numbers, dates and the claimant's name (untrusted: renderers escape it).
struct CheckFinding {
    CheckKind kind = CheckKind::jump;
    model::Metric metric = model::Metric::killed; // hostage_accounting: hostages_taken
    std::string claimant;
    std::string population;
    model::Date as_of{};
    std::vector<std::int64_t> claim_ids; // the claims involved, in the order the message names them
    std::vector<int> citations;          // their citation numbers, same order
    std::string message;
};

// A claim as cited, with its article. Text fields are raw and untrusted.
struct Citation {
    int number = 0;
    std::int64_t claim_id = 0;
    model::Metric metric = model::Metric::killed;
    std::string claimant;
    std::string population;
    Figure figure;
    model::Date as_of{};
    std::string outlet;
    std::string title;
    std::string url;
    model::Date published{};
    std::string sentence;
};

// The options a report was built with, echoed in its header.
struct Selection {
    SeriesKey series_key = SeriesKey::claimant;
    std::optional<std::string> population;
    std::optional<model::Date> from;
    std::optional<model::Date> to;
    std::optional<std::vector<std::string>> claimants; // restricted to these names
    std::optional<std::string> outlet;
    std::optional<std::string> conflict;
    int window_days = 1; // disagreement window
};

// Everything the comparison report shows for one metric.
struct ComparisonReport {
    model::Metric metric = model::Metric::killed;
    std::string metric_label; // "Hostages held"
    Selection selection;
    // The as_of span of the claims shown; none when there are no claims.
    std::optional<model::Date> first_as_of;
    std::optional<model::Date> last_as_of;
    std::size_t claim_count = 0;
    std::size_t source_count = 0;            // distinct claimants
    std::size_t article_count = 0;           // distinct article ids
    std::vector<Series> series;              // sorted by name, then population
    std::vector<LatestRow> latest;           // one per series, same order
    std::vector<TimelineRow> timeline;       // ascending as_of
    std::vector<Disagreement> disagreements; // by window, then population
    std::vector<CheckFinding> checks;        // by kind, then as_of, claimant, population
    // citations[i].number == i + 1. Numbered by first appearance in the
    // timeline; claims of other metrics that only a check names come last.
    std::vector<Citation> citations;
};

// One metric's part of the overview.
struct OverviewSection {
    model::Metric metric = model::Metric::killed;
    std::string metric_label;
    std::optional<model::Date> first_as_of;
    std::optional<model::Date> last_as_of;
    std::size_t claim_count = 0;
    std::size_t source_count = 0;
    std::vector<Series> series;    // sorted by name, then population
    std::vector<LatestRow> latest; // one per series, same order
};

// The state of a conflict on one page: each claimant's latest figure for
// every metric that has claims.
struct OverviewReport {
    Selection selection;
    std::optional<model::Date> first_as_of;
    std::optional<model::Date> last_as_of;
    std::size_t claim_count = 0;
    std::size_t source_count = 0;
    std::size_t article_count = 0;
    std::vector<OverviewSection> sections; // metrics in model::k_all_metrics order
    std::vector<CheckFinding> checks;
    std::vector<Citation> citations; // numbered section by section, in timeline order
};

} // namespace tracker::reports
