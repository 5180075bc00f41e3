// Unit tests of the qualifier stage (importers/extract/qualifiers.hpp):
// exact, approx, at_least, at_most and range from the words around a
// number, the bounds each implies, and a qualifier shared by a list.

#include "importers/extract/numbers.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/extract/qualifiers.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using tracker::extract::Candidate;
using tracker::lexicon::Lexicon;
using tracker::model::Claim;
using tracker::model::Metric;
using tracker::model::Qualifier;

std::vector<Claim> extract(const std::string& body, const char* published = "2023-10-21") {
    tracker::model::Article article;
    article.outlet = "Test Wire";
    article.published = tracker::model::parse_iso_date(published);
    REQUIRE(article.published.has_value());
    article.body = body;
    return tracker::extract::extract_claims(article, Lexicon::builtin()).claims;
}

std::string describe(const std::vector<Claim>& claims) {
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "null"; };
    std::string out = std::to_string(claims.size()) + " claim(s):";
    for (const auto& c : claims)
        out += "\n  " + std::string(tracker::model::to_string(c.metric)) + " " +
               std::to_string(c.value) + " " + std::string(tracker::model::to_string(c.qualifier)) +
               " [" + opt(c.low) + ", " + opt(c.high) + "] pop='" + c.population + "' claimant='" +
               c.claimant + "' as_of=" + tracker::model::format_date(c.as_of);
    return out;
}

const Claim* claim_with_value(const std::vector<Claim>& claims, std::int64_t value) {
    const Claim* found = nullptr;
    for (const auto& c : claims)
        if (c.value == value) {
            REQUIRE(found == nullptr);
            found = &c;
        }
    return found;
}

std::string qualifier_name(Qualifier q) {
    return std::string(tracker::model::to_string(q));
}

// The qualifier of the one claim with `value` in `body`, by name.
std::string qualifier_of(const std::string& body, std::int64_t value) {
    auto claims = extract(body);
    INFO(body);
    INFO(describe(claims));
    const Claim* c = claim_with_value(claims, value);
    REQUIRE(c != nullptr);
    return qualifier_name(c->qualifier);
}

// Candidates of one sentence after the numbers and qualifier stages.
std::vector<Candidate> qualified(std::string_view text) {
    auto sentence = tracker::extract::tokenize_sentence(text, 0, text.size());
    auto candidates = tracker::extract::find_numbers(sentence, Lexicon::builtin());
    tracker::extract::assign_qualifiers(sentence, candidates, Lexicon::builtin());
    return candidates;
}

} // namespace

TEST_CASE("qualifiers: a plain number is exact with low = high = value", "[qualifiers]") {
    auto claims = extract("Medics said 312 people were killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].qualifier == Qualifier::exact);
    CHECK(claims[0].low == std::optional<std::int64_t>(312));
    CHECK(claims[0].high == std::optional<std::int64_t>(312));
}

TEST_CASE("qualifiers: approximate wording is approx with low = high = value", "[qualifiers]") {
    SECTION("about") {
        CHECK(qualifier_of("Medics said about 312 people were killed.", 312) == "approx");
    }
    SECTION("around") {
        CHECK(qualifier_of("Medics said around 312 people were killed.", 312) == "approx");
    }
    SECTION("some") {
        CHECK(qualifier_of("Medics said some 312 people were killed.", 312) == "approx");
    }
    SECTION("an estimated") {
        CHECK(qualifier_of("Medics said an estimated 312 people were killed.", 312) == "approx");
    }
    SECTION("approximately") {
        CHECK(qualifier_of("Medics said approximately 312 people were killed.", 312) == "approx");
    }
    SECTION("roughly") {
        CHECK(qualifier_of("Medics said roughly 312 people were killed.", 312) == "approx");
    }
    SECTION("estimated at") {
        CHECK(qualifier_of("The death toll was estimated at 312, medics said.", 312) == "approx");
    }
    SECTION("bounds") {
        auto claims = extract("Medics said about 312 people were killed.");
        INFO(describe(claims));
        REQUIRE(claims.size() == 1);
        CHECK(claims[0].low == std::optional<std::int64_t>(312));
        CHECK(claims[0].high == std::optional<std::int64_t>(312));
    }
}

TEST_CASE("qualifiers: lower-bound wording is at_least with no upper bound", "[qualifiers]") {
    SECTION("more than") {
        CHECK(qualifier_of("Medics said more than 312 people were killed.", 312) == "at_least");
    }
    SECTION("over") {
        CHECK(qualifier_of("Medics said over 312 people were killed.", 312) == "at_least");
    }
    SECTION("at least") {
        CHECK(qualifier_of("Medics said at least 312 people were killed.", 312) == "at_least");
    }
    SECTION("upwards of") {
        CHECK(qualifier_of("Medics said upwards of 312 people were killed.", 312) == "at_least");
    }
    SECTION("passed") {
        CHECK(qualifier_of("The death toll passed 312, medics said.", 312) == "at_least");
    }
    SECTION("exceeded") {
        CHECK(qualifier_of("The death toll has exceeded 312, medics said.", 312) == "at_least");
    }
    SECTION("topped") {
        CHECK(qualifier_of("The death toll topped 312, medics said.", 312) == "at_least");
    }
    SECTION("in excess of") {
        CHECK(qualifier_of("Medics said in excess of 312 people were killed.", 312) == "at_least");
    }
    SECTION("may have exceeded") {
        CHECK(qualifier_of("The death toll may have exceeded 312, medics said.", 312) ==
              "at_least");
    }
    SECTION("bounds") {
        auto claims = extract("Medics said at least 312 people were killed.");
        INFO(describe(claims));
        REQUIRE(claims.size() == 1);
        CHECK(claims[0].low == std::optional<std::int64_t>(312));
        CHECK_FALSE(claims[0].high.has_value());
    }
}

TEST_CASE("qualifiers: upper-bound wording is at_most with no lower bound", "[qualifiers]") {
    SECTION("nearly") {
        CHECK(qualifier_of("Medics said nearly 312 people were killed.", 312) == "at_most");
    }
    SECTION("almost") {
        CHECK(qualifier_of("Medics said almost 312 people were killed.", 312) == "at_most");
    }
    SECTION("up to") {
        CHECK(qualifier_of("Medics said up to 312 people were killed.", 312) == "at_most");
    }
    SECTION("as many as") {
        CHECK(qualifier_of("Medics said as many as 312 people were killed.", 312) == "at_most");
    }
    SECTION("fewer than") {
        CHECK(qualifier_of("Medics said fewer than 312 people were killed.", 312) == "at_most");
    }
    SECTION("close to") {
        CHECK(qualifier_of("Medics said close to 312 people were killed.", 312) == "at_most");
    }
    SECTION("as high as") {
        CHECK(qualifier_of("Medics said as high as 312 people were killed.", 312) == "at_most");
    }
    SECTION("less than") {
        CHECK(qualifier_of("Medics said less than 312 people were killed.", 312) == "at_most");
    }
    SECTION("under") {
        CHECK(qualifier_of("Medics said under 312 people were killed.", 312) == "at_most");
    }
    SECTION("bounds") {
        auto claims = extract("Medics said nearly 312 people were killed.");
        INFO(describe(claims));
        REQUIRE(claims.size() == 1);
        CHECK_FALSE(claims[0].low.has_value());
        CHECK(claims[0].high == std::optional<std::int64_t>(312));
    }
}

TEST_CASE("qualifiers: a range is range with both bounds", "[qualifiers]") {
    auto claims = extract("Medics said 300 to 320 people were killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].qualifier == Qualifier::range);
    CHECK(claims[0].value == 300);
    CHECK(claims[0].low == std::optional<std::int64_t>(300));
    CHECK(claims[0].high == std::optional<std::int64_t>(320));
}

TEST_CASE("qualifiers: '-plus' after a number is at_least ('68,000-plus')", "[qualifiers]") {
    auto candidates = qualified("The death toll rose to 68,000-plus, medics said.");
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].value == 68000);
    CHECK(candidates[0].qualifier == Qualifier::at_least);

    CHECK(qualifier_of("The death toll rose to 68,000-plus, medics said.", 68000) == "at_least");
}

TEST_CASE(
    "qualifiers: '-plus' before the counted noun ('68,000-plus Palestinians have been killed')",
    "[qualifiers]") {
    auto claims = extract("Medics said 68,000-plus Palestinians have been killed.");
    INFO(describe(claims));
    const Claim* c = claim_with_value(claims, 68000);
    REQUIRE(c != nullptr);
    CHECK(c->metric == Metric::killed);
    CHECK(c->qualifier == Qualifier::at_least);
    CHECK(c->population == "palestinians");
}

TEST_CASE("qualifiers: a qualifier is shared by a list without verbs between its numbers",
          "[qualifiers]") {
    auto claims = extract("Medics said at least 500 killed, 800 injured and 40 abducted.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 3);
    for (std::int64_t value : {500, 800, 40}) {
        const Claim* c = claim_with_value(claims, value);
        REQUIRE(c != nullptr);
        CHECK(qualifier_name(c->qualifier) == "at_least");
        CHECK_FALSE(c->high.has_value());
    }
    CHECK(claim_with_value(claims, 500)->metric == Metric::killed);
    CHECK(claim_with_value(claims, 800)->metric == Metric::injured);
    CHECK(claim_with_value(claims, 40)->metric == Metric::hostages_taken);
}

TEST_CASE("qualifiers: a qualifier is shared by a list of populations ('over 4,000 Palestinian and "
          "1,400 Israeli deaths')",
          "[qualifiers]") {
    auto claims = extract("Medics counted over 4,000 Palestinian and 1,400 Israeli deaths.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    CHECK(qualifier_name(claim_with_value(claims, 4000)->qualifier) == "at_least");
    CHECK(qualifier_name(claim_with_value(claims, 1400)->qualifier) == "at_least");
}

TEST_CASE("qualifiers: an approx qualifier is shared by an 'or' list", "[qualifiers]") {
    auto claims = extract("Medics said about 60 were killed or 90 hurt.");
    INFO(describe(claims));
    const Claim* second = claim_with_value(claims, 90);
    REQUIRE(second != nullptr);
    CHECK(qualifier_name(second->qualifier) == "approx");
}

TEST_CASE("qualifiers: a number in a clause of its own keeps its own qualifier", "[qualifiers]") {
    auto claims = extract("Medics said at least 390 were killed and 917 were injured.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    CHECK(qualifier_name(claim_with_value(claims, 390)->qualifier) == "at_least");
    CHECK(qualifier_name(claim_with_value(claims, 917)->qualifier) == "exact");
    CHECK(claim_with_value(claims, 917)->high == std::optional<std::int64_t>(917));
}

TEST_CASE("qualifiers: a second number's own qualifier is not overridden by the list",
          "[qualifiers]") {
    auto claims = extract("Medics said at least 390 were killed and nearly 917 injured.");
    INFO(describe(claims));
    const Claim* second = claim_with_value(claims, 917);
    REQUIRE(second != nullptr);
    CHECK(qualifier_name(second->qualifier) == "at_most");
}

TEST_CASE("qualifiers: 'handed over N' is a verb particle, not 'more than'", "[qualifiers]") {
    auto candidates = qualified("The group handed over 25 hostages to the Red Cross.");
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].qualifier == Qualifier::exact);

    auto claims = extract("The group handed over 25 hostages to the Red Cross.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].metric == Metric::hostages_released);
    CHECK(qualifier_name(claims[0].qualifier) == "exact");
}

TEST_CASE("qualifiers: 'over' after a non-particle verb still means more than", "[qualifiers]") {
    auto candidates = qualified("Rescuers pulled over 25 people from the rubble.");
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].qualifier == Qualifier::at_least);
}

TEST_CASE("qualifiers: a qualifier in an earlier sentence does not carry over", "[qualifiers]") {
    auto claims = extract(
        "Medics said at least 390 people were killed. Another report said 917 were injured.");
    INFO(describe(claims));
    const Claim* second = claim_with_value(claims, 917);
    REQUIRE(second != nullptr);
    CHECK(qualifier_name(second->qualifier) == "exact");
}

TEST_CASE("qualifiers: present-tense 'passes' in a headline is at_least", "[qualifiers]") {
    CHECK(qualifier_of("Gaza toll passes 5,000, ministry says", 5000) == "at_least");
}
