#include "reports/svg_chart.hpp"

#include "reports/number_format.hpp"
#include "reports/text_escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>

namespace tracker::reports {

namespace {

constexpr std::array<std::string_view, 8> k_palette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                    "#E69F00", "#56B4E9", "#6A3D9A", "#333333"};
constexpr std::array<std::string_view, 4> k_dashes{"", "7 3", "2 3", "9 3 2 3"};

// Coordinates with one decimal: enough for a screen, short in the file.
std::string num(double value) {
    if (std::abs(value) < 0.05) value = 0; // no "-0.0"
    return fmt::format("{:.1f}", value);
}

std::string figure_text(const Figure& figure) {
    return format_figure(figure.qualifier, figure.value, figure.high);
}

std::string_view qualifier_words(model::Qualifier qualifier) {
    switch (qualifier) {
    case model::Qualifier::exact: return "";
    case model::Qualifier::approx: return " (approximate)";
    case model::Qualifier::at_least: return " (a lower bound: at least)";
    case model::Qualifier::at_most: return " (an upper bound: at most)";
    case model::Qualifier::range: return " (a range)";
    }
    return "";
}

void append_tooltip(std::string& out, const SeriesPoint& point, const Series& series,
                    const std::vector<Citation>& citations, std::string_view metric_label) {
    const CitedFigure& cited = point.figure;
    const auto index = static_cast<std::size_t>(cited.citation - 1);
    const Citation* citation =
        cited.citation > 0 && index < citations.size() ? &citations[index] : nullptr;
    std::string text;
    text.reserve(256);
    text += figure_text(cited.figure);
    text += qualifier_words(cited.figure.qualifier);
    text += ' ';
    for (char c : metric_label)
        text.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    text += " \u2014 ";
    text += citation ? citation->claimant : series.name;
    const std::string& population = citation ? citation->population : series.population;
    if (!population.empty()) text += " (" + population + ")";
    text += ", as of " + iso_date(cited.as_of);
    if (citation) {
        text += " \u2014 source: ";
        text += citation->outlet.empty() ? std::string("(unknown outlet)") : citation->outlet;
        if (!citation->title.empty()) text += ", \u201c" + citation->title + "\u201d";
        text += ", published " + iso_date(citation->published);
    }
    text += " [" + std::to_string(cited.citation) + "]";
    if (point.flagged) text += " \u2014 flagged by a consistency check";
    out += "<title>";
    append_html_escaped(out, text);
    out += "</title>";
}

// An arrow from (x, y) `length` units up (negative length: down).
void append_arrow(std::string& out, double x, double y, double length, std::string_view color) {
    const double tip = y - length;
    const double head = length > 0 ? 4 : -4;
    fmt::format_to(std::back_inserter(out),
                   "<path class=\"bound\" d=\"M{} {}V{}M{} {}L{} {}L{} {}\" fill=\"none\" "
                   "stroke=\"{}\" stroke-width=\"1.5\"/>",
                   num(x), num(y), num(tip), num(x - 3.5), num(tip + head), num(x), num(tip),
                   num(x + 3.5), num(tip + head), color);
}

void append_marker(std::string& out, const ChartScale& scale, const SeriesPoint& point,
                   std::string_view color) {
    const Figure& figure = point.figure.figure;
    const double x = scale.x(point.figure.as_of);
    const double y = scale.y(figure.value);
    const std::string sx = num(x);
    const std::string sy = num(y);
    switch (figure.qualifier) {
    case model::Qualifier::exact:
        fmt::format_to(std::back_inserter(out), "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>",
                       sx, sy, color);
        break;
    case model::Qualifier::approx:
        fmt::format_to(std::back_inserter(out), "<path d=\"M{} {}l5 5l-5 5l-5 -5z\" fill=\"{}\"/>",
                       sx, num(y - 5), color);
        break;
    case model::Qualifier::at_least:
        append_arrow(out, x, y - 4, 14, color);
        fmt::format_to(std::back_inserter(out),
                       "<path d=\"M{} {}l5 8h-10z\" fill=\"#fff\" stroke=\"{}\" "
                       "stroke-width=\"1.5\"/>",
                       sx, num(y - 5), color);
        break;
    case model::Qualifier::at_most:
        append_arrow(out, x, y + 4, -14, color);
        fmt::format_to(std::back_inserter(out),
                       "<path d=\"M{} {}l5 -8h-10z\" fill=\"#fff\" stroke=\"{}\" "
                       "stroke-width=\"1.5\"/>",
                       sx, num(y + 5), color);
        break;
    case model::Qualifier::range:
        if (figure.high) {
            const std::string top = num(scale.y(*figure.high));
            fmt::format_to(std::back_inserter(out),
                           "<path class=\"bound\" d=\"M{x} {y}V{t}M{l} {t}H{r}M{l} {y}H{r}\" "
                           "fill=\"none\" stroke=\"{c}\" stroke-width=\"1.5\"/>",
                           fmt::arg("x", sx), fmt::arg("y", sy), fmt::arg("t", top),
                           fmt::arg("l", num(x - 4)), fmt::arg("r", num(x + 4)),
                           fmt::arg("c", color));
        } else {
            append_arrow(out, x, y - 4, 14, color);
        }
        fmt::format_to(std::back_inserter(out),
                       "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"#fff\" "
                       "stroke=\"{}\" stroke-width=\"1.5\"/>",
                       num(x - 3.5), num(y - 3.5), color);
        break;
    }
    if (point.flagged)
        fmt::format_to(std::back_inserter(out),
                       "<circle class=\"flag\" cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"none\" "
                       "stroke=\"#C00000\" stroke-width=\"2\"/>",
                       sx, sy);
}

} // namespace

std::vector<std::int64_t> nice_value_ticks(std::int64_t max_value, int target) {
    if (max_value <= 0) return {0, 1};
    target = std::max(1, target);
    const double raw = static_cast<double>(max_value) / target;
    double power = std::pow(10.0, std::floor(std::log10(raw)));
    std::int64_t step = 1;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= raw) {
            step =
                std::max<std::int64_t>(1, static_cast<std::int64_t>(std::llround(factor * power)));
            break;
        }
    }
    std::vector<std::int64_t> ticks{0};
    while (ticks.back() < max_value)
        ticks.push_back(ticks.back() + step);
    return ticks;
}

std::vector<model::Date> date_ticks(model::Date first, model::Date last, int max_ticks) {
    if (last < first) std::swap(first, last);
    max_ticks = std::max(2, max_ticks);
    const long span = (last - first).count();
    long step = 1;
    for (long candidate : {1L, 2L, 7L, 14L, 28L, 56L, 91L, 182L, 364L}) {
        step = candidate;
        if (span / candidate + 1 <= max_ticks) break;
    }
    while (span / step + 1 > max_ticks)
        step *= 2;
    std::vector<model::Date> ticks;
    for (long offset = 0; offset <= span; offset += step)
        ticks.push_back(first + date::days{offset});
    return ticks;
}

ChartScale::ChartScale(model::Date first, model::Date last, std::int64_t max_value,
                       ChartGeometry geometry)
    : m_first(std::min(first, last)), m_last(std::max(first, last)), m_geometry(geometry),
      m_value_ticks(nice_value_ticks(max_value)) {
    m_day_ticks = date_ticks(m_first, m_last);
    if (m_first == m_last) {
        m_first -= date::days{1};
        m_last += date::days{1};
    }
}

double ChartScale::x(model::Date day) const {
    const double span = static_cast<double>((m_last - m_first).count());
    const double width =
        m_geometry.width - m_geometry.left - m_geometry.right - 2 * m_geometry.inset;
    return m_geometry.left + m_geometry.inset +
           width * static_cast<double>((day - m_first).count()) / span;
}

double ChartScale::y(std::int64_t value) const {
    const double top = static_cast<double>(m_value_ticks.back());
    const double height = m_geometry.height - m_geometry.top - m_geometry.bottom;
    return m_geometry.top + height * (1.0 - static_cast<double>(value) / top);
}

std::string_view series_color(std::size_t index) {
    return k_palette[index % k_palette.size()];
}

std::string_view series_dash(std::size_t index) {
    return k_dashes[(index / k_palette.size()) % k_dashes.size()];
}

std::int64_t chart_max_value(const std::vector<Series>& series) {
    std::int64_t highest = 0;
    for (const Series& one : series)
        for (const SeriesPoint& point : one.points)
            highest = std::max(
                {highest, point.figure.figure.value, point.figure.figure.high.value_or(0)});
    return highest;
}

void append_svg_chart(std::string& out, std::string_view metric_label,
                      const std::vector<Series>& series, const std::vector<Citation>& citations,
                      const ChartGeometry& geometry,
                      const std::function<void(std::string&)>& drain) {
    constexpr std::size_t k_drain_bytes = 1 << 20;
    std::optional<model::Date> first;
    std::optional<model::Date> last;
    for (const Series& one : series)
        for (const SeriesPoint& point : one.points) {
            if (!first || point.figure.as_of < *first) first = point.figure.as_of;
            if (!last || point.figure.as_of > *last) last = point.figure.as_of;
        }
    if (!first) return;
    const ChartScale scale(*first, *last, chart_max_value(series), geometry);
    const ChartGeometry& g = scale.geometry();
    const double plot_left = g.left;
    const double plot_right = g.width - g.right;
    const double plot_top = g.top;
    const double plot_bottom = g.height - g.bottom;

    fmt::format_to(
        std::back_inserter(out),
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
        "role=\"img\" font-family=\"sans-serif\" font-size=\"12\">",
        num(g.width), num(g.height));
    out += "<title>";
    append_html_escaped(out, std::string(metric_label) + " by date, one line per series");
    out += "</title>";

    // Grid and value axis.
    out += "<g class=\"axis axis-y\">";
    for (std::int64_t tick : scale.value_ticks()) {
        const std::string y = num(scale.y(tick));
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#ddd\"/>",
                       num(plot_left), y, num(plot_right), y);
        fmt::format_to(std::back_inserter(out),
                       "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\" "
                       "fill=\"#333\">{}</text>",
                       num(plot_left - 6), y, format_thousands(tick));
    }
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"axis-title\" transform=\"translate(14 {}) rotate(-90)\" "
                   "text-anchor=\"middle\" fill=\"#333\" font-size=\"13\">",
                   num((plot_top + plot_bottom) / 2));
    append_html_escaped(out, std::string(metric_label) + " (people)");
    out += "</text></g>";

    // Date axis.
    out += "<g class=\"axis axis-x\">";
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#333\"/>",
                   fmt::arg("l", num(plot_left)), fmt::arg("r", num(plot_right)),
                   fmt::arg("b", num(plot_bottom)));
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{l}\" y1=\"{t}\" x2=\"{l}\" y2=\"{b}\" stroke=\"#333\"/>",
                   fmt::arg("l", num(plot_left)), fmt::arg("t", num(plot_top)),
                   fmt::arg("b", num(plot_bottom)));
    for (model::Date tick : scale.day_ticks()) {
        const std::string x = num(scale.x(tick));
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{x}\" y1=\"{b}\" x2=\"{x}\" y2=\"{b5}\" stroke=\"#333\"/>"
                       "<text x=\"{x}\" y=\"{by}\" text-anchor=\"middle\" fill=\"#333\">{d}</text>",
                       fmt::arg("x", x), fmt::arg("b", num(plot_bottom)),
                       fmt::arg("b5", num(plot_bottom + 5)), fmt::arg("by", num(plot_bottom + 18)),
                       fmt::arg("d", iso_date(tick)));
    }
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
                   "fill=\"#333\" font-size=\"13\">As of (the date each figure was stated)</text>",
                   num((plot_left + plot_right) / 2), num(g.height - 12));
    out += "</g>";

    // Lines first, then every marker on top of all lines.
    for (std::size_t s = 0; s < series.size(); ++s) {
        const Series& one = series[s];
        std::string path;
        std::optional<double> last_y;
        for (const SeriesPoint& point : one.points) {
            if (!point.chosen) continue;
            const double x = scale.x(point.figure.as_of);
            const double y = scale.y(point.figure.figure.value);
            if (!last_y)
                path += "M" + num(x) + " " + num(y);
            else
                path += "H" + num(x) + "V" + num(y);
            last_y = y;
        }
        fmt::format_to(std::back_inserter(out),
                       "<g class=\"series\" data-series=\"{}\"><path class=\"series-line\" "
                       "d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"",
                       s, path, series_color(s));
        if (!series_dash(s).empty())
            fmt::format_to(std::back_inserter(out), " stroke-dasharray=\"{}\"", series_dash(s));
        out += "/></g>";
    }
    out += "<g class=\"markers\">";
    for (std::size_t s = 0; s < series.size(); ++s) {
        const Series& one = series[s];
        for (const SeriesPoint& point : one.points) {
            fmt::format_to(std::back_inserter(out),
                           "<a class=\"marker{}\" data-series=\"{}\" href=\"#cite-{}\">",
                           point.flagged ? " flagged" : "", s, point.figure.citation);
            append_tooltip(out, point, one, citations, metric_label);
            append_marker(out, scale, point, series_color(s));
            out += "</a>";
            if (drain && out.size() >= k_drain_bytes) drain(out);
        }
    }
    out += "</g></svg>";
}

} // namespace tracker::reports
