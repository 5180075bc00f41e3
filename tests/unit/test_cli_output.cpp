// Unit tests of the CLI's output helpers (tracker/cli/output.hpp): the JSON
// line `extract` writes by hand must equal what the JSON library writes.

#include "tracker/cli/output.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using tracker::model::Claim;

TEST_CASE("output: a claim's JSON line matches the JSON library, escapes included", "[output]") {
    tracker::model::Article article;
    article.path = "dir/\"quoted\" file\\name.txt";
    Claim claim;
    claim.metric = tracker::model::Metric::hostages_held;
    claim.value = 240;
    claim.qualifier = tracker::model::Qualifier::at_most;
    tracker::model::set_bounds(claim);
    claim.population = "children";
    claim.claimant = "Caf\xC3\xA9 \"Group\"";
    claim.as_of = *tracker::model::parse_iso_date("2023-11-05");
    claim.sentence = std::string("Line one\nline\ttwo \x01 <b>&</b> \\ end", 33);
    claim.span_start = 3;
    claim.span_end = 6;
    std::ostringstream written;
    tracker::cli::write_claim_json_line(written, claim, article);
    CHECK(written.str() == tracker::cli::claim_json(claim, article).dump() + "\n");
}

TEST_CASE("output: every ASCII character at every place of a string is escaped as the JSON "
          "library does",
          "[output]") {
    // The writer scans eight bytes at a time: a character to escape must be
    // found in any of the eight places, and in the tail after the last eight.
    tracker::model::Article article;
    article.path = "a.txt";
    Claim claim;
    claim.metric = tracker::model::Metric::killed;
    claim.value = 1;
    tracker::model::set_bounds(claim);
    claim.as_of = *tracker::model::parse_iso_date("2023-11-05");
    for (std::size_t length : {1u, 7u, 8u, 9u, 17u, 20u}) {
        for (std::size_t at = 0; at < length; ++at) {
            for (int c = 0; c < 0x80; ++c) {
                claim.sentence = std::string(length, 'x');
                claim.sentence[at] = static_cast<char>(c);
                claim.sentence += "\xC3\xA9"; // UTF-8 is kept as it is
                std::ostringstream written;
                tracker::cli::write_claim_json_line(written, claim, article);
                REQUIRE(written.str() == tracker::cli::claim_json(claim, article).dump() + "\n");
            }
        }
    }
}

namespace {
std::string csv_row(const std::vector<std::string>& fields) {
    std::ostringstream out;
    tracker::cli::write_csv_row(out, fields);
    return out.str();
}
} // namespace

TEST_CASE("output: CSV fields are quoted only when they must be", "[output]") {
    CHECK(csv_row({"plain", "a,b"}) == "plain,\"a,b\"\r\n");
    CHECK(csv_row({"say \"hi\""}) == "\"say \"\"hi\"\"\"\r\n");
    CHECK(csv_row({"two\nlines", ""}) == "\"two\nlines\",\r\n");
}

TEST_CASE("output: CSV cells that a spreadsheet would run as formulas are text", "[output]") {
    CHECK(csv_row({"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)"}) ==
          "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2+3,'@SUM(A1)\r\n");
    // Tracker's own numbers and dates are untouched.
    CHECK(csv_row({"7028", "2023-10-26", "at least"}) == "7028,2023-10-26,at least\r\n");
}

TEST_CASE("output: thousands are grouped", "[output]") {
    CHECK(tracker::cli::group_thousands(0) == "0");
    CHECK(tracker::cli::group_thousands(999) == "999");
    CHECK(tracker::cli::group_thousands(7028) == "7,028");
    CHECK(tracker::cli::group_thousands(1400000) == "1,400,000");
    CHECK(tracker::cli::group_thousands(-2500) == "-2,500");
}
