// An inline SVG step chart of report series: one line per series through the
// figure chosen on each date, a marker per claim whose <title> tooltip names
// the value, claimant, date and source, qualifiers drawn as what they are
// (a lower bound as an open triangle with an arrow up, an upper bound with an
// arrow down, a range as a whisker from low to high), and labelled axes with
// dates and thousands separators. Self-contained: no script, no external
// font or style sheet, no element id, so several charts fit in one page.
#pragma once

#include "reports/report_data.hpp"
#include "tracker/model/date.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::reports {

// The drawing area in SVG user units (the viewBox); the plot sits inside
// the margins.
struct ChartGeometry {
    double width = 760;
    double height = 380;
    double left = 78; // room for the value labels and the axis title
    double right = 24;
    double top = 20;
    double bottom = 62; // room for the date labels and the axis title
    double inset = 12;  // between the value axis (and the right edge) and the first (last) date
};

// Ticks for a value axis starting at 0: a "nice" step (1, 2 or 5 times a
// power of ten) chosen so that about `target` steps cover `max_value`; the
// last tick is the first multiple of the step >= max_value (at least one
// step). max_value <= 0 gives {0, 1}.
std::vector<std::int64_t> nice_value_ticks(std::int64_t max_value, int target = 5);

// Ticks for a date axis: `first`, then every `step` days where step is the
// smallest of 1, 2, 7, 14, 28, 56, 91, 182, 364, 728... days that gives at
// most `max_ticks` ticks within [first, last].
std::vector<model::Date> date_ticks(model::Date first, model::Date last, int max_ticks = 6);

// Maps dates and values to SVG coordinates inside the geometry's plot area:
// the first date `inset` right of the value axis, the last `inset` left of
// the plot's right edge, 0 on the date axis and the top value tick at the
// top. A single-day span is widened by a day on each side so it sits
// mid-plot.
class ChartScale {
  public:
    ChartScale(model::Date first, model::Date last, std::int64_t max_value,
               ChartGeometry geometry = {});

    double x(model::Date day) const;
    double y(std::int64_t value) const;

    model::Date first_day() const { return m_first; }
    model::Date last_day() const { return m_last; }
    const std::vector<std::int64_t>& value_ticks() const { return m_value_ticks; }
    const std::vector<model::Date>& day_ticks() const { return m_day_ticks; }
    const ChartGeometry& geometry() const { return m_geometry; }

  private:
    model::Date m_first;
    model::Date m_last;
    ChartGeometry m_geometry;
    std::vector<std::int64_t> m_value_ticks;
    std::vector<model::Date> m_day_ticks;
};

// The colour and dash pattern of series `index` (cycling through a palette
// that stays apart for colour-blind readers and in greyscale print).
std::string_view series_color(std::size_t index);
std::string_view series_dash(std::size_t index); // "" for a solid line

// The highest number any point of the series shows (its value or its upper
// bound); 0 when there are no points.
std::int64_t chart_max_value(const std::vector<Series>& series);

// Appends the <svg> element. `metric_label` titles the value axis;
// `citations` give each marker's source (point.figure.citation numbers).
// Each series is a <g class="series" data-series="i">, its line a
// <path class="series-line">, each claim an <a class="marker" href="#cite-N">
// with a <title>. Nothing when no series has a point. When given, `drain` is
// called with `out` now and then (between markers) so that the caller can
// write it away and clear it.
void append_svg_chart(std::string& out, std::string_view metric_label,
                      const std::vector<Series>& series, const std::vector<Citation>& citations,
                      const ChartGeometry& geometry = {},
                      const std::function<void(std::string&)>& drain = {});

} // namespace tracker::reports
