// Unit tests of the metric and population stage (importers/extract/metrics.hpp),
// through the pipeline: what each number counts, numbers that count things
// other than people, vague quantities, parts of totals, and whom a number
// counts (population).

#include "importers/extract/metrics.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

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
    std::string out = std::to_string(claims.size()) + " claim(s):";
    for (const auto& c : claims)
        out += "\n  " + std::string(tracker::model::to_string(c.metric)) + " " +
               std::to_string(c.value) + " " + std::string(tracker::model::to_string(c.qualifier)) +
               " pop='" + c.population + "' claimant='" + c.claimant +
               "' as_of=" + tracker::model::format_date(c.as_of);
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

std::string metric_name(Metric m) {
    return std::string(tracker::model::to_string(m));
}

// The metric of the one claim in `body`, by name ("<none>" when there is none).
std::string metric_of(const std::string& body, std::int64_t value) {
    auto claims = extract(body);
    INFO(body);
    INFO(describe(claims));
    CHECK(claims.size() == 1);
    const Claim* c = claim_with_value(claims, value);
    return c ? metric_name(c->metric) : "<none>";
}

// The population of the one claim in `body` ("<none>" when there is no claim).
std::string population_of(const std::string& body, std::int64_t value) {
    auto claims = extract(body);
    INFO(body);
    INFO(describe(claims));
    CHECK(claims.size() == 1);
    const Claim* c = claim_with_value(claims, value);
    return c ? c->population : "<none>";
}

// The sentence yields no claim at all.
void check_no_claim(const std::string& body) {
    auto claims = extract(body);
    INFO(body);
    INFO(describe(claims));
    CHECK(claims.empty());
}

} // namespace

// ---------------------------------------------------------------- killed

TEST_CASE("metrics: killed from 'were killed'", "[metrics]") {
    CHECK(metric_of("Medics said 45 people were killed.", 45) == "killed");
}

TEST_CASE("metrics: killed from 'died'", "[metrics]") {
    CHECK(metric_of("Medics said 45 people died in the blast.", 45) == "killed");
}

TEST_CASE("metrics: killed from 'death toll rose to N'", "[metrics]") {
    CHECK(metric_of("The death toll in the city rose to 45, medics said.", 45) == "killed");
}

TEST_CASE("metrics: killed from 'N dead'", "[metrics]") {
    CHECK(metric_of("Medics counted 45 dead after the strike.", 45) == "killed");
}

TEST_CASE("metrics: killed from 'N deaths'", "[metrics]") {
    CHECK(metric_of("Medics recorded 45 deaths overnight.", 45) == "killed");
}

TEST_CASE("metrics: killed from 'lives lost'", "[metrics]") {
    CHECK(metric_of("Medics said 45 lives were lost in the fire.", 45) == "killed");
}

TEST_CASE("metrics: killed from 'lost their lives'", "[metrics]") {
    CHECK(metric_of("Medics said 45 people lost their lives in the fire.", 45) == "killed");
}

TEST_CASE("metrics: killed from an active verb before the number ('the strike killed N')",
          "[metrics]") {
    CHECK(metric_of("The strike on the market killed 45 people.", 45) == "killed");
}

// ---------------------------------------------------------------- injured, missing

TEST_CASE("metrics: injured from 'wounded'", "[metrics]") {
    CHECK(metric_of("Medics said 130 people were wounded.", 130) == "injured");
}

TEST_CASE("metrics: injured from 'injured'", "[metrics]") {
    CHECK(metric_of("Medics said 130 people were injured.", 130) == "injured");
}

TEST_CASE("metrics: missing from 'missing'", "[metrics]") {
    CHECK(metric_of("Rescuers said 60 people are missing.", 60) == "missing");
}

TEST_CASE("metrics: missing from 'unaccounted for'", "[metrics]") {
    CHECK(metric_of("Rescuers said 60 people remain unaccounted for.", 60) == "missing");
}

// ---------------------------------------------------------------- hostages

TEST_CASE("metrics: hostages_taken from 'abducted'", "[metrics]") {
    CHECK(metric_of("Officials said 240 people were abducted.", 240) == "hostages_taken");
}

TEST_CASE("metrics: hostages_taken from 'kidnapped'", "[metrics]") {
    CHECK(metric_of("Officials said 240 people were kidnapped.", 240) == "hostages_taken");
}

TEST_CASE("metrics: hostages_taken from 'taken hostage'", "[metrics]") {
    CHECK(metric_of("Officials said 240 people were taken hostage.", 240) == "hostages_taken");
}

TEST_CASE("metrics: hostages_taken from 'seized'", "[metrics]") {
    CHECK(metric_of("Officials said the gunmen seized 240 people.", 240) == "hostages_taken");
}

TEST_CASE("metrics: hostages_taken from 'taken captive'", "[metrics]") {
    CHECK(metric_of("Officials said 240 people were taken captive.", 240) == "hostages_taken");
}

TEST_CASE("metrics: hostages_held from 'remain in captivity'", "[metrics]") {
    CHECK(metric_of("Officials said 130 people remain in captivity.", 130) == "hostages_held");
}

TEST_CASE("metrics: hostages_held from 'are still held'", "[metrics]") {
    CHECK(metric_of("Officials said 130 hostages are still held in Gaza.", 130) == "hostages_held");
}

TEST_CASE("metrics: hostages_held from 'holding N'", "[metrics]") {
    CHECK(metric_of("Hamas said it is holding 220 people.", 220) == "hostages_held");
}

TEST_CASE("metrics: hostages_held from 'N hostages remain'", "[metrics]") {
    CHECK(metric_of("Officials said 220 hostages remain in Gaza.", 220) == "hostages_held");
}

TEST_CASE("metrics: hostages_held from 'N captives'", "[metrics]") {
    CHECK(metric_of("Officials believe the group has 220 captives.", 220) == "hostages_held");
}

TEST_CASE("metrics: hostages_released from 'freed N hostages'", "[metrics]") {
    CHECK(metric_of("Officials said the group freed 13 hostages.", 13) == "hostages_released");
}

TEST_CASE("metrics: hostages_released from 'released N hostages'", "[metrics]") {
    CHECK(metric_of("Officials said the group released 13 hostages.", 13) == "hostages_released");
}

TEST_CASE("metrics: hostages_killed from 'N captives died'", "[metrics]") {
    CHECK(metric_of("Hamas said 50 captives died in air strikes.", 50) == "hostages_killed");
}

TEST_CASE("metrics: hostages_killed from 'bodies of N hostages'", "[metrics]") {
    CHECK(metric_of("Soldiers recovered the bodies of 3 hostages, officials said.", 3) ==
          "hostages_killed");
}

TEST_CASE("metrics: hostages_killed from 'N of the hostages are presumed dead'", "[metrics]") {
    CHECK(metric_of("Officials said 20 of the hostages are presumed dead.", 20) ==
          "hostages_killed");
}

TEST_CASE("metrics: 'eight more hostages were freed' keeps the hostages' metric", "[metrics]") {
    CHECK(metric_of("Officials said eight more hostages were freed.", 8) == "hostages_released");
}

// ---------------------------------------------------------------- prisoners

TEST_CASE("metrics: detained from 'arrested'", "[metrics]") {
    CHECK(metric_of("Officials said 75 people were arrested overnight.", 75) == "detained");
}

TEST_CASE("metrics: detained from 'detained'", "[metrics]") {
    CHECK(metric_of("Officials said 75 people were detained.", 75) == "detained");
}

TEST_CASE("metrics: detained from 'held in prisons'", "[metrics]") {
    CHECK(metric_of("Officials said 7,000 Palestinians are held in Israeli prisons.", 7000) ==
          "detained");
}

TEST_CASE("metrics: prisoners_released from 'released N prisoners'", "[metrics]") {
    CHECK(metric_of("Officials said Israel released 39 prisoners.", 39) == "prisoners_released");
}

TEST_CASE("metrics: prisoners_released from 'detainees were freed'", "[metrics]") {
    CHECK(metric_of("Officials said 39 detainees were freed.", 39) == "prisoners_released");
}

TEST_CASE("metrics: prisoners_released from 'exchanged N prisoners of war'", "[metrics]") {
    CHECK(metric_of("The two sides exchanged 90 prisoners of war.", 90) == "prisoners_released");
}

// ---------------------------------------------------------------- casualties, displaced

TEST_CASE("metrics: casualties from 'N casualties'", "[metrics]") {
    CHECK(metric_of("Medics said the shelling caused 120 casualties.", 120) == "casualties");
}

TEST_CASE("metrics: casualties from 'killed or injured'", "[metrics]") {
    CHECK(metric_of("Medics said 120 people were killed or injured.", 120) == "casualties");
}

TEST_CASE("metrics: casualties from 'dead and wounded'", "[metrics]") {
    CHECK(metric_of("Medics counted 45 dead and wounded.", 45) == "casualties");
}

TEST_CASE("metrics: killed from 'fatalities' and injured from 'hurt'", "[metrics]") {
    CHECK(metric_of("Medics reported 45 fatalities.", 45) == "killed");
    CHECK(metric_of("Medics said 45 people were hurt.", 45) == "injured");
}

TEST_CASE("metrics: displaced from 'displaced'", "[metrics]") {
    CHECK(metric_of("The agency said 1.1 million people have been displaced.", 1100000) ==
          "displaced");
}

TEST_CASE("metrics: displaced from 'fled their homes'", "[metrics]") {
    CHECK(metric_of("The agency said 20,000 people fled their homes.", 20000) == "displaced");
}

TEST_CASE("metrics: displaced from 'forced from their homes'", "[metrics]") {
    CHECK(metric_of("The agency said 20,000 people were forced from their homes.", 20000) ==
          "displaced");
}

// ---------------------------------------------------------------- not people

TEST_CASE("metrics: trucks are not people", "[metrics]") {
    check_no_claim("Officials said 200 trucks entered Gaza.");
}

TEST_CASE("metrics: targets are not people", "[metrics]") {
    check_no_claim("The army said it struck 450 targets overnight.");
}

TEST_CASE("metrics: rockets are not people", "[metrics]") {
    check_no_claim("The army said 3,000 rockets were fired.");
}

TEST_CASE("metrics: families are not people", "[metrics]") {
    check_no_claim("Officials said 80 families were displaced.");
}

TEST_CASE("metrics: days are not people", "[metrics]") {
    check_no_claim("The fighting has gone on for 45 days.");
}

TEST_CASE("metrics: hours are not people", "[metrics]") {
    check_no_claim("The siege lasted 36 hours.");
}

TEST_CASE("metrics: hospitals are not people", "[metrics]") {
    check_no_claim("Officials said 16 hospitals were damaged.");
}

TEST_CASE("metrics: pages are not people", "[metrics]") {
    check_no_claim("The report on the killings runs to 92 pages.");
}

TEST_CASE("metrics: a number with no metric word is not a claim", "[metrics]") {
    check_no_claim("Officials said 300 people gathered in the square.");
}

TEST_CASE("metrics: 'dozens' is a vague quantity, not a claim", "[metrics]") {
    check_no_claim("Medics said dozens of people were killed.");
}

TEST_CASE("metrics: 'hundreds' is a vague quantity, not a claim", "[metrics]") {
    check_no_claim("Medics said hundreds of people were injured.");
}

TEST_CASE("metrics: 'scores' is a vague quantity, not a claim", "[metrics]") {
    check_no_claim("Medics said scores of people were wounded.");
}

// ---------------------------------------------------------------- subsets and lists

TEST_CASE("metrics: a part of a total ('including N children') is its own claim", "[metrics]") {
    auto claims = extract("Medics said 4,200 people were killed, including 940 children.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    const Claim* total = claim_with_value(claims, 4200);
    const Claim* part = claim_with_value(claims, 940);
    REQUIRE(total != nullptr);
    REQUIRE(part != nullptr);
    CHECK(metric_name(total->metric) == "killed");
    CHECK(total->population.empty());
    CHECK(metric_name(part->metric) == "killed");
    CHECK(part->population == "children");
}

TEST_CASE("metrics: a part of a total with two groups ('including N children and M women')",
          "[metrics]") {
    auto claims =
        extract("Medics said 4,200 people were killed, including 940 children and 610 women.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 3);
    const Claim* women = claim_with_value(claims, 610);
    REQUIRE(women != nullptr);
    CHECK(metric_name(women->metric) == "killed");
    CHECK(women->population == "women");
}

TEST_CASE("metrics: a partitive part ('N of them children')", "[metrics]") {
    auto claims = extract("Medics said 4,000 people were killed, 2,360 of them children.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    const Claim* part = claim_with_value(claims, 2360);
    REQUIRE(part != nullptr);
    CHECK(metric_name(part->metric) == "killed");
    CHECK(part->population == "children");
}

TEST_CASE("metrics: a part of a hostage total ('freed N hostages, including M Israelis')",
          "[metrics]") {
    auto claims = extract("The group said it had freed 24 hostages, including 13 Israelis.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    const Claim* part = claim_with_value(claims, 13);
    REQUIRE(part != nullptr);
    CHECK(metric_name(part->metric) == "hostages_released");
    CHECK(part->population == "israelis");
}

TEST_CASE("metrics: 'N children were among those killed'", "[metrics]") {
    CHECK(metric_of("Medics said 3,900 children were among those killed.", 3900) == "killed");
}

TEST_CASE("metrics: a part named in the next sentence ('They include N children')", "[metrics]") {
    auto claims = extract("Israel says 222 hostages are held in Gaza. They include 30 children.");
    INFO(describe(claims));
    const Claim* part = claim_with_value(claims, 30);
    REQUIRE(part != nullptr);
    CHECK(metric_name(part->metric) == "hostages_held");
    CHECK(part->population == "children");
}

TEST_CASE(
    "metrics: coordinated populations share a head ('N Palestinian and M Israeli lives lost')",
    "[metrics]") {
    auto claims = extract("The war has seen 4,200 Palestinian and 1,400 Israeli lives lost.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    const Claim* first = claim_with_value(claims, 4200);
    const Claim* second = claim_with_value(claims, 1400);
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK(metric_name(first->metric) == "killed");
    CHECK(first->population == "palestinians");
    CHECK(metric_name(second->metric) == "killed");
    CHECK(second->population == "israelis");
}

TEST_CASE("metrics: each number of a list takes its own metric", "[metrics]") {
    auto claims = extract("Medics said 390 people were killed and 917 were injured.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    CHECK(metric_name(claim_with_value(claims, 390)->metric) == "killed");
    CHECK(metric_name(claim_with_value(claims, 917)->metric) == "injured");
}

TEST_CASE("metrics: 'N of its staff' is a count of people", "[metrics]") {
    auto claims = extract("UNRWA told reporters that 29 of its staff had been killed.");
    INFO(describe(claims));
    const Claim* c = claim_with_value(claims, 29);
    REQUIRE(c != nullptr);
    CHECK(metric_name(c->metric) == "killed");
}

// ---------------------------------------------------------------- populations

TEST_CASE("population: a nationality noun ('Palestinians')", "[metrics]") {
    CHECK(population_of("Medics said 800 Palestinians were killed.", 800) == "palestinians");
}

TEST_CASE("population: a nationality modifier ('Israeli civilians' takes the role)", "[metrics]") {
    CHECK(population_of("Officials said 800 Israeli civilians were killed.", 800) == "civilians");
}

TEST_CASE("population: 'Israelis'", "[metrics]") {
    CHECK(population_of("Officials said 30 Israelis were abducted.", 30) == "israelis");
}

TEST_CASE("population: 'Thai nationals' are thais", "[metrics]") {
    CHECK(population_of("Officials said 23 Thai nationals were abducted.", 23) == "thais");
}

TEST_CASE("population: 'US citizens' are americans", "[metrics]") {
    CHECK(population_of("Officials said 9 US citizens were killed.", 9) == "americans");
}

TEST_CASE("population: 'Americans'", "[metrics]") {
    CHECK(population_of("Officials said 9 Americans were killed.", 9) == "americans");
}

TEST_CASE("population: a role outranks a nationality ('Israeli soldiers')", "[metrics]") {
    CHECK(population_of("Officials said 300 Israeli soldiers were killed.", 300) == "soldiers");
}

TEST_CASE("population: a role outranks a nationality ('Palestinian children')", "[metrics]") {
    CHECK(population_of("Medics said 500 Palestinian children were killed.", 500) == "children");
}

TEST_CASE("population: medics are health workers", "[metrics]") {
    CHECK(population_of("Officials said 16 medics were killed.", 16) == "health workers");
}

TEST_CASE("population: journalists", "[metrics]") {
    CHECK(population_of("Officials said 60 journalists were killed.", 60) == "journalists");
}

TEST_CASE("population: 'UN staff'", "[metrics]") {
    CHECK(population_of("Officials said 88 UN staff were killed.", 88) == "un staff");
}

TEST_CASE("population: foreigners", "[metrics]") {
    CHECK(population_of("Officials said 12 foreigners were abducted.", 12) == "foreigners");
}

TEST_CASE("population: other demonyms ('Ukrainians', 'Sudanese')", "[metrics]") {
    CHECK(population_of("Officials said 5,000 Ukrainians were killed.", 5000) == "ukrainians");
    CHECK(population_of("The agency said 8 million Sudanese had fled their homes.", 8000000) ==
          "sudanese");
}

TEST_CASE("population: roles ('aid workers', 'police officers', 'Palestinian fighters')",
          "[metrics]") {
    CHECK(population_of("Officials said 5 aid workers were killed.", 5) == "aid workers");
    CHECK(population_of("Officials said 5 police officers were killed.", 5) == "police");
    CHECK(population_of("The raid killed 12 Palestinian fighters, the army said.", 12) ==
          "fighters");
}

TEST_CASE("population: each number of a list has its own group", "[metrics]") {
    auto claims = extract("Officials said 20 Israelis and 10 Thais were freed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    CHECK(claim_with_value(claims, 20)->population == "israelis");
    CHECK(claim_with_value(claims, 10)->population == "thais");
    CHECK(metric_name(claim_with_value(claims, 10)->metric) == "hostages_released");
}

TEST_CASE("population: 'women and children' counts several groups: empty", "[metrics]") {
    CHECK(population_of("Medics said 3,000 women and children were killed.", 3000) == "");
}

TEST_CASE("population: 'Israelis and foreigners' counts several groups: empty", "[metrics]") {
    CHECK(population_of("Officials said 40 Israelis and foreigners were abducted.", 40) == "");
}

TEST_CASE("population: 'people' names no group: empty", "[metrics]") {
    CHECK(population_of("Medics said 3,000 people were killed.", 3000) == "");
}

TEST_CASE("population: 'hostages' names no group: empty", "[metrics]") {
    CHECK(population_of("Officials said the group freed 13 hostages.", 13) == "");
}

TEST_CASE("metrics: is_detention_article matches the stems in any ASCII case", "[metrics]") {
    using tracker::extract::is_detention_article;
    CHECK(is_detention_article("Israel holds 5,000 Palestinians in PRISON."));
    CHECK(is_detention_article("They were Detained overnight."));
    CHECK(is_detention_article("under administrative detention"));
    CHECK(is_detention_article("mass arrests in the West Bank"));
    CHECK(is_detention_article("in police custody"));
    CHECK(is_detention_article("sent to jail"));
    CHECK_FALSE(is_detention_article(""));
    CHECK_FALSE(is_detention_article("Medics said 45 people were killed."));
    CHECK_FALSE(is_detention_article("prisoners for HOSTAGES"));
    CHECK_FALSE(is_detention_article("hostages and prisoners"));
    CHECK_FALSE(is_detention_article("jailed; the captives were moved"));
    CHECK_FALSE(is_detention_article("arrested after the Abduction"));
    CHECK_FALSE(is_detention_article("custody of the kidnapped"));
    CHECK_FALSE(is_detention_article("priso")); // a stem cut by the end of the text
    CHECK_FALSE(is_detention_article("detai"));
}

TEST_CASE("metrics: 'N of <Place>'s M residents' counts the part; the whole is a population size",
          "[metrics]") {
    auto claims = extract("Aid groups believe roughly 900,000 of Sudan's 48 million inhabitants "
                          "have fled their homes, the agency said.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    const Claim* c = claim_with_value(claims, 900000);
    REQUIRE(c != nullptr);
    CHECK(metric_name(c->metric) == "displaced");
    CHECK(c->qualifier == Qualifier::approx);
    // A part of a possessive whole that counts things is not a claim.
    check_no_claim("Officials said 12 of Lebanon's 30 border crossings were shut after shelling "
                   "that killed many.");
}

TEST_CASE("metrics: a short relative clause between the noun and its verb keeps the verb's metric",
          "[metrics]") {
    CHECK(metric_of("The agency said on Tuesday that 23 nurses serving at the clinic had been "
                    "wounded.",
                    23) == "injured");
    CHECK(metric_of("The mission said 9 teachers who taught at the camp school had died.", 9) ==
          "killed");
    // The verb after the clause wins over a metric word in the claimant's
    // own description before the number.
    CHECK(metric_of("The relief agency for displaced families, UNHCR, said 17 aid workers working "
                    "for it had been killed.",
                    17) == "killed");
    // The clause does not turn a count of things into people.
    check_no_claim("Officials said 40 lorries carrying flour had been held at the crossing.");
}

TEST_CASE("metrics: hostages 'taken' in a past attack who 'are still' somewhere are held",
          "[metrics]") {
    // The participle tells how they became hostages; the clause's verb tells
    // what they are now.
    CHECK(metric_of("The army said 97 of the hostages seized in the raid were still in the "
                    "tunnels.",
                    97) == "hostages_held");
    CHECK(metric_of("Officials said 61 of the captives abducted last year remain in the camp.",
                    61) == "hostages_held");
    // Without a state verb the participle still decides.
    CHECK(metric_of("The army said 97 of the hostages seized in the raid were freed.", 97) ==
          "hostages_released");
    CHECK(metric_of("Officials said 240 hostages were taken in the raid.", 240) ==
          "hostages_taken");
}
