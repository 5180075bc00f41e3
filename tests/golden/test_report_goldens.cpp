// Golden tests of the reports in every format.
//
// Input:    tests/golden/report/claims.jsonl  (one claim with its article a line:
//           22 claims from 12 articles written for the project, with figures
//           that trip every consistency check)
// Expected: tests/golden/report/expected.md, expected.html, expected.csv,
//           expected.json (the hostages_held comparison report),
//           expected-killed-by-outlet.md (--by outlet --window 7),
//           overview.md, overview.html, overview.csv, overview.json
//           (the overview), each byte for byte.
//
// On a mismatch the actual output is written to a temporary file whose path is
// printed together with the expected file's path and the first differing lines;
// run `diff -u <expected> <actual>` for the full picture.
//
// Regenerating the expected file is an explicit step, never automatic:
//
//     TRACKER_UPDATE_GOLDEN=1 ./build/tests/tracker_tests "[golden]"
//
// rewrites expected.md from the current output instead of comparing. Review
// the change with `git diff` before committing it.

#include "golden_diff.hpp"
#include "reports/comparison_report.hpp"
#include "reports/csv_renderer.hpp"
#include "reports/html_renderer.hpp"
#include "reports/json_renderer.hpp"
#include "reports/markdown_renderer.hpp"
#include "tracker/model/claim.hpp"
#include "tracker/model/date.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using tracker::model::ClaimRecord;

const fs::path k_golden_dir = fs::path(TRACKER_SOURCE_DIR) / "tests" / "golden" / "report";

tracker::model::Date date_field(const nlohmann::json& object, const char* key) {
    auto day = tracker::model::parse_iso_date(object.at(key).get<std::string>());
    REQUIRE(day.has_value());
    return *day;
}

std::vector<ClaimRecord> load_claims(const fs::path& path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    std::vector<ClaimRecord> records;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto json = nlohmann::json::parse(line);
        ClaimRecord record;
        record.id = json.at("id").get<std::int64_t>();
        auto metric = tracker::model::parse_metric(json.at("metric").get<std::string>());
        auto qualifier = tracker::model::parse_qualifier(json.at("qualifier").get<std::string>());
        REQUIRE(metric.has_value());
        REQUIRE(qualifier.has_value());
        record.claim.metric = *metric;
        record.claim.qualifier = *qualifier;
        record.claim.value = json.at("value").get<std::int64_t>();
        std::optional<std::int64_t> high;
        if (json.contains("high")) high = json.at("high").get<std::int64_t>();
        tracker::model::set_bounds(record.claim, high);
        record.claim.population = json.at("population").get<std::string>();
        record.claim.claimant = json.at("claimant").get<std::string>();
        record.claim.as_of = date_field(json, "as_of");
        record.claim.sentence = json.at("sentence").get<std::string>();
        const auto& article = json.at("article");
        record.article.id = article.at("id").get<std::int64_t>();
        record.article.outlet = article.at("outlet").get<std::string>();
        record.article.title = article.at("title").get<std::string>();
        record.article.url = article.at("url").get<std::string>();
        record.article.published = date_field(article, "published");
        records.push_back(std::move(record));
    }
    return records;
}

std::string read_file(const fs::path& path) {
    return tracker::golden::read_bytes(path);
}

std::string describe_mismatch(const fs::path& expected_path, const fs::path& actual_path,
                              const std::string& expected, const std::string& actual) {
    return tracker::golden::describe_mismatch(expected_path, actual_path, expected, actual,
                                              "[golden]");
}

void check_golden(const std::string& actual, const fs::path& expected_path) {
    const char* update = std::getenv("TRACKER_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
        REQUIRE(out.good());
        out << actual;
        WARN("rewrote " << expected_path.string());
        return;
    }
    REQUIRE(fs::exists(expected_path));
    const std::string expected = read_file(expected_path);
    if (expected == actual) {
        SUCCEED();
        return;
    }
    const fs::path actual_path =
        fs::temp_directory_path() /
        ("tracker_golden_" + expected_path.parent_path().filename().string() + "_" +
         expected_path.filename().string() + ".actual");
    std::ofstream(actual_path, std::ios::binary | std::ios::trunc) << actual;
    FAIL(describe_mismatch(expected_path, actual_path, expected, actual));
}

} // namespace

template <typename Report> std::string rendered(const Report& report, const std::string& format) {
    std::ostringstream out;
    if (format == "md")
        tracker::reports::render_markdown(report, out);
    else if (format == "html")
        tracker::reports::render_html(report, out);
    else if (format == "csv")
        tracker::reports::render_csv(report, out);
    else
        tracker::reports::render_json(report, out);
    return out.str();
}

TEST_CASE("comparison report matches the golden files in every format", "[golden]") {
    const auto claims = load_claims(k_golden_dir / "claims.jsonl");
    REQUIRE(claims.size() == 22);

    tracker::reports::ReportOptions options;
    options.metric = tracker::model::Metric::hostages_held;
    const auto report = tracker::reports::build_comparison_report(claims, options);
    for (const std::string format : {"md", "html", "csv", "json"}) {
        SECTION(format) {
            check_golden(rendered(report, format), k_golden_dir / ("expected." + format));
        }
    }
}

TEST_CASE("comparison report by outlet with a 7-day window matches its golden file", "[golden]") {
    const auto claims = load_claims(k_golden_dir / "claims.jsonl");
    tracker::reports::ReportOptions options;
    options.metric = tracker::model::Metric::killed;
    options.series_key = tracker::reports::SeriesKey::outlet;
    options.window_days = 7;
    const auto report = tracker::reports::build_comparison_report(claims, options);
    check_golden(rendered(report, "md"), k_golden_dir / "expected-killed-by-outlet.md");
}

TEST_CASE("overview report matches the golden files in every format", "[golden]") {
    const auto claims = load_claims(k_golden_dir / "claims.jsonl");
    tracker::reports::ReportOptions options;
    const auto report = tracker::reports::build_overview_report(claims, options);
    for (const std::string format : {"md", "html", "csv", "json"}) {
        SECTION(format) {
            check_golden(rendered(report, format), k_golden_dir / ("overview." + format));
        }
    }
}
