-- Fast series reads (tracker/query/series_query.cpp: query --as-of, --latest,
-- --series): each series' answer found from one index, without visiting a
-- claim's article for every claim scanned.
--
-- The claim a series says on a date is the one from the most recently
-- published article, then the larger value, then the higher id. Ranking by
-- the article's publication date needed a lookup into articles for every
-- claim of the series; a copy of that date on the claim lets the index below
-- hold the whole ranking, so a series' answer is the first entry of a
-- backward index scan. Articles never change their publication date (a new
-- revision is a new article row), so the copy cannot go stale.
--
-- Append-only like every migration: add schema/0005_*.sql for changes.

-- The publication date of the claim's article, 'YYYY-MM-DD'.
ALTER TABLE claims ADD COLUMN published TEXT;

UPDATE claims SET published = (SELECT a.published FROM articles a WHERE a.id = claims.article_id);

-- Claims are written by INSERT statements that do not name the column: copy
-- the date from the article as each claim is stored.
CREATE TRIGGER claims_copy_published AFTER INSERT ON claims
FOR EACH ROW WHEN NEW.published IS NULL
BEGIN
    UPDATE claims SET published = (SELECT a.published FROM articles a WHERE a.id = NEW.article_id)
    WHERE id = NEW.id;
END;

-- The series index, now covering the series ranking and the article id (the
-- revision check): (metric, claimant, population) then as_of, published and
-- value, then the claim id (the last tie-break) and the article id. It still
-- serves everything the old claims_series (its prefix) served.
DROP INDEX claims_series;
CREATE INDEX claims_series ON claims (metric, claimant_id, population, as_of, published, value, id, article_id);

-- The articles replaced by a newer revision (schema/0002): usually few, so a
-- query reads this small index once to exclude their claims instead of
-- visiting every claim's article.
CREATE INDEX articles_superseded ON articles (id) WHERE superseded_by IS NOT NULL;
