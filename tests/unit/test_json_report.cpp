// Unit tests of the JSON report: the documented structure (README.md, "JSON
// report structure"), its key order and types, nulls for absent values.

#include "reports/comparison_report.hpp"
#include "reports/json_renderer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using tracker::model::ClaimRecord;
using tracker::model::Metric;
using tracker::model::Qualifier;
using namespace tracker::reports;
using Json = nlohmann::ordered_json;

tracker::model::Date day(const char* iso) {
    auto parsed = tracker::model::parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

ClaimRecord claim(std::int64_t id, std::string claimant, std::int64_t value, const char* as_of,
                  Qualifier qualifier = Qualifier::exact) {
    ClaimRecord record;
    record.id = id;
    record.claim.metric = Metric::hostages_held;
    record.claim.value = value;
    record.claim.qualifier = qualifier;
    tracker::model::set_bounds(record.claim);
    record.claim.claimant = std::move(claimant);
    record.claim.as_of = day(as_of);
    record.claim.sentence = "<b>Sentence</b> \"" + std::to_string(id) + "\".";
    record.article.id = id;
    record.article.outlet = "Outlet";
    record.article.title = "Title";
    record.article.url = "https://example.org/" + std::to_string(id);
    record.article.published = day(as_of);
    return record;
}

std::vector<std::string> keys(const Json& object) {
    std::vector<std::string> out;
    for (const auto& item : object.items())
        out.push_back(item.key());
    return out;
}

} // namespace

TEST_CASE("JSON: comparison report structure", "[report][json]") {
    ReportOptions options;
    options.metric = Metric::hostages_held;
    options.from = day("2023-10-01");
    const auto report = build_comparison_report(
        {claim(1, "Hamas", 200, "2023-10-16", Qualifier::at_least),
         claim(2, "IDF", 199, "2023-10-16"), claim(3, "IDF", 203, "2023-10-19")},
        options);
    std::ostringstream out;
    render_json(report, out);
    const Json document = Json::parse(out.str());
    CHECK(keys(document) == std::vector<std::string>{"format", "format_version", "kind", "metric",
                                                     "metric_label", "selection", "summary",
                                                     "series", "latest", "timeline",
                                                     "disagreements", "checks", "citations"});
    CHECK(document["format"] == "tracker-report");
    CHECK(document["format_version"] == 1);
    CHECK(document["kind"] == "comparison");
    CHECK(document["metric"] == "hostages_held");
    CHECK(keys(document["selection"]) == std::vector<std::string>{"series_by", "population", "from",
                                                                  "to", "claimants", "outlet",
                                                                  "conflict", "window_days"});
    CHECK(document["selection"]["from"] == "2023-10-01");
    CHECK(document["selection"]["to"].is_null());
    CHECK(document["summary"]["claims"] == 3);
    CHECK(document["summary"]["first_as_of"] == "2023-10-16");

    REQUIRE(document["series"].size() == 2);
    const Json& idf = document["series"][1];
    CHECK(keys(idf) == std::vector<std::string>{"index", "name", "population", "label", "points"});
    CHECK(idf["name"] == "IDF");
    REQUIRE(idf["points"].size() == 2);
    CHECK(keys(idf["points"][0]) == std::vector<std::string>{"value", "qualifier", "low", "high",
                                                             "text", "as_of", "citation",
                                                             "claim_id", "chosen", "flagged"});
    const Json& hamas_point = document["series"][0]["points"][0];
    CHECK(hamas_point["qualifier"] == "at_least");
    CHECK(hamas_point["low"] == 200);
    CHECK(hamas_point["high"].is_null());
    CHECK(hamas_point["text"] == ">200");

    REQUIRE(document["latest"].size() == 2);
    const Json& latest = document["latest"][1];
    CHECK(keys(latest) == std::vector<std::string>{"series", "latest", "previous", "change",
                                                   "first", "change_since_first"});
    CHECK(latest["change"] == 4);
    CHECK(latest["previous"]["value"] == 199);
    CHECK(document["latest"][0]["previous"].is_null());

    REQUIRE(document["timeline"].size() == 2);
    CHECK(document["timeline"][0]["cells"][0][0]["citations"] == Json::array({1}));
    CHECK(document["timeline"][1]["cells"][0].empty());

    REQUIRE(document["disagreements"].size() == 1);
    const Json& disagreement = document["disagreements"][0];
    CHECK(disagreement["lowest"]["claimant"] == "IDF");
    CHECK(disagreement["highest"]["claimant"] == "Hamas");
    CHECK(disagreement["ratio"] == Approx(1.005));
    CHECK(disagreement["bounds_compatible"] == false);

    REQUIRE(document["citations"].size() == 3);
    const Json& citation = document["citations"][0];
    CHECK(keys(citation) == std::vector<std::string>{"number", "claim_id", "metric", "claimant",
                                                     "population", "figure", "as_of", "outlet",
                                                     "title", "url", "published", "sentence"});
    // Text stays as it was; JSON escaping only.
    CHECK(citation["sentence"] == "<b>Sentence</b> \"1\".");
}

TEST_CASE("JSON: overview structure", "[report][json]") {
    const auto report =
        build_overview_report({claim(1, "IDF", 199, "2023-10-16")}, ReportOptions{});
    std::ostringstream out;
    render_json(report, out);
    const Json document = Json::parse(out.str());
    CHECK(keys(document) == std::vector<std::string>{"format", "format_version", "kind",
                                                     "selection", "summary", "sections", "checks",
                                                     "citations"});
    CHECK(document["kind"] == "overview");
    REQUIRE(document["sections"].size() == 1);
    CHECK(keys(document["sections"][0]) ==
          std::vector<std::string>{"metric", "metric_label", "summary", "series", "latest"});
    CHECK(document["sections"][0]["metric"] == "hostages_held");
}

TEST_CASE("JSON: invalid UTF-8 from an article does not break the document", "[report][json]") {
    ClaimRecord record = claim(1, "IDF", 199, "2023-10-16");
    record.article.title = "bad \xff byte";
    ReportOptions options;
    options.metric = Metric::hostages_held;
    std::ostringstream out;
    render_json(build_comparison_report({record}, options), out);
    const Json document = Json::parse(out.str());
    CHECK(document["citations"][0]["title"] == "bad \xef\xbf\xbd byte");
}
