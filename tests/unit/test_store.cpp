#include "tracker/embedded/resources.hpp"
#include "tracker/store/claim_store.hpp"
#include "tracker/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>

using namespace tracker;
using store::ClaimStore;
using store::Database;
using store::StoreError;

namespace {

namespace fs = std::filesystem;

// A database path in the temporary directory, removed with its WAL files.
class TempPath {
  public:
    TempPath() {
        static std::atomic<int> counter{0};
        std::random_device random;
        m_path = fs::temp_directory_path() /
                 ("tracker_test_store_" + std::to_string(::getpid()) + "_" +
                  std::to_string(counter++) + "_" + std::to_string(random()) + ".db");
    }
    ~TempPath() {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(m_path.string() + suffix, ignored);
    }
    TempPath(const TempPath&) = delete;
    TempPath& operator=(const TempPath&) = delete;

    std::string str() const { return m_path.string(); }

  private:
    fs::path m_path;
};

model::Date day(std::string_view text) {
    auto parsed = model::parse_iso_date(text);
    REQUIRE(parsed);
    return *parsed;
}

model::Article article(std::string path, std::string published = "2023-10-21") {
    model::Article result;
    result.path = std::move(path);
    // One URL per article: articles sharing a URL are revisions of one article.
    result.url = "https://example.org/" + result.path;
    result.title = "Title";
    result.outlet = "Example Wire";
    result.published = day(published);
    result.body = "body";
    return result;
}

model::Claim claim(model::Metric metric, std::int64_t value, std::string claimant,
                   std::string as_of = "2023-10-21",
                   model::Qualifier qualifier = model::Qualifier::exact,
                   std::optional<std::int64_t> range_high = std::nullopt) {
    model::Claim result;
    result.metric = metric;
    result.value = value;
    result.qualifier = qualifier;
    model::set_bounds(result, range_high);
    result.claimant = std::move(claimant);
    result.as_of = day(as_of);
    result.sentence = "A sentence with " + std::to_string(value) + ".";
    return result;
}

std::int64_t count_rows(Database& db, const std::string& table) {
    SQLite::Statement query(db.handle(), "SELECT count(*) FROM " + table);
    REQUIRE(query.executeStep());
    return query.getColumn(0).getInt64();
}

int highest_embedded_version() {
    int highest = 0;
    for (const auto& resource : embedded::with_prefix("schema/")) {
        std::string_view name = resource.name.substr(7);
        highest = std::max(highest, std::stoi(std::string(name.substr(0, 4))));
    }
    return highest;
}

} // namespace

TEST_CASE("Database applies the embedded migrations and records their versions", "[store]") {
    Database db(":memory:");
    REQUIRE(highest_embedded_version() >= 1);
    CHECK(db.schema_version() == highest_embedded_version());

    SQLite::Statement versions(db.handle(),
                               "SELECT version, name, applied_at FROM schema_migrations "
                               "ORDER BY version");
    REQUIRE(versions.executeStep());
    CHECK(versions.getColumn(0).getInt() == 1);
    CHECK(versions.getColumn(1).getString() == "0001_initial.sql");
    CHECK(versions.getColumn(2).getString().size() == 20); // 2023-10-21T08:15:00Z

    for (const char* table : {"articles", "claims", "claimants", "claimant_aliases"})
        CHECK(db.handle().tableExists(table));

    CHECK(db.handle().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.handle().execAndGet("PRAGMA busy_timeout").getInt() == 5000);
}

TEST_CASE("Reopening a file database does not re-apply migrations", "[store]") {
    TempPath path;
    std::string applied_at;
    {
        Database db(path.str());
        CHECK(db.schema_version() == highest_embedded_version());
        CHECK(db.handle().execAndGet("PRAGMA journal_mode").getString() == "wal");
        ClaimStore store(db);
        store.add_article(article("a.txt"), "hash-a",
                          {claim(model::Metric::killed, 10, "Gaza Health Ministry")});
        applied_at = db.handle().execAndGet("SELECT applied_at FROM schema_migrations").getString();
    }
    Database db(path.str());
    CHECK(db.schema_version() == highest_embedded_version());
    CHECK(count_rows(db, "schema_migrations") == highest_embedded_version());
    CHECK(db.handle().execAndGet("SELECT applied_at FROM schema_migrations").getString() ==
          applied_at);
    // The data survived: the migration did not run (and drop nothing) again.
    CHECK(count_rows(db, "articles") == 1);
    CHECK(count_rows(db, "claims") == 1);
}

TEST_CASE("A database written by a newer tracker is refused", "[store]") {
    TempPath path;
    {
        Database db(path.str());
        db.handle().exec("INSERT INTO schema_migrations (version, name, applied_at) "
                         "VALUES (999, '0999_future.sql', '2030-01-01T00:00:00Z')");
    }
    try {
        Database db(path.str());
        FAIL("opening a future database should throw");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, Catch::Contains("database schema version 999 is newer than this "
                                            "tracker understands"));
        CHECK_THAT(message, Catch::Contains("upgrade tracker"));
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("A file that is not SQLite is refused and left alone", "[store]") {
    // Shorter and longer than the 100-byte header SQLite reads first.
    const std::string text = GENERATE(
        std::string("hello"),
        std::string("Title: not a database\n\nJust an article, with enough text to fill the "
                    "first hundred bytes that SQLite reads as its header.\n"));
    TempPath path;
    {
        std::ofstream out(path.str(), std::ios::binary);
        out << text;
    }
    try {
        Database db(path.str());
        FAIL("opening a text file should throw");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, Catch::Contains(path.str()));
        CHECK_THAT(message, Catch::Contains("not a tracker database"));
        CHECK(message.find('\n') == std::string::npos);
    }
    std::ifstream in(path.str(), std::ios::binary);
    std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(after == text);
}

TEST_CASE("A SQLite database of another program is refused, not migrated", "[store]") {
    TempPath path;
    {
        SQLite::Database other(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
    }
    CHECK_THROWS_AS(Database(path.str()), StoreError);
    SQLite::Database other(path.str(), SQLite::OPEN_READONLY);
    CHECK_FALSE(other.tableExists("schema_migrations"));
    CHECK_FALSE(other.tableExists("claims"));
}

TEST_CASE("add_article stores the article and its claims", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    const auto result = store.add_article(article("a.txt"), "hash-a",
                                          {claim(model::Metric::killed, 1400, "Israeli officials"),
                                           claim(model::Metric::hostages_held, 200, "Hamas",
                                                 "2023-10-20", model::Qualifier::approx)});
    CHECK(result.outcome == store::WriteOutcome::imported);
    CHECK(result.article_id > 0);
    CHECK(result.claims_stored == 2);
    CHECK(count_rows(db, "articles") == 1);
    CHECK(count_rows(db, "claims") == 2);
    CHECK(count_rows(db, "claimants") == 2);

    const auto second = store.add_article(article("b.txt"), "hash-b", {});
    CHECK(second.outcome == store::WriteOutcome::imported);
    CHECK(second.article_id != result.article_id);
    CHECK(second.claims_stored == 0);
    CHECK(count_rows(db, "articles") == 2);
}

TEST_CASE("add_articles commits a group of articles and the files they complete together",
          "[store][batch]") {
    Database db(":memory:");
    ClaimStore store(db);
    const model::Article a = article("a.txt"), b = article("b.txt"), copy = article("copy.txt");
    const std::vector<model::Claim> a_claims{
        claim(model::Metric::killed, 7028, "Gaza Health Ministry")};
    const std::vector<model::Claim> b_claims{claim(model::Metric::hostages_held, 242, "IDF"),
                                             claim(model::Metric::injured, 5000, "IDF")};
    const std::vector<model::Claim> none;
    // The third has the first's content: within one group it is found too.
    const auto results = store.add_articles(
        {{&a, "hash-a", &a_claims}, {&b, "hash-b", &b_claims}, {&copy, "hash-a", &none}},
        {{"key-1", "a.txt", 1}, {"key-2", "b.txt", 2}});
    REQUIRE(results.size() == 3);
    CHECK(results[0].outcome == store::WriteOutcome::imported);
    CHECK(results[0].claims_stored == 1);
    CHECK(results[1].outcome == store::WriteOutcome::imported);
    CHECK(results[1].claims_stored == 2);
    CHECK(results[2].outcome == store::WriteOutcome::already_present);
    CHECK(results[2].article_id == results[0].article_id);
    CHECK(count_rows(db, "articles") == 2);
    CHECK(count_rows(db, "claims") == 3);
    CHECK(store.imported_file("key-1") == std::optional<std::int64_t>(1));
    CHECK(store.imported_file("key-2") == std::optional<std::int64_t>(2));
}

TEST_CASE("A failure anywhere in a group stores none of it, and forgets its new claimants",
          "[store][batch]") {
    Database db(":memory:");
    ClaimStore store(db);
    // Stands for any failure in the middle of a write (a full disk, say).
    db.handle().exec("CREATE TRIGGER fail_on_666 BEFORE INSERT ON claims WHEN NEW.value = 666 "
                     "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
    const model::Article a = article("a.txt"), b = article("b.txt");
    const std::vector<model::Claim> good{claim(model::Metric::killed, 10, "New Body")};
    const std::vector<model::Claim> bad{claim(model::Metric::killed, 666, "Other Body")};
    CHECK_THROWS_AS(
        store.add_articles({{&a, "hash-a", &good}, {&b, "hash-b", &bad}}, {{"key-a", "a.txt", 1}}),
        StoreError);
    CHECK(count_rows(db, "articles") == 0);
    CHECK(count_rows(db, "claims") == 0);
    CHECK(count_rows(db, "claimants") == 0);
    CHECK_FALSE(store.imported_file("key-a"));

    // The claimant made by the failed group is not taken for stored.
    store.add_article(a, "hash-a", good);
    SQLite::Statement names(db.handle(), "SELECT k.name FROM claims c JOIN claimants k "
                                         "ON k.id = c.claimant_id");
    REQUIRE(names.executeStep());
    CHECK(names.getColumn(0).getString() == "New Body");
}

TEST_CASE("A stored claim carries its article's publication date for the series index", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    store.add_article(article("a.txt", "2023-11-02"), "hash-a",
                      {claim(model::Metric::killed, 9061, "Gaza Health Ministry", "2023-11-01")});
    SQLite::Statement published(db.handle(), "SELECT published FROM claims");
    REQUIRE(published.executeStep());
    CHECK(published.getColumn(0).getString() == "2023-11-02");
}

TEST_CASE("The same content hash twice is a no-op", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    const auto first = store.add_article(
        article("a.txt"), "same-hash", {claim(model::Metric::killed, 10, "Gaza Health Ministry")});
    REQUIRE(first.outcome == store::WriteOutcome::imported);

    // A different path and different claims, but the same content: nothing new.
    const auto again = store.add_article(article("copy-of-a.txt"), "same-hash",
                                         {claim(model::Metric::injured, 20, "Someone Else"),
                                          claim(model::Metric::missing, 30, "Someone Else")});
    CHECK(again.outcome == store::WriteOutcome::already_present);
    CHECK(again.article_id == first.article_id);
    CHECK(again.claims_stored == 0);
    CHECK(count_rows(db, "articles") == 1);
    CHECK(count_rows(db, "claims") == 1);
    CHECK(count_rows(db, "claimants") == 1);
    CHECK(store.articles().at(0).info.path == "a.txt");
}

TEST_CASE("Claimants are stored once per canonical name", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    store.add_article(article("a.txt"), "hash-a",
                      {claim(model::Metric::killed, 10, "Gaza Health Ministry"),
                       claim(model::Metric::injured, 20, "Gaza Health Ministry")});
    store.add_article(article("b.txt"), "hash-b",
                      {claim(model::Metric::killed, 12, "Gaza Health Ministry"),
                       claim(model::Metric::killed, 1400, "IDF")});
    CHECK(count_rows(db, "claimants") == 2);
    CHECK(db.handle().execAndGet("SELECT count(DISTINCT claimant_id) FROM claims").getInt() == 2);
    const auto claims = store.all_claims();
    REQUIRE(claims.size() == 4);
    CHECK(claims[0].claim.claimant == "Gaza Health Ministry");
    CHECK(claims[3].claim.claimant == "IDF");
}

TEST_CASE("Quotes and SQL in text are stored verbatim", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    const std::string evil = "'); DROP TABLE claims;--";
    model::Article a = article("it's \"quoted\".txt");
    a.title = evil;
    a.outlet = "O'Reilly \"Wire\"";
    a.url = "https://example.org/?q=1' OR '1'='1";
    model::Claim c = claim(model::Metric::killed, 5, evil);
    c.sentence = "He said: \"it's 5\"; DROP TABLE articles; --";
    c.population = "x'; DELETE FROM claims; --";
    c.rule = "rule'\"";
    store.add_article(a, evil, {c});

    CHECK(db.handle().tableExists("claims"));
    CHECK(db.handle().tableExists("articles"));
    const auto claims = store.all_claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].claim.claimant == evil);
    CHECK(claims[0].claim.sentence == c.sentence);
    CHECK(claims[0].claim.population == c.population);
    CHECK(claims[0].claim.rule == c.rule);
    CHECK(claims[0].article.title == evil);
    CHECK(claims[0].article.outlet == a.outlet);
    CHECK(claims[0].article.url == a.url);
    CHECK(claims[0].article.path == a.path);
    const auto articles = store.articles();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].content_hash == evil);

    // The hash lookup is bound too: the same evil hash is found, not injected.
    CHECK(store.add_article(a, evil, {c}).outcome == store::WriteOutcome::already_present);
    CHECK(count_rows(db, "claims") == 1);
}

TEST_CASE("all_claims round-trips every field", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);

    model::Article a = article("corpus/a.txt", "2023-11-02");
    a.url = "https://example.org/2023/11/02/gaza";
    a.title = "Gaza toll";
    a.outlet = "Example Wire";

    model::Claim exact = claim(model::Metric::killed, 9061, "Gaza Health Ministry", "2023-11-01");
    exact.population = "palestinians";
    exact.sentence = "At least 9,061 Palestinians have been killed, the ministry said.";
    exact.span_start = 120;
    exact.span_end = 125;
    exact.rule = "number:digits metric:killed";
    model::Claim at_least =
        claim(model::Metric::hostages_held, 240, "IDF", "2023-10-31", model::Qualifier::at_least);
    at_least.span_start = 300;
    at_least.span_end = 303;
    model::Claim at_most =
        claim(model::Metric::displaced, 1400000, "UNRWA", "2023-11-02", model::Qualifier::at_most);
    at_most.span_start = 10; // earlier in the body: read back first
    at_most.span_end = 21;
    model::Claim range = claim(model::Metric::hostages_taken, 200, "Hamas", "2023-10-28",
                               model::Qualifier::range, 250);
    range.span_start = 500;
    range.span_end = 510;

    REQUIRE_FALSE(at_least.high);
    REQUIRE_FALSE(at_most.low);
    const auto written = store.add_article(a, "hash", {exact, at_least, at_most, range});

    const auto records = store.all_claims();
    REQUIRE(records.size() == 4);
    // Ordered by position in the article.
    CHECK(records[0].claim.metric == model::Metric::displaced);
    CHECK(records[1].claim.metric == model::Metric::killed);
    CHECK(records[2].claim.metric == model::Metric::hostages_held);
    CHECK(records[3].claim.metric == model::Metric::hostages_taken);

    const model::Claim& got = records[1].claim;
    CHECK(got.value == 9061);
    CHECK(got.qualifier == model::Qualifier::exact);
    CHECK(got.low == std::optional<std::int64_t>(9061));
    CHECK(got.high == std::optional<std::int64_t>(9061));
    CHECK(got.population == "palestinians");
    CHECK(got.claimant == "Gaza Health Ministry");
    CHECK(model::format_date(got.as_of) == "2023-11-01");
    CHECK(got.sentence == exact.sentence);
    CHECK(got.span_start == 120);
    CHECK(got.span_end == 125);
    CHECK(got.rule == exact.rule);

    CHECK(records[2].claim.qualifier == model::Qualifier::at_least);
    CHECK(records[2].claim.low == std::optional<std::int64_t>(240));
    CHECK_FALSE(records[2].claim.high);
    CHECK(records[2].claim.population.empty());
    CHECK(records[0].claim.qualifier == model::Qualifier::at_most);
    CHECK_FALSE(records[0].claim.low);
    CHECK(records[0].claim.high == std::optional<std::int64_t>(1400000));
    CHECK(records[3].claim.qualifier == model::Qualifier::range);
    CHECK(records[3].claim.low == std::optional<std::int64_t>(200));
    CHECK(records[3].claim.high == std::optional<std::int64_t>(250));
    CHECK(model::format_date(records[3].claim.as_of) == "2023-10-28");

    for (const auto& record : records) {
        CHECK(record.id > 0);
        CHECK(record.article.id == written.article_id);
        CHECK(record.article.path == "corpus/a.txt");
        CHECK(record.article.url == a.url);
        CHECK(record.article.title == "Gaza toll");
        CHECK(record.article.outlet == "Example Wire");
        CHECK(model::format_date(record.article.published) == "2023-11-02");
    }
    // Null bounds are stored as NULL, not as 0.
    CHECK(db.handle().execAndGet("SELECT count(*) FROM claims WHERE high IS NULL").getInt() == 1);
    CHECK(db.handle().execAndGet("SELECT count(*) FROM claims WHERE low IS NULL").getInt() == 1);
}

TEST_CASE("all_claims orders by article, then position", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    auto late = claim(model::Metric::killed, 2, "B");
    late.span_start = 50;
    auto early = claim(model::Metric::killed, 1, "A");
    early.span_start = 5;
    store.add_article(article("first.txt"), "h1", {late, early});
    auto other = claim(model::Metric::killed, 3, "C");
    other.span_start = 0;
    store.add_article(article("second.txt"), "h2", {other});
    const auto records = store.all_claims();
    REQUIRE(records.size() == 3);
    CHECK(records[0].claim.value == 1);
    CHECK(records[1].claim.value == 2);
    CHECK(records[2].claim.value == 3);
}

TEST_CASE("articles() lists articles in import order with claim counts", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    model::Article first = article("b.txt", "2023-10-25");
    first.outlet = "Wire B";
    store.add_article(first, "hash-b",
                      {claim(model::Metric::killed, 1, "X"), claim(model::Metric::injured, 2, "X"),
                       claim(model::Metric::missing, 3, "Y")});
    store.add_article(article("a.txt", "2023-10-20"), "hash-a", {});
    store.add_article(article("c.txt"), "hash-c", {claim(model::Metric::killed, 4, "X")});

    const auto summaries = store.articles();
    REQUIRE(summaries.size() == 3);
    CHECK(summaries[0].info.path == "b.txt");
    CHECK(summaries[0].info.outlet == "Wire B");
    CHECK(model::format_date(summaries[0].info.published) == "2023-10-25");
    CHECK(summaries[0].content_hash == "hash-b");
    CHECK(summaries[0].claim_count == 3);
    CHECK(summaries[1].info.path == "a.txt");
    CHECK(summaries[1].claim_count == 0);
    CHECK(summaries[2].claim_count == 1);
    CHECK(summaries[0].info.id < summaries[1].info.id);
    CHECK(summaries[1].info.id < summaries[2].info.id);

    const std::string& imported = summaries[0].imported_at;
    REQUIRE(imported.size() == 20);
    CHECK(model::parse_iso_date(imported));
    CHECK(imported[10] == 'T');
    CHECK(imported.back() == 'Z');
}

TEST_CASE("An article without a publication date is refused, nothing written", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    model::Article undated = article("undated.txt");
    undated.published.reset();
    CHECK_THROWS_AS(store.add_article(undated, "hash", {claim(model::Metric::killed, 1, "X")}),
                    StoreError);
    CHECK_THROWS_AS(store.add_article(article("a.txt"), "", {}), StoreError);
    CHECK(count_rows(db, "articles") == 0);
    CHECK(count_rows(db, "claims") == 0);
    CHECK(count_rows(db, "claimants") == 0);
}

TEST_CASE("Claims are deleted with their article (foreign keys are on)", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    const auto result = store.add_article(
        article("a.txt"), "hash",
        {claim(model::Metric::killed, 1, "X"), claim(model::Metric::killed, 2, "X")});
    SQLite::Statement remove(db.handle(), "DELETE FROM articles WHERE id = ?");
    remove.bind(1, result.article_id);
    remove.exec();
    CHECK(count_rows(db, "claims") == 0);
    // And a claim cannot point at a missing article.
    CHECK_THROWS_AS(db.handle().exec("INSERT INTO claims (article_id, metric, value, qualifier, "
                                     "claimant_id, as_of) VALUES (999, 'killed', 1, 'exact', 1, "
                                     "'2023-10-21')"),
                    SQLite::Exception);
}

TEST_CASE("The schema rejects unknown metrics and qualifiers", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    store.add_article(article("a.txt"), "hash", {claim(model::Metric::killed, 1, "X")});
    CHECK_THROWS_AS(db.handle().exec("UPDATE claims SET metric = 'trucks'"), SQLite::Exception);
    CHECK_THROWS_AS(db.handle().exec("UPDATE claims SET qualifier = 'dozens'"), SQLite::Exception);
    CHECK_THROWS_AS(db.handle().exec("UPDATE claims SET as_of = 'Friday'"), SQLite::Exception);
}

TEST_CASE("Claimant aliases are an idempotent, case-insensitive upsert", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    store.add_claimant_aliases("Gaza Health Ministry", {"Ministry of Health in Gaza", "MoH", ""});
    CHECK(count_rows(db, "claimants") == 1);
    CHECK(count_rows(db, "claimant_aliases") == 2);

    store.add_claimant_aliases("Gaza Health Ministry",
                               {"MOH", "moh", "Ministry of Health in Gaza"});
    CHECK(count_rows(db, "claimants") == 1);
    CHECK(count_rows(db, "claimant_aliases") == 2);

    // A claim under the canonical name reuses the same claimants row.
    store.add_article(article("a.txt"), "hash",
                      {claim(model::Metric::killed, 1, "Gaza Health Ministry")});
    CHECK(count_rows(db, "claimants") == 1);

    // Registering an alias for another claimant moves it there.
    store.add_claimant_aliases("Hamas", {"moh"});
    CHECK(count_rows(db, "claimants") == 2);
    CHECK(count_rows(db, "claimant_aliases") == 2);
    CHECK(db.handle()
              .execAndGet("SELECT k.name FROM claimant_aliases a JOIN claimants k "
                          "ON k.id = a.claimant_id WHERE a.alias = 'MoH'")
              .getString() == "Hamas");
}

// ------------------------------------------------------------- revisions --

namespace {

model::Article revision(std::string path, std::string url, std::string published,
                        std::string body) {
    model::Article result = article(std::move(path), std::move(published));
    result.url = std::move(url);
    result.body = std::move(body);
    return result;
}

std::vector<std::int64_t> claim_values(const std::vector<model::ClaimRecord>& records) {
    std::vector<std::int64_t> values;
    for (const auto& record : records)
        values.push_back(record.claim.value);
    return values;
}

} // namespace

TEST_CASE("Changed content at a known URL is stored as a new revision", "[store][revisions]") {
    Database db(":memory:");
    ClaimStore store(db);
    const std::string url = "https://example.org/live/gaza";
    const auto first = store.add_article(revision("v1.html", url, "2023-10-21", "first"), "h1",
                                         {claim(model::Metric::killed, 100, "X")});
    REQUIRE(first.outcome == store::WriteOutcome::imported);
    CHECK_FALSE(first.revision_of);

    const auto second = store.add_article(
        revision("v2.html", url, "2023-10-21", "second"), "h2",
        {claim(model::Metric::killed, 120, "X"), claim(model::Metric::injured, 300, "X")});
    CHECK(second.outcome == store::WriteOutcome::imported);
    CHECK(second.revision_of == std::optional<std::int64_t>(first.article_id));
    CHECK(second.claims_stored == 2);

    // Both revisions are stored; reads see the latest one only.
    CHECK(count_rows(db, "articles") == 2);
    CHECK(count_rows(db, "claims") == 3);
    CHECK(claim_values(store.all_claims()) == std::vector<std::int64_t>{120, 300});
    CHECK(claim_values(store.all_claims(store::Revisions::all)) ==
          std::vector<std::int64_t>{100, 120, 300});
    const auto summaries = store.articles();
    REQUIRE(summaries.size() == 2);
    CHECK(summaries[0].superseded_by == std::optional<std::int64_t>(second.article_id));
    CHECK_FALSE(summaries[1].superseded_by);

    // The first revision's content again is already present, and stays old.
    const auto again = store.add_article(revision("v1-copy.html", url, "2023-10-21", "first"), "h1",
                                         {claim(model::Metric::killed, 100, "X")});
    CHECK(again.outcome == store::WriteOutcome::already_present);
    CHECK(again.article_id == first.article_id);
    CHECK(claim_values(store.all_claims()) == std::vector<std::int64_t>{120, 300});

    // A third revision supersedes the second; the chain runs 1 -> 2 -> 3.
    const auto third = store.add_article(revision("v3.html", url, "2023-10-22", "third"), "h3",
                                         {claim(model::Metric::killed, 150, "X")});
    CHECK(third.revision_of == std::optional<std::int64_t>(second.article_id));
    CHECK(claim_values(store.all_claims()) == std::vector<std::int64_t>{150});
    const auto chained = store.articles();
    REQUIRE(chained.size() == 3);
    CHECK(chained[0].superseded_by == std::optional<std::int64_t>(second.article_id));
    CHECK(chained[1].superseded_by == std::optional<std::int64_t>(third.article_id));
    CHECK_FALSE(chained[2].superseded_by);
    CHECK(db.handle().execAndGet("SELECT count(*) FROM current_articles").getInt() == 1);
}

TEST_CASE("A revision published earlier than the latest stays behind it", "[store][revisions]") {
    Database db(":memory:");
    ClaimStore store(db);
    const std::string url = "https://example.org/story";
    const auto newer = store.add_article(revision("new.html", url, "2023-10-25", "updated"), "new",
                                         {claim(model::Metric::killed, 6000, "X")});
    // Imported later, but an older version of the page: not the latest.
    const auto older = store.add_article(revision("old.html", url, "2023-10-20", "original"), "old",
                                         {claim(model::Metric::killed, 3000, "X")});
    CHECK(older.outcome == store::WriteOutcome::imported);
    CHECK(older.revision_of == std::optional<std::int64_t>(newer.article_id));
    CHECK(claim_values(store.all_claims()) == std::vector<std::int64_t>{6000});
    const auto summaries = store.articles();
    REQUIRE(summaries.size() == 2);
    CHECK_FALSE(summaries[0].superseded_by);
    CHECK(summaries[1].superseded_by == std::optional<std::int64_t>(newer.article_id));
}

TEST_CASE("Articles without a URL, or with different URLs, are never revisions",
          "[store][revisions]") {
    Database db(":memory:");
    ClaimStore store(db);
    const auto a = store.add_article(revision("a.txt", "", "2023-10-21", "a"), "ha",
                                     {claim(model::Metric::killed, 1, "X")});
    const auto b = store.add_article(revision("b.txt", "", "2023-10-21", "b"), "hb",
                                     {claim(model::Metric::killed, 2, "X")});
    const auto c = store.add_article(revision("c.txt", "https://example.org/c", "2023-10-21", "c"),
                                     "hc", {claim(model::Metric::killed, 3, "X")});
    const auto d = store.add_article(revision("d.txt", "https://example.org/C", "2023-10-21", "d"),
                                     "hd", {claim(model::Metric::killed, 4, "X")});
    for (const auto& result : {a, b, c, d})
        CHECK_FALSE(result.revision_of);
    CHECK(claim_values(store.all_claims()) == std::vector<std::int64_t>{1, 2, 3, 4});
    for (const auto& summary : store.articles())
        CHECK_FALSE(summary.superseded_by);
}

TEST_CASE("has_article finds stored content hashes", "[store]") {
    Database db(":memory:");
    ClaimStore store(db);
    CHECK_FALSE(store.has_article("h1"));
    store.add_article(article("a.txt"), "h1", {});
    CHECK(store.has_article("h1"));
    CHECK_FALSE(store.has_article("h2"));
    CHECK_FALSE(store.has_article("'; DROP TABLE articles; --"));
}

TEST_CASE("Migration 0002 chains revisions already stored under one URL", "[store][revisions]") {
    TempPath path;
    {
        // A database as tracker made it before revisions existed: 0001 only.
        SQLite::Database old(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        old.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)");
        const auto initial = embedded::find("schema/0001_initial.sql");
        REQUIRE(initial);
        old.exec(std::string(*initial));
        old.exec("INSERT INTO schema_migrations VALUES (1, '0001_initial.sql', "
                 "'2023-10-01T00:00:00Z')");
        old.exec("INSERT INTO articles (id, content_hash, url, published, imported_at) VALUES "
                 "(1, 'a', 'https://x/1', '2023-10-21', 't'),"
                 "(2, 'b', '', '2023-10-21', 't'),"
                 "(3, 'c', 'https://x/1', '2023-10-22', 't'),"
                 "(4, 'd', '', '2023-10-21', 't'),"
                 "(5, 'e', 'https://x/1', '2023-10-20', 't'),"
                 "(6, 'f', 'https://x/2', '2023-10-20', 't')");
    }
    Database db(path.str());
    CHECK(db.schema_version() == highest_embedded_version());
    ClaimStore store(db);
    std::vector<std::string> chain;
    for (const auto& summary : store.articles())
        chain.push_back(std::to_string(summary.info.id) + "->" +
                        (summary.superseded_by ? std::to_string(*summary.superseded_by) : "-"));
    // https://x/1 in (published, id) order: 5, 1, 3.
    CHECK(chain == std::vector<std::string>{"1->3", "2->-", "3->-", "4->-", "5->1", "6->-"});
}

TEST_CASE("A write waits and retries while another connection holds the database",
          "[store][busy]") {
    TempPath path;
    Database writer(path.str());
    ClaimStore store(writer);
    // No busy timeout on this connection: every wait is a retry of the store.
    writer.handle().exec("PRAGMA busy_timeout = 0");

    Database other(path.str());
    other.handle().exec("BEGIN IMMEDIATE");
    std::atomic<bool> released{false};
    std::thread holder([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        released = true;
        other.handle().exec("COMMIT");
    });
    const auto result =
        store.add_article(article("a.txt"), "hash", {claim(model::Metric::killed, 1, "X")});
    holder.join();
    CHECK(released);
    CHECK(result.outcome == store::WriteOutcome::imported);
    CHECK(count_rows(writer, "claims") == 1);
}

TEST_CASE("retry_while_busy gives up on other errors at once", "[store][busy]") {
    int attempts = 0;
    CHECK_THROWS_AS(store::retry_while_busy([&] {
                        ++attempts;
                        throw SQLite::Exception("constraint failed", SQLITE_CONSTRAINT);
                    }),
                    SQLite::Exception);
    CHECK(attempts == 1);
    int busy = 0;
    CHECK(store::retry_while_busy([&] {
              if (++busy < 3) throw SQLite::Exception("database is locked", SQLITE_BUSY);
              return busy;
          }) == 3);
}
