#include "reports/csv_renderer.hpp"

#include "reports/number_format.hpp"
#include "reports/text_escape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

namespace tracker::reports {

namespace {

// One row being filled: column name -> already escaped cell.
class Row {
  public:
    explicit Row(std::string_view section) { text("section", section); }

    Row& text(std::string_view column, std::string_view value) {
        m_cells[std::string(column)] = csv_text(value);
        return *this;
    }
    Row& number(std::string_view column, std::int64_t value) {
        m_cells[std::string(column)] = std::to_string(value);
        return *this;
    }
    Row& number(std::string_view column, std::optional<std::int64_t> value) {
        if (value) number(column, *value);
        return *this;
    }
    Row& date(std::string_view column, model::Date day) {
        m_cells[std::string(column)] = iso_date(day);
        return *this;
    }
    Row& raw(std::string_view column, std::string value) {
        m_cells[std::string(column)] = csv_quote(value);
        return *this;
    }
    Row& figure(const Figure& figure) {
        number("value", figure.value);
        raw("qualifier", std::string(model::to_string(figure.qualifier)));
        number("low", figure.low);
        number("high", figure.high);
        text("figure", format_figure(figure.qualifier, figure.value, figure.high));
        return *this;
    }

    void write(std::string& out) const {
        const auto& columns = csv_report_columns();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0) out.push_back(',');
            if (auto found = m_cells.find(columns[i]); found != m_cells.end()) out += found->second;
        }
        out += "\r\n";
    }

  private:
    std::map<std::string, std::string, std::less<>> m_cells;
};

std::string joined(const std::vector<int>& numbers) {
    std::string out;
    for (int number : numbers)
        out += (out.empty() ? "" : " ") + std::to_string(number);
    return out;
}

void header(std::string& out) {
    const auto& columns = csv_report_columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? "," : "") + columns[i];
    out += "\r\n";
}

void series_rows(std::string& out, model::Metric metric, const std::vector<Series>& series,
                 const std::vector<LatestRow>& latest, const std::vector<Citation>& citations) {
    const std::string metric_name(model::to_string(metric));
    for (const LatestRow& row : latest) {
        const Series& one = series[row.series];
        Row line("latest");
        line.raw("metric", metric_name)
            .text("series", one.label)
            .text("population", one.population);
        line.date("as_of", row.latest.as_of).figure(row.latest.figure);
        if (const auto index = static_cast<std::size_t>(row.latest.citation - 1);
            index < citations.size())
            line.text("claimant", citations[index].claimant);
        line.number("citation", row.latest.citation).number("claim_id", row.latest.claim_id);
        if (row.previous) {
            line.date("previous_as_of", row.previous->as_of)
                .number("previous_value", row.previous->figure.value)
                .number("previous_citation", row.previous->citation)
                .number("change", row.change);
        }
        if (row.first) {
            line.date("first_as_of", row.first->as_of)
                .number("first_value", row.first->figure.value)
                .number("first_citation", row.first->citation)
                .number("change_since_first", row.change_since_first);
        }
        line.write(out);
    }
    for (const Series& one : series) {
        for (const SeriesPoint& point : one.points) {
            Row line("point");
            line.raw("metric", metric_name)
                .text("series", one.label)
                .text("population", one.population);
            line.date("as_of", point.figure.as_of).figure(point.figure.figure);
            const auto index = static_cast<std::size_t>(point.figure.citation - 1);
            if (index < citations.size()) line.text("claimant", citations[index].claimant);
            line.number("citation", point.figure.citation)
                .number("claim_id", point.figure.claim_id);
            line.raw("chosen", point.chosen ? "1" : "0").raw("flagged", point.flagged ? "1" : "0");
            line.write(out);
        }
    }
}

void check_rows(std::string& out, const std::vector<CheckFinding>& checks) {
    for (const CheckFinding& check : checks) {
        Row line("check");
        line.raw("metric", std::string(model::to_string(check.metric)));
        line.text("claimant", check.claimant).text("population", check.population);
        line.date("as_of", check.as_of);
        line.raw("check", std::string(to_string(check.kind))).text("message", check.message);
        line.raw("citation", joined(check.citations));
        line.write(out);
    }
}

void citation_rows(std::string& out, const std::vector<Citation>& citations) {
    for (const Citation& citation : citations) {
        Row line("citation");
        line.raw("metric", std::string(model::to_string(citation.metric)));
        line.text("claimant", citation.claimant).text("population", citation.population);
        line.date("as_of", citation.as_of).figure(citation.figure);
        line.number("citation", citation.number).number("claim_id", citation.claim_id);
        line.text("outlet", citation.outlet)
            .text("title", citation.title)
            .text("url", citation.url);
        line.date("published", citation.published).text("sentence", citation.sentence);
        line.write(out);
    }
}

} // namespace

const std::vector<std::string>& csv_report_columns() {
    static const std::vector<std::string> columns{"section",
                                                  "metric",
                                                  "series",
                                                  "population",
                                                  "claimant",
                                                  "as_of",
                                                  "value",
                                                  "qualifier",
                                                  "low",
                                                  "high",
                                                  "figure",
                                                  "citation",
                                                  "claim_id",
                                                  "chosen",
                                                  "flagged",
                                                  "previous_as_of",
                                                  "previous_value",
                                                  "previous_citation",
                                                  "change",
                                                  "first_as_of",
                                                  "first_value",
                                                  "first_citation",
                                                  "change_since_first",
                                                  "window_start",
                                                  "window_end",
                                                  "lowest_claimant",
                                                  "lowest_value",
                                                  "lowest_citation",
                                                  "highest_claimant",
                                                  "highest_value",
                                                  "highest_citation",
                                                  "difference",
                                                  "ratio",
                                                  "bounds",
                                                  "check",
                                                  "message",
                                                  "outlet",
                                                  "title",
                                                  "url",
                                                  "published",
                                                  "sentence"};
    return columns;
}

void render_csv(const ComparisonReport& report, std::ostream& out) {
    std::string text;
    header(text);
    series_rows(text, report.metric, report.series, report.latest, report.citations);
    const std::string metric_name(model::to_string(report.metric));
    for (const Disagreement& row : report.disagreements) {
        Row line("disagreement");
        line.raw("metric", metric_name).text("population", row.population);
        line.date("as_of", row.as_of)
            .date("window_start", row.window_start)
            .date("window_end", row.as_of);
        line.text("lowest_claimant", row.lowest.claimant)
            .number("lowest_value", row.lowest.figure.figure.value)
            .number("lowest_citation", row.lowest.figure.citation);
        line.text("highest_claimant", row.highest.claimant)
            .number("highest_value", row.highest.figure.figure.value)
            .number("highest_citation", row.highest.figure.citation);
        line.number("difference", row.difference);
        if (row.ratio) line.raw("ratio", fmt::format("{:.4f}", *row.ratio));
        line.raw("bounds", row.bounds_compatible ? "compatible" : "incompatible");
        line.write(text);
    }
    check_rows(text, report.checks);
    citation_rows(text, report.citations);
    out << text;
}

void render_csv(const OverviewReport& report, std::ostream& out) {
    std::string text;
    header(text);
    for (const OverviewSection& section : report.sections)
        series_rows(text, section.metric, section.series, section.latest, report.citations);
    check_rows(text, report.checks);
    citation_rows(text, report.citations);
    out << text;
}

} // namespace tracker::reports
