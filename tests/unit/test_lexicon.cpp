// Unit tests of the lexicon (importers/lexicon/lexicon.hpp): the built-in
// data files, claimant alias normalisation, user files read with
// add_file_text (new entries, overrides, error messages naming file:line),
// and a user lexicon taking effect in extraction.

#include "importers/extract/pipeline.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using tracker::lexicon::Lexicon;
using tracker::model::Claim;

std::vector<Claim> extract_with(const Lexicon& lexicon, const std::string& body) {
    tracker::model::Article article;
    article.outlet = "Test Wire";
    article.published = tracker::model::parse_iso_date("2023-10-21");
    article.body = body;
    return tracker::extract::extract_claims(article, lexicon).claims;
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

std::string canonical(const Lexicon& lexicon, std::string_view alias) {
    return lexicon.canonical_claimant(alias).value_or("<none>");
}

} // namespace

TEST_CASE("lexicon: the built-in lexicon loads every section", "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    CHECK(lexicon.metric_terms.size() > 0);
    CHECK(lexicon.population_terms.size() > 0);
    CHECK(lexicon.claimant_aliases.size() > 0);
    CHECK(lexicon.attribution_cues.size() > 0);
    CHECK(lexicon.qualifier_cues.size() > 0);
    CHECK(lexicon.non_people.size() > 0);
    CHECK(lexicon.number_words.at("twenty") == 20);
    CHECK(&Lexicon::builtin() == &lexicon); // one shared instance
}

TEST_CASE("lexicon: claimant aliases normalise to the canonical body", "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    CHECK(canonical(lexicon, "IDF") == "Israel Defense Forces");
    CHECK(canonical(lexicon, "Daniel Hagari") == "Israel Defense Forces");
    CHECK(canonical(lexicon, "Hamas-run health ministry") == "Gaza Health Ministry");
    CHECK(canonical(lexicon, "Ashraf al-Qudra") == "Gaza Health Ministry");
    CHECK(canonical(lexicon, "Gaza Health Ministry") == "Gaza Health Ministry");
    CHECK(canonical(lexicon, "Qassam Brigades") == "Hamas");
}

TEST_CASE("lexicon: claimant lookup ignores case and folds typographic apostrophes", "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    CHECK(canonical(lexicon, "idf") == "Israel Defense Forces");
    CHECK(canonical(lexicon, "HAMAS-RUN HEALTH MINISTRY") == "Gaza Health Ministry");
    CHECK(canonical(lexicon, "Gaza\xE2\x80\x99s Health Ministry") == "Gaza Health Ministry");
}

TEST_CASE("lexicon: an unknown or partial name has no canonical claimant", "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    CHECK_FALSE(lexicon.canonical_claimant("Ministry of Silly Walks").has_value());
    CHECK_FALSE(lexicon.canonical_claimant("Daniel").has_value());
    CHECK_FALSE(lexicon.canonical_claimant("IDF sources close to").has_value());
    CHECK_FALSE(lexicon.canonical_claimant("").has_value());
}

TEST_CASE("lexicon: fold_word lowercases ASCII and folds U+2019 to an apostrophe", "[lexicon]") {
    CHECK(tracker::lexicon::fold_word("Hamas-Run") == "hamas-run");
    CHECK(tracker::lexicon::fold_word("Monday\xE2\x80\x99s") == "monday's");
    CHECK(tracker::lexicon::fold_word("U.S.") == "u.s.");
}

TEST_CASE("lexicon: a [claimants] section adds a body and its spokesman", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    auto error = lexicon.add_file_text("[claimants]\n"
                                       "Coastal Rescue Directorate\tCoastal Rescue|Yusuf Haddad\n",
                                       "user.tsv");
    REQUIRE_FALSE(error.has_value());
    CHECK(canonical(lexicon, "Coastal Rescue Directorate") == "Coastal Rescue Directorate");
    CHECK(canonical(lexicon, "coastal rescue") == "Coastal Rescue Directorate");
    CHECK(canonical(lexicon, "Yusuf Haddad") == "Coastal Rescue Directorate");
    // The built-in entries are still there.
    CHECK(canonical(lexicon, "IDF") == "Israel Defense Forces");
    // The shared built-in lexicon is not changed by a copy.
    CHECK_FALSE(Lexicon::builtin().canonical_claimant("Yusuf Haddad").has_value());
}

TEST_CASE("lexicon: a user's spokesman entry attributes figures to the new body", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(lexicon
                      .add_file_text("[claimants]\n"
                                     "Coastal Rescue Directorate\tCoastal Rescue|Yusuf Haddad\n",
                                     "user.tsv")
                      .has_value());
    auto claims = extract_with(lexicon, "Spokesman Yusuf Haddad said 12 people were killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].value == 12);
    CHECK(claims[0].claimant == "Coastal Rescue Directorate");
}

TEST_CASE("lexicon: the index of surnames lists each body that has one once", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(lexicon
                      .add_file_text("[claimants]\n"
                                     "Coastal Rescue Directorate\tYusuf Haddad|Samir Haddad\n"
                                     "Harbour Authority\tLeila Haddad\n",
                                     "user.tsv")
                      .has_value());
    const auto& bearers = lexicon.claimants_with_surname("haddad");
    REQUIRE(bearers.size() == 2);
    CHECK(lexicon.claimants[bearers[0]].canonical == "Coastal Rescue Directorate");
    CHECK(lexicon.claimants[bearers[1]].canonical == "Harbour Authority");
    CHECK(lexicon.claimants_with_surname("nobody").empty());
}

TEST_CASE("lexicon: a later entry overrides an earlier one", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(lexicon
                      .add_file_text("[claimants]\n"
                                     "First Body\tShared Desk\n"
                                     "Second Body\tShared Desk\n",
                                     "user.tsv")
                      .has_value());
    CHECK(canonical(lexicon, "Shared Desk") == "Second Body");
}

TEST_CASE("lexicon: a user file overrides a built-in alias", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(
        lexicon.add_file_text("[claimants]\nIsraeli army command\tIDF\n", "user.tsv").has_value());
    CHECK(canonical(lexicon, "IDF") == "Israeli army command");
    CHECK(canonical(lexicon, "Daniel Hagari") == "Israel Defense Forces");
}

TEST_CASE("lexicon: a later number word replaces an earlier one", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(
        lexicon.add_file_text("[numbers]\nScore\t20\nscore\t21\n", "user.tsv").has_value());
    CHECK(lexicon.number_words.at("score") == 21);
}

TEST_CASE("lexicon: a user qualifier entry replaces the built-in one", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(lexicon.add_file_text("[qualifiers]\nsome\tat_least\n", "user.tsv").has_value());
    auto claims = extract_with(lexicon, "Officials said some 312 people were killed.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].qualifier == tracker::model::Qualifier::at_least);
}

TEST_CASE("lexicon: a user metric term is used by the extractor", "[lexicon]") {
    Lexicon lexicon = Lexicon::builtin();
    REQUIRE_FALSE(
        lexicon.add_file_text("[metrics]\nevacuated\tevent\tdisplaced\n", "user.tsv").has_value());
    auto claims = extract_with(lexicon, "Officials said 640 people were evacuated.");
    INFO(describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].metric == tracker::model::Metric::displaced);
}

TEST_CASE("lexicon: comments, blank lines and CRLF are allowed", "[lexicon]") {
    Lexicon lexicon;
    auto error = lexicon.add_file_text("# my additions\r\n"
                                       "\r\n"
                                       "[claimants]\r\n"
                                       "# a body\r\n"
                                       "Hill Clinic\tHill Clinic staff\r\n",
                                       "user.tsv");
    REQUIRE_FALSE(error.has_value());
    CHECK(canonical(lexicon, "Hill Clinic staff") == "Hill Clinic");
}

TEST_CASE("lexicon: the default section applies before any header", "[lexicon]") {
    Lexicon lexicon;
    REQUIRE_FALSE(lexicon.add_file_text("Hill Clinic\tHill Clinic staff\n", "user.tsv", "claimants")
                      .has_value());
    CHECK(canonical(lexicon, "Hill Clinic staff") == "Hill Clinic");
}

TEST_CASE("lexicon: an unknown section is an error naming file and line", "[lexicon]") {
    Lexicon lexicon;
    auto error = lexicon.add_file_text(
        "[claimants]\nHill Clinic\tHill Clinic staff\n[bogus]\nword\tthing\n", "user.tsv");
    REQUIRE(error.has_value());
    CHECK_THAT(*error, Catch::StartsWith("user.tsv:4: "));
    CHECK_THAT(*error, Catch::Contains("bogus"));
}

TEST_CASE("lexicon: an entry before any section is an error naming file and line", "[lexicon]") {
    Lexicon lexicon;
    auto error = lexicon.add_file_text("# header comment\nword\tthing\n", "extra.tsv");
    REQUIRE(error.has_value());
    CHECK_THAT(*error, Catch::StartsWith("extra.tsv:2: "));
    CHECK_THAT(*error, Catch::Contains("section"));
}

TEST_CASE("lexicon: missing fields are an error naming file and line", "[lexicon]") {
    Lexicon lexicon;
    SECTION("metrics need three fields") {
        auto error = lexicon.add_file_text("[metrics]\n\nslaughtered\tevent\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:3: "));
        CHECK_THAT(*error, Catch::Contains("[metrics]"));
    }
    SECTION("claimants need two fields") {
        auto error = lexicon.add_file_text("[claimants]\nLonely Body\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
    }
    SECTION("populations need three fields") {
        auto error = lexicon.add_file_text("[populations]\nfarmers\tfarmers\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
    }
}

TEST_CASE("lexicon: bad field values are errors naming file and line", "[lexicon]") {
    Lexicon lexicon;
    SECTION("unknown metric role") {
        auto error = lexicon.add_file_text("[metrics]\nslaughtered\tverb\tkilled\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
        CHECK_THAT(*error, Catch::Contains("verb"));
    }
    SECTION("unknown population kind") {
        auto error =
            lexicon.add_file_text("[populations]\nfarmers\tfarmers\tplural\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
    }
    SECTION("a number word that is not a number") {
        auto error = lexicon.add_file_text("[numbers]\nscore\ttwenty\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
        CHECK_THAT(*error, Catch::Contains("twenty"));
    }
    SECTION("unknown qualifier") {
        auto error = lexicon.add_file_text("[qualifiers]\naround about\tfuzzy\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
    }
    SECTION("unknown attribution kind") {
        auto error = lexicon.add_file_text("[attribution]\nwhispered\tadverb\n", "terms.tsv");
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::StartsWith("terms.tsv:2: "));
    }
}

TEST_CASE("lexicon: word_info gives each table's list of a first word; a later file reindexes",
          "[lexicon]") {
    Lexicon lexicon;
    REQUIRE_FALSE(lexicon.add_file_text("[metrics]\nkilled\tevent\tkilled\n"
                                        "[claimants]\nGaza Health Ministry\tgaza health ministry\n",
                                        "test.tsv"));
    const auto* killed = lexicon.word_info("killed");
    REQUIRE(killed != nullptr);
    CHECK(killed->metric == lexicon.metric_terms.list_of("killed"));
    CHECK(killed->metric != 0);
    CHECK(killed->alias == 0);
    const auto* gaza = lexicon.word_info("gaza");
    REQUIRE(gaza != nullptr);
    CHECK(gaza->alias != 0);
    CHECK(gaza->metric == 0);
    CHECK(lexicon.word_info("health") == nullptr); // not a first word
    CHECK(lexicon.word_info("") == nullptr);
    std::vector<std::string_view> words{"gaza", "health", "ministry"};
    CHECK(lexicon.claimant_aliases.match_list(words, 0, gaza->alias) ==
          lexicon.claimant_aliases.match(words, 0));
    CHECK(lexicon.claimant_aliases.match_list(words, 0, 0) == nullptr);
    REQUIRE_FALSE(lexicon.add_file_text("[attribution]\nkilled\tverb\n", "more.tsv"));
    REQUIRE(lexicon.word_info("killed") != nullptr);
    CHECK(lexicon.word_info("killed")->attribution != 0);
    CHECK(lexicon.word_info("killed")->metric != 0);
    // A copy answers from its own tables.
    Lexicon copy = lexicon;
    REQUIRE(copy.word_info("killed") != nullptr);
    CHECK(copy.word_info("killed") != lexicon.word_info("killed"));
    CHECK(copy.word_info("killed")->metric == lexicon.word_info("killed")->metric);
}

TEST_CASE("lexicon: word_info knows every first word of every built-in table, and only those",
          "[lexicon]") {
    const Lexicon& lexicon = Lexicon::builtin();
    std::size_t words = 0;
    auto check = [&](const auto& table, std::uint32_t tracker::lexicon::WordInfo::*field) {
        table.for_each_first([&](std::string_view word, std::uint32_t list) {
            INFO(std::string(word));
            const auto* info = lexicon.word_info(word);
            REQUIRE(info != nullptr);
            CHECK(info->*field == list);
            CHECK(table.list_of(word) == list);
            ++words;
        });
    };
    check(lexicon.metric_terms, &tracker::lexicon::WordInfo::metric);
    check(lexicon.population_terms, &tracker::lexicon::WordInfo::population);
    check(lexicon.claimant_aliases, &tracker::lexicon::WordInfo::alias);
    check(lexicon.attribution_cues, &tracker::lexicon::WordInfo::attribution);
    check(lexicon.qualifier_cues, &tracker::lexicon::WordInfo::qualifier);
    check(lexicon.non_people, &tracker::lexicon::WordInfo::non_people);
    CHECK(words > 100);
    for (std::string_view other : {"zzzz", "of", "hundred", "x", "said-", "killedx"}) {
        const auto* info = lexicon.word_info(other);
        bool any = lexicon.metric_terms.list_of(other) || lexicon.population_terms.list_of(other) ||
                   lexicon.claimant_aliases.list_of(other) ||
                   lexicon.attribution_cues.list_of(other) ||
                   lexicon.qualifier_cues.list_of(other) || lexicon.non_people.list_of(other);
        CHECK((info != nullptr) == any);
    }
}
