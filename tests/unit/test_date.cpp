// Unit tests of the calendar date model: parse_iso_date and format_date
// (tracker/model/date.hpp).

#include "tracker/model/date.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

using tracker::model::format_date;
using tracker::model::parse_iso_date;

std::string round_trip(const char* text) {
    auto parsed = parse_iso_date(text);
    REQUIRE(parsed.has_value());
    return format_date(*parsed);
}

} // namespace

TEST_CASE("parse_iso_date accepts a plain YYYY-MM-DD day", "[date]") {
    auto parsed = parse_iso_date("2023-10-21");
    REQUIRE(parsed.has_value());
    date::year_month_day ymd{*parsed};
    CHECK(int(ymd.year()) == 2023);
    CHECK(unsigned(ymd.month()) == 10);
    CHECK(unsigned(ymd.day()) == 21);
}

TEST_CASE("parse_iso_date accepts an ISO-8601 timestamp and keeps its day", "[date]") {
    CHECK(round_trip("2023-10-21T08:15:00Z") == "2023-10-21");
    CHECK(round_trip("2023-10-21T23:59:59+03:00") == "2023-10-21");
    CHECK(round_trip("2023-10-21 08:15") == "2023-10-21");
}

TEST_CASE("parse_iso_date ignores surrounding whitespace", "[date]") {
    CHECK(round_trip("  2023-10-21\n") == "2023-10-21");
}

TEST_CASE("parse_iso_date accepts a leap day in a leap year", "[date]") {
    CHECK(round_trip("2024-02-29") == "2024-02-29");
}

TEST_CASE("parse_iso_date rejects impossible days", "[date]") {
    CHECK_FALSE(parse_iso_date("2023-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());  // 2023 is not a leap year
    CHECK_FALSE(parse_iso_date("2023-04-31").has_value());
    CHECK_FALSE(parse_iso_date("2023-10-00").has_value());
}

TEST_CASE("parse_iso_date rejects impossible months", "[date]") {
    CHECK_FALSE(parse_iso_date("2023-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2023-00-10").has_value());
}

TEST_CASE("parse_iso_date rejects other date formats", "[date]") {
    CHECK_FALSE(parse_iso_date("21/10/2023").has_value());
    CHECK_FALSE(parse_iso_date("10/21/2023").has_value());
    CHECK_FALSE(parse_iso_date("2023/10/21").has_value());
    CHECK_FALSE(parse_iso_date("21 October 2023").has_value());
    CHECK_FALSE(parse_iso_date("2023-1-5").has_value());
    CHECK_FALSE(parse_iso_date("20231021").has_value());
}

TEST_CASE("parse_iso_date rejects empty text and trailing junk", "[date]") {
    CHECK_FALSE(parse_iso_date("").has_value());
    CHECK_FALSE(parse_iso_date("   ").has_value());
    CHECK_FALSE(parse_iso_date("2023-10-21x").has_value());
    CHECK_FALSE(parse_iso_date("2023-10-2a").has_value());
}

TEST_CASE("format_date writes YYYY-MM-DD with zero padding", "[date]") {
    date::year_month_day ymd{date::year{2024}, date::month{1}, date::day{5}};
    CHECK(format_date(tracker::model::Date{ymd}) == "2024-01-05");
}

TEST_CASE("format_date round-trips what parse_iso_date reads", "[date]") {
    for (const char* text : {"2023-10-07", "2023-12-31", "2024-01-01", "2024-02-29", "1999-09-09"}) {
        INFO(text);
        CHECK(round_trip(text) == text);
    }
}

TEST_CASE("parsed dates order and subtract as days", "[date]") {
    auto earlier = parse_iso_date("2023-10-07");
    auto later = parse_iso_date("2023-10-21");
    REQUIRE(earlier);
    REQUIRE(later);
    CHECK(*earlier < *later);
    CHECK((*later - *earlier).count() == 14);
}
