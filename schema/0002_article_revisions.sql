-- Article revisions: the same URL (non-empty) stored again with different
-- content is a new revision of that article, not a new article.
--
-- The revisions of one URL form a chain ordered by (published, id): each row
-- points to the revision that replaced it, and the latest revision (the one
-- queries and reports read) is the row with superseded_by NULL. A revision
-- imported later but published earlier than the latest stays behind it.
-- The store recomputes a URL's chain inside the transaction that writes a
-- new revision, with the same UPDATE as below.
--
-- Append-only like 0001: never edit this file, add schema/0003_*.sql.

ALTER TABLE articles ADD COLUMN superseded_by INTEGER
    REFERENCES articles (id) ON DELETE SET NULL;

-- Finding the other revisions of a URL when a new one is written.
CREATE INDEX articles_url ON articles (url);

-- Databases made before this migration may already hold several articles
-- with one URL: chain them now.
UPDATE articles SET superseded_by = (
    SELECT n.id FROM articles n
    WHERE n.url = articles.url AND (n.published, n.id) > (articles.published, articles.id)
    ORDER BY n.published, n.id LIMIT 1)
WHERE url <> '';

-- The latest revision of every article, for direct SQL use.
CREATE VIEW current_articles AS
    SELECT id, content_hash, path, url, title, outlet, published, imported_at
    FROM articles WHERE superseded_by IS NULL;
