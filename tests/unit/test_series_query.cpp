// Unit tests of tracker/query/series_query: latest_per_series must give the
// same answers as claim_query's latest_as_of (on random data, with every
// filter, with article revisions); series_history one claim per date with
// the same rule; and the statements must be served by indexes.

#include "tracker/embedded/resources.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/query/series_query.hpp"
#include "tracker/store/claim_store.hpp"
#include "tracker/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace tracker;

namespace {

model::Date day(std::string_view text) {
    auto parsed = model::parse_iso_date(text);
    REQUIRE(parsed);
    return *parsed;
}

std::vector<std::int64_t> ids(const std::vector<model::ClaimRecord>& records) {
    std::vector<std::int64_t> out;
    for (const auto& record : records)
        out.push_back(record.id);
    return out;
}

const std::vector<std::string> k_claimants{"Gaza Health Ministry", "Israel Defense Forces", "Hamas",
                                           "UNRWA"};
const std::vector<std::string> k_populations{"", "children", "women"};
const std::vector<std::string> k_outlets{"Example Wire", "Daily Example", "Example Times"};

// Random articles over 40 days, with many ties on as_of and on publication,
// and some revisions (same URL, new content).
void fill_random(store::Database& db, unsigned seed) {
    store::ClaimStore store(db);
    store.add_claimant_aliases("Israel Defense Forces", {"IDF", "Israeli military"});
    std::mt19937 random(seed);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const model::Date start = day("2023-10-07");
    for (int a = 0; a < 60; ++a) {
        model::Article article;
        article.path = "a" + std::to_string(a) + ".txt";
        article.outlet = k_outlets[pick(k_outlets.size())];
        article.url = "https://example.org/" + std::to_string(a % 45); // a quarter are revisions
        article.published = start + date::days{static_cast<int>(pick(40))};
        std::vector<model::Claim> claims;
        const std::size_t n = 1 + pick(6);
        for (std::size_t c = 0; c < n; ++c) {
            model::Claim claim;
            claim.metric = pick(3) == 0 ? model::Metric::hostages_held : model::Metric::killed;
            claim.value = static_cast<std::int64_t>(100 + pick(20)); // many equal values
            claim.qualifier = pick(4) == 0 ? model::Qualifier::at_least : model::Qualifier::exact;
            model::set_bounds(claim);
            claim.claimant = k_claimants[pick(k_claimants.size())];
            claim.population = k_populations[pick(k_populations.size())];
            claim.as_of = *article.published - date::days{static_cast<int>(pick(4))};
            claims.push_back(claim);
        }
        store.add_article(article, "hash" + std::to_string(a), claims);
    }
}

std::vector<query::ClaimFilter> filters() {
    std::vector<query::ClaimFilter> out;
    query::ClaimFilter killed;
    killed.metric = model::Metric::killed;
    out.push_back(killed);
    query::ClaimFilter held;
    held.metric = model::Metric::hostages_held;
    out.push_back(held);
    out.push_back(query::ClaimFilter{}); // every metric
    query::ClaimFilter alias = killed;
    alias.claimant = "idf";
    out.push_back(alias);
    query::ClaimFilter population = killed;
    population.population = "Children";
    out.push_back(population);
    query::ClaimFilter none = killed;
    none.population = "";
    out.push_back(none);
    query::ClaimFilter outlet = killed;
    outlet.outlet = "example wire";
    out.push_back(outlet);
    query::ClaimFilter period = killed;
    period.from = day("2023-10-15");
    period.to = day("2023-10-30");
    out.push_back(period);
    query::ClaimFilter unknown = killed;
    unknown.claimant = "nobody";
    out.push_back(unknown);
    return out;
}

} // namespace

TEST_CASE("latest_per_series answers as latest_as_of does", "[query][series]") {
    for (unsigned seed : {1u, 2u, 3u}) {
        store::Database db(":memory:");
        fill_random(db, seed);
        for (const query::ClaimFilter& filter : filters()) {
            for (const char* as_of : {"2023-10-01", "2023-10-10", "2023-10-20", "2023-11-15"}) {
                INFO("seed " << seed << " day " << as_of);
                CHECK(ids(query::latest_per_series(db, filter, day(as_of))) ==
                      ids(query::latest_as_of(db, filter, day(as_of))));
            }
            // No day: as of the end of time.
            CHECK(ids(query::latest_per_series(db, filter)) ==
                  ids(query::latest_as_of(db, filter, day("9999-12-31"))));
        }
    }
}

TEST_CASE("series_history: one claim per series and date, the as-of answer", "[query][series]") {
    store::Database db(":memory:");
    fill_random(db, 7);
    query::ClaimFilter killed;
    killed.metric = model::Metric::killed;
    const auto history = query::series_history(db, killed);
    REQUIRE_FALSE(history.empty());

    // Every claim of the period is in some series and date of the history.
    std::map<std::tuple<std::string, std::string>, std::vector<model::Date>> dates;
    for (const auto& record : history)
        dates[{record.claim.claimant, record.claim.population}].push_back(record.claim.as_of);
    for (const auto& [series, days] : dates) {
        CHECK(std::is_sorted(days.begin(), days.end()));
        CHECK(std::adjacent_find(days.begin(), days.end()) == days.end());
    }
    // Ordered by claimant, then population, then date.
    for (std::size_t i = 1; i < history.size(); ++i) {
        const auto key = [](const model::ClaimRecord& r) {
            return std::make_tuple(r.claim.claimant, r.claim.population, r.claim.as_of);
        };
        CHECK(key(history[i - 1]) < key(history[i]));
    }
    // Each (series, date) holds the claim latest_as_of gives on that date.
    for (const auto& record : history) {
        query::ClaimFilter one = killed;
        one.claimant = record.claim.claimant;
        one.population = record.claim.population;
        const auto answer = query::latest_as_of(db, one, record.claim.as_of);
        REQUIRE(answer.size() == 1);
        CHECK(answer[0].id == record.id);
    }
    // The number of (series, date) pairs matches the claims read directly.
    std::set<std::tuple<std::string, std::string, model::Date>> pairs;
    for (const auto& record : query::find_claims(db, killed))
        pairs.insert({record.claim.claimant, record.claim.population, record.claim.as_of});
    CHECK(pairs.size() == history.size());

    query::ClaimFilter hamas = killed;
    hamas.claimant = "hamas";
    for (const auto& record : query::series_history(db, hamas))
        CHECK(record.claim.claimant == "Hamas");
}

TEST_CASE("series queries read only each article's latest revision", "[query][series]") {
    store::Database db(":memory:");
    store::ClaimStore store(db);
    model::Article first;
    first.url = "https://example.org/live";
    first.outlet = "Example Wire";
    first.published = day("2023-10-20");
    model::Claim claim;
    claim.metric = model::Metric::killed;
    claim.value = 4000;
    model::set_bounds(claim);
    claim.claimant = "Gaza Health Ministry";
    claim.as_of = day("2023-10-20");
    store.add_article(first, "v1", {claim});
    model::Article second = first;
    second.published = day("2023-10-21");
    claim.value = 4100;
    claim.as_of = day("2023-10-19"); // the new revision dates its figure earlier
    store.add_article(second, "v2", {claim});

    query::ClaimFilter filter;
    filter.metric = model::Metric::killed;
    const auto latest = query::latest_per_series(db, filter);
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].claim.value == 4100);
    const auto history = query::series_history(db, filter);
    REQUIRE(history.size() == 1);
    CHECK(history[0].claim.value == 4100);
}

TEST_CASE("series statements are served by indexes", "[query][series]") {
    store::Database db(":memory:");
    fill_random(db, 11);
    query::ClaimFilter filter;
    filter.metric = model::Metric::killed;
    filter.claimant = "IDF";
    const auto plan = query::explain_series_queries(db, filter);
    REQUIRE_FALSE(plan.empty());
    bool latest_uses_series_index = false;
    bool history_uses_series_index = false;
    for (const std::string& line : plan) {
        INFO(line);
        // No statement scans the claims table.
        CHECK(line.find("SCAN c ") == std::string::npos);
        CHECK(line.find("SCAN claims") == std::string::npos);
        // The series statements read the index alone, in its order: no
        // visit to the claims table, no sort.
        if (line.rfind("latest as of: SEARCH c USING COVERING INDEX claims_series", 0) == 0)
            latest_uses_series_index = true;
        if (line.rfind("history: SEARCH c USING COVERING INDEX claims_series", 0) == 0)
            history_uses_series_index = true;
        if (line.rfind("latest", 0) == 0 || line.rfind("history", 0) == 0) {
            CHECK(line.find("TEMP B-TREE") == std::string::npos);
            CHECK(line.find("SEARCH a ") == std::string::npos);
        }
        if (line.rfind("first population:", 0) == 0 || line.rfind("next population:", 0) == 0)
            CHECK(line.find("USING COVERING INDEX claims_series") != std::string::npos);
    }
    CHECK(latest_uses_series_index);
    CHECK(history_uses_series_index);
}

TEST_CASE("schema 0004 copies each claim's publication date", "[query][series]") {
    SECTION("claims stored after the migration") {
        store::Database db(":memory:");
        fill_random(db, 5);
        SQLite::Statement mismatched(
            db.handle(), "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
                         "WHERE c.published IS NOT a.published");
        REQUIRE(mismatched.executeStep());
        CHECK(mismatched.getColumn(0).getInt() == 0);
    }
    SECTION("claims stored before it, in a database made by the first three migrations") {
        const auto path = std::filesystem::temp_directory_path() /
                          ("tracker_series_migration_" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(path);
        {
            SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            old.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
                     "NULL, applied_at TEXT NOT NULL)");
            int version = 0;
            for (const auto& resource : embedded::with_prefix("schema/")) {
                if (++version > 3) break;
                old.exec(std::string(resource.content));
                old.exec("INSERT INTO schema_migrations VALUES (" + std::to_string(version) +
                         ", 'old', '2024-01-01T00:00:00Z')");
            }
            old.exec("INSERT INTO claimants (id, name) VALUES (1, 'Ministry')");
            old.exec("INSERT INTO articles (id, content_hash, published, imported_at) VALUES "
                     "(1, 'h1', '2023-10-20', 'x'), (2, 'h2', '2023-10-22', 'x')");
            old.exec("INSERT INTO claims (article_id, metric, value, qualifier, low, high, "
                     "claimant_id, as_of) VALUES (1, 'killed', 10, 'exact', 10, 10, 1, "
                     "'2023-10-20'), (2, 'killed', 9, 'exact', 9, 9, 1, '2023-10-20')");
        }
        {
            store::Database db(path.string());
            CHECK(db.schema_version() >= 4);
            SQLite::Statement published(
                db.handle(), "SELECT group_concat(published, ' ') FROM claims ORDER BY id");
            REQUIRE(published.executeStep());
            CHECK(published.getColumn(0).getString() == "2023-10-20 2023-10-22");
            // The later-published article's figure is the one the series says.
            query::ClaimFilter killed;
            killed.metric = model::Metric::killed;
            const auto latest = query::latest_per_series(db, killed);
            REQUIRE(latest.size() == 1);
            CHECK(latest[0].claim.value == 9);
        }
        std::filesystem::remove(path);
        std::filesystem::remove(path.string() + "-wal");
        std::filesystem::remove(path.string() + "-shm");
    }
}
