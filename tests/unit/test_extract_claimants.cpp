// Unit tests of the claimant stage (importers/extract/claimants.hpp),
// through the pipeline: attribution forms, alias normalisation, spokesmen,
// nested attributions, back-references to an earlier sentence, the outlet
// for the writer's own voice, and names the lexicon does not know.

#include "importers/extract/claimants.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using tracker::lexicon::Lexicon;
using tracker::model::Claim;

std::vector<Claim> extract(const std::string& body, const std::string& outlet = "Test Wire") {
    tracker::model::Article article;
    article.outlet = outlet;
    article.published = tracker::model::parse_iso_date("2023-10-21");
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

// The claimant of the claim with `value` in `body` ("<no claim>" when absent).
std::string claimant_of(const std::string& body, std::int64_t value) {
    auto claims = extract(body);
    INFO(body);
    INFO(describe(claims));
    const Claim* c = claim_with_value(claims, value);
    CHECK(c != nullptr);
    return c ? c->claimant : "<no claim>";
}

} // namespace

// ---------------------------------------------------------------- attribution forms

TEST_CASE("claimants: 'according to X'", "[claimants]") {
    CHECK(claimant_of("According to the Gaza Health Ministry, 4,385 people have been killed.",
                      4385) == "Gaza Health Ministry");
}

TEST_CASE("claimants: 'X said'", "[claimants]") {
    CHECK(claimant_of("The Gaza Health Ministry said 4,385 people have been killed.", 4385) ==
          "Gaza Health Ministry");
}

TEST_CASE("claimants: 'said X' after the figure", "[claimants]") {
    CHECK(claimant_of("At least 4,385 people have been killed, said the Gaza Health Ministry.",
                      4385) == "Gaza Health Ministry");
}

TEST_CASE("claimants: 'X told reporters'", "[claimants]") {
    CHECK(claimant_of("UNRWA told reporters that 29 aid workers had been killed.", 29) == "UNRWA");
}

TEST_CASE("claimants: 'X claimed' and 'X announced'", "[claimants]") {
    CHECK(claimant_of("Hamas claimed that 50 hostages were killed in the strikes.", 50) == "Hamas");
    CHECK(claimant_of("The IDF announced that 260 soldiers had been killed.", 260) ==
          "Israel Defense Forces");
}

TEST_CASE("claimants: 'X says' and 'X reported'", "[claimants]") {
    CHECK(claimant_of("Hamas says 50 hostages were killed in the strikes.", 50) == "Hamas");
    CHECK(claimant_of("Reuters reported that 50 hostages were killed in the strikes.", 50) ==
          "Reuters");
}

TEST_CASE("claimants: 'an X tally'", "[claimants]") {
    CHECK(claimant_of("An AFP tally put the number of dead at 1,200.", 1200) == "AFP");
}

TEST_CASE("claimants: 'cited by X'", "[claimants]") {
    CHECK(claimant_of("The figure of 1,200 dead was cited by Israeli officials.", 1200) ==
          "Israeli government");
}

TEST_CASE("claimants: 'X on <day> said' keeps X as the source", "[claimants]") {
    CHECK(claimant_of("The IDF on Wednesday said 13 hostages had been released.", 13) ==
          "Israel Defense Forces");
}

TEST_CASE("claimants: 'X's statement'", "[claimants]") {
    CHECK(claimant_of("The figure of 4,385 dead came from the Gaza Health Ministry's statement.",
                      4385) == "Gaza Health Ministry");
}

// ---------------------------------------------------------------- normalisation

TEST_CASE("claimants: 'the Hamas-run health ministry' is the Gaza Health Ministry", "[claimants]") {
    CHECK(claimant_of("The Hamas-run health ministry said 4,385 people have been killed.", 4385) ==
          "Gaza Health Ministry");
}

TEST_CASE("claimants: a named spokesman maps to his body ('Daniel Hagari')", "[claimants]") {
    CHECK(claimant_of("Daniel Hagari said 203 hostages were being held in Gaza.", 203) ==
          "Israel Defense Forces");
}

TEST_CASE("claimants: an abbreviation maps to its body ('IDF')", "[claimants]") {
    CHECK(claimant_of("The IDF said 203 hostages were being held in Gaza.", 203) ==
          "Israel Defense Forces");
}

TEST_CASE("claimants: a spokesman with his title maps to the body", "[claimants]") {
    CHECK(claimant_of("Ministry spokesman Ashraf al-Qudra said 4,385 people have been killed.",
                      4385) == "Gaza Health Ministry");
    CHECK(claimant_of("IDF spokesman Daniel Hagari said 203 hostages were being held in Gaza.",
                      203) == "Israel Defense Forces");
}

TEST_CASE("claimants: a possessive form of a body ('Israel's military')", "[claimants]") {
    CHECK(claimant_of("Israel's military said 203 hostages were being held.", 203) ==
          "Israel Defense Forces");
}

TEST_CASE("claimants: an unknown body keeps its name without 'the'", "[claimants]") {
    CHECK(claimant_of("The Palestinian Prisoners' Society said 1,200 people had been arrested.",
                      1200) == "Palestinian Prisoners' Society");
    CHECK(claimant_of("The Hill Valley Relief Committee said 45 people were killed.", 45) ==
          "Hill Valley Relief Committee");
}

// ---------------------------------------------------------------- nesting

TEST_CASE("claimants: a nested attribution names the innermost source", "[claimants]") {
    CHECK(claimant_of(
              "The Journal reported, citing unnamed officials, that 120 hostages were still held.",
              120) == "unnamed officials");
}

TEST_CASE("claimants: a trailing 'citing Y' names the innermost source", "[claimants]") {
    CHECK(claimant_of(
              "Al Jazeera said 4,651 people had been killed, citing the Gaza Health Ministry.",
              4651) == "Gaza Health Ministry");
}

// ---------------------------------------------------------------- back-references

TEST_CASE("claimants: a pronoun in the next sentence refers back ('They also said')",
          "[claimants]") {
    auto claims = extract("Hamas said 50 hostages were killed in air strikes. "
                          "They also said 22 hostages had been freed.");
    INFO(describe(claims));
    REQUIRE(claim_with_value(claims, 22) != nullptr);
    CHECK(claim_with_value(claims, 22)->claimant == "Hamas");
}

TEST_CASE("claimants: a definite description refers back ('The ministry added')", "[claimants]") {
    auto claims = extract("The Gaza Health Ministry said 4,385 people have been killed. "
                          "The ministry added that 13,500 were wounded.");
    INFO(describe(claims));
    REQUIRE(claim_with_value(claims, 13500) != nullptr);
    CHECK(claim_with_value(claims, 13500)->claimant == "Gaza Health Ministry");
}

TEST_CASE("claimants: 'it added' refers back", "[claimants]") {
    auto claims = extract("UNRWA said 29 aid workers had been killed. "
                          "It added that 600,000 people were sheltering in its schools.");
    INFO(describe(claims));
    REQUIRE(claim_with_value(claims, 600000) != nullptr);
    CHECK(claim_with_value(claims, 600000)->claimant == "UNRWA");
}

TEST_CASE("claimants: a sentence whose subject refers back continues the claimant", "[claimants]") {
    auto claims = extract("The Gaza Health Ministry gave its latest count on Saturday. "
                          "The ministry put the death toll at 4,385.");
    INFO(describe(claims));
    REQUIRE(claim_with_value(claims, 4385) != nullptr);
    CHECK(claim_with_value(claims, 4385)->claimant == "Gaza Health Ministry");
}

TEST_CASE("claimants: 'the army' does not refer back to a crowd of unnamed people", "[claimants]") {
    // Medics are not an army: the second figure is not theirs.
    CHECK(claimant_of("Paramedics said 14 people were hurt in the shelling. "
                      "The army said 30 soldiers had been taken prisoner.",
                      30) != "Paramedics");
    // A body the text named itself still stands behind "the army".
    CHECK(claimant_of("The Rapid Support Forces said 30 of their fighters were killed. "
                      "The army said 12 civilians died in the raid.",
                      12) == "Rapid Support Forces");
}

// ---------------------------------------------------------------- writer's voice

TEST_CASE("claimants: a sentence with no attribution is the outlet's", "[claimants]") {
    CHECK(claimant_of("Strikes have killed 4,000 people in the territory.", 4000) == "Test Wire");
}

TEST_CASE("claimants: a sentence in the writer's voice after an attributed one is the outlet's",
          "[claimants]") {
    auto claims = extract("Hamas said 50 hostages were killed in air strikes. "
                          "Israeli strikes have killed 4,000 people in Gaza.",
                          "Harbour Daily");
    INFO(describe(claims));
    REQUIRE(claim_with_value(claims, 50) != nullptr);
    REQUIRE(claim_with_value(claims, 4000) != nullptr);
    CHECK(claim_with_value(claims, 50)->claimant == "Hamas");
    CHECK(claim_with_value(claims, 4000)->claimant == "Harbour Daily");
}

TEST_CASE("claimants: each sentence takes its own attribution", "[claimants]") {
    auto claims = extract("The IDF said 203 hostages were being held in Gaza. "
                          "The Gaza Health Ministry said 4,385 people have been killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 2);
    CHECK(claim_with_value(claims, 203)->claimant == "Israel Defense Forces");
    CHECK(claim_with_value(claims, 4385)->claimant == "Gaza Health Ministry");
}

// ---------------------------------------------------------------- find_attributions

TEST_CASE("claimants: find_attributions reports the cue and the canonical source", "[claimants]") {
    std::string_view text = "The IDF said 203 hostages were being held in Gaza.";
    auto sentence = tracker::extract::tokenize_sentence(text, 0, text.size());
    auto found = tracker::extract::find_attributions(text, sentence, Lexicon::builtin(), {});
    REQUIRE(found.size() == 1);
    CHECK(found[0].claimant == "Israel Defense Forces");
    CHECK(sentence.word(found[0].cue) == "said");
    CHECK_FALSE(found[0].citing);
}

TEST_CASE("claimants: find_attributions marks a 'citing' source", "[claimants]") {
    std::string_view text =
        "The Journal reported, citing unnamed officials, that 120 hostages were held.";
    auto sentence = tracker::extract::tokenize_sentence(text, 0, text.size());
    auto found = tracker::extract::find_attributions(text, sentence, Lexicon::builtin(), {});
    bool citing_officials = false;
    for (const auto& a : found)
        if (a.citing && a.claimant == "unnamed officials") citing_officials = true;
    CHECK(citing_officials);
}

TEST_CASE("claimants: a pronoun with no earlier source has no attribution", "[claimants]") {
    std::string_view text = "They said 120 hostages were held.";
    auto sentence = tracker::extract::tokenize_sentence(text, 0, text.size());
    auto found = tracker::extract::find_attributions(text, sentence, Lexicon::builtin(), {});
    CHECK(found.empty());
    auto with_history =
        tracker::extract::find_attributions(text, sentence, Lexicon::builtin(), {"Hamas"});
    REQUIRE(with_history.size() == 1);
    CHECK(with_history[0].claimant == "Hamas");
}

TEST_CASE("claimant names: the lexicon's word index agrees with contains_word on every name",
          "[claimants]") {
    using tracker::lexicon::contains_word;
    const Lexicon& lexicon = Lexicon::builtin();
    // Words from names, parts of words, and words no name holds.
    std::vector<std::string> probes{"ministry", "health", "gaza",    "min", "hamas-run", "run",
                                    "forces",   "israel", "israeli", "zzz", "the",       "u.n."};
    for (const auto& claimant : lexicon.claimants)
        for (const auto& name : claimant.folded_names)
            probes.push_back(name);
    for (const auto& word : probes) {
        std::vector<tracker::lexicon::NameRef> expected;
        for (std::uint32_t c = 0; c < lexicon.claimants.size(); ++c)
            for (std::uint32_t n = 0; n < lexicon.claimants[c].folded_names.size(); ++n)
                if (contains_word(lexicon.claimants[c].folded_names[n], word))
                    expected.push_back({c, n});
        CHECK(lexicon.names_with_word(word) == expected);
    }
}

TEST_CASE("claimant names: contains_word needs a boundary on both sides", "[claimants]") {
    using tracker::lexicon::contains_word;
    CHECK(contains_word("gaza health ministry", "health"));
    CHECK(contains_word("hamas-run health ministry", "run"));
    CHECK(contains_word("the ministry's figures", "ministry"));
    CHECK_FALSE(contains_word("ministry", "min"));
    CHECK_FALSE(contains_word("israeli military", "israel"));
}

TEST_CASE("claimants: word_in_text agrees with contains_word and counts every occurrence",
          "[claimants]") {
    using tracker::extract::word_in_text;
    const std::vector<std::string_view> texts{"",
                                              "gaza",
                                              "the gaza health ministry said gaza",
                                              "gazan officials",
                                              "aaaa aa",
                                              "israeli israel's israel",
                                              "xisraelx israel",
                                              "health. health,health"};
    const std::vector<std::string_view> words{"gaza", "aa", "israel", "health", "a", "x"};
    for (auto text : texts) {
        for (auto word : words) {
            std::size_t count = 0;
            for (std::size_t at = text.find(word); at != std::string_view::npos;
                 at = text.find(word, at + 1))
                ++count;
            bool present = tracker::lexicon::contains_word(text, word);
            INFO(std::string(text) << " / " << std::string(word));
            CHECK(word_in_text(text, word) == std::make_pair(present, present ? count : 0));
        }
    }
}
