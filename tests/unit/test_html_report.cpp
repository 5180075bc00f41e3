// Unit tests of the HTML report: escaping of untrusted article text, safe
// links, a self-contained page, and the SVG chart's scales, series, markers,
// tooltips and qualifier drawings.

#include "reports/comparison_report.hpp"
#include "reports/html_renderer.hpp"
#include "reports/svg_chart.hpp"
#include "reports/text_escape.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/store/claim_store.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <regex>
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

ClaimRecord claim(std::int64_t id, std::string claimant, std::int64_t value, const char* as_of,
                  Qualifier qualifier = Qualifier::exact,
                  std::optional<std::int64_t> high = std::nullopt) {
    ClaimRecord record;
    record.id = id;
    record.claim.metric = Metric::hostages_held;
    record.claim.value = value;
    record.claim.qualifier = qualifier;
    tracker::model::set_bounds(record.claim, high);
    record.claim.claimant = std::move(claimant);
    record.claim.as_of = day(as_of);
    record.claim.sentence = "Sentence " + std::to_string(id) + ".";
    record.article.id = id;
    record.article.outlet = "Example Wire";
    record.article.title = "Title " + std::to_string(id);
    record.article.url = "https://example.org/" + std::to_string(id);
    record.article.published = day(as_of);
    return record;
}

ReportOptions held() {
    ReportOptions options;
    options.metric = Metric::hostages_held;
    return options;
}

std::string html_of(const ComparisonReport& report) {
    std::ostringstream out;
    render_html(report, out);
    return out.str();
}

std::size_t count(const std::string& text, std::string_view needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
        ++n;
    return n;
}

const std::string k_hostile =
    "<script>alert(\"x\")</script> & 'quoted' \"double\" </title><img src=x onerror=alert(1)>";

// Checks a page built from hostile strings: nothing of them is live markup.
void check_inert(const std::string& html) {
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("</script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; "
                    "&quot;double&quot;") != std::string::npos);
    // Every attribute value is quoted and contains no raw '<', '>' or quote of
    // its own kind: scan each tag.
    std::regex tag(R"(<[a-zA-Z][^<>]*>)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag);
         it != std::sregex_iterator(); ++it) {
        const std::string text = it->str();
        CHECK(count(text, "\"") % 2 == 0);
    }
    // Links go to citations or to sanitised http(s) URLs only.
    std::regex href(R"re(href="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href);
         it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1].str();
        const bool internal = target.rfind("#", 0) == 0;
        const bool web = target.rfind("https://", 0) == 0 || target.rfind("http://", 0) == 0;
        CHECK((internal || web));
        CHECK(target.find(' ') == std::string::npos);
    }
}

} // namespace

TEST_CASE("escape_html makes text inert", "[report][html]") {
    CHECK(escape_html("plain") == "plain");
    CHECK(escape_html("<script>a & b</script>") == "&lt;script&gt;a &amp; b&lt;/script&gt;");
    CHECK(escape_html("\"double\" 'single'") == "&quot;double&quot; &#39;single&#39;");
    CHECK(escape_html("&amp;") == "&amp;amp;");
    CHECK(escape_html("tab\tline\nnul\x01"
                      "end") == "tab\tline\nnul end");
    CHECK(escape_html("caf\xc3\xa9 \xe2\x80\x94") == "caf\xc3\xa9 \xe2\x80\x94");
    CHECK(escape_html("bad \xff byte") == "bad \xef\xbf\xbd byte");
    CHECK(escape_html("cut \xe2\x80") == "cut \xef\xbf\xbd\xef\xbf\xbd");
    CHECK(escape_html("overlong \xc0\xbc") == "overlong \xef\xbf\xbd\xef\xbf\xbd");
}

TEST_CASE("only http and https URLs become links, percent-encoded", "[report][html]") {
    CHECK(sanitized_http_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2");
    CHECK(sanitized_http_url("https://example.org/\"><script>") ==
          "https://example.org/%22%3E%3Cscript%3E");
    CHECK(sanitized_http_url(" http://example.org ") == "http://example.org");
    CHECK_FALSE(sanitized_http_url("javascript:alert(1)").has_value());
    CHECK_FALSE(sanitized_http_url("JaVaScRiPt:alert(1)").has_value());
    CHECK_FALSE(sanitized_http_url("data:text/html,<script>").has_value());
    CHECK_FALSE(sanitized_http_url("//example.org/").has_value());
    CHECK_FALSE(sanitized_http_url("").has_value());
}

TEST_CASE("HTML: hostile title, outlet, claimant, population and sentence are escaped",
          "[report][html]") {
    ClaimRecord record = claim(1, k_hostile, 224, "2023-10-24");
    record.article.title = k_hostile;
    record.article.outlet = k_hostile;
    record.claim.sentence = k_hostile;
    record.claim.population = "<b>kids</b>";
    record.article.url = "javascript:alert(1)";
    ClaimRecord second = claim(2, "IDF", 230, "2023-10-25");
    second.article.url = "https://example.org/a\"onmouseover=\"alert(1)";
    const std::string html = html_of(build_comparison_report({record, second}, held()));
    check_inert(html);
    CHECK(html.find("&lt;b&gt;kids&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("(no link)") != std::string::npos);
    CHECK(html.find("href=\"https://example.org/a%22onmouseover=%22alert(1)\"") !=
          std::string::npos);
    // The tooltip is escaped too.
    CHECK(html.find("<title>224 hostages held \u2014 &lt;script&gt;") != std::string::npos);

    std::ostringstream overview;
    render_html(build_overview_report({record, second}, held()), overview);
    check_inert(overview.str());
}

TEST_CASE("HTML: hostile article imported into a database and reported", "[report][html]") {
    tracker::store::Database db(":memory:");
    tracker::store::ClaimStore store(db);
    tracker::model::Article article;
    article.path = "hostile.txt";
    article.title = k_hostile;
    article.outlet = k_hostile;
    article.url = "https://example.org/x?a=1&b=\"2\"";
    article.published = day("2023-10-23");
    tracker::model::Claim claim;
    claim.metric = Metric::killed;
    claim.value = 5087;
    tracker::model::set_bounds(claim);
    claim.claimant = k_hostile;
    claim.as_of = day("2023-10-23");
    claim.sentence = k_hostile;
    store.add_article(article, "hash-hostile", {claim});

    tracker::query::ClaimFilter filter;
    filter.metric = Metric::killed;
    ReportOptions options;
    options.metric = Metric::killed;
    const std::string html =
        html_of(build_comparison_report(tracker::query::find_claims(db, filter), options));
    check_inert(html);
    CHECK(html.find("5,087") != std::string::npos);
    CHECK(html.find("href=\"https://example.org/x?a=1&amp;b=%222%22\"") != std::string::npos);
}

TEST_CASE("HTML: one self-contained page", "[report][html]") {
    const std::string html = html_of(
        build_comparison_report({claim(1, "Hamas", 200, "2023-10-16", Qualifier::range, 250),
                                 claim(2, "IDF", 199, "2023-10-16")},
                                held()));
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") !=
          std::string::npos);
    CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("@media (max-width:") != std::string::npos);
    // Nothing is loaded from anywhere.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("@font-face") == std::string::npos);
    // Figures link to their citations, which have anchors.
    CHECK(html.find("<a class=\"ref\" href=\"#cite-1\">[1]</a>") != std::string::npos);
    CHECK(html.find("<li id=\"cite-1\">") != std::string::npos);
    CHECK(html.find("<li id=\"cite-2\">") != std::string::npos);
    CHECK(html.find("</html>\n") == html.size() - 8);
}

TEST_CASE("SVG: nice value ticks", "[report][svg]") {
    CHECK(nice_value_ticks(0) == std::vector<std::int64_t>{0, 1});
    CHECK(nice_value_ticks(-5) == std::vector<std::int64_t>{0, 1});
    CHECK(nice_value_ticks(1) == std::vector<std::int64_t>{0, 1});
    CHECK(nice_value_ticks(7) == std::vector<std::int64_t>{0, 2, 4, 6, 8});
    CHECK(nice_value_ticks(10) == std::vector<std::int64_t>{0, 2, 4, 6, 8, 10});
    CHECK(nice_value_ticks(242) == std::vector<std::int64_t>{0, 50, 100, 150, 200, 250});
    CHECK(nice_value_ticks(8525) == std::vector<std::int64_t>{0, 2000, 4000, 6000, 8000, 10000});
    CHECK(nice_value_ticks(1400000) == std::vector<std::int64_t>{0, 500000, 1000000, 1500000});
    CHECK(nice_value_ticks(100, 2) == std::vector<std::int64_t>{0, 50, 100});
}

TEST_CASE("SVG: date ticks stay few and regular", "[report][svg]") {
    CHECK(date_ticks(day("2023-10-16"), day("2023-10-16")) ==
          std::vector<tracker::model::Date>{day("2023-10-16")});
    CHECK(date_ticks(day("2023-10-16"), day("2023-10-19")) ==
          std::vector<tracker::model::Date>{day("2023-10-16"), day("2023-10-17"), day("2023-10-18"),
                                            day("2023-10-19")});
    const auto month = date_ticks(day("2023-10-12"), day("2023-11-06"));
    REQUIRE(month.size() == 4); // 25 days: every 7 days
    CHECK(month[1] == day("2023-10-19"));
    const auto years = date_ticks(day("2021-01-01"), day("2023-12-31"));
    CHECK(years.size() <= 6);
    CHECK(years.size() >= 3);
}

TEST_CASE("SVG: the scale maps the span onto the plot area", "[report][svg]") {
    ChartGeometry geometry;
    const ChartScale scale(day("2023-10-10"), day("2023-10-20"), 242, geometry);
    CHECK(scale.x(day("2023-10-10")) == Approx(geometry.left + geometry.inset));
    CHECK(scale.x(day("2023-10-20")) == Approx(geometry.width - geometry.right - geometry.inset));
    CHECK(scale.x(day("2023-10-15")) ==
          Approx((geometry.left + geometry.width - geometry.right) / 2));
    CHECK(scale.y(0) == Approx(geometry.height - geometry.bottom));
    CHECK(scale.y(250) == Approx(geometry.top)); // the top tick, not the maximum
    CHECK(scale.y(125) == Approx((geometry.top + geometry.height - geometry.bottom) / 2));
    CHECK(scale.value_ticks().back() == 250);

    // One day: centred, with the axis spanning a day either side.
    const ChartScale single(day("2023-10-16"), day("2023-10-16"), 10, geometry);
    CHECK(single.x(day("2023-10-16")) ==
          Approx((geometry.left + geometry.width - geometry.right) / 2));
    CHECK(single.day_ticks() == std::vector<tracker::model::Date>{day("2023-10-16")});
}

TEST_CASE("SVG: one group and line per series, one marker per claim", "[report][svg]") {
    std::vector<ClaimRecord> claims{
        claim(1, "Hamas", 200, "2023-10-16", Qualifier::range, 250),
        claim(2, "IDF", 199, "2023-10-16"),
        claim(3, "IDF", 203, "2023-10-19"),
        claim(4, "Hamas", 200, "2023-10-21", Qualifier::approx),
        claim(5, "Hamas", 200, "2023-10-21", Qualifier::at_least),
        claim(6, "IDF", 1212, "2023-10-21"),
        claim(7, "Government", 100, "2023-10-24", Qualifier::at_most),
    };
    claims[4].article.published = day("2023-10-22"); // the chosen claim that day
    const auto report = build_comparison_report(claims, held());
    std::string svg;
    append_svg_chart(svg, report.metric_label, report.series, report.citations);
    CHECK(count(svg, "<g class=\"series\"") == 3);
    CHECK(count(svg, "<path class=\"series-line\"") == 3);
    CHECK(count(svg, "<a class=\"marker") == 7);
    CHECK(count(svg, "<title>") == 8); // the chart's own title and one per marker
    // The step line of IDF: 199, then 203, then 1,212 (chosen points only).
    const ChartScale scale(day("2023-10-16"), day("2023-10-24"), 1250);
    const auto n = [](double v) { return fmt::format("{:.1f}", v); };
    CHECK(svg.find("d=\"M" + n(scale.x(day("2023-10-16"))) + " " + n(scale.y(199)) + "H" +
                   n(scale.x(day("2023-10-19"))) + "V" + n(scale.y(203)) + "H" +
                   n(scale.x(day("2023-10-21"))) + "V" + n(scale.y(1212)) + "\"") !=
          std::string::npos);
    // Axis labels with thousands separators and dates, and axis titles.
    CHECK(svg.find(">1,000</text>") != std::string::npos);
    CHECK(svg.find(">2023-10-16</text>") != std::string::npos);
    CHECK(svg.find("Hostages held (people)") != std::string::npos);
    CHECK(svg.find("As of (the date each figure was stated)") != std::string::npos);
    // Tooltips: value, claimant, date, source.
    CHECK(svg.find("<title>1,212 hostages held \u2014 IDF, as of 2023-10-21 \u2014 source: Example "
                   "Wire, \u201cTitle 6\u201d, published 2023-10-21 [") != std::string::npos);
    CHECK(svg.find("<title>&gt;200 (a lower bound: at least) hostages held \u2014 Hamas") !=
          std::string::npos);
    CHECK(svg.find("<title>200\u2013250 (a range) hostages held") != std::string::npos);
    // Qualifiers drawn: arrows for the two bounds, a whisker for the range.
    CHECK(count(svg, "class=\"bound\"") == 3);
    const std::string whisker =
        "M" + n(scale.x(day("2023-10-16"))) + " " + n(scale.y(200)) + "V" + n(scale.y(250));
    CHECK(svg.find(whisker) != std::string::npos);
    // No ids (several charts share one page) and nothing external.
    CHECK(svg.find(" id=") == std::string::npos);
    CHECK(svg.find("href=\"http") == std::string::npos);
}

TEST_CASE("SVG: nothing to draw, no chart", "[report][svg]") {
    std::string svg;
    append_svg_chart(svg, "Killed", {}, {});
    CHECK(svg.empty());
    const auto report = build_comparison_report({}, held());
    const std::string html = html_of(report);
    CHECK(html.find("<svg class=\"chart\"") == std::string::npos);
    CHECK(html.find("No claims match.") != std::string::npos);
}

TEST_CASE("SVG: series colours and dashes cycle", "[report][svg]") {
    CHECK(series_color(0) != series_color(1));
    CHECK(series_color(0) == series_color(8));
    CHECK(series_dash(0).empty());
    CHECK_FALSE(series_dash(8).empty());
}
