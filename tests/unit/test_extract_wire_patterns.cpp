// Unit tests for the constructions of wire copy that the extraction stages
// learned one by one: each TEST_CASE is one pattern, in sentences written for
// these tests. They run the whole pipeline, since each pattern involves
// several stages at once.

#include "importers/extract/pipeline.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {

using tracker::lexicon::Lexicon;
using tracker::model::Claim;
using tracker::model::Metric;
using tracker::model::Qualifier;

std::vector<Claim> claims_of(const std::string& body, const char* published = "2024-01-28") {
    tracker::model::Article article;
    article.outlet = "Test Wire";
    article.published = tracker::model::parse_iso_date(published);
    article.body = body;
    return tracker::extract::extract_claims(article, Lexicon::builtin()).claims;
}

std::string describe(const std::vector<Claim>& claims) {
    std::string out = std::to_string(claims.size()) + " claim(s):";
    for (const auto& c : claims)
        out += "\n  " + std::string(tracker::model::to_string(c.metric)) + " " +
               std::to_string(c.value) + " " + std::string(tracker::model::to_string(c.qualifier)) +
               " pop='" + c.population + "' claimant='" + c.claimant +
               "' as_of=" + tracker::model::format_date(c.as_of);
    return out;
}

std::optional<Claim> find(const std::vector<Claim>& claims, std::int64_t value) {
    for (const auto& c : claims)
        if (c.value == value) return c;
    return std::nullopt;
}

} // namespace

TEST_CASE("wire: 'among the dead' after the number counts the dead", "[wire]") {
    auto claims =
        claims_of("The Gaza Health Ministry said 9,000 people had been killed. Some 3,700 "
                  "children are among the dead, it said.");
    INFO(describe(claims));
    auto c = find(claims, 3700);
    REQUIRE(c);
    CHECK(c->metric == Metric::killed);
    CHECK(c->population == "children");
    CHECK(c->qualifier == Qualifier::approx);
    CHECK(c->claimant == "Gaza Health Ministry");
}

TEST_CASE("wire: 'among' only opens a part as 'among them'", "[wire]") {
    auto claims = claims_of("The death toll among Palestinians climbed past 9,500, the Gaza Health "
                            "Ministry said.");
    INFO(describe(claims));
    auto c = find(claims, 9500);
    REQUIRE(c);
    CHECK(c->metric == Metric::killed);
    CHECK(c->qualifier == Qualifier::at_least);
}

TEST_CASE("wire: a description refers to a body whose name it heads", "[wire]") {
    // "Hamas's military wing" holds the word "military" but is not "the military".
    auto claims =
        claims_of("The Hamas raid on the border shocked the country. Twelve soldiers have "
                  "died in the ground offensive, the Israeli military said. Another six "
                  "soldiers were hurt in the north, the military said.");
    INFO(describe(claims));
    auto c = find(claims, 6);
    REQUIRE(c);
    CHECK(c->claimant == "Israel Defense Forces");
}

TEST_CASE("wire: a title-case description is resolved from the article", "[wire]") {
    auto claims = claims_of("Strikes hit Khan Younis in Gaza overnight, and 42 people were killed, "
                            "according to the Health Ministry in the Hamas-run enclave.");
    INFO(describe(claims));
    auto c = find(claims, 42);
    REQUIRE(c);
    CHECK(c->claimant == "Gaza Health Ministry");
}

TEST_CASE("wire: a place after the source's name is not the source", "[wire]") {
    auto claims = claims_of("The government media office in Gaza said on Monday that 15,500 people "
                            "had been killed.");
    INFO(describe(claims));
    auto c = find(claims, 15500);
    REQUIRE(c);
    CHECK(c->claimant == "Gaza Government Media Office");
}

TEST_CASE("wire: lower-case unnamed sources keep the text's words", "[wire]") {
    auto claims = claims_of("Fighting forced an estimated 80,000 residents from their homes, aid "
                            "groups said.");
    INFO(describe(claims));
    auto c = find(claims, 80000);
    REQUIRE(c);
    CHECK(c->metric == Metric::displaced);
    CHECK(c->claimant == "aid groups");
}

TEST_CASE("wire: a correspondent speaks for the outlet that employs them", "[wire]") {
    auto claims = claims_of("Al Jazeera's correspondent in Deir el-Balah reported that 31 people "
                            "were killed in a strike on a school.");
    INFO(describe(claims));
    auto c = find(claims, 31);
    REQUIRE(c);
    CHECK(c->claimant == "Al Jazeera");
}

TEST_CASE("wire: a nation's figures are its government's", "[wire]") {
    auto claims =
        claims_of("Gunmen abducted about 240 people in the raid, according to Israeli tallies.");
    INFO(describe(claims));
    auto c = find(claims, 240);
    REQUIRE(c);
    CHECK(c->metric == Metric::hostages_taken);
    CHECK(c->claimant == "Israeli government");
}

TEST_CASE("wire: 'citing figures from X' names X", "[wire]") {
    auto claims = claims_of("A local radio station reported that 58 people were killed overnight, "
                            "citing figures from the Gaza Health Ministry.");
    INFO(describe(claims));
    auto c = find(claims, 58);
    REQUIRE(c);
    CHECK(c->claimant == "Gaza Health Ministry");
}

TEST_CASE("wire: a list set off by dashes takes the figure's metric", "[wire]") {
    auto claims =
        claims_of("Hamas freed 17 hostages \xE2\x80\x94 13 Israelis and four Thais \xE2\x80\x94 "
                  "on Sunday, the military said.");
    INFO(describe(claims));
    auto israelis = find(claims, 13);
    auto thais = find(claims, 4);
    REQUIRE(israelis);
    REQUIRE(thais);
    CHECK(israelis->metric == Metric::hostages_released);
    CHECK(israelis->population == "israelis");
    CHECK(thais->metric == Metric::hostages_released);
    CHECK(thais->population == "thais");
}

TEST_CASE("wire: a verb before the number outranks a participle after its noun", "[wire]") {
    auto claims = claims_of("Israel freed 42 Palestinian prisoners held in its jails, the prison "
                            "service said.");
    INFO(describe(claims));
    auto c = find(claims, 42);
    REQUIRE(c);
    CHECK(c->metric == Metric::prisoners_released);
    CHECK(c->population == "palestinians");
}

TEST_CASE("wire: a part right after a figure belongs to that figure", "[wire]") {
    auto claims = claims_of("The shelling killed three people and wounded 27, including nine "
                            "children, the governor said.");
    INFO(describe(claims));
    auto c = find(claims, 9);
    REQUIRE(c);
    CHECK(c->metric == Metric::injured);
    CHECK(c->population == "children");
}

TEST_CASE("wire: a part after a closing phrase belongs to the main figure", "[wire]") {
    auto claims = claims_of("The ministry said 80 people were killed and 150 wounded in the raid, "
                            "among them 20 women.");
    INFO(describe(claims));
    auto c = find(claims, 20);
    REQUIRE(c);
    CHECK(c->metric == Metric::killed);
    CHECK(c->population == "women");
}

TEST_CASE("wire: a closing 'it said' covers every clause of the sentence", "[wire]") {
    auto claims =
        claims_of("The Gaza Health Ministry released its count on Monday. Among the dead were 40 "
                  "children, and 75 children had been hurt, it said.");
    INFO(describe(claims));
    auto c = find(claims, 40);
    REQUIRE(c);
    CHECK(c->claimant == "Gaza Health Ministry");
}

TEST_CASE("wire: a clause with its own verb of saying keeps its source", "[wire]") {
    auto claims =
        claims_of("About 120 hostages remained in Gaza on the eve of the talks, and Israeli "
                  "officials believe dozens of them have died.");
    INFO(describe(claims));
    auto c = find(claims, 120);
    REQUIRE(c);
    CHECK(c->claimant == "Test Wire");
}

TEST_CASE("wire: 'X cited by Y' names the inner source X", "[wire]") {
    auto claims = claims_of("Palestinian health officials cited by a news agency said 12 people "
                            "died in the strike.");
    INFO(describe(claims));
    auto c = find(claims, 12);
    REQUIRE(c);
    CHECK(c->claimant == "Gaza Health Ministry");
}

TEST_CASE("wire: 'N of the M people taken' splits the part and the whole", "[wire]") {
    auto claims = claims_of("According to Israeli officials, 115 of the 250 people taken in the "
                            "raid remain in Gaza.");
    INFO(describe(claims));
    auto part = find(claims, 115);
    auto whole = find(claims, 250);
    REQUIRE(part);
    REQUIRE(whole);
    CHECK(part->metric == Metric::hostages_held);
    CHECK(whole->metric == Metric::hostages_taken);
    CHECK(part->claimant == "Israeli government");
}

TEST_CASE("wire: people a group holds are hostages", "[wire]") {
    auto claims = claims_of("Hamas said 60 of the people it holds had been killed in air strikes.");
    INFO(describe(claims));
    auto c = find(claims, 60);
    REQUIRE(c);
    CHECK(c->metric == Metric::hostages_killed);
}

TEST_CASE("wire: 'of them' reaches back to the last sentence's figure", "[wire]") {
    auto claims = claims_of("The State Department said 10 Americans were taken hostage. By its "
                            "count, two of them have been freed.");
    INFO(describe(claims));
    auto c = find(claims, 2);
    REQUIRE(c);
    CHECK(c->metric == Metric::hostages_released);
    CHECK(c->population == "americans");
    CHECK(c->claimant == "US government");
}

TEST_CASE("wire: the group after 'were' is whom a part counts", "[wire]") {
    auto claims =
        claims_of("The ministry said 4,000 of the dead were children and 2,500 were women.");
    INFO(describe(claims));
    auto children = find(claims, 4000);
    auto women = find(claims, 2500);
    REQUIRE(children);
    REQUIRE(women);
    CHECK(children->metric == Metric::killed);
    CHECK(children->population == "children");
    CHECK(women->population == "women");
}

TEST_CASE("wire: staff in a sentence about the UN are UN staff", "[wire]") {
    auto claims = claims_of("The UN said 14 of its personnel had been detained in the raid.");
    INFO(describe(claims));
    auto c = find(claims, 14);
    REQUIRE(c);
    CHECK(c->population == "un staff");
}

TEST_CASE("wire: ages, differences and phone calls are not counts", "[wire]") {
    auto claims =
        claims_of("The pupils, aged between 9 and 14, were taken from their dormitory. The "
                  "ministry reported 340 deaths, 12 more than it reported a day earlier. "
                  "It released a call between two militants.");
    INFO(describe(claims));
    CHECK_FALSE(find(claims, 9));
    CHECK_FALSE(find(claims, 12));
    CHECK_FALSE(find(claims, 2));
    CHECK(find(claims, 340));
}

TEST_CASE("wire: a surname finds the person named in full before", "[wire]") {
    auto claims =
        claims_of("Israeli military spokesman Daniel Hagari spoke to reporters in Tel Aviv. "
                  "Hagari said 25 soldiers had been wounded.");
    INFO(describe(claims));
    auto c = find(claims, 25);
    REQUIRE(c);
    CHECK(c->claimant == "Israel Defense Forces");
}

TEST_CASE("wire: a place is never taken for a spokesman's surname", "[wire]") {
    auto claims = claims_of("Officials in the north of Gaza said 30 people were killed.");
    INFO(describe(claims));
    auto c = find(claims, 30);
    REQUIRE(c);
    CHECK(c->claimant != "Gaza Health Ministry");
}

TEST_CASE("wire: 'N dead and M wounded' keeps each its own event", "[wire]") {
    auto claims = claims_of("The ministry put the overall toll at 21,000 dead and 55,000 wounded.");
    INFO(describe(claims));
    auto dead = find(claims, 21000);
    auto wounded = find(claims, 55000);
    REQUIRE(dead);
    REQUIRE(wounded);
    CHECK(dead->metric == Metric::killed);
    CHECK(wounded->metric == Metric::injured);
}

TEST_CASE("wire: a name before a bracketed acronym is the source", "[wire]") {
    auto claims =
        claims_of("The International Organization for Migration (IOM) said in a report that "
                  "about 320,000 people had fled the fighting.");
    INFO(describe(claims));
    auto c = find(claims, 320000);
    REQUIRE(c);
    CHECK(c->claimant == "International Organization for Migration");
}

TEST_CASE("wire: an office owned by a named nation is that nation's", "[wire]") {
    auto claims =
        claims_of("Ukraine's prosecutor general's office said 480 children had been killed.");
    INFO(describe(claims));
    auto c = find(claims, 480);
    REQUIRE(c);
    CHECK(c->claimant == "Ukrainian government");
}

TEST_CASE("wire: 'nine in 10' is a ratio, not two counts", "[wire]") {
    auto claims =
        claims_of("The UN said about 1.7 million people, or nine in 10 residents, had been "
                  "displaced.");
    INFO(describe(claims));
    CHECK_FALSE(find(claims, 9));
    CHECK_FALSE(find(claims, 10));
    CHECK(find(claims, 1700000));
}

TEST_CASE("wire: 'Medics in <place> said' keeps the medics, not the place", "[wire]") {
    auto claims = claims_of("Medics in Rafah said 14 people were killed in a strike on a house.");
    INFO(describe(claims));
    auto c = find(claims, 14);
    REQUIRE(c);
    CHECK(c->claimant == "Medics");
}
