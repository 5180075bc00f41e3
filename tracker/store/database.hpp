// Opens a tracker database and brings its schema up to date.
#pragma once

#include <SQLiteCpp/Database.h>

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
    // turns on foreign keys, WAL and a busy timeout, and applies every
    // embedded migration in schema/ that it has not seen, each in its own
    // transaction together with its version record.
    explicit Database(const std::string& path);

    SQLite::Database& handle() { return m_db; }
    int schema_version() const { return m_schema_version; }

private:
    SQLite::Database m_db;
    int m_schema_version = 0;
};

} // namespace tracker::store
