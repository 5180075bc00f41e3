-- The conflict an article reports on ("Israel-Gaza", "Sudan"...), so that
-- one database can follow several and a query or report can keep to one.
-- Given by the article's "Conflict:" header or `import --conflict`; empty
-- when unknown. Compared case-insensitively, like outlets.
--
-- Append-only like every migration: add schema/0006_*.sql for changes.
ALTER TABLE articles ADD COLUMN conflict TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
