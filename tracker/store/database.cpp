#include "tracker/store/database.hpp"

#include "tracker/embedded/resources.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <fmt/format.h>
#include <sqlite3.h> // result codes only; all SQL goes through SQLiteCpp

#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <random>
#include <string_view>
#include <thread>
#include <vector>

namespace tracker::store {

namespace {

constexpr int k_busy_timeout_ms = 5000;
// Attempts after the first when a write still finds the database busy once
// the busy timeout has run out.
constexpr int k_busy_retries = 12;
constexpr std::string_view k_schema_prefix = "schema/";

struct Migration {
    int version = 0;
    std::string name; // file name without the directory, "0001_initial.sql"
    std::string_view sql;
};

bool is_in_memory(const std::string& path) {
    return path == ":memory:" || path.empty();
}

// SQLite opens lazily, so open() itself only fails for paths it cannot open at
// all (a directory, no permission); a file with a foreign format only shows on
// the first read.
SQLite::Database open_handle(const std::string& path) {
    try {
        return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                k_busy_timeout_ms);
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("{}: cannot open database: {}", path, error.what()));
    }
}

// The embedded migrations in version order. A badly named or duplicated file
// is a build mistake, reported as such.
std::vector<Migration> embedded_migrations() {
    std::vector<Migration> migrations;
    for (const embedded::Resource& resource : embedded::with_prefix(k_schema_prefix)) {
        std::string_view name = resource.name.substr(k_schema_prefix.size());
        if (name.size() < 4 || name.substr(name.size() - 4) != ".sql") continue;
        int version = 0;
        std::size_t digits = 0;
        while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) {
            version = version * 10 + (name[digits] - '0');
            ++digits;
        }
        if (digits == 0 || version == 0)
            throw StoreError(
                fmt::format("embedded migration {} has no version number", resource.name));
        migrations.push_back({version, std::string(name), resource.content});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < migrations.size(); ++i)
        if (migrations[i].version == migrations[i - 1].version)
            throw StoreError(fmt::format("embedded migrations {} and {} share version {}",
                                         migrations[i - 1].name, migrations[i].name,
                                         migrations[i].version));
    return migrations;
}

int recorded_version(SQLite::Database& db) {
    if (!db.tableExists("schema_migrations")) return 0;
    SQLite::Statement query(db, "SELECT coalesce(max(version), 0) FROM schema_migrations");
    query.executeStep();
    return query.getColumn(0).getInt();
}

std::string utc_now() {
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return date::format("%FT%TZ", now);
}

} // namespace

Database::Database(const std::string& path) : m_db(open_handle(path)) {
    try {
        retry_while_busy([&] { migrate(path); });
    } catch (const SQLite::Exception& error) {
        if ((error.getErrorCode() & 0xff) == SQLITE_NOTADB)
            throw StoreError(fmt::format("{}: not a tracker database (file is not SQLite)", path));
        throw StoreError(fmt::format("{}: cannot use database: {}", path, error.what()));
    }
}

// Safe to run again after SQLITE_BUSY: each migration is its own transaction
// and checks the recorded version once it holds the write lock.
void Database::migrate(const std::string& path) {
    // The first real read: this is where a file that is not SQLite fails.
    // (Through execAndGet, so that no statement stays open: an unfinished
    // read would block the journal_mode change below.)
    const bool has_tables = m_db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;

    // A SQLite file from another program: do not write our tables into it.
    if (has_tables && !m_db.tableExists("schema_migrations"))
        throw StoreError(fmt::format(
            "{}: not a tracker database (SQLite file without schema_migrations)", path));

    // A database from a newer tracker: refuse it before anything below
    // writes to the file (journal_mode = WAL rewrites the header of a
    // database in rollback-journal mode), so that it stays exactly as the
    // newer tracker left it.
    const std::vector<Migration> migrations = embedded_migrations();
    const int known = migrations.empty() ? 0 : migrations.back().version;
    m_schema_version = recorded_version(m_db);
    if (m_schema_version > known)
        throw StoreError(fmt::format(
            "{}: database schema version {} is newer than this tracker understands ({}): "
            "the database was written by a newer tracker; upgrade tracker to use it (the "
            "database was not changed)",
            path, m_schema_version, known));

    // foreign_keys is per connection and ignored inside a transaction, and
    // journal_mode cannot change inside one either: set both first. In WAL
    // mode synchronous=NORMAL keeps every commit atomic and durable across a
    // killed process without an fsync per commit (one transaction per
    // article would otherwise be bound by the disk's sync rate).
    m_db.exec("PRAGMA foreign_keys = ON");
    if (!is_in_memory(path)) {
        m_db.exec("PRAGMA journal_mode = WAL");
        m_db.exec("PRAGMA synchronous = NORMAL");
        // One transaction per article rewrites a few dozen index pages each
        // time: checkpoint every ~40 MB of WAL rather than every 4 MB, so
        // that a page rewritten by many articles reaches the database file
        // (and its fsync) once.
        m_db.exec("PRAGMA wal_autocheckpoint = 10000");
    }
    // 32 MB of page cache (the default is 2 MB): the claim indexes of a large
    // import stay in memory instead of being read back for each article.
    m_db.exec("PRAGMA cache_size = -32768");

    for (const Migration& migration : migrations) {
        if (migration.version <= m_schema_version) continue;
        // IMMEDIATE takes the write lock up front, so two trackers opening
        // a new database at once serialise here instead of failing.
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have applied it while we waited for the lock.
        if (recorded_version(m_db) >= migration.version) continue;
        m_db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                  " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        try {
            m_db.exec(std::string(migration.sql));
        } catch (const SQLite::Exception& error) {
            throw StoreError(
                fmt::format("{}: migration {} failed: {}", path, migration.name, error.what()));
        }
        SQLite::Statement record(
            m_db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
        record.bind(1, migration.version);
        record.bind(2, migration.name);
        record.bind(3, utc_now());
        record.exec();
        transaction.commit();
    }
    m_schema_version = recorded_version(m_db);
}

namespace detail {

bool pause_before_retry(const SQLite::Exception& error, int attempt) {
    if ((error.getErrorCode() & 0xff) != SQLITE_BUSY || attempt >= k_busy_retries) return false;
    // 10 ms, 20 ms, ... capped at 1 s, each scaled by a random 50-150 % so
    // that two waiting processes do not retry in lockstep.
    thread_local std::minstd_rand random(static_cast<std::uint_fast32_t>(
        std::hash<std::thread::id>{}(std::this_thread::get_id()) ^
        static_cast<std::size_t>(std::chrono::steady_clock::now().time_since_epoch().count())));
    const int base_ms = std::min(1000, 10 << std::min(attempt, 7));
    std::uniform_int_distribution<int> jitter(base_ms / 2, base_ms + base_ms / 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random)));
    return true;
}

} // namespace detail

} // namespace tracker::store
