-- Initial tracker schema: articles, claimants with their aliases, and claims.
--
-- Migrations are append-only: never edit this file once released, add
-- schema/0002_*.sql instead. The store runs each file inside one transaction
-- together with its schema_migrations row, so a file must not contain
-- BEGIN/COMMIT. Dates are TEXT 'YYYY-MM-DD' so that they compare as text.

-- One imported article. content_hash makes imports idempotent.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path         TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    -- NOCASE so that the outlet filter (case-insensitive equality) can use
    -- articles_outlet.
    outlet       TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    published    TEXT NOT NULL
                 CHECK (published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    imported_at  TEXT NOT NULL  -- ISO-8601 UTC, 'YYYY-MM-DDTHH:MM:SSZ'
);

CREATE INDEX articles_outlet ON articles (outlet);

-- Who asserts figures, by canonical name (exact spelling as extracted).
CREATE TABLE claimants (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- The claimant filter compares names case-insensitively.
CREATE INDEX claimants_name_nocase ON claimants (name COLLATE NOCASE);

-- Other names of a claimant. An alias names at most one claimant, compared
-- case-insensitively (NOCASE folds ASCII letters, as lower() does).
CREATE TABLE claimant_aliases (
    alias       TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
    claimant_id INTEGER NOT NULL REFERENCES claimants (id) ON DELETE CASCADE
);

CREATE INDEX claimant_aliases_claimant ON claimant_aliases (claimant_id);

-- One figure claim (shared/spec/claims.md).
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    metric      TEXT NOT NULL CHECK (metric IN (
                    'killed', 'injured', 'missing', 'hostages_taken', 'hostages_held',
                    'hostages_released', 'hostages_killed', 'detained',
                    'prisoners_released', 'casualties', 'displaced')),
    value       INTEGER NOT NULL,
    qualifier   TEXT NOT NULL
                CHECK (qualifier IN ('exact', 'approx', 'at_least', 'at_most', 'range')),
    low         INTEGER,  -- NULL: no lower bound (at_most)
    high        INTEGER,  -- NULL: no upper bound (at_least)
    -- NOCASE: the population filter is case-insensitive and a series is one
    -- population whatever its capitalisation.
    population  TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    claimant_id INTEGER NOT NULL REFERENCES claimants (id),
    as_of       TEXT NOT NULL
                CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sentence    TEXT NOT NULL DEFAULT '',
    span_start  INTEGER NOT NULL DEFAULT 0,  -- byte offsets into the article body
    span_end    INTEGER NOT NULL DEFAULT 0,
    rule        TEXT NOT NULL DEFAULT ''
);

-- Reading an article's claims in order, and ON DELETE CASCADE.
CREATE INDEX claims_article ON claims (article_id, span_start);
-- "As of D" per series: latest as_of <= D for (metric, claimant, population).
CREATE INDEX claims_series ON claims (metric, claimant_id, population, as_of);
-- Claims of one metric over a period or on one day.
CREATE INDEX claims_metric_as_of ON claims (metric, as_of);
-- Claims on a day or over a period when no metric is given.
CREATE INDEX claims_as_of ON claims (as_of);
