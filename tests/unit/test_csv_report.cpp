// Unit tests of the CSV report: RFC 4180 quoting, spreadsheet formula
// injection neutralised in text cells (not in numbers), one header and the
// same number of fields on every row.

#include "reports/comparison_report.hpp"
#include "reports/csv_renderer.hpp"
#include "reports/text_escape.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

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
                  Qualifier qualifier = Qualifier::exact) {
    ClaimRecord record;
    record.id = id;
    record.claim.metric = Metric::injured;
    record.claim.value = value;
    record.claim.qualifier = qualifier;
    tracker::model::set_bounds(record.claim);
    record.claim.claimant = std::move(claimant);
    record.claim.as_of = day(as_of);
    record.claim.sentence = "Sentence " + std::to_string(id) + ".";
    record.article.id = id;
    record.article.outlet = "Outlet";
    record.article.title = "Title";
    record.article.url = "https://example.org/" + std::to_string(id);
    record.article.published = day(as_of);
    return record;
}

// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    bool field_started = false;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && !field_started) {
            ++i;
            while (true) {
                REQUIRE(i < text.size()); // an unterminated quote is a failure
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.push_back(text[i++]);
            }
            field_started = true;
            continue;
        }
        if (c == ',') {
            row.push_back(field);
            field.clear();
            field_started = false;
            ++i;
            continue;
        }
        if (c == '\r') {
            REQUIRE(i + 1 < text.size());
            REQUIRE(text[i + 1] == '\n'); // CRLF only
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            field_started = false;
            i += 2;
            continue;
        }
        REQUIRE(c != '\n'); // a bare LF outside quotes is not RFC 4180
        REQUIRE(c != '"');  // a quote inside an unquoted field neither
        field.push_back(c);
        field_started = true;
        ++i;
    }
    REQUIRE(row.empty()); // the last record ends with CRLF
    return rows;
}

std::size_t column(const std::string& name) {
    const auto& columns = csv_report_columns();
    const auto found = std::find(columns.begin(), columns.end(), name);
    REQUIRE(found != columns.end());
    return static_cast<std::size_t>(found - columns.begin());
}

} // namespace

TEST_CASE("CSV: RFC 4180 quoting", "[report][csv]") {
    CHECK(csv_quote("plain") == "plain");
    CHECK(csv_quote("") == "");
    CHECK(csv_quote("a,b") == "\"a,b\"");
    CHECK(csv_quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_quote("two\nlines") == "\"two\nlines\"");
    CHECK(csv_quote("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv_quote("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("CSV: formula injection is neutralised in text cells", "[report][csv]") {
    CHECK(csv_text("=1+1") == "'=1+1");
    CHECK(csv_text("+44 20") == "'+44 20");
    CHECK(csv_text("-2+3") == "'-2+3");
    CHECK(csv_text("@SUM(A1:A2)") == "'@SUM(A1:A2)");
    CHECK(csv_text("\tpadded") == "'\tpadded");
    CHECK(csv_text("\rcr") == "\"'\rcr\"");
    CHECK(csv_text("=HYPERLINK(\"http://evil\",\"x\")") ==
          "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    CHECK(csv_text("=a,b") == "\"'=a,b\"");
    // Only the first character matters.
    CHECK(csv_text("a=b") == "a=b");
    CHECK(csv_text("1-2") == "1-2");
    CHECK(csv_text("") == "");
}

TEST_CASE("CSV: the report is one table with a header and equal rows", "[report][csv]") {
    ClaimRecord hostile = claim(3, "=cmd|' /C calc'!A0", 1300, "2023-10-22");
    hostile.article.title = "-2+3 \"quoted\", with comma\nand a newline";
    hostile.article.outlet = "@outlet";
    hostile.claim.sentence = "+1 said, \"=SUM(A1)\"";
    std::vector<ClaimRecord> claims{claim(1, "Ministry", 1400, "2023-10-20"),
                                    claim(2, "Ministry", 1250, "2023-10-21", Qualifier::at_most),
                                    hostile,
                                    claim(4, "Government", 1000, "2023-10-21", Qualifier::approx)};
    ReportOptions options;
    options.metric = Metric::injured;
    const auto report = build_comparison_report(claims, options);
    std::ostringstream out;
    render_csv(report, out);
    const auto rows = parse_csv(out.str());
    REQUIRE(rows.size() > 1);
    CHECK(rows[0] == csv_report_columns());
    std::map<std::string, int> sections;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        CHECK(rows[r].size() == rows[0].size());
        ++sections[rows[r][0]];
        // No text cell starts a formula.
        for (const std::string& cell : rows[r]) {
            if (cell.empty()) continue;
            const bool number = cell.find_first_not_of("-0123456789.") == std::string::npos;
            if (!number) CHECK(std::string("=+-@\t\r").find(cell.front()) == std::string::npos);
        }
    }
    CHECK(sections["latest"] == 3);
    CHECK(sections["point"] == 4);
    CHECK(sections["disagreement"] == 1);
    CHECK(sections["check"] == 0);
    CHECK(sections["citation"] == 4);

    // The hostile strings survive, prefixed, in their cells.
    bool found_citation = false;
    for (const auto& row : rows) {
        if (row[0] != "citation" || row[column("claim_id")] != "3") continue;
        found_citation = true;
        CHECK(row[column("claimant")] == "'=cmd|' /C calc'!A0");
        CHECK(row[column("title")] == "'-2+3 \"quoted\", with comma\nand a newline");
        CHECK(row[column("outlet")] == "'@outlet");
        CHECK(row[column("sentence")] == "'+1 said, \"=SUM(A1)\"");
        CHECK(row[column("figure")] == "1,300");
        CHECK(row[column("value")] == "1300");
    }
    CHECK(found_citation);

    // Numbers tracker computes stay numbers, negative ones included.
    bool found_change = false;
    for (const auto& row : rows) {
        if (row[0] == "latest" && row[column("series")] == "Ministry") {
            found_change = true;
            CHECK(row[column("change")] == "-150");
            CHECK(row[column("change_since_first")] == "-150");
            CHECK(row[column("previous_value")] == "1400");
            CHECK(row[column("qualifier")] == "at_most");
            CHECK(row[column("low")].empty());
            CHECK(row[column("high")] == "1250");
            CHECK(row[column("figure")] == "<1,250");
        }
        if (row[0] == "disagreement") {
            CHECK(row[column("lowest_claimant")] == "Government");
            CHECK(row[column("ratio")] == "1.2500");
            CHECK(row[column("bounds")] == "compatible");
        }
    }
    CHECK(found_change);
}

TEST_CASE("CSV: the overview has the same columns", "[report][csv]") {
    const auto report =
        build_overview_report({claim(1, "Ministry", 1400, "2023-10-20")}, ReportOptions{});
    std::ostringstream out;
    render_csv(report, out);
    const auto rows = parse_csv(out.str());
    REQUIRE(rows.size() == 4); // header, latest, point, citation
    CHECK(rows[0] == csv_report_columns());
    CHECK(rows[1][0] == "latest");
    CHECK(rows[2][0] == "point");
    CHECK(rows[3][0] == "citation");
}
