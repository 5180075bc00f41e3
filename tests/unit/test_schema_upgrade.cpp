// Schema upgrades: a database made by the first release (schema version 1,
// tests/fixtures/schema_v1.sql) is migrated in place by the current Database
// class without losing a row, and the store and query code work on it; a
// database from a newer tracker is refused and left byte for byte alone.
#include "tracker/embedded/resources.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/store/claim_store.hpp"
#include "tracker/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace tracker;
using store::ClaimStore;
using store::Database;
using store::StoreError;

namespace {

namespace fs = std::filesystem;

// A database path in the temporary directory, removed with its side files.
class UpgradeTempPath {
  public:
    UpgradeTempPath() {
        static std::atomic<int> counter{0};
        std::random_device random;
        m_path = fs::temp_directory_path() /
                 ("tracker_test_upgrade_" + std::to_string(::getpid()) + "_" +
                  std::to_string(counter++) + "_" + std::to_string(random()) + ".db");
    }
    ~UpgradeTempPath() {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(m_path.string() + suffix, ignored);
    }
    UpgradeTempPath(const UpgradeTempPath&) = delete;
    UpgradeTempPath& operator=(const UpgradeTempPath&) = delete;

    std::string str() const { return m_path.string(); }

  private:
    fs::path m_path;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string fixture_sql() {
    return read_file(std::string(TRACKER_SOURCE_DIR) + "/tests/fixtures/schema_v1.sql");
}

// Builds the version-1 database of the fixture at `path`, in SQLite's
// default (rollback journal) mode, as the first release left it.
void build_v1(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(fixture_sql());
}

int latest_embedded_version() {
    int latest = 0;
    for (const auto& resource : embedded::with_prefix("schema/")) {
        const std::string name(resource.name.substr(7));
        if (name.size() > 4 && name.substr(name.size() - 4) == ".sql")
            latest = std::max(latest, std::stoi(name.substr(0, 4)));
    }
    return latest;
}

// The version-1 columns of each version-1 table, and their key.
struct V1Table {
    const char* name;
    const char* columns;
    const char* key;
};
const V1Table k_v1_tables[] = {
    {"articles", "id, content_hash, path, url, title, outlet, published, imported_at", "id"},
    {"claimants", "id, name", "id"},
    {"claimant_aliases", "alias, claimant_id", "alias"},
    {"claims",
     "id, article_id, metric, value, qualifier, low, high, population, claimant_id, as_of, "
     "sentence, span_start, span_end, rule",
     "id"},
    {"schema_migrations", "version, name, applied_at", "version"},
};

// Every row of a table's version-1 columns as SQL literals (quote(): NULL,
// integers and text stay distinct), in key order.
std::vector<std::string> rows_of(SQLite::Database& db, const V1Table& table) {
    std::string select;
    std::string columns = table.columns;
    std::size_t start = 0;
    while (start <= columns.size()) {
        std::size_t end = columns.find(',', start);
        if (end == std::string::npos) end = columns.size();
        std::string column = columns.substr(start, end - start);
        column.erase(0, column.find_first_not_of(' '));
        if (!select.empty()) select += " || '|' || ";
        select += "quote(" + column + ")";
        start = end + 1;
    }
    SQLite::Statement query(db,
                            "SELECT " + select + " FROM " + table.name + " ORDER BY " + table.key);
    std::vector<std::string> rows;
    while (query.executeStep())
        rows.push_back(query.getColumn(0).getString());
    return rows;
}

std::map<std::string, std::vector<std::string>> snapshot(SQLite::Database& db) {
    std::map<std::string, std::vector<std::string>> tables;
    for (const V1Table& table : k_v1_tables)
        tables[table.name] = rows_of(db, table);
    return tables;
}

std::int64_t count_rows(SQLite::Database& db, const std::string& table) {
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

model::Date day(std::string_view text) {
    auto parsed = model::parse_iso_date(text);
    REQUIRE(parsed);
    return *parsed;
}

std::vector<std::int64_t> ids_of(const std::vector<model::ClaimRecord>& records) {
    std::vector<std::int64_t> ids;
    for (const auto& record : records)
        ids.push_back(record.id);
    return ids;
}

} // namespace

TEST_CASE("The schema fixture is the first migration as released", "[store][schema]") {
    const auto initial = embedded::find("schema/0001_initial.sql");
    REQUIRE(initial);
    CHECK(fixture_sql().find(std::string(*initial)) != std::string::npos);
}

TEST_CASE("A version-1 database is migrated in place and keeps every row", "[store][schema]") {
    UpgradeTempPath path;
    build_v1(path.str());
    std::map<std::string, std::vector<std::string>> before;
    {
        SQLite::Database v1(path.str(), SQLite::OPEN_READONLY);
        REQUIRE(v1.execAndGet("SELECT max(version) FROM schema_migrations").getInt() == 1);
        CHECK_FALSE(v1.tableExists("imported_files"));
        before = snapshot(v1);
    }
    // The fixture holds what it says (so that the comparison below compares
    // something).
    REQUIRE(before["articles"].size() == 5);
    REQUIRE(before["claimants"].size() == 4);
    REQUIRE(before["claimant_aliases"].size() == 4);
    REQUIRE(before["claims"].size() == 9);
    REQUIRE(before["schema_migrations"].size() == 1);

    {
        Database db(path.str());
        CHECK(db.schema_version() == latest_embedded_version());
        CHECK(latest_embedded_version() > 1);
    }

    SQLite::Database after(path.str(), SQLite::OPEN_READONLY);
    CHECK(after.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(after.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    CHECK(after.execAndGet("SELECT max(version) FROM schema_migrations").getInt() ==
          latest_embedded_version());
    // One record per migration, the first one as the first release wrote it.
    CHECK(count_rows(after, "schema_migrations") == latest_embedded_version());
    CHECK(rows_of(after, k_v1_tables[4]).front() == before["schema_migrations"].front());

    // Every original row, every original column, unchanged.
    for (const V1Table& table : k_v1_tables) {
        if (std::string(table.name) == "schema_migrations") continue;
        INFO("table " << table.name);
        CHECK(rows_of(after, table) == before[table.name]);
    }
    // And by value, independently of the snapshot.
    CHECK(count_rows(after, "articles") == 5);
    CHECK(count_rows(after, "claims") == 9);
    SQLite::Statement displaced(after, "SELECT value, qualifier, low, high, population, sentence "
                                       "FROM claims WHERE id = 7");
    REQUIRE(displaced.executeStep());
    CHECK(displaced.getColumn(0).getInt64() == 1400000);
    CHECK(displaced.getColumn(1).getString() == "at_most");
    CHECK(displaced.getColumn(2).isNull());
    CHECK(displaced.getColumn(3).getInt64() == 1400000);
    CHECK(displaced.getColumn(4).getString() == "Gazans");
    CHECK(displaced.getColumn(5).getString() ==
          "Nearly 1.4 million Gazans \xe2\x80\x93 \xe2\x80\x9c"
          "almost two thirds\xe2\x80\x9d \xe2\x80\x93 have been displaced, UNRWA said.");
    CHECK(after.execAndGet("SELECT title FROM articles WHERE id = 5").getString() ==
          "Israel's toll: 1,200");

    // What the later migrations derive from the old rows: the revision
    // chain of the shared URL in (published, id) order 5, 1, 3 (0002), and
    // each claim's copy of its article's publication date (0004).
    std::vector<std::string> chain;
    SQLite::Statement revisions(after, "SELECT id, coalesce(superseded_by, '-') FROM articles "
                                       "ORDER BY id");
    while (revisions.executeStep())
        chain.push_back(revisions.getColumn(0).getString() + "->" +
                        revisions.getColumn(1).getString());
    CHECK(chain == std::vector<std::string>{"1->3", "2->-", "3->-", "4->-", "5->1"});
    CHECK(after
              .execAndGet("SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
                          "WHERE c.published IS NOT a.published")
              .getInt() == 0);
    CHECK(after.execAndGet("SELECT published FROM claims WHERE id = 7").getString() ==
          "2023-10-25");
    CHECK(after.tableExists("imported_files"));
    CHECK(count_rows(after, "imported_files") == 0);
}

TEST_CASE("Store and queries work on an upgraded version-1 database", "[store][schema]") {
    UpgradeTempPath path;
    build_v1(path.str());
    Database db(path.str());

    SECTION("queries read the old claims, latest revisions only") {
        query::ClaimFilter killed;
        killed.metric = model::Metric::killed;
        const auto records = query::find_claims(db, killed);
        // Articles 1 and 5 were replaced by 3 (same URL): claims 1 and 9 are
        // not read.
        CHECK(ids_of(records) == std::vector<std::int64_t>{5, 8});
        REQUIRE(records.size() == 2);
        CHECK(records[0].claim.value == 1300);
        CHECK(records[0].claim.qualifier == model::Qualifier::at_least);
        CHECK(records[0].claim.low == std::optional<std::int64_t>(1300));
        CHECK(records[0].claim.high == std::nullopt);
        CHECK(records[0].claim.claimant == "Israeli government");
        CHECK(records[0].article.title == "Israel says more than 1,300 killed (updated)");
        CHECK(records[1].claim.population == "UNRWA staff");
        CHECK(model::format_date(records[1].claim.as_of) == "2023-10-24");

        // A claimant by one of its old aliases.
        query::ClaimFilter idf;
        idf.metric = model::Metric::hostages_held;
        idf.claimant = "idf";
        CHECK(ids_of(query::find_claims(db, idf)) == std::vector<std::int64_t>{4});

        query::ClaimFilter held;
        held.metric = model::Metric::hostages_held;
        const auto as_of = query::latest_as_of(db, held, day("2023-10-31"));
        REQUIRE(as_of.size() == 2);
        CHECK(as_of[0].claim.claimant == "Hamas");
        CHECK(as_of[0].claim.qualifier == model::Qualifier::range);
        CHECK(as_of[0].claim.high == std::optional<std::int64_t>(250));
        CHECK(as_of[1].claim.claimant == "Israel Defense Forces");
        CHECK(as_of[1].claim.value == 199);

        ClaimStore store(db);
        CHECK(store.all_claims().size() == 6);
        CHECK(store.all_claims(store::Revisions::all).size() == 9);
        CHECK(store.articles().size() == 5);
    }

    SECTION("the store writes next to the old rows") {
        ClaimStore store(db);
        CHECK(store.has_article("deadbeefdeadbeefdeadbeefdeadbeef"));

        model::Article again;
        again.path = "copy.txt";
        again.published = day("2023-10-25");
        again.body = "copy";
        CHECK(store.add_article(again, "deadbeefdeadbeefdeadbeefdeadbeef", {}).outcome ==
              store::WriteOutcome::already_present);

        // A new revision of the old shared URL, with a claim by an old
        // claimant.
        model::Article update;
        update.path = "articles/2023-10-14-israel-1400.txt";
        update.url = "https://www.example.org/coastline/2023/10/12/israel-1300";
        update.title = "Israel says 1,400 killed";
        update.outlet = "Coastline Times";
        update.published = day("2023-10-14");
        update.body = "The Israeli government said 1,400 people were killed.";
        model::Claim claim;
        claim.metric = model::Metric::killed;
        claim.value = 1400;
        claim.qualifier = model::Qualifier::exact;
        model::set_bounds(claim);
        claim.claimant = "Israeli government";
        claim.as_of = day("2023-10-14");
        claim.sentence = update.body;
        claim.span_start = 28;
        claim.span_end = 33;
        const auto written = store.add_article(update, "new-hash-1400", {claim});
        CHECK(written.outcome == store::WriteOutcome::imported);
        CHECK(written.claims_stored == 1);
        CHECK(written.revision_of == std::optional<std::int64_t>(3));
        CHECK(written.article_id == 6);

        SQLite::Database& handle = db.handle();
        CHECK(count_rows(handle, "articles") == 6);
        CHECK(count_rows(handle, "claims") == 10);
        CHECK(count_rows(handle, "claimants") == 4); // the old claimant row is reused
        CHECK(handle.execAndGet("SELECT published FROM claims WHERE article_id = 6").getString() ==
              "2023-10-14");

        query::ClaimFilter killed;
        killed.metric = model::Metric::killed;
        killed.claimant = "Israeli officials";
        const auto records = query::find_claims(db, killed);
        REQUIRE(records.size() == 1);
        CHECK(records[0].claim.value == 1400);
        CHECK(records[0].article.id == 6);
    }
}

TEST_CASE("A database from a newer tracker is refused and not modified", "[store][schema]") {
    const std::string journal = GENERATE(std::string("delete"), std::string("wal"));
    INFO("journal mode " << journal);
    UpgradeTempPath path;
    build_v1(path.str());
    const int future = latest_embedded_version() + 1;
    {
        // A current database that a newer tracker then migrated further.
        Database current(path.str());
        current.handle().exec("CREATE TABLE future_things (id INTEGER PRIMARY KEY);"
                              "INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                              std::to_string(future) + ", '" + std::to_string(future) +
                              "_future.sql', '2031-01-01T00:00:00Z')");
    }
    {
        SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA journal_mode = " + journal);
    }
    REQUIRE_FALSE(fs::exists(path.str() + "-wal"));
    const std::string bytes = read_file(path.str());

    try {
        Database db(path.str());
        FAIL("opening a database from a newer tracker should throw");
    } catch (const StoreError& error) {
        const std::string message = error.what();
        CHECK_THAT(message, Catch::StartsWith(path.str() + ": "));
        CHECK_THAT(message, Catch::Contains("schema version " + std::to_string(future) +
                                            " is newer than this tracker understands"));
        CHECK_THAT(message, Catch::Contains("written by a newer tracker"));
        CHECK_THAT(message, Catch::Contains("upgrade tracker"));
        CHECK(message.find('\n') == std::string::npos);
    }
    // Not a byte changed, nothing left pending in a WAL.
    const bool unchanged = read_file(path.str()) == bytes; // not printed: binary
    CHECK(unchanged);
    CHECK((!fs::exists(path.str() + "-wal") || fs::file_size(path.str() + "-wal") == 0));

    SQLite::Database raw(path.str(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == journal);
    CHECK(raw.execAndGet("SELECT max(version) FROM schema_migrations").getInt() == future);
    CHECK(count_rows(raw, "claims") == 9);
}
