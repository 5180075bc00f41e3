// Unit tests of the comparison report: number formatting, the report builder
// (series, latest figures, timeline, disagreements, filters, citations) and the
// Markdown renderer's escaping of untrusted article text.

#include "reports/comparison_report.hpp"
#include "reports/markdown_renderer.hpp"
#include "reports/number_format.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

using tracker::model::ClaimRecord;
using tracker::model::Date;
using tracker::model::Metric;
using tracker::model::Qualifier;
using namespace tracker::reports;

Date day(const char* iso) {
    auto parsed = tracker::model::parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

// Builds one claim record; every field not given gets a plain default, and
// the article is published on the as_of date unless told otherwise.
struct Make {
    std::int64_t id = 0;
    std::string claimant;
    std::int64_t value = 0;
    const char* as_of = "2023-10-01";
    Qualifier qualifier = Qualifier::exact;
    std::string population;
    std::optional<std::int64_t> high;
    const char* published = nullptr;
    std::int64_t article_id = 0; // 0: same as the claim id
    Metric metric = Metric::hostages_held;
    std::string title = "Title";

    ClaimRecord operator()() const {
        ClaimRecord record;
        record.id = id;
        record.claim.metric = metric;
        record.claim.value = value;
        record.claim.qualifier = qualifier;
        tracker::model::set_bounds(record.claim, high);
        record.claim.population = population;
        record.claim.claimant = claimant;
        record.claim.as_of = day(as_of);
        record.claim.sentence = "Sentence " + std::to_string(id) + ".";
        record.article.id = article_id != 0 ? article_id : id;
        record.article.outlet = "Outlet";
        record.article.title = title;
        record.article.url = "https://example.org/" + std::to_string(id);
        record.article.published = day(published != nullptr ? published : as_of);
        return record;
    }
};

ClaimRecord claim(std::int64_t id, std::string claimant, std::int64_t value, const char* as_of,
                  Qualifier qualifier = Qualifier::exact, std::string population = "") {
    Make make;
    make.id = id;
    make.claimant = std::move(claimant);
    make.value = value;
    make.as_of = as_of;
    make.qualifier = qualifier;
    make.population = std::move(population);
    return make();
}

ReportOptions held() {
    ReportOptions options;
    options.metric = Metric::hostages_held;
    return options;
}

std::string render(const ComparisonReport& report) {
    std::ostringstream out;
    render_markdown(report, out);
    return out.str();
}

std::vector<std::string> labels(const ComparisonReport& report) {
    std::vector<std::string> out;
    for (const Series& series : report.series)
        out.push_back(series.label);
    return out;
}

std::string cell_text(const std::vector<CellFigure>& cell) {
    std::string text;
    for (const CellFigure& figure : cell) {
        if (!text.empty()) text += " / ";
        text += format_figure(figure.figure.qualifier, figure.figure.value, figure.figure.high);
        for (int number : figure.citations)
            text += " #" + std::to_string(number);
    }
    return text;
}

// Whether `needle` occurs in `text` not preceded by a backslash escape
// (an even number of backslashes before it), i.e. as live Markdown. Our own
// citation marks "[n]" are not counted when looking for '['.
bool has_unescaped(const std::string& text, std::string_view needle) {
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
        std::size_t backslashes = 0;
        while (backslashes < pos && text[pos - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 1) continue;
        if (needle == "[" && pos + 1 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[pos + 1])))
            continue;
        return true;
    }
    return false;
}

} // namespace

TEST_CASE("thousands separators", "[report]") {
    CHECK(format_thousands(0) == "0");
    CHECK(format_thousands(7) == "7");
    CHECK(format_thousands(999) == "999");
    CHECK(format_thousands(1000) == "1,000");
    CHECK(format_thousands(7028) == "7,028");
    CHECK(format_thousands(100000) == "100,000");
    CHECK(format_thousands(1400000) == "1,400,000");
    CHECK(format_thousands(1234567890123) == "1,234,567,890,123");
    CHECK(format_thousands(-1200) == "\u22121,200");
    CHECK(format_thousands(std::numeric_limits<std::int64_t>::max()) ==
          "9,223,372,036,854,775,807");
    CHECK(format_thousands(std::numeric_limits<std::int64_t>::min()) ==
          "\u22129,223,372,036,854,775,808");
}

TEST_CASE("iso_date matches model::format_date", "[report]") {
    CHECK(iso_date(day("2023-10-05")) == "2023-10-05");
    CHECK(iso_date(day("0001-01-01")) == "0001-01-01");
    CHECK(iso_date(day("9999-12-31")) == "9999-12-31");
    for (Date d = day("2019-12-25"); d < day("2024-03-05"); d += date::days{1})
        CHECK(iso_date(d) == tracker::model::format_date(d));
}

TEST_CASE("figures show their qualifier", "[report]") {
    CHECK(format_figure(Qualifier::exact, 7028) == "7,028");
    CHECK(format_figure(Qualifier::approx, 200) == "~200");
    CHECK(format_figure(Qualifier::at_least, 4000) == ">4,000");
    CHECK(format_figure(Qualifier::at_most, 50) == "<50");
    CHECK(format_figure(Qualifier::range, 200, 250) == "200\u2013250");
    CHECK(format_figure(Qualifier::range, 1000, 1500000) == "1,000\u20131,500,000");
    CHECK(format_figure(Qualifier::range, 200) == "200\u2013?");
    CHECK(format_figure(Qualifier::approx, 1400000) == "~1,400,000");
}

TEST_CASE("signed changes and ratios", "[report]") {
    CHECK(format_change(1200) == "+1,200");
    CHECK(format_change(-150) == "\u2212150");
    CHECK(format_change(0) == "0");
    CHECK(format_ratio(229.0 / 220.0) == "1.04");
    CHECK(format_ratio(2.0) == "2.00");
    CHECK(format_ratio(1234.5678) == "1234.57");
}

TEST_CASE("metric labels are human", "[report]") {
    CHECK(metric_label(Metric::killed) == "Killed");
    CHECK(metric_label(Metric::hostages_held) == "Hostages held");
    CHECK(metric_label(Metric::prisoners_released) == "Prisoners released");
}

TEST_CASE("series: one per claimant and population, sorted", "[report]") {
    std::vector<ClaimRecord> claims{
        claim(1, "Gaza Health Ministry", 7028, "2023-10-26", Qualifier::exact, ""),
        claim(2, "Gaza Health Ministry", 2913, "2023-10-26", Qualifier::exact, "children"),
        claim(3, "Israel Defense Forces", 1400, "2023-10-20"),
        claim(4, "Gaza Health Ministry", 3000, "2023-10-27", Qualifier::exact, "children"),
        claim(5, "Hamas", 50, "2023-10-26"),
    };
    for (ClaimRecord& record : claims)
        record.claim.metric = Metric::killed;
    claims[4].claim.metric = Metric::hostages_killed; // another metric: left out

    ReportOptions options;
    options.metric = Metric::killed;
    const auto report = build_comparison_report(claims, options);

    CHECK(labels(report) == std::vector<std::string>{"Gaza Health Ministry",
                                                     "Gaza Health Ministry (children)",
                                                     "Israel Defense Forces"});
    CHECK(report.series[1].name == "Gaza Health Ministry");
    CHECK(report.series[1].population == "children");
    CHECK(report.claim_count == 4);
    CHECK(report.source_count == 2);
    CHECK(report.article_count == 4);
    REQUIRE(report.first_as_of.has_value());
    CHECK(*report.first_as_of == day("2023-10-20"));
    CHECK(*report.last_as_of == day("2023-10-27"));
    CHECK(report.metric_label == "Killed");
}

TEST_CASE("latest, previous and change per series", "[report]") {
    Make later_article;
    later_article.id = 4;
    later_article.claimant = "IDF";
    later_article.value = 222;
    later_article.as_of = "2023-10-24";
    later_article.published = "2023-10-25";
    Make larger_same_day; // larger value, but an earlier article: loses
    larger_same_day.id = 5;
    larger_same_day.claimant = "IDF";
    larger_same_day.value = 230;
    larger_same_day.as_of = "2023-10-24";

    std::vector<ClaimRecord> claims{
        claim(1, "IDF", 203, "2023-10-19"),
        claim(2, "IDF", 224, "2023-10-21"),
        claim(3, "IDF", 210, "2023-10-21"), // same day, smaller: previous is 224
        later_article(),
        larger_same_day(),
        claim(6, "Hamas", 200, "2023-10-21", Qualifier::approx),
        claim(7, "Ministry", 250, "2023-10-10"),
        claim(8, "Ministry", 100, "2023-10-12", Qualifier::at_least),
    };
    const auto report = build_comparison_report(claims, held());
    REQUIRE(labels(report) == std::vector<std::string>{"Hamas", "IDF", "Ministry"});
    REQUIRE(report.latest.size() == 3);

    const LatestRow& hamas = report.latest[0];
    CHECK(hamas.series == 0);
    CHECK(hamas.latest.claim_id == 6);
    CHECK_FALSE(hamas.previous.has_value());
    CHECK_FALSE(hamas.change.has_value());

    const LatestRow& idf = report.latest[1];
    CHECK(idf.latest.claim_id == 4); // most recently published wins the latest date
    CHECK(idf.latest.as_of == day("2023-10-24"));
    REQUIRE(idf.previous.has_value());
    CHECK(idf.previous->claim_id == 2); // same publication day: larger value
    CHECK(idf.previous->as_of == day("2023-10-21"));
    REQUIRE(idf.change.has_value());
    CHECK(*idf.change == 222 - 224);

    const LatestRow& ministry = report.latest[2];
    CHECK(ministry.latest.figure.qualifier == Qualifier::at_least);
    CHECK(ministry.latest.figure.low == 100);
    CHECK_FALSE(ministry.latest.figure.high.has_value());
    REQUIRE(ministry.change.has_value());
    CHECK(*ministry.change == -150); // compares value even for a bound

    // Citation numbers point at the cited claim.
    CHECK(report.citations[static_cast<std::size_t>(idf.latest.citation - 1)].claim_id == 4);

    const std::string markdown = render(report);
    CHECK(markdown.find("| IDF | 222 [") != std::string::npos);
    CHECK(markdown.find("| \u2212150 |") != std::string::npos);
    CHECK(markdown.find("| Hamas | ~200 [") != std::string::npos);
    CHECK(markdown.find("| n/a | n/a | n/a |") != std::string::npos);
}

TEST_CASE("latest: equal publication and value falls back to the higher claim id", "[report]") {
    // Same rule as query::latest_as_of: the claim stored last wins.
    std::vector<ClaimRecord> claims{claim(3, "IDF", 224, "2023-10-24"),
                                    claim(9, "IDF", 224, "2023-10-24"),
                                    claim(5, "IDF", 224, "2023-10-24")};
    const auto report = build_comparison_report(claims, held());
    REQUIRE(report.latest.size() == 1);
    CHECK(report.latest[0].latest.claim_id == 9);
}

TEST_CASE("timeline: dates ascending, cells per series, citations in order", "[report]") {
    Make second_source; // the same figure again from another article
    second_source.id = 7;
    second_source.claimant = "Hamas";
    second_source.value = 200;
    second_source.as_of = "2023-10-21";
    second_source.qualifier = Qualifier::approx;
    second_source.published = "2023-10-22";

    std::vector<ClaimRecord> claims{
        claim(5, "IDF", 212, "2023-10-21"),
        claim(4, "Hamas", 200, "2023-10-21", Qualifier::approx),
        second_source(),
        claim(6, "Hamas", 200, "2023-10-21", Qualifier::at_least),
        claim(2, "IDF", 199, "2023-10-16"),
        claim(1, "Hamas", 200, "2023-10-16", Qualifier::range),
    };
    claims.back().claim.high = 250;
    const auto report = build_comparison_report(claims, held());

    REQUIRE(report.timeline.size() == 2);
    CHECK(report.timeline[0].as_of == day("2023-10-16"));
    CHECK(report.timeline[1].as_of == day("2023-10-21"));
    REQUIRE(report.timeline[0].cells.size() == 2);
    CHECK(cell_text(report.timeline[0].cells[0]) == "200\u2013250 #1");
    CHECK(cell_text(report.timeline[0].cells[1]) == "199 #2");
    CHECK(cell_text(report.timeline[1].cells[0]) == "~200 #3 #4 / >200 #5");
    CHECK(cell_text(report.timeline[1].cells[1]) == "212 #6");

    // Citations numbered by first appearance: row by row, column by column.
    std::vector<std::int64_t> cited_ids;
    for (const Citation& citation : report.citations) {
        CHECK(citation.number == static_cast<int>(cited_ids.size()) + 1);
        cited_ids.push_back(citation.claim_id);
    }
    CHECK(cited_ids == std::vector<std::int64_t>{1, 2, 4, 7, 6, 5});

    const std::string markdown = render(report);
    CHECK(markdown.find("| 2023-10-21 | ~200 [3, 4] / >200 [5] | 212 [6] |") != std::string::npos);
    CHECK(markdown.find("- [4] Outlet, \"Title\", published 2023-10-22, "
                        "<https://example.org/7> \u2014 \"Sentence 7.\"") != std::string::npos);
}

TEST_CASE("timeline: a series without a claim that day has an empty cell", "[report]") {
    std::vector<ClaimRecord> claims{claim(1, "A", 10, "2023-10-01"),
                                    claim(2, "B", 20, "2023-10-02")};
    const auto report = build_comparison_report(claims, held());
    REQUIRE(report.timeline.size() == 2);
    CHECK(report.timeline[0].cells[1].empty());
    CHECK(report.timeline[1].cells[0].empty());
    const std::string markdown = render(report);
    CHECK(markdown.find("| 2023-10-01 | 10 [1] |  |") != std::string::npos);
    CHECK(markdown.find("| 2023-10-02 |  | 20 [2] |") != std::string::npos);
}

TEST_CASE("disagreements between sources on the same date", "[report]") {
    std::vector<ClaimRecord> claims{
        // 10-16: incompatible (199 against 200-250).
        claim(1, "Hamas", 200, "2023-10-16", Qualifier::range),
        claim(2, "IDF", 199, "2023-10-16"),
        // 10-20: at least 200 and exactly 240: different but compatible.
        claim(3, "Hamas", 200, "2023-10-20", Qualifier::at_least),
        claim(4, "IDF", 240, "2023-10-20"),
        // 10-21: same value with different qualifiers: no disagreement.
        claim(5, "Hamas", 200, "2023-10-21", Qualifier::approx),
        claim(6, "IDF", 200, "2023-10-21"),
        // 10-22: different populations are never compared.
        claim(7, "Hamas", 30, "2023-10-22", Qualifier::exact, "children"),
        claim(8, "IDF", 230, "2023-10-22"),
        // 10-23: three sources; the middle one does not change the extremes.
        claim(9, "A", 0, "2023-10-23"),
        claim(10, "B", 5, "2023-10-23"),
        claim(11, "C", 9, "2023-10-23"),
    };
    claims[0].claim.high = 250;
    const auto report = build_comparison_report(claims, held());
    REQUIRE(report.disagreements.size() == 3);

    const Disagreement& first = report.disagreements[0];
    CHECK(first.as_of == day("2023-10-16"));
    CHECK(first.population.empty());
    CHECK(first.lowest.claimant == "IDF");
    CHECK(first.highest.claimant == "Hamas");
    CHECK(first.difference == 1);
    REQUIRE(first.ratio.has_value());
    CHECK(format_ratio(*first.ratio) == "1.01");
    CHECK_FALSE(first.bounds_compatible);
    CHECK(first.series_count == 2);

    const Disagreement& second = report.disagreements[1];
    CHECK(second.as_of == day("2023-10-20"));
    CHECK(second.lowest.figure.claim_id == 3);
    CHECK(second.highest.figure.claim_id == 4);
    CHECK(second.difference == 40);
    CHECK(format_ratio(*second.ratio) == "1.20");
    CHECK(second.bounds_compatible);

    const Disagreement& third = report.disagreements[2];
    CHECK(third.as_of == day("2023-10-23"));
    CHECK(third.series_count == 3);
    CHECK(third.lowest.figure.claim_id == 9);
    CHECK(third.highest.figure.claim_id == 11);
    CHECK(third.difference == 9);
    CHECK_FALSE(third.ratio.has_value()); // lowest is 0

    const std::string markdown = render(report);
    CHECK(markdown.find("| 2023-10-16 | (unspecified) | IDF: 199 [2] | Hamas: 200\u2013250 [1] | 1 "
                        "| 1.01 | incompatible |") != std::string::npos);
    CHECK(markdown.find("| 9 | n/a | incompatible |") != std::string::npos);
    CHECK(markdown.find("No two sources disagreed") == std::string::npos);
}

TEST_CASE("disagreements: a series speaks through its chosen claim of the day", "[report]") {
    Make newer; // Hamas's newer article on the same day says 240: agrees with IDF
    newer.id = 2;
    newer.claimant = "Hamas";
    newer.value = 240;
    newer.as_of = "2023-10-20";
    newer.published = "2023-10-21";
    std::vector<ClaimRecord> claims{claim(1, "Hamas", 200, "2023-10-20"), newer(),
                                    claim(3, "IDF", 240, "2023-10-20")};
    const auto report = build_comparison_report(claims, held());
    CHECK(report.disagreements.empty());
}

TEST_CASE("no disagreements: a sentence says so", "[report]") {
    std::vector<ClaimRecord> claims{claim(1, "Hamas", 200, "2023-10-21"),
                                    claim(2, "IDF", 200, "2023-10-21"),
                                    claim(3, "IDF", 224, "2023-10-24")};
    const auto report = build_comparison_report(claims, held());
    CHECK(report.disagreements.empty());
    CHECK(render(report).find("## Disagreements\n\nNo two sources disagreed on the same date.\n") !=
          std::string::npos);
}

TEST_CASE("from/to filter on as_of, inclusive", "[report]") {
    std::vector<ClaimRecord> claims{
        claim(1, "IDF", 199, "2023-10-16"), claim(2, "IDF", 203, "2023-10-19"),
        claim(3, "IDF", 224, "2023-10-24"), claim(4, "IDF", 229, "2023-10-27"),
        claim(5, "IDF", 239, "2023-11-10")};
    ReportOptions options = held();
    options.from = day("2023-10-19");
    options.to = day("2023-10-27");
    const auto report = build_comparison_report(claims, options);
    CHECK(report.claim_count == 3);
    REQUIRE(report.timeline.size() == 3);
    CHECK(report.timeline.front().as_of == day("2023-10-19"));
    CHECK(report.timeline.back().as_of == day("2023-10-27"));
    CHECK(report.latest[0].latest.claim_id == 4);
    CHECK(report.latest[0].previous->claim_id == 3);
    const std::string markdown = render(report);
    CHECK(markdown.find("Selection: as of from 2023-10-19; as of to 2023-10-27.") !=
          std::string::npos);

    options.from = day("2023-12-01");
    options.to.reset();
    const auto empty = build_comparison_report(claims, options);
    CHECK(empty.claim_count == 0);
    CHECK(empty.series.empty());
    CHECK_FALSE(empty.first_as_of.has_value());
    const std::string none = render(empty);
    CHECK(none.find("No claims match.") != std::string::npos);
    CHECK(none.find("No two sources disagreed") != std::string::npos);
}

TEST_CASE("population filter keeps one population and labels by claimant", "[report]") {
    std::vector<ClaimRecord> claims{
        claim(1, "Gaza Health Ministry", 2913, "2023-10-26", Qualifier::exact, "children"),
        claim(2, "Gaza Health Ministry", 7028, "2023-10-26"),
        claim(3, "UNICEF", 3000, "2023-10-26", Qualifier::at_least, "children"),
        claim(4, "UNICEF", 500, "2023-10-26", Qualifier::exact, "women"),
    };
    ReportOptions options = held();
    options.population = "Children"; // case-insensitive
    const auto report = build_comparison_report(claims, options);
    CHECK(labels(report) == std::vector<std::string>{"Gaza Health Ministry", "UNICEF"});
    CHECK(report.claim_count == 2);
    REQUIRE(report.disagreements.size() == 1);
    CHECK(report.disagreements[0].population == "children");
    CHECK(report.disagreements[0].bounds_compatible == false); // 2,913 < at least 3,000

    options.population = ""; // only claims naming no group
    const auto unnamed = build_comparison_report(claims, options);
    REQUIRE(unnamed.claim_count == 1);
    CHECK(unnamed.latest[0].latest.claim_id == 2);
}

TEST_CASE("output does not depend on input order", "[report]") {
    std::vector<ClaimRecord> claims{
        claim(1, "Hamas", 200, "2023-10-16", Qualifier::range),
        claim(2, "IDF", 199, "2023-10-16"),
        claim(3, "IDF", 203, "2023-10-19"),
        claim(4, "Hamas", 200, "2023-10-21", Qualifier::approx),
        claim(5, "Hamas", 210, "2023-10-21"),
        claim(6, "Israeli government", 100, "2023-10-24", Qualifier::at_most, "foreigners"),
    };
    claims[0].claim.high = 250;
    const std::string expected = render(build_comparison_report(claims, held()));
    std::reverse(claims.begin(), claims.end());
    CHECK(render(build_comparison_report(claims, held())) == expected);
    std::rotate(claims.begin(), claims.begin() + 2, claims.end());
    CHECK(render(build_comparison_report(claims, held())) == expected);
    CHECK(expected.find("| Israeli government (foreigners) |") != std::string::npos);
}

TEST_CASE("escape_markdown neutralises Markdown and HTML", "[report]") {
    CHECK(escape_markdown("plain text, 1.5 million") == "plain text, 1.5 million");
    CHECK(escape_markdown("a|b") == "a\\|b");
    CHECK(escape_markdown("[x](y)") == "\\[x\\](y)");
    CHECK(escape_markdown("<b>") == "\\<b\\>");
    CHECK(escape_markdown("*bold* _it_ `code` ~s~") == "\\*bold\\* \\_it\\_ \\`code\\` \\~s\\~");
    CHECK(escape_markdown("back\\slash") == "back\\\\slash");
    CHECK(escape_markdown("line\nbreak\r\ttab") == "line break  tab");
    CHECK(escape_markdown("see http://evil.example and WWW.evil.example") ==
          "see http:\\/\\/evil.example and WWW\\.evil.example");
    CHECK(escape_markdown("a@b.example") == "a\\@b.example");
    // A pre-escaped pipe must not turn back into a live one.
    CHECK(escape_markdown("\\|") == "\\\\\\|");
}

TEST_CASE("autolinks only for http and https, percent-encoded", "[report]") {
    CHECK(markdown_autolink("https://example.org/a?b=1&c=2#d") ==
          "<https://example.org/a?b=1&c=2#d>");
    CHECK(markdown_autolink(" HTTP://example.org/ ") == "<HTTP://example.org/>");
    CHECK(markdown_autolink("https://example.org/a b<c>\"d|e`") ==
          "<https://example.org/a%20b%3Cc%3E%22d%7Ce%60>");
    CHECK(markdown_autolink("https://example.org/caf\xc3\xa9") ==
          "<https://example.org/caf%C3%A9>");
    CHECK_FALSE(markdown_autolink("javascript:alert(1)").has_value());
    CHECK_FALSE(markdown_autolink("ftp://example.org/").has_value());
    CHECK_FALSE(markdown_autolink("https://").has_value());
    CHECK_FALSE(markdown_autolink("").has_value());
}

TEST_CASE("hostile article text cannot inject links, HTML or table breaks", "[report]") {
    const std::string hostile = "<script>alert(1)</script> | [x](http://evil)";
    Make make;
    make.id = 1;
    make.claimant = "IDF | [x](http://evil)\n| 1 | 2 |";
    make.value = 224;
    make.as_of = "2023-10-24";
    make.title = hostile;
    ClaimRecord record = make();
    record.article.outlet = "**Outlet** <img src=x onerror=alert(1)>";
    record.article.url = "javascript:alert(1)";
    record.claim.sentence = "Line one\n\n# Heading | cell\n<iframe>";
    const auto report = build_comparison_report({record}, held());
    const std::string markdown = render(report);

    // Our own autolinks would be the only live '<'; there are none here.
    CHECK_FALSE(has_unescaped(markdown, "<"));
    CHECK_FALSE(has_unescaped(markdown, "[")); // only "[1]" citation marks below
    CHECK_FALSE(has_unescaped(markdown, "]("));
    CHECK(markdown.find("://") == std::string::npos);
    CHECK(markdown.find("javascript") == std::string::npos);
    CHECK(markdown.find("**Outlet**") == std::string::npos);
    CHECK(markdown.find("\n# Heading") == std::string::npos);
    CHECK(markdown.find("\\<script\\>alert(1)\\</script\\> \\| \\[x\\](http:\\/\\/evil)") !=
          std::string::npos);
    CHECK(markdown.find("(no link)") != std::string::npos);

    // Every table row still has exactly as many unescaped pipes as its header.
    std::istringstream lines(markdown);
    std::string line;
    std::size_t expected_pipes = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '|') {
            expected_pipes = 0;
            continue;
        }
        std::size_t pipes = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\') {
                ++i; // skip the escaped character
                continue;
            }
            if (line[i] == '|') ++pipes;
        }
        if (expected_pipes == 0) expected_pipes = pipes;
        CHECK(pipes == expected_pipes);
    }
}
