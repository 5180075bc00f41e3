// Unit tests of the consistency checks (reports/consistency_checks.hpp) and of
// how reports carry them: cited claims, flagged points, every format.

#include "reports/comparison_report.hpp"
#include "reports/consistency_checks.hpp"
#include "reports/csv_renderer.hpp"
#include "reports/html_renderer.hpp"
#include "reports/json_renderer.hpp"
#include "reports/markdown_renderer.hpp"

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

tracker::model::Date day(const char* iso) {
    auto parsed = tracker::model::parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

ClaimRecord claim(std::int64_t id, Metric metric, std::string claimant, std::int64_t value,
                  const char* as_of, Qualifier qualifier = Qualifier::exact,
                  const char* published = nullptr,
                  std::optional<std::int64_t> high = std::nullopt) {
    ClaimRecord record;
    record.id = id;
    record.claim.metric = metric;
    record.claim.value = value;
    record.claim.qualifier = qualifier;
    tracker::model::set_bounds(record.claim, high);
    record.claim.claimant = std::move(claimant);
    record.claim.as_of = day(as_of);
    record.claim.sentence = "Sentence " + std::to_string(id) + ".";
    record.article.id = id;
    record.article.outlet = "Outlet";
    record.article.title = "Title";
    record.article.url = "https://example.org/" + std::to_string(id);
    record.article.published = day(published != nullptr ? published : as_of);
    return record;
}

std::vector<CheckFinding> run(const std::vector<ClaimRecord>& claims) {
    std::vector<const ClaimRecord*> pointers;
    for (const ClaimRecord& record : claims)
        pointers.push_back(&record);
    return run_consistency_checks(pointers);
}

std::vector<CheckKind> kinds(const std::vector<CheckFinding>& findings) {
    std::vector<CheckKind> out;
    for (const CheckFinding& finding : findings)
        out.push_back(finding.kind);
    return out;
}

} // namespace

TEST_CASE("checks: a cumulative count going down is flagged", "[report][checks]") {
    const auto findings = run({claim(1, Metric::killed, "Ministry", 1400, "2023-10-20"),
                               claim(2, Metric::killed, "Ministry", 1300, "2023-10-22"),
                               claim(3, Metric::killed, "Ministry", 1500, "2023-10-24")});
    REQUIRE(findings.size() == 1);
    const CheckFinding& finding = findings[0];
    CHECK(finding.kind == CheckKind::cumulative_decrease);
    CHECK(finding.metric == Metric::killed);
    CHECK(finding.claimant == "Ministry");
    CHECK(finding.as_of == day("2023-10-22"));
    CHECK(finding.claim_ids == std::vector<std::int64_t>{1, 2});
    CHECK(finding.message ==
          "Killed fell from 1,400 on 2023-10-20 to 1,300 on 2023-10-22, but it is a cumulative "
          "count: it should not go down.");
    CHECK(finding.citations.empty()); // numbered by the report builder
}

TEST_CASE("checks: every cumulative metric, and only those", "[report][checks]") {
    for (Metric metric : tracker::model::k_all_metrics) {
        const auto findings = run(
            {claim(1, metric, "A", 500, "2023-10-20"), claim(2, metric, "A", 400, "2023-10-21")});
        INFO(tracker::model::to_string(metric));
        CHECK(findings.size() == (tracker::model::is_cumulative(metric) ? 1u : 0u));
    }
}

TEST_CASE("checks: a decrease counts only when the bounds make it certain", "[report][checks]") {
    // "more than 1,000" then "900": certainly down. "900" then "more than 800":
    // perhaps not. "nearly 1,000" (at most) then "950": perhaps not.
    CHECK(run({claim(1, Metric::killed, "A", 1000, "2023-10-20", Qualifier::at_least),
               claim(2, Metric::killed, "A", 900, "2023-10-21")})
              .size() == 1);
    CHECK(run({claim(1, Metric::killed, "A", 900, "2023-10-20"),
               claim(2, Metric::killed, "A", 800, "2023-10-21", Qualifier::at_least)})
              .empty());
    CHECK(run({claim(1, Metric::killed, "A", 1000, "2023-10-20", Qualifier::at_most),
               claim(2, Metric::killed, "A", 950, "2023-10-21")})
              .empty());
    // A range 200-250 then 210: inside the range, not down.
    CHECK(run({claim(1, Metric::hostages_taken, "A", 200, "2023-10-20", Qualifier::range, nullptr,
                     250),
               claim(2, Metric::hostages_taken, "A", 210, "2023-10-21")})
              .empty());
}

TEST_CASE("checks: series are per claimant and population", "[report][checks]") {
    ClaimRecord children = claim(2, Metric::killed, "A", 300, "2023-10-21");
    children.claim.population = "children";
    CHECK(run({claim(1, Metric::killed, "A", 1000, "2023-10-20"), children}).empty());
    CHECK(run({claim(1, Metric::killed, "A", 1000, "2023-10-20"),
               claim(2, Metric::killed, "B", 300, "2023-10-21")})
              .empty());
}

TEST_CASE("checks: the claim the latest-figure rule picks speaks for a date", "[report][checks]") {
    // On 10-21 two articles: the later-published one (800) wins, so the
    // series goes 1,000 -> 800: down. The earlier article's 1,200 is ignored.
    const auto findings =
        run({claim(1, Metric::killed, "A", 1000, "2023-10-20"),
             claim(2, Metric::killed, "A", 1200, "2023-10-21", Qualifier::exact, "2023-10-21"),
             claim(3, Metric::killed, "A", 800, "2023-10-21", Qualifier::exact, "2023-10-22")});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].claim_ids == std::vector<std::int64_t>{1, 3});
}

TEST_CASE("checks: a jump of more than ten times, up or down", "[report][checks]") {
    const auto up = run({claim(1, Metric::injured, "A", 20, "2023-10-20"),
                         claim(2, Metric::injured, "A", 2000, "2023-10-21")});
    REQUIRE(up.size() == 1);
    CHECK(up[0].kind == CheckKind::jump);
    CHECK(up[0].message == "Injured rose from 20 on 2023-10-20 to 2,000 on 2023-10-21: "
                           "\u00d7100.00 larger than the previous figure.");

    const auto down = run({claim(1, Metric::hostages_held, "A", 2000, "2023-10-20"),
                           claim(2, Metric::hostages_held, "A", 150, "2023-10-21")});
    REQUIRE(down.size() == 1);
    CHECK(down[0].kind == CheckKind::jump);
    CHECK(down[0].message.find("\u00f713.33 smaller") != std::string::npos);

    // Exactly ten times is not more than ten times; zero has no ratio.
    CHECK(run({claim(1, Metric::injured, "A", 20, "2023-10-20"),
               claim(2, Metric::injured, "A", 200, "2023-10-21")})
              .empty());
    CHECK(run({claim(1, Metric::injured, "A", 0, "2023-10-20"),
               claim(2, Metric::injured, "A", 500, "2023-10-21")})
              .empty());

    // A cumulative count falling by more than ten times trips both checks.
    const auto both = run({claim(1, Metric::killed, "A", 5000, "2023-10-20"),
                           claim(2, Metric::killed, "A", 50, "2023-10-21")});
    CHECK(kinds(both) == std::vector<CheckKind>{CheckKind::cumulative_decrease, CheckKind::jump});
}

TEST_CASE("checks: hostage accounting for one claimant on one date", "[report][checks]") {
    SECTION("parts exceed the total") {
        const auto findings = run({claim(1, Metric::hostages_taken, "IDF", 222, "2023-10-24"),
                                   claim(2, Metric::hostages_held, "IDF", 224, "2023-10-24"),
                                   claim(3, Metric::hostages_released, "IDF", 4, "2023-10-24")});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].kind == CheckKind::hostage_accounting);
        CHECK(findings[0].metric == Metric::hostages_taken);
        CHECK(findings[0].claim_ids == std::vector<std::int64_t>{1, 2, 3});
        CHECK(findings[0].message == "Hostages taken: 222 on 2023-10-24, but held 224 + released 4 "
                                     "= 228 is more than that.");
    }
    SECTION("all parts given and they fall short") {
        const auto findings = run({claim(1, Metric::hostages_taken, "IDF", 240, "2023-11-01"),
                                   claim(2, Metric::hostages_held, "IDF", 200, "2023-11-01"),
                                   claim(3, Metric::hostages_released, "IDF", 4, "2023-11-01"),
                                   claim(4, Metric::hostages_killed, "IDF", 20, "2023-11-01")});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].message ==
              "Hostages taken: 240 on 2023-11-01, but held 200 + released 4 + "
              "killed in captivity 20 = 224 is fewer than that.");
    }
    SECTION("a missing part could make up the difference: no finding") {
        CHECK(run({claim(1, Metric::hostages_taken, "IDF", 240, "2023-11-01"),
                   claim(2, Metric::hostages_held, "IDF", 200, "2023-11-01"),
                   claim(3, Metric::hostages_released, "IDF", 4, "2023-11-01")})
                  .empty());
    }
    SECTION("bounds that can add up: no finding") {
        // about 240 taken = at least 230 held + 4 + 6 could be 240.
        CHECK(run({claim(1, Metric::hostages_taken, "IDF", 240, "2023-11-01", Qualifier::approx),
                   claim(2, Metric::hostages_held, "IDF", 230, "2023-11-01", Qualifier::at_least),
                   claim(3, Metric::hostages_released, "IDF", 4, "2023-11-01"),
                   claim(4, Metric::hostages_killed, "IDF", 6, "2023-11-01")})
                  .empty());
        // at least 250 held: the parts are at least 260, more than 240.
        const auto findings =
            run({claim(1, Metric::hostages_taken, "IDF", 240, "2023-11-01"),
                 claim(2, Metric::hostages_held, "IDF", 250, "2023-11-01", Qualifier::at_least),
                 claim(3, Metric::hostages_released, "IDF", 4, "2023-11-01"),
                 claim(4, Metric::hostages_killed, "IDF", 6, "2023-11-01")});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].message.find("= at least 260 is more than") != std::string::npos);
    }
    SECTION("other claimants and other dates do not count") {
        CHECK(run({claim(1, Metric::hostages_taken, "IDF", 222, "2023-10-24"),
                   claim(2, Metric::hostages_held, "Hamas", 250, "2023-10-24"),
                   claim(3, Metric::hostages_held, "IDF", 250, "2023-10-25")})
                  .empty());
    }
}

TEST_CASE("checks: a claim dated after its article was published", "[report][checks]") {
    const auto findings =
        run({claim(1, Metric::killed, "A", 10, "2023-10-25", Qualifier::exact, "2023-10-22"),
             claim(2, Metric::killed, "A", 10, "2023-10-22", Qualifier::exact, "2023-10-22")});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == CheckKind::dated_after_publication);
    CHECK(findings[0].claim_ids == std::vector<std::int64_t>{1});
    CHECK(findings[0].message ==
          "Dated 2023-10-25, after its article was published on 2023-10-22.");
}

TEST_CASE("checks in a report: cited, flagged, and shown in every format", "[report][checks]") {
    const std::vector<ClaimRecord> claims{
        claim(1, Metric::hostages_held, "IDF", 224, "2023-10-24"),
        claim(2, Metric::hostages_taken, "IDF", 222, "2023-10-24"),
        claim(3, Metric::hostages_held, "Hamas", 20, "2023-10-20"),
        claim(4, Metric::hostages_held, "Hamas", 250, "2023-10-21"),
        // Another metric's problem: not this report's business.
        claim(5, Metric::hostages_taken, "Hamas", 300, "2023-10-21"),
        claim(6, Metric::hostages_taken, "Hamas", 200, "2023-10-22"),
    };
    ReportOptions options;
    options.metric = Metric::hostages_held;
    const ComparisonReport report = build_comparison_report(claims, options);
    REQUIRE(report.checks.size() == 2);
    CHECK(report.checks[0].kind == CheckKind::hostage_accounting);
    CHECK(report.checks[1].kind == CheckKind::jump);
    CHECK(report.claim_count == 3);
    // The taken claim is cited after the timeline's own claims.
    REQUIRE(report.citations.size() == 4);
    CHECK(report.citations[3].claim_id == 2);
    CHECK(report.citations[3].metric == Metric::hostages_taken);
    CHECK(report.checks[0].citations == std::vector<int>{4, report.citations[2].number});
    // Points named by a finding are flagged.
    for (const Series& series : report.series)
        for (const SeriesPoint& point : series.points)
            CHECK(point.flagged == (point.figure.claim_id == 1 || point.figure.claim_id == 3 ||
                                    point.figure.claim_id == 4));

    std::ostringstream md, html, csv, json;
    render_markdown(report, md);
    render_html(report, html);
    render_csv(report, csv);
    render_json(report, json);
    CHECK(md.str().find(
              "## Consistency checks\n\n- **Hostage accounting does not add up** \u2014 IDF, "
              "Hostages taken, 2023-10-24: Hostages taken: 222 on 2023-10-24, but held 224 is "
              "more than that. [4, 3]") != std::string::npos);
    CHECK(md.str().find(
              "- **Jump of more than ten times** \u2014 Hamas, Hostages held, 2023-10-21") !=
          std::string::npos);
    CHECK(html.str().find("data-check=\"hostage_accounting\"") != std::string::npos);
    CHECK(html.str().find("<a class=\"marker flagged\"") != std::string::npos);
    CHECK(csv.str().find("\r\ncheck,hostages_taken,,,IDF,2023-10-24,") != std::string::npos);
    const auto parsed = nlohmann::json::parse(json.str());
    REQUIRE(parsed.at("checks").size() == 2);
    CHECK(parsed["checks"][0]["kind"] == "hostage_accounting");
    CHECK(parsed["checks"][0]["citations"] == nlohmann::json::array({4, 3}));
}

TEST_CASE("checks: none found says so", "[report][checks]") {
    ReportOptions options;
    options.metric = Metric::killed;
    const auto report = build_comparison_report({claim(1, Metric::killed, "A", 10, "2023-10-20"),
                                                 claim(2, Metric::killed, "A", 12, "2023-10-21")},
                                                options);
    CHECK(report.checks.empty());
    std::ostringstream md, html;
    render_markdown(report, md);
    render_html(report, html);
    CHECK(md.str().find("## Consistency checks\n\nNo inconsistencies found.\n") !=
          std::string::npos);
    CHECK(html.str().find("No inconsistencies found.") != std::string::npos);
}

TEST_CASE("overview: one section per metric, checks over all metrics", "[report][checks]") {
    const std::vector<ClaimRecord> claims{
        claim(1, Metric::displaced, "UN", 1000000, "2023-10-20"),
        claim(2, Metric::killed, "Ministry", 1000, "2023-10-20"),
        claim(3, Metric::killed, "Ministry", 900, "2023-10-21"),
        claim(4, Metric::hostages_held, "IDF", 224, "2023-10-24"),
    };
    const OverviewReport report = build_overview_report(claims, ReportOptions{});
    REQUIRE(report.sections.size() == 3);
    CHECK(report.sections[0].metric == Metric::killed);
    CHECK(report.sections[1].metric == Metric::hostages_held);
    CHECK(report.sections[2].metric == Metric::displaced);
    REQUIRE(report.sections[0].latest.size() == 1);
    CHECK(report.sections[0].latest[0].latest.claim_id == 3);
    CHECK(report.sections[0].latest[0].change == -100);
    REQUIRE(report.checks.size() == 1);
    CHECK(report.checks[0].kind == CheckKind::cumulative_decrease);
    CHECK(report.claim_count == 4);
    CHECK(report.citations.size() == 4);

    ReportOptions outlet;
    outlet.outlet = "nobody";
    CHECK(build_overview_report(claims, outlet).sections.empty());
}
