#include "tracker/query/claim_query.hpp"
#include "tracker/query/series_query.hpp"
#include "tracker/store/claim_store.hpp"
#include "tracker/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace tracker;
using query::ClaimFilter;
using store::ClaimStore;
using store::Database;

namespace {

model::Date day(std::string_view text) {
    auto parsed = model::parse_iso_date(text);
    REQUIRE(parsed);
    return *parsed;
}

model::Claim claim(model::Metric metric, std::int64_t value, std::string claimant,
                   std::string as_of, std::string population = "") {
    model::Claim result;
    result.metric = metric;
    result.value = value;
    model::set_bounds(result);
    result.claimant = std::move(claimant);
    result.as_of = day(as_of);
    result.population = std::move(population);
    return result;
}

void add(ClaimStore& store, std::string hash, std::string published, std::string outlet,
         std::vector<model::Claim> claims) {
    model::Article article;
    article.path = hash + ".txt";
    article.outlet = std::move(outlet);
    article.published = day(published);
    store.add_article(article, hash, claims);
}

// One line per record, easy to compare whole results with.
std::vector<std::string> describe(const std::vector<model::ClaimRecord>& records) {
    std::vector<std::string> lines;
    for (const auto& record : records)
        lines.push_back(std::string(model::to_string(record.claim.metric)) + " " +
                        record.claim.claimant + " [" + record.claim.population + "] " +
                        std::to_string(record.claim.value) + " " +
                        model::format_date(record.claim.as_of));
    return lines;
}

const std::string k_ministry = "Gaza Health Ministry";

// A small history: the ministry's toll grows over three articles.
void fill(ClaimStore& store) {
    add(store, "a1", "2023-10-20", "Example Wire",
        {claim(model::Metric::killed, 3000, k_ministry, "2023-10-19"),
         claim(model::Metric::killed, 1000, k_ministry, "2023-10-19", "children"),
         claim(model::Metric::killed, 1400, "IDF", "2023-10-20")});
    add(store, "a2", "2023-10-25", "Other News",
        {claim(model::Metric::killed, 6000, k_ministry, "2023-10-24"),
         claim(model::Metric::killed, 2000, k_ministry, "2023-10-24", "children"),
         claim(model::Metric::hostages_held, 220, "IDF", "2023-10-25")});
    add(store, "a3", "2023-10-30", "Example Wire",
        {claim(model::Metric::killed, 8000, k_ministry, "2023-10-29")});
}

} // namespace

TEST_CASE("latest_as_of picks each series' latest claim on or before the day", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    fill(store);

    ClaimFilter killed;
    killed.metric = model::Metric::killed;

    SECTION("later claims are ignored; one row per claimant and population") {
        CHECK(describe(query::latest_as_of(db, killed, day("2023-10-26"))) ==
              std::vector<std::string>{
                  "killed Gaza Health Ministry [] 6000 2023-10-24",
                  "killed Gaza Health Ministry [children] 2000 2023-10-24",
                  "killed IDF [] 1400 2023-10-20",
              });
    }
    SECTION("a claim dated the day itself counts") {
        CHECK(describe(query::latest_as_of(db, killed, day("2023-10-29"))).front() ==
              "killed Gaza Health Ministry [] 8000 2023-10-29");
        CHECK(describe(query::latest_as_of(db, killed, day("2023-10-28"))).front() ==
              "killed Gaza Health Ministry [] 6000 2023-10-24");
    }
    SECTION("series that have not started yet are absent") {
        CHECK(describe(query::latest_as_of(db, killed, day("2023-10-19"))) ==
              std::vector<std::string>{
                  "killed Gaza Health Ministry [] 3000 2023-10-19",
                  "killed Gaza Health Ministry [children] 1000 2023-10-19",
              });
        CHECK(query::latest_as_of(db, killed, day("2023-10-18")).empty());
    }
    SECTION("without a metric, metrics come in declaration order") {
        // Alphabetically hostages_held would come first; killed is declared first.
        CHECK(describe(query::latest_as_of(db, {}, day("2023-10-31"))) ==
              std::vector<std::string>{
                  "killed Gaza Health Ministry [] 8000 2023-10-29",
                  "killed Gaza Health Ministry [children] 2000 2023-10-24",
                  "killed IDF [] 1400 2023-10-20",
                  "hostages_held IDF [] 220 2023-10-25",
              });
    }
    SECTION("filters restrict the claims considered before ranking") {
        ClaimFilter filter = killed;
        filter.outlet = "example WIRE"; // a2 ("Other News") is not considered
        CHECK(describe(query::latest_as_of(db, filter, day("2023-10-31"))) ==
              std::vector<std::string>{
                  "killed Gaza Health Ministry [] 8000 2023-10-29",
                  "killed Gaza Health Ministry [children] 1000 2023-10-19",
                  "killed IDF [] 1400 2023-10-20",
              });
        filter.outlet.reset();
        filter.population = "";
        CHECK(describe(query::latest_as_of(db, filter, day("2023-10-26"))) ==
              std::vector<std::string>{
                  "killed Gaza Health Ministry [] 6000 2023-10-24",
                  "killed IDF [] 1400 2023-10-20",
              });
        filter.population.reset();
        filter.claimant = "idf";
        CHECK(describe(query::latest_as_of(db, filter, day("2023-10-31"))) ==
              std::vector<std::string>{"killed IDF [] 1400 2023-10-20"});
    }
}

TEST_CASE("latest_as_of breaks ties by publication date, then value", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    ClaimFilter killed;
    killed.metric = model::Metric::killed;

    // Three figures for the same day. The largest one is in the earliest
    // article; of the two later articles, the larger value is stored first so
    // that neither insertion order nor id decides.
    add(store, "p1", "2023-11-01", "W", {claim(model::Metric::killed, 100, "X", "2023-10-31")});
    add(store, "p3", "2023-11-03", "W", {claim(model::Metric::killed, 95, "X", "2023-10-31")});
    add(store, "p2", "2023-11-03", "W", {claim(model::Metric::killed, 90, "X", "2023-10-31")});

    auto latest = query::latest_as_of(db, killed, day("2023-11-05"));
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].claim.value == 95);
    CHECK(latest[0].article.path == "p3.txt");

    SECTION("the most recently published article wins over a larger value") {
        add(store, "p4", "2023-11-04", "W", {claim(model::Metric::killed, 10, "X", "2023-10-31")});
        latest = query::latest_as_of(db, killed, day("2023-11-05"));
        REQUIRE(latest.size() == 1);
        CHECK(latest[0].claim.value == 10);
    }
    SECTION("a later as_of beats every tie-breaker") {
        add(store, "p5", "2023-10-20", "W", {claim(model::Metric::killed, 1, "X", "2023-11-01")});
        latest = query::latest_as_of(db, killed, day("2023-11-05"));
        REQUIRE(latest.size() == 1);
        CHECK(latest[0].claim.value == 1);
    }
}

TEST_CASE("latest_as_of keeps metrics and populations apart", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    add(store, "a", "2023-10-20", "W",
        {claim(model::Metric::killed, 10, "X", "2023-10-10"),
         claim(model::Metric::injured, 20, "X", "2023-10-12"),
         claim(model::Metric::killed, 5, "X", "2023-10-11", "children"),
         claim(model::Metric::killed, 7, "X", "2023-10-12", "Children")});
    // "Children" and "children" are one population: the later claim wins.
    CHECK(describe(query::latest_as_of(db, {}, day("2023-10-20"))) ==
          std::vector<std::string>{
              "killed X [] 10 2023-10-10",
              "killed X [Children] 7 2023-10-12",
              "injured X [] 20 2023-10-12",
          });
}

TEST_CASE("The claimant filter matches canonical names and aliases", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    fill(store);
    store.add_claimant_aliases(k_ministry, {"Ministry of Health in Gaza", "MoH"});
    // A claim stored under an alias (as a table importer might) is found too.
    add(store, "a4", "2023-11-01", "Example Wire",
        {claim(model::Metric::killed, 8500, "Ministry of Health in Gaza", "2023-10-31")});

    ClaimFilter filter;
    filter.metric = model::Metric::killed;
    for (const char* name :
         {"Gaza Health Ministry", "gaza health ministry", "MOH", "ministry of health in gaza"}) {
        INFO(name);
        filter.claimant = name;
        const auto found = query::find_claims(db, filter);
        CHECK(found.size() == 6);
        for (const auto& record : found)
            CHECK(record.claim.claimant != "IDF");
    }

    filter.claimant = "Hamas";
    CHECK(query::find_claims(db, filter).empty());
    filter.claimant = "Health"; // no partial matches
    CHECK(query::find_claims(db, filter).empty());
    filter.claimant = "x' OR '1'='1";
    CHECK(query::find_claims(db, filter).empty());
    CHECK(query::find_claims(db, {}).size() == 8);
}

TEST_CASE("The population filter is exact and case-insensitive", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    fill(store);

    ClaimFilter filter;
    filter.population = "";
    const auto empty = query::find_claims(db, filter);
    CHECK(empty.size() == 5);
    for (const auto& record : empty)
        CHECK(record.claim.population.empty());

    filter.population = "Children";
    CHECK(describe(query::find_claims(db, filter)) ==
          std::vector<std::string>{
              "killed Gaza Health Ministry [children] 1000 2023-10-19",
              "killed Gaza Health Ministry [children] 2000 2023-10-24",
          });

    filter.population = "child";
    CHECK(query::find_claims(db, filter).empty());
}

TEST_CASE("claims_on returns the claims of exactly one day", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    fill(store);

    CHECK(describe(query::claims_on(db, {}, day("2023-10-24"))) ==
          std::vector<std::string>{
              "killed Gaza Health Ministry [] 6000 2023-10-24",
              "killed Gaza Health Ministry [children] 2000 2023-10-24",
          });
    CHECK(query::claims_on(db, {}, day("2023-10-23")).empty());

    ClaimFilter idf;
    idf.claimant = "IDF";
    idf.metric = model::Metric::hostages_held;
    CHECK(describe(query::claims_on(db, idf, day("2023-10-25"))) ==
          std::vector<std::string>{"hostages_held IDF [] 220 2023-10-25"});
    CHECK(query::claims_on(db, idf, day("2023-10-24")).empty());
}

TEST_CASE("find_claims filters a period and orders by as_of", "[query]") {
    Database db(":memory:");
    ClaimStore store(db);
    fill(store);

    SECTION("everything, in as_of order") {
        const auto all = query::find_claims(db, {});
        REQUIRE(all.size() == 7);
        for (std::size_t i = 1; i < all.size(); ++i)
            CHECK(all[i - 1].claim.as_of <= all[i].claim.as_of);
    }
    SECTION("from and to are inclusive; ties ordered by claimant, population, value") {
        add(store, "a5", "2023-10-24", "W",
            {claim(model::Metric::injured, 50, "Al Jazeera", "2023-10-24"),
             claim(model::Metric::injured, 40, "Al Jazeera", "2023-10-24")});
        ClaimFilter period;
        period.from = day("2023-10-20");
        period.to = day("2023-10-25");
        CHECK(describe(query::find_claims(db, period)) ==
              std::vector<std::string>{
                  "killed IDF [] 1400 2023-10-20",
                  "injured Al Jazeera [] 40 2023-10-24",
                  "injured Al Jazeera [] 50 2023-10-24",
                  "killed Gaza Health Ministry [] 6000 2023-10-24",
                  "killed Gaza Health Ministry [children] 2000 2023-10-24",
                  "hostages_held IDF [] 220 2023-10-25",
              });
    }
    SECTION("combined with metric and outlet") {
        ClaimFilter filter;
        filter.metric = model::Metric::killed;
        filter.outlet = "EXAMPLE wire";
        filter.from = day("2023-10-20");
        CHECK(describe(query::find_claims(db, filter)) ==
              std::vector<std::string>{
                  "killed IDF [] 1400 2023-10-20",
                  "killed Gaza Health Ministry [] 8000 2023-10-29",
              });
        filter.outlet = "Example"; // equality, not a prefix
        CHECK(query::find_claims(db, filter).empty());
    }
    SECTION("records carry their article") {
        ClaimFilter filter;
        filter.metric = model::Metric::hostages_held;
        const auto found = query::find_claims(db, filter);
        REQUIRE(found.size() == 1);
        CHECK(found[0].article.path == "a2.txt");
        CHECK(found[0].article.outlet == "Other News");
        CHECK(model::format_date(found[0].article.published) == "2023-10-25");
    }
}

TEST_CASE("Queries read only the latest revision of each article", "[query][revisions]") {
    Database db(":memory:");
    ClaimStore store(db);
    auto page = [](std::string path, std::string body, std::string published) {
        model::Article article;
        article.path = std::move(path);
        article.url = "https://example.org/live";
        article.outlet = "Example Wire";
        article.published = day(published);
        article.body = std::move(body);
        return article;
    };
    store.add_article(page("v1.html", "first", "2023-10-20"), "v1",
                      {claim(model::Metric::killed, 3000, k_ministry, "2023-10-19"),
                       claim(model::Metric::injured, 9000, k_ministry, "2023-10-19")});
    add(store, "other", "2023-10-20", "Other News",
        {claim(model::Metric::killed, 1400, "IDF", "2023-10-19")});
    // The page updated the same day: its killed figure corrected, the injured
    // figure gone.
    store.add_article(page("v2.html", "second", "2023-10-20"), "v2",
                      {claim(model::Metric::killed, 3100, k_ministry, "2023-10-19")});

    CHECK(describe(query::find_claims(db, {})) ==
          std::vector<std::string>{"killed Gaza Health Ministry [] 3100 2023-10-19",
                                   "killed IDF [] 1400 2023-10-19"});
    CHECK(describe(query::claims_on(db, {}, day("2023-10-19"))) ==
          std::vector<std::string>{"killed Gaza Health Ministry [] 3100 2023-10-19",
                                   "killed IDF [] 1400 2023-10-19"});
    CHECK(describe(query::latest_as_of(db, {}, day("2023-10-31"))) ==
          std::vector<std::string>{"killed Gaza Health Ministry [] 3100 2023-10-19",
                                   "killed IDF [] 1400 2023-10-19"});
    ClaimFilter injured;
    injured.metric = model::Metric::injured;
    CHECK(query::find_claims(db, injured).empty());
    CHECK(query::latest_as_of(db, injured, day("2023-10-31")).empty());
    // Every claim is still stored.
    CHECK(store.all_claims(store::Revisions::all).size() == 4);
}

TEST_CASE("The conflict filter keeps to the articles about one conflict", "[query][conflict]") {
    Database db(":memory:");
    ClaimStore store(db);
    auto add_about = [&](std::string hash, std::string conflict, std::int64_t value) {
        model::Article article;
        article.path = hash + ".txt";
        article.outlet = "Example Wire";
        article.conflict = std::move(conflict);
        article.published = day("2023-10-25");
        store.add_article(article, hash,
                          {claim(model::Metric::killed, value, "Ministry", "2023-10-24")});
    };
    add_about("gaza", "Israel-Gaza", 6000);
    add_about("sudan", "Sudan", 9000);
    add_about("unknown", "", 100);

    query::ClaimFilter filter;
    filter.metric = model::Metric::killed;
    filter.conflict = "israel-GAZA"; // case-insensitive, as outlets are
    const auto found = query::find_claims(db, filter);
    REQUIRE(found.size() == 1);
    CHECK(found[0].claim.value == 6000);
    CHECK(found[0].article.conflict == "Israel-Gaza");

    // The series reads (query --latest, --series, --as-of) filter the same way.
    const auto latest = query::latest_per_series(db, filter, day("2023-10-31"));
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].claim.value == 6000);
    const auto history = query::series_history(db, filter);
    REQUIRE(history.size() == 1);
    CHECK(history[0].claim.value == 6000);

    filter.conflict = "";
    const auto none = query::find_claims(db, filter);
    REQUIRE(none.size() == 1);
    CHECK(none[0].claim.value == 100);
}
