// Unit tests of the date stage (importers/extract/dates.hpp): resolving
// weekdays and yearless dates against the publication date, finding the days
// a sentence names, and each claim's as_of through the pipeline.
//
// Most articles here are published on Saturday 2023-10-21.

#include "importers/extract/claimants.hpp"
#include "importers/extract/dates.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using tracker::lexicon::Lexicon;
using tracker::model::Claim;
using tracker::model::Date;
using tracker::model::format_date;

Date day(const char* iso) {
    auto parsed = tracker::model::parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

std::vector<Claim> extract(const std::string& body, const char* published = "2023-10-21") {
    tracker::model::Article article;
    article.outlet = "Test Wire";
    article.published = day(published);
    article.body = body;
    return tracker::extract::extract_claims(article, Lexicon::builtin()).claims;
}

std::string describe(const std::vector<Claim>& claims) {
    std::string out = std::to_string(claims.size()) + " claim(s):";
    for (const auto& c : claims)
        out += "\n  " + std::string(tracker::model::to_string(c.metric)) + " " +
               std::to_string(c.value) + " " + std::string(tracker::model::to_string(c.qualifier)) +
               " pop='" + c.population + "' claimant='" + c.claimant +
               "' as_of=" + format_date(c.as_of);
    return out;
}

// The as_of of the claim with `value` in `body`, as YYYY-MM-DD.
std::string as_of(const std::string& body, std::int64_t value,
                  const char* published = "2023-10-21") {
    auto claims = extract(body, published);
    INFO(body);
    INFO(describe(claims));
    const Claim* found = nullptr;
    for (const auto& c : claims)
        if (c.value == value) {
            REQUIRE(found == nullptr);
            found = &c;
        }
    REQUIRE(found != nullptr);
    return format_date(found->as_of);
}

// The day mentions of one sentence, with its attributions found as the
// pipeline finds them.
std::vector<tracker::extract::DayMention> mentions_in(std::string_view text,
                                                      const char* published = "2023-10-21") {
    auto sentence = tracker::extract::tokenize_sentence(text, 0, text.size());
    auto attributions = tracker::extract::find_attributions(text, sentence, Lexicon::builtin(), {});
    return tracker::extract::find_day_mentions(sentence, day(published), attributions);
}

} // namespace

// ---------------------------------------------------------------- resolution helpers

TEST_CASE("dates: latest_weekday gives the latest such day on or before publication", "[dates]") {
    Date saturday = day("2023-10-21");
    CHECK(format_date(tracker::extract::latest_weekday(saturday, 5)) == "2023-10-20"); // Friday
    CHECK(format_date(tracker::extract::latest_weekday(saturday, 1)) == "2023-10-16"); // Monday
    CHECK(format_date(tracker::extract::latest_weekday(saturday, 0)) == "2023-10-15"); // Sunday
}

TEST_CASE("dates: latest_weekday of the publication's own weekday is the publication day",
          "[dates]") {
    CHECK(format_date(tracker::extract::latest_weekday(day("2023-10-21"), 6)) == "2023-10-21");
}

TEST_CASE("dates: latest_weekday crosses a month boundary", "[dates]") {
    // 2023-11-01 is a Wednesday; the Friday before is 2023-10-27.
    CHECK(format_date(tracker::extract::latest_weekday(day("2023-11-01"), 5)) == "2023-10-27");
}

TEST_CASE("dates: latest_month_day of a date later in the year is last year's", "[dates]") {
    auto resolved = tracker::extract::latest_month_day(day("2024-06-13"), 12, 13);
    REQUIRE(resolved.has_value());
    CHECK(format_date(*resolved) == "2023-12-13");
}

TEST_CASE("dates: latest_month_day of an earlier date is this year's", "[dates]") {
    auto resolved = tracker::extract::latest_month_day(day("2023-10-21"), 10, 7);
    REQUIRE(resolved.has_value());
    CHECK(format_date(*resolved) == "2023-10-07");
}

TEST_CASE("dates: latest_month_day of the publication day itself is the publication day",
          "[dates]") {
    auto resolved = tracker::extract::latest_month_day(day("2023-10-21"), 10, 21);
    REQUIRE(resolved.has_value());
    CHECK(format_date(*resolved) == "2023-10-21");
}

TEST_CASE("dates: latest_month_day of an impossible day is nothing", "[dates]") {
    CHECK_FALSE(tracker::extract::latest_month_day(day("2023-10-21"), 2, 30).has_value());
    CHECK_FALSE(tracker::extract::latest_month_day(day("2023-10-21"), 4, 31).has_value());
}

// ---------------------------------------------------------------- find_day_mentions

TEST_CASE("dates: a statement weekday is found and marked as a statement day", "[dates]") {
    auto days = mentions_in("Hamas said on Friday that 50 hostages were killed.");
    REQUIRE(days.size() == 1);
    CHECK(format_date(days[0].day) == "2023-10-20");
    CHECK(days[0].statement);
}

TEST_CASE("dates: an event weekday is found and not marked as a statement day", "[dates]") {
    auto days = mentions_in("Two hostages were released on Tuesday near the crossing.");
    REQUIRE(days.size() == 1);
    CHECK(format_date(days[0].day) == "2023-10-17");
    CHECK_FALSE(days[0].statement);
}

TEST_CASE("dates: a day inside a period phrase is not a mention", "[dates]") {
    CHECK(mentions_in("Some 4,000 people have been killed since October 7.").empty());
    CHECK(mentions_in("Some 30 people were killed after the raid on Friday.").empty());
}

TEST_CASE("dates: 'next Monday' is not a past day", "[dates]") {
    CHECK(mentions_in("Talks on the 50 hostages resume next Monday.").empty());
}

// ---------------------------------------------------------------- as_of through the pipeline

TEST_CASE("dates: with no day in the sentence, as_of is the publication date", "[dates]") {
    CHECK(as_of("Hamas said 50 hostages were killed.", 50) == "2023-10-21");
}

TEST_CASE("dates: 'on Friday' is the latest Friday on or before publication", "[dates]") {
    CHECK(as_of("Hamas said on Friday that 50 hostages were killed.", 50) == "2023-10-20");
}

TEST_CASE("dates: a weekday without 'on' ('said Friday')", "[dates]") {
    CHECK(as_of("Hamas said Friday that 50 hostages were killed.", 50) == "2023-10-20");
}

TEST_CASE("dates: a weekday equal to the publication day is the publication date", "[dates]") {
    CHECK(as_of("Hamas said on Saturday that 50 hostages were killed.", 50) == "2023-10-21");
}

TEST_CASE("dates: a possessive weekday ('Monday's statement')", "[dates]") {
    CHECK(as_of("In Monday's statement, Hamas said 50 hostages were killed.", 50) == "2023-10-16");
}

TEST_CASE("dates: a possessive weekday with a time of day ('Thursday afternoon's strikes')",
          "[dates]") {
    CHECK(as_of("Thursday afternoon's strikes killed 40 people, the Gaza Health Ministry said.",
                40) == "2023-10-19");
}

TEST_CASE("dates: a weekday after the verb ('released Wednesday')", "[dates]") {
    CHECK(as_of("Thirteen hostages were released Wednesday, the IDF said.", 13) == "2023-10-18");
}

TEST_CASE("dates: a weekday opening the sentence ('On Wednesday, the IDF said')", "[dates]") {
    CHECK(as_of("On Wednesday, the IDF said 13 hostages had been released.", 13) == "2023-10-18");
}

TEST_CASE("dates: a weekday between source and verb ('The IDF on Wednesday said')", "[dates]") {
    CHECK(as_of("The IDF on Wednesday said 13 hostages had been released.", 13) == "2023-10-18");
}

TEST_CASE("dates: 'as of Tuesday'", "[dates]") {
    CHECK(as_of("Medics said that as of Tuesday 4,100 people had been killed.", 4100) ==
          "2023-10-17");
}

TEST_CASE("dates: 'on' with an abbreviated month ('on Oct. 12')", "[dates]") {
    CHECK(as_of("Hamas said on Oct. 12 that 50 hostages were killed.", 50) == "2023-10-12");
}

TEST_CASE("dates: 'on' with day before month ('on 7 October')", "[dates]") {
    CHECK(as_of("Hamas said on 9 October that 50 hostages were killed.", 50) == "2023-10-09");
}

TEST_CASE("dates: 'on' with a weekday and a date ('on Thursday, October 26')", "[dates]") {
    // Published Saturday 2023-10-28.
    CHECK(as_of("Hamas said on Thursday, October 26 that 50 hostages were killed.", 50,
                "2023-10-28") == "2023-10-26");
}

TEST_CASE("dates: a date with its year", "[dates]") {
    CHECK(as_of("Medics said on November 2, 2023 that 9,000 people had been killed.", 9000,
                "2024-01-10") == "2023-11-02");
}

TEST_CASE("dates: 'yesterday' is the day before publication", "[dates]") {
    CHECK(as_of("Hamas said yesterday that 50 hostages were killed.", 50) == "2023-10-20");
}

TEST_CASE("dates: 'last night' is the day before publication", "[dates]") {
    CHECK(as_of("Medics said last night that 300 people were killed.", 300) == "2023-10-20");
}

TEST_CASE("dates: 'earlier today' is the publication day", "[dates]") {
    CHECK(as_of("Medics said earlier today that 300 people were killed.", 300, "2023-10-19") ==
          "2023-10-19");
}

TEST_CASE("dates: 'today' and 'this morning' are the publication day", "[dates]") {
    CHECK(as_of("Medics said today that 300 people were killed.", 300, "2023-10-19") ==
          "2023-10-19");
    CHECK(as_of("Medics said this morning that 300 people were killed.", 300, "2023-10-19") ==
          "2023-10-19");
}

TEST_CASE("dates: an event day sets as_of when no statement day is named", "[dates]") {
    CHECK(as_of("Two hostages were released on Tuesday.", 2) == "2023-10-17");
}

TEST_CASE("dates: a statement day wins over an event day in one sentence", "[dates]") {
    CHECK(as_of("Hamas said on Thursday that 2 hostages were released on Tuesday.", 2) ==
          "2023-10-19");
}

TEST_CASE("dates: a month without a year resolves to the latest such date before publication",
          "[dates]") {
    CHECK(as_of("Medics said on December 13 that 18,000 people had been killed.", 18000,
                "2024-06-13") == "2023-12-13");
}

// ---------------------------------------------------------------- days that do not date a figure

TEST_CASE("dates: 'since October 7' leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 4,000 people have been killed since October 7.", 4000) ==
          "2023-10-21");
    CHECK(as_of("Since October 7, 4,000 people have been killed, medics said.", 4000) ==
          "2023-10-21");
}

TEST_CASE("dates: 'after the attack on Friday' leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 30 people were killed after the attack on Friday.", 30) ==
          "2023-10-21");
}

TEST_CASE("dates: 'during the attack on October 7' leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 1,200 people were killed during the attack on October 7.", 1200) ==
          "2023-10-21");
}

TEST_CASE("dates: 'from Monday to Wednesday' leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 400 people were killed from Monday to Wednesday.", 400) ==
          "2023-10-21");
}

TEST_CASE("dates: a month alone ('in March') leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 300 people were killed in March.", 300) == "2023-10-21");
}

TEST_CASE("dates: a vaguer span ('last week') leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 300 people were killed last week.", 300) == "2023-10-21");
}

TEST_CASE("dates: a day relative to another event leaves as_of at publication", "[dates]") {
    CHECK(as_of("Medics said 12 people were killed a day after the attack.", 12) == "2023-10-21");
    CHECK(as_of("Medics said 12 people were killed the following day.", 12) == "2023-10-21");
}

TEST_CASE("dates: a weekday inside 'since ... on Friday' leaves as_of at publication", "[dates]") {
    CHECK(as_of("Since it launched a ground push on Friday, the army has lost 30 soldiers, the IDF "
                "said.",
                30) == "2023-10-21");
}

TEST_CASE("dates: a day named only in another sentence leaves as_of at publication", "[dates]") {
    auto claims = extract(
        "Hamas said on Friday that 2 hostages were freed. Medics said 50 people were killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    for (const auto& c : claims) {
        if (c.value == 2) CHECK(format_date(c.as_of) == "2023-10-20");
        if (c.value == 50) CHECK(format_date(c.as_of) == "2023-10-21");
    }
}
