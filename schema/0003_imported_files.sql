-- Files that an import read completely, so that importing them again can
-- skip reading and parsing them (a re-import of a whole folder then costs
-- little more than hashing its files).
--
-- file_key is a 128-bit XXH3 hash, as 32 hex digits, of the reader used,
-- the options that shape the articles (header overrides, --map,
-- --skip-bad-rows) and the file's bytes: the same bytes read the same way.
-- A file is recorded only after every article it holds is stored, each in
-- its own transaction; a file read with a failure or a warning is never
-- recorded. The articles themselves stay identified by their content hash:
-- this table is only a shortcut to "all of this file is already present".
--
-- Append-only like every migration: add schema/0004_*.sql for changes.

CREATE TABLE imported_files (
    file_key    TEXT PRIMARY KEY,
    path        TEXT NOT NULL,     -- as given at its first import
    articles    INTEGER NOT NULL,  -- how many articles (or tables) it held
    imported_at TEXT NOT NULL      -- ISO-8601 UTC
) WITHOUT ROWID;
