// Opens a tracker database and brings its schema up to date.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <stdexcept>
#include <string>

namespace tracker::store {

// A database the user cannot use as it is: it will not open, is not a
// tracker database, or was made by a newer tracker.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Database {
public:
    // Opens (creating if needed) the database at `path` (":memory:" works),
    // turns on foreign keys, WAL (with synchronous=NORMAL: a commit is atomic
    // and survives a killed process; only a power cut may lose the last
    // commits, never consistency) and a busy timeout, and applies every
    // embedded migration in schema/ that it has not seen, each in its own
    // transaction together with its version record. Retries while another
    // process holds the database busy (retry_while_busy).
    explicit Database(const std::string& path);

    SQLite::Database& handle() { return m_db; }
    int schema_version() const { return m_schema_version; }

private:
    void migrate(const std::string& path);

    SQLite::Database m_db;
    int m_schema_version = 0;
};

namespace detail {
// True when `error` is SQLITE_BUSY and attempt `attempt` (0-based) may be
// retried; it has then slept a randomised, growing pause.
bool pause_before_retry(const SQLite::Exception& error, int attempt);
} // namespace detail

// Runs `write`, one whole write transaction, again while SQLite reports the
// database busy beyond its busy timeout (another process writing, a WAL
// recovery), with exponential backoff and jitter; after the last attempt the
// SQLite::Exception propagates. `write` must roll back on throwing (an
// SQLite::Transaction does), so that every attempt starts clean.
template <typename Write>
auto retry_while_busy(Write&& write) -> decltype(write()) {
    for (int attempt = 0;; ++attempt) {
        try {
            return write();
        } catch (const SQLite::Exception& error) {
            if (!detail::pause_before_retry(error, attempt)) throw;
        }
    }
}

} // namespace tracker::store
