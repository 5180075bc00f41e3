// Unit tests of the numbers stage (importers/extract/numbers.hpp): digits,
// scales, number words and ranges are read with their values; dates, years,
// percentages, money, ordinals, ages, times, names and bare decimals are
// rejected. Each phenomenon is checked on the stage itself and, where it
// matters for the result, through the whole pipeline.

#include "importers/extract/numbers.hpp"
#include "importers/extract/pipeline.hpp"
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

// The numbers of one sentence, as the numbers stage finds them.
std::vector<Candidate> numbers_in(std::string_view text) {
    auto sentence = tracker::extract::tokenize_sentence(text, 0, text.size());
    return tracker::extract::find_numbers(sentence, Lexicon::builtin());
}

std::string describe(const std::vector<Candidate>& candidates) {
    std::string out = std::to_string(candidates.size()) + " number(s):";
    for (const auto& c : candidates) {
        out += "\n  " + std::to_string(c.value);
        if (c.range_high) out += "-" + std::to_string(*c.range_high);
        out += " tokens " + std::to_string(c.first) + ".." + std::to_string(c.last);
        if (!c.reject.empty()) out += " rejected: " + c.reject;
    }
    return out;
}

// The one number with this value, or null.
const Candidate* number_with_value(const std::vector<Candidate>& candidates, std::int64_t value) {
    const Candidate* found = nullptr;
    for (const auto& c : candidates)
        if (c.value == value) {
            REQUIRE(found == nullptr);
            found = &c;
        }
    return found;
}

std::vector<Claim> extract(const std::string& body, const char* published = "2023-10-21") {
    tracker::model::Article article;
    article.outlet = "Test Wire";
    article.published = tracker::model::parse_iso_date(published);
    REQUIRE(article.published.has_value());
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

bool has_claim_with_value(const std::vector<Claim>& claims, std::int64_t value) {
    for (const auto& c : claims)
        if (c.value == value) return true;
    return false;
}

// The value is found by the numbers stage and rejected there.
void check_rejected(std::string_view text, std::int64_t value) {
    auto numbers = numbers_in(text);
    INFO(text);
    INFO(describe(numbers));
    const Candidate* c = number_with_value(numbers, value);
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->reject.empty());
}

// The sentence yields exactly one claim, `kept`, and nothing for `dropped`.
void check_only_claim(const std::string& body, std::int64_t kept, std::int64_t dropped) {
    auto claims = extract(body);
    INFO(body);
    INFO(describe(claims));
    CHECK(has_claim_with_value(claims, kept));
    CHECK_FALSE(has_claim_with_value(claims, dropped));
    CHECK(claims.size() == 1);
}

} // namespace

// ---------------------------------------------------------------- parse_digits

TEST_CASE("parse_digits reads digits with thousands commas", "[numbers]") {
    CHECK(tracker::extract::parse_digits("7,028") == std::optional<std::int64_t>(7028));
    CHECK(tracker::extract::parse_digits("1,234,567") == std::optional<std::int64_t>(1234567));
    CHECK(tracker::extract::parse_digits("42") == std::optional<std::int64_t>(42));
}

TEST_CASE("parse_digits applies a scale to a decimal", "[numbers]") {
    CHECK(tracker::extract::parse_digits("1.4", 1000000) == std::optional<std::int64_t>(1400000));
    CHECK(tracker::extract::parse_digits("2.35", 1000000) == std::optional<std::int64_t>(2350000));
    CHECK(tracker::extract::parse_digits("12", 1000) == std::optional<std::int64_t>(12000));
}

TEST_CASE("parse_digits refuses malformed numbers", "[numbers]") {
    CHECK_FALSE(tracker::extract::parse_digits("").has_value());
    CHECK_FALSE(tracker::extract::parse_digits("1.2.3").has_value());
    CHECK_FALSE(tracker::extract::parse_digits("12a").has_value());
    CHECK_FALSE(tracker::extract::parse_digits("1.5,0").has_value());
}

// ---------------------------------------------------------------- values

TEST_CASE("numbers: digits with commas", "[numbers]") {
    auto numbers = numbers_in("Officials said 7,028 people were killed.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 7028);
    CHECK(numbers[0].reject.empty());
    CHECK_FALSE(numbers[0].range_high.has_value());
}

TEST_CASE("numbers: a decimal with a scale word ('1.4 million')", "[numbers]") {
    auto numbers = numbers_in("The agency said 1.4 million people had fled.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 1400000);
    CHECK(numbers[0].reject.empty());
    CHECK(numbers[0].last == numbers[0].first + 1); // the scale word is part of the number

    auto claims = extract("The agency said 1.4 million people had fled their homes.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].value == 1400000);
}

TEST_CASE("numbers: digits with 'thousand'", "[numbers]") {
    auto numbers = numbers_in("Officials said 12 thousand people were wounded.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 12000);
}

TEST_CASE("numbers: a single number word ('two')", "[numbers]") {
    auto numbers = numbers_in("Medics said two people were killed.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 2);
    CHECK(numbers[0].reject.empty());
}

TEST_CASE("numbers: a hyphenated number word ('twenty-one')", "[numbers]") {
    auto numbers = numbers_in("Medics said twenty-one people were killed.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 21);
}

TEST_CASE("numbers: number words with a scale and 'and' ('one hundred and fifty')", "[numbers]") {
    auto numbers = numbers_in("Medics said one hundred and fifty people were wounded.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 150);

    auto claims = extract("Medics said one hundred and fifty people were wounded.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].value == 150);
    CHECK(claims[0].metric == Metric::injured);
}

TEST_CASE("numbers: number words with thousands ('three thousand two hundred')", "[numbers]") {
    auto numbers = numbers_in("Medics said three thousand two hundred people were wounded.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 3200);
}

TEST_CASE("numbers: 'a million' stands for one million", "[numbers]") {
    auto numbers = numbers_in("The agency said a million people had fled.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 1000000);

    auto claims = extract("The agency said a million people had fled their homes.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].value == 1000000);
    CHECK(claims[0].metric == Metric::displaced);
}

TEST_CASE("numbers: a plain article 'a' is not a number", "[numbers]") {
    auto numbers = numbers_in("A spokesman gave a briefing on a quiet day.");
    INFO(describe(numbers));
    CHECK(numbers.empty());
}

TEST_CASE("numbers: 'one of' is a pronoun, not a count", "[numbers]") {
    auto numbers = numbers_in("One of the wounded was a nurse.");
    INFO(describe(numbers));
    for (const auto& c : numbers)
        CHECK_FALSE(c.reject.empty());
}

// ---------------------------------------------------------------- ranges

TEST_CASE("numbers: a range with 'to' ('200 to 250')", "[numbers]") {
    auto numbers = numbers_in("The group said it held 200 to 250 captives.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 200);
    CHECK(numbers[0].range_high == std::optional<std::int64_t>(250));

    auto claims = extract("The group said it held 200 to 250 captives.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].value == 200);
    CHECK(claims[0].qualifier == Qualifier::range);
    CHECK(claims[0].low == std::optional<std::int64_t>(200));
    CHECK(claims[0].high == std::optional<std::int64_t>(250));
}

TEST_CASE("numbers: a range with a hyphen ('200-250')", "[numbers]") {
    auto numbers = numbers_in("The group said it held 200-250 captives.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 200);
    CHECK(numbers[0].range_high == std::optional<std::int64_t>(250));

    auto claims = extract("The group said it held 200-250 captives.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].qualifier == Qualifier::range);
    CHECK(claims[0].low == std::optional<std::int64_t>(200));
    CHECK(claims[0].high == std::optional<std::int64_t>(250));
}

TEST_CASE("numbers: a range with an en dash ('200\xE2\x80\x93"
          "250')",
          "[numbers]") {
    auto numbers = numbers_in("The group said it held 200\xE2\x80\x93"
                              "250 captives.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 200);
    CHECK(numbers[0].range_high == std::optional<std::int64_t>(250));
}

TEST_CASE("numbers: a range with 'between ... and' ('between 100 and 150')", "[numbers]") {
    auto numbers = numbers_in("Medics said between 100 and 150 people were killed.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 100);
    CHECK(numbers[0].range_high == std::optional<std::int64_t>(150));

    auto claims = extract("Medics said between 100 and 150 people were killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].value == 100);
    CHECK(claims[0].qualifier == Qualifier::range);
    CHECK(claims[0].high == std::optional<std::int64_t>(150));
}

TEST_CASE("numbers: a range keeps the scale of its upper end ('1.5 to 2 million')", "[numbers]") {
    auto numbers = numbers_in("The agency said 1.5 to 2 million people had fled.");
    INFO(describe(numbers));
    REQUIRE(numbers.size() == 1);
    CHECK(numbers[0].value == 1500000);
    CHECK(numbers[0].range_high == std::optional<std::int64_t>(2000000));
}

TEST_CASE("numbers: 'and' between numbers without 'between' is not a range", "[numbers]") {
    auto numbers = numbers_in("Medics said 100 and 150 people were killed in two towns.");
    INFO(describe(numbers));
    const Candidate* first = number_with_value(numbers, 100);
    REQUIRE(first != nullptr);
    CHECK_FALSE(first->range_high.has_value());
}

// ---------------------------------------------------------------- rejections

TEST_CASE("numbers: a day after a month name is a date ('October 7')", "[numbers]") {
    check_rejected("Gunmen crossed the fence on October 7 and killed 1,200 people.", 7);
    check_only_claim("Gunmen crossed the fence on October 7 and killed 1,200 people.", 1200, 7);
}

TEST_CASE("numbers: a day before a month name is a date ('7 October')", "[numbers]") {
    check_rejected("Gunmen crossed the fence on 7 October and killed 1,200 people.", 7);
    check_only_claim("Gunmen crossed the fence on 7 October and killed 1,200 people.", 1200, 7);
}

TEST_CASE("numbers: a day after an abbreviated month is a date ('Oct. 12')", "[numbers]") {
    check_rejected("By Oct. 12 the count of dead had reached 1,300.", 12);
    check_only_claim("By Oct. 12 the count of dead had reached 1,300.", 1300, 12);
}

TEST_CASE("numbers: a year is not a count ('in 2023')", "[numbers]") {
    check_rejected("In 2023 alone, 300 people were killed in the valley.", 2023);
    check_only_claim("In 2023 alone, 300 people were killed in the valley.", 300, 2023);
}

TEST_CASE("numbers: a percentage with a sign is not a count ('53%')", "[numbers]") {
    check_rejected("Medics said 53% of the 900 people killed were women.", 53);
    check_only_claim("Medics said 53% of the 900 people killed were women.", 900, 53);
}

TEST_CASE("numbers: a percentage in words is not a count ('53 percent')", "[numbers]") {
    check_rejected("Medics said 53 percent of the 900 people killed were women.", 53);
    check_only_claim("Medics said 53 percent of the 900 people killed were women.", 900, 53);
}

TEST_CASE("numbers: money is not a count ('$100')", "[numbers]") {
    check_rejected("Donors gave $100 to each of 500 displaced families.", 100);
    auto claims = extract("Donors gave $100 each after 500 people were displaced.");
    INFO(describe(claims));
    CHECK_FALSE(has_claim_with_value(claims, 100));
    CHECK(has_claim_with_value(claims, 500));
}

TEST_CASE("numbers: money with a scale is not a count ('$100 million')", "[numbers]") {
    check_rejected("Donors pledged $100 million as 500 people were displaced.", 100000000);
}

TEST_CASE("numbers: an ordinal is not a count ('1st')", "[numbers]") {
    check_rejected("The 1st convoy reached 12 injured people.", 1);
    auto claims = extract("He was the 1st of 12 people killed in the town.");
    INFO(describe(claims));
    CHECK_FALSE(has_claim_with_value(claims, 1));
}

TEST_CASE("numbers: an age with 'year-old' is not a count ('80-year-old')", "[numbers]") {
    check_rejected("An 80-year-old man was among 14 people killed.", 80);
    check_only_claim("An 80-year-old man was among 14 people killed.", 14, 80);
}

TEST_CASE("numbers: an age with 'aged' is not a count ('aged 85')", "[numbers]") {
    check_rejected("A woman aged 85 was among 14 people killed.", 85);
    check_only_claim("A woman aged 85 was among 14 people killed.", 14, 85);
}

TEST_CASE("numbers: an age after a name is not a count", "[numbers]") {
    check_rejected("Dana Levi, 23, was one of 40 people abducted from the festival.", 23);
}

TEST_CASE("numbers: a clock time is not a count ('10:30', '6 p.m.')", "[numbers]") {
    check_rejected("At 10:30 medics said 14 people were killed.", 10);
    check_rejected("The strike at 6 p.m. killed 9 people.", 6);
    check_only_claim("The strike at 6 p.m. killed 9 people.", 9, 6);
    auto claims = extract("At 10:30 medics said 14 people were killed.");
    INFO(describe(claims));
    CHECK_FALSE(has_claim_with_value(claims, 10));
    CHECK_FALSE(has_claim_with_value(claims, 30));
    CHECK(has_claim_with_value(claims, 14));
}

TEST_CASE("numbers: a number inside a name is not a count ('Resolution 2712')", "[numbers]") {
    check_rejected("The council passed Resolution 2712 after 40 people were killed.", 2712);
    auto claims = extract("The council passed Resolution 2712 after 40 people were killed.");
    INFO(describe(claims));
    CHECK_FALSE(has_claim_with_value(claims, 2712));
}

TEST_CASE("numbers: a bare decimal is not a count ('2.5')", "[numbers]") {
    check_rejected("Medics said 2.5 people were killed.", 3); // rounded value of 2.5
    auto claims = extract("Medics said 2.5 people were killed.");
    INFO(describe(claims));
    CHECK(claims.empty());
}

TEST_CASE("numbers: a day range of a month is a date, not a count ('between 5 and 8 October')",
          "[numbers]") {
    auto claims = extract("Medics said 4,000 people were killed between 5 and 8 October.");
    INFO(describe(claims));
    CHECK(has_claim_with_value(claims, 4000));
    CHECK_FALSE(has_claim_with_value(claims, 5));
    CHECK(claims.size() == 1);
}
