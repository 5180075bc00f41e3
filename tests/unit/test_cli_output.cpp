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

TEST_CASE("output: CSV fields are quoted only when they must be", "[output]") {
    CHECK(tracker::cli::csv_field("plain") == "plain");
    CHECK(tracker::cli::csv_field("a,b") == "\"a,b\"");
    CHECK(tracker::cli::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(tracker::cli::csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("output: thousands are grouped", "[output]") {
    CHECK(tracker::cli::group_thousands(0) == "0");
    CHECK(tracker::cli::group_thousands(999) == "999");
    CHECK(tracker::cli::group_thousands(7028) == "7,028");
    CHECK(tracker::cli::group_thousands(1400000) == "1,400,000");
    CHECK(tracker::cli::group_thousands(-2500) == "-2,500");
}
