#include "tracker/store/database.hpp"

#include "tracker/embedded/resources.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <fmt/format.h>
#include <sqlite3.h> // result codes only; all SQL goes through SQLiteCpp

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string_view>
#include <vector>

namespace tracker::store {

namespace {

constexpr int k_busy_timeout_ms = 5000;
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
        // The first real read: this is where a file that is not SQLite fails.
        // (Through execAndGet, so that no statement stays open: an unfinished
        // read would block the journal_mode change below.)
        const bool has_tables = m_db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;

        // A SQLite file from another program: do not write our tables into it.
        if (has_tables && !m_db.tableExists("schema_migrations"))
            throw StoreError(fmt::format(
                "{}: not a tracker database (SQLite file without schema_migrations)", path));

        // foreign_keys is per connection and ignored inside a transaction, and
        // journal_mode cannot change inside one either: set both first.
        m_db.exec("PRAGMA foreign_keys = ON");
        if (!is_in_memory(path)) m_db.exec("PRAGMA journal_mode = WAL");

        const std::vector<Migration> migrations = embedded_migrations();
        const int known = migrations.empty() ? 0 : migrations.back().version;
        m_schema_version = recorded_version(m_db);
        if (m_schema_version > known)
            throw StoreError(fmt::format("{}: database schema version {} is newer than this "
                                         "tracker understands ({}); upgrade tracker",
                                         path, m_schema_version, known));

        for (const Migration& migration : migrations) {
            if (migration.version <= m_schema_version) continue;
            // IMMEDIATE takes the write lock up front, so two trackers opening
            // a new database at once serialise here instead of failing.
            SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
            // Another process may have applied it while we waited for the lock.
            if (recorded_version(m_db) >= migration.version) continue;
            m_db.exec(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
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
    } catch (const SQLite::Exception& error) {
        if ((error.getErrorCode() & 0xff) == SQLITE_NOTADB)
            throw StoreError(fmt::format("{}: not a tracker database (file is not SQLite)", path));
        throw StoreError(fmt::format("{}: cannot use database: {}", path, error.what()));
    }
}

} // namespace tracker::store
