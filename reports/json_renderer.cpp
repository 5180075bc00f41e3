#include "reports/json_renderer.hpp"

#include "reports/number_format.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace tracker::reports {

namespace {

using Json = nlohmann::ordered_json;

Json optional_number(std::optional<std::int64_t> value) {
    if (!value) return nullptr;
    return *value;
}

Json optional_date(std::optional<model::Date> day) {
    if (!day) return nullptr;
    return iso_date(*day);
}

Json figure_json(const Figure& figure) {
    Json out;
    out["value"] = figure.value;
    out["qualifier"] = std::string(model::to_string(figure.qualifier));
    out["low"] = optional_number(figure.low);
    out["high"] = optional_number(figure.high);
    out["text"] = format_figure(figure.qualifier, figure.value, figure.high);
    return out;
}

Json cited_json(const CitedFigure& cited) {
    Json out = figure_json(cited.figure);
    out["as_of"] = iso_date(cited.as_of);
    out["citation"] = cited.citation;
    out["claim_id"] = cited.claim_id;
    return out;
}

Json optional_cited(const std::optional<CitedFigure>& cited) {
    if (!cited) return nullptr;
    return cited_json(*cited);
}

Json selection_json(const Selection& selection) {
    Json out;
    out["series_by"] = std::string(to_string(selection.series_key));
    out["population"] = selection.population ? Json(*selection.population) : Json(nullptr);
    out["from"] = optional_date(selection.from);
    out["to"] = optional_date(selection.to);
    out["claimants"] = selection.claimants ? Json(*selection.claimants) : Json(nullptr);
    out["outlet"] = selection.outlet ? Json(*selection.outlet) : Json(nullptr);
    out["conflict"] = selection.conflict ? Json(*selection.conflict) : Json(nullptr);
    out["window_days"] = selection.window_days;
    return out;
}

Json series_json(const std::vector<Series>& series) {
    Json out = Json::array();
    for (std::size_t s = 0; s < series.size(); ++s) {
        Json one;
        one["index"] = s;
        one["name"] = series[s].name;
        one["population"] = series[s].population;
        one["label"] = series[s].label;
        Json points = Json::array();
        for (const SeriesPoint& point : series[s].points) {
            Json item = cited_json(point.figure);
            item["chosen"] = point.chosen;
            item["flagged"] = point.flagged;
            points.push_back(std::move(item));
        }
        one["points"] = std::move(points);
        out.push_back(std::move(one));
    }
    return out;
}

Json latest_json(const std::vector<LatestRow>& latest) {
    Json out = Json::array();
    for (const LatestRow& row : latest) {
        Json item;
        item["series"] = row.series;
        item["latest"] = cited_json(row.latest);
        item["previous"] = optional_cited(row.previous);
        item["change"] = optional_number(row.change);
        item["first"] = optional_cited(row.first);
        item["change_since_first"] = optional_number(row.change_since_first);
        out.push_back(std::move(item));
    }
    return out;
}

Json checks_json(const std::vector<CheckFinding>& checks) {
    Json out = Json::array();
    for (const CheckFinding& check : checks) {
        Json item;
        item["kind"] = std::string(to_string(check.kind));
        item["title"] = std::string(check_title(check.kind));
        item["metric"] = std::string(model::to_string(check.metric));
        item["claimant"] = check.claimant;
        item["population"] = check.population;
        item["as_of"] = iso_date(check.as_of);
        item["message"] = check.message;
        item["claim_ids"] = check.claim_ids;
        item["citations"] = check.citations;
        out.push_back(std::move(item));
    }
    return out;
}

Json citations_json(const std::vector<Citation>& citations) {
    Json out = Json::array();
    for (const Citation& citation : citations) {
        Json item;
        item["number"] = citation.number;
        item["claim_id"] = citation.claim_id;
        item["metric"] = std::string(model::to_string(citation.metric));
        item["claimant"] = citation.claimant;
        item["population"] = citation.population;
        item["figure"] = figure_json(citation.figure);
        item["as_of"] = iso_date(citation.as_of);
        item["outlet"] = citation.outlet;
        item["title"] = citation.title;
        item["url"] = citation.url;
        item["published"] = iso_date(citation.published);
        item["sentence"] = citation.sentence;
        out.push_back(std::move(item));
    }
    return out;
}

Json summary_json(std::optional<model::Date> first, std::optional<model::Date> last,
                  std::size_t claims, std::size_t sources, std::optional<std::size_t> articles) {
    Json out;
    out["first_as_of"] = optional_date(first);
    out["last_as_of"] = optional_date(last);
    out["claims"] = claims;
    out["sources"] = sources;
    if (articles) out["articles"] = *articles;
    return out;
}

void write(const Json& document, std::ostream& out) {
    // error_handler replace: invalid UTF-8 from an article becomes U+FFFD
    // instead of aborting the report.
    out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

} // namespace

void render_json(const ComparisonReport& report, std::ostream& out) {
    Json document;
    document["format"] = "tracker-report";
    document["format_version"] = k_json_format_version;
    document["kind"] = "comparison";
    document["metric"] = std::string(model::to_string(report.metric));
    document["metric_label"] = report.metric_label;
    document["selection"] = selection_json(report.selection);
    document["summary"] = summary_json(report.first_as_of, report.last_as_of, report.claim_count,
                                       report.source_count, report.article_count);
    document["series"] = series_json(report.series);
    document["latest"] = latest_json(report.latest);
    Json timeline = Json::array();
    for (const TimelineRow& row : report.timeline) {
        Json item;
        item["as_of"] = iso_date(row.as_of);
        Json cells = Json::array();
        for (const std::vector<CellFigure>& cell : row.cells) {
            Json figures = Json::array();
            for (const CellFigure& figure : cell) {
                Json one = figure_json(figure.figure);
                one["citations"] = figure.citations;
                figures.push_back(std::move(one));
            }
            cells.push_back(std::move(figures));
        }
        item["cells"] = std::move(cells);
        timeline.push_back(std::move(item));
    }
    document["timeline"] = std::move(timeline);
    Json disagreements = Json::array();
    for (const Disagreement& row : report.disagreements) {
        Json item;
        item["window_start"] = iso_date(row.window_start);
        item["window_end"] = iso_date(row.as_of);
        item["population"] = row.population;
        item["claimants"] = row.series_count;
        for (const auto& [key, side] :
             {std::pair{"lowest", &row.lowest}, std::pair{"highest", &row.highest}}) {
            Json one;
            one["claimant"] = side->claimant;
            one["series"] = side->series;
            one["figure"] = cited_json(side->figure);
            item[key] = std::move(one);
        }
        item["difference"] = row.difference;
        // Four decimals, so the document does not change with the last bits
        // of a double.
        item["ratio"] =
            row.ratio ? Json(std::round(*row.ratio * 10000.0) / 10000.0) : Json(nullptr);
        item["bounds_compatible"] = row.bounds_compatible;
        disagreements.push_back(std::move(item));
    }
    document["disagreements"] = std::move(disagreements);
    document["checks"] = checks_json(report.checks);
    document["citations"] = citations_json(report.citations);
    write(document, out);
}

void render_json(const OverviewReport& report, std::ostream& out) {
    Json document;
    document["format"] = "tracker-report";
    document["format_version"] = k_json_format_version;
    document["kind"] = "overview";
    document["selection"] = selection_json(report.selection);
    document["summary"] = summary_json(report.first_as_of, report.last_as_of, report.claim_count,
                                       report.source_count, report.article_count);
    Json sections = Json::array();
    for (const OverviewSection& section : report.sections) {
        Json item;
        item["metric"] = std::string(model::to_string(section.metric));
        item["metric_label"] = section.metric_label;
        item["summary"] = summary_json(section.first_as_of, section.last_as_of, section.claim_count,
                                       section.source_count, std::nullopt);
        item["series"] = series_json(section.series);
        item["latest"] = latest_json(section.latest);
        sections.push_back(std::move(item));
    }
    document["sections"] = std::move(sections);
    document["checks"] = checks_json(report.checks);
    document["citations"] = citations_json(report.citations);
    write(document, out);
}

} // namespace tracker::reports
