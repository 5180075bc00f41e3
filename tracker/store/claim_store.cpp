#include "tracker/store/claim_store.hpp"

#include "tracker/store/claim_rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <optional>
#include <tuple>

namespace tracker::store {

namespace {

std::string utc_now() {
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return date::format("%FT%TZ", now);
}

model::Date read_date(const SQLite::Column& column, std::string_view what, std::int64_t id) {
    const std::string text = column.getString();
    std::optional<model::Date> day = model::parse_iso_date(text);
    if (!day) throw StoreError(fmt::format("{} {}: bad date '{}' in the database", what, id, text));
    return *day;
}

std::optional<std::int64_t> read_optional(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<std::int64_t> value) {
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index); // NULL
}

// The id of the claimant with this exact canonical name, creating it if new.
// `cache` spares repeated lookups within one write.
std::int64_t find_or_add_claimant(SQLite::Database& db, const std::string& name,
                                  std::map<std::string, std::int64_t>& cache) {
    if (auto found = cache.find(name); found != cache.end()) return found->second;
    SQLite::Statement insert(db, "INSERT INTO claimants (name) VALUES (?) "
                                 "ON CONFLICT (name) DO NOTHING");
    insert.bind(1, name);
    insert.exec();
    SQLite::Statement select(db, "SELECT id FROM claimants WHERE name = ?");
    select.bind(1, name);
    select.executeStep();
    const std::int64_t id = select.getColumn(0).getInt64();
    cache.emplace(name, id);
    return id;
}

} // namespace

namespace detail {

model::ClaimRecord read_claim_record(SQLite::Statement& row) {
    model::ClaimRecord record;
    record.id = row.getColumn(0).getInt64();

    model::Claim& claim = record.claim;
    const std::string metric = row.getColumn(1).getString();
    const std::string qualifier = row.getColumn(3).getString();
    // The CHECK constraints make these unreachable unless the schema was edited.
    std::optional<model::Metric> parsed_metric = model::parse_metric(metric);
    if (!parsed_metric)
        throw StoreError(
            fmt::format("claim {}: unknown metric '{}' in the database", record.id, metric));
    std::optional<model::Qualifier> parsed_qualifier = model::parse_qualifier(qualifier);
    if (!parsed_qualifier)
        throw StoreError(
            fmt::format("claim {}: unknown qualifier '{}' in the database", record.id, qualifier));
    claim.metric = *parsed_metric;
    claim.value = row.getColumn(2).getInt64();
    claim.qualifier = *parsed_qualifier;
    claim.low = read_optional(row.getColumn(4));
    claim.high = read_optional(row.getColumn(5));
    claim.population = row.getColumn(6).getString();
    claim.claimant = row.getColumn(7).getString();
    claim.as_of = read_date(row.getColumn(8), "claim", record.id);
    claim.sentence = row.getColumn(9).getString();
    claim.span_start = static_cast<std::size_t>(row.getColumn(10).getInt64());
    claim.span_end = static_cast<std::size_t>(row.getColumn(11).getInt64());
    claim.rule = row.getColumn(12).getString();

    model::ArticleInfo& article = record.article;
    article.id = row.getColumn(13).getInt64();
    article.path = row.getColumn(14).getString();
    article.url = row.getColumn(15).getString();
    article.title = row.getColumn(16).getString();
    article.outlet = row.getColumn(17).getString();
    article.published = read_date(row.getColumn(18), "article", article.id);
    article.conflict = row.getColumn(19).getString();
    return record;
}

} // namespace detail

// The statements of the write path, prepared on first use and reused: an
// import writes thousands of articles through the same few statements.
struct ClaimStore::Statements {
    explicit Statements(SQLite::Database& db)
        : find_hash(db, "SELECT id FROM articles WHERE content_hash = ?"),
          // The current revisions of a URL (one, unless the database was
          // edited by hand): the caller keeps the latest. No ORDER BY, which
          // articles_url cannot serve: a sort would open a temporary b-tree
          // for every article imported.
          current_revisions(db, "SELECT id, published FROM articles "
                                "WHERE url = ? AND superseded_by IS NULL"),
          // Re-chains the revisions of a URL in (published, id) order: each
          // points to the next, the last to none. Same rule as
          // schema/0002_article_revisions.sql.
          chain_revisions(db, "UPDATE articles SET superseded_by = ("
                              " SELECT n.id FROM articles n"
                              " WHERE n.url = articles.url AND (n.published, n.id) > "
                              "(articles.published, articles.id)"
                              " ORDER BY n.published, n.id LIMIT 1) "
                              "WHERE url = ?"),
          insert_article(db, "INSERT INTO articles (content_hash, path, url, title, outlet, "
                             "published, imported_at, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
          insert_claim(db, "INSERT INTO claims (article_id, metric, value, qualifier, low, high, "
                           "population, claimant_id, as_of, sentence, span_start, span_end, rule, "
                           "published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          find_claimant(db, "SELECT id FROM claimants WHERE name = ?"),
          insert_claimant(db, "INSERT INTO claimants (name) VALUES (?)"),
          find_file(db, "SELECT articles FROM imported_files WHERE file_key = ?"),
          insert_file(db, "INSERT INTO imported_files (file_key, path, articles, imported_at) "
                          "VALUES (?, ?, ?, ?) ON CONFLICT (file_key) DO NOTHING") {}

    SQLite::Statement find_hash;
    SQLite::Statement current_revisions;
    SQLite::Statement chain_revisions;
    SQLite::Statement insert_article;
    SQLite::Statement insert_claim;
    SQLite::Statement find_claimant;
    SQLite::Statement insert_claimant;
    SQLite::Statement find_file;
    SQLite::Statement insert_file;
};

namespace {

// Readies a reused statement for new bindings, and resets it again when the
// use ends (however it ends), so that no finished or abandoned read keeps a
// snapshot of the database open.
class StatementUse {
  public:
    explicit StatementUse(SQLite::Statement& statement) : m_statement(statement) {
        m_statement.tryReset();
        m_statement.clearBindings();
    }
    ~StatementUse() { m_statement.tryReset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    SQLite::Statement* operator->() { return &m_statement; }
    SQLite::Statement& operator*() { return m_statement; }

  private:
    SQLite::Statement& m_statement;
};

} // namespace

ClaimStore::ClaimStore(Database& db) : m_db(db) {}
ClaimStore::~ClaimStore() = default;

ClaimStore::Statements& ClaimStore::statements() {
    if (!m_statements) m_statements = std::make_unique<Statements>(m_db.handle());
    return *m_statements;
}

// The id of the claimant with this exact canonical name, creating it if new.
// Ids created in the current transaction go to `new_claimants` until it
// commits.
std::int64_t
ClaimStore::claimant_id(const std::string& name,
                        std::map<std::string, std::int64_t, std::less<>>& new_claimants) {
    if (auto found = m_claimant_ids.find(name); found != m_claimant_ids.end()) return found->second;
    if (auto found = new_claimants.find(name); found != new_claimants.end()) return found->second;
    Statements& sql = statements();
    std::int64_t id = 0;
    {
        StatementUse find(sql.find_claimant);
        find->bind(1, name);
        if (find->executeStep()) {
            id = find->getColumn(0).getInt64();
            // Committed by someone (maybe another process): safe to keep.
            m_claimant_ids.emplace(name, id);
            return id;
        }
    }
    StatementUse insert(sql.insert_claimant);
    insert->bind(1, name);
    insert->exec();
    id = m_db.handle().getLastInsertRowid();
    new_claimants.emplace(name, id);
    return id;
}

WriteResult
ClaimStore::write_article(const model::Article& article, const std::string& hash,
                          const std::vector<model::Claim>& claims,
                          std::map<std::string, std::int64_t, std::less<>>& new_claimants) {
    SQLite::Database& db = m_db.handle();
    Statements& sql = statements();
    {
        StatementUse existing(sql.find_hash);
        existing->bind(1, hash);
        if (existing->executeStep())
            return {WriteOutcome::already_present, existing->getColumn(0).getInt64(), 0,
                    std::nullopt};
    }

    std::optional<std::int64_t> previous;
    if (!article.url.empty()) {
        // The latest by (published, id), as chain_revisions orders them.
        StatementUse current(sql.current_revisions);
        current->bind(1, article.url);
        std::string latest_published;
        while (current->executeStep()) {
            const std::int64_t id = current->getColumn(0).getInt64();
            std::string published = current->getColumn(1).getString();
            if (!previous || std::tie(published, id) > std::tie(latest_published, *previous)) {
                previous = id;
                latest_published = std::move(published);
            }
        }
    }

    const std::string published = model::format_date(*article.published);
    std::int64_t article_id = 0;
    {
        StatementUse insert(sql.insert_article);
        insert->bind(1, hash);
        insert->bind(2, article.path);
        insert->bind(3, article.url);
        insert->bind(4, article.title);
        insert->bind(5, article.outlet);
        insert->bind(6, published);
        insert->bind(7, utc_now());
        insert->bind(8, article.conflict);
        insert->exec();
        article_id = db.getLastInsertRowid();
    }
    if (previous) {
        StatementUse chain(sql.chain_revisions);
        chain->bind(1, article.url);
        chain->exec();
    }

    // Texts are bound without a copy (SQLite reads them during exec(), while
    // they are alive); metric and qualifier names are string literals, so
    // their data is NUL-terminated.
    for (const model::Claim& claim : claims) {
        const std::int64_t claimant = claimant_id(claim.claimant, new_claimants);
        const std::string as_of = model::format_date(claim.as_of);
        StatementUse insert(sql.insert_claim);
        insert->bind(1, article_id);
        insert->bindNoCopy(2, model::to_string(claim.metric).data());
        insert->bind(3, claim.value);
        insert->bindNoCopy(4, model::to_string(claim.qualifier).data());
        bind_optional(*insert, 5, claim.low);
        bind_optional(*insert, 6, claim.high);
        insert->bindNoCopy(7, claim.population);
        insert->bind(8, claimant);
        insert->bindNoCopy(9, as_of);
        insert->bindNoCopy(10, claim.sentence);
        insert->bind(11, static_cast<std::int64_t>(claim.span_start));
        insert->bind(12, static_cast<std::int64_t>(claim.span_end));
        insert->bindNoCopy(13, claim.rule);
        // The article's date, copied for the series index: given here, the
        // trigger of schema/0004 has nothing to do (it would rewrite the row
        // and its index entry).
        insert->bindNoCopy(14, published);
        insert->exec();
    }
    return {WriteOutcome::imported, article_id, claims.size(), previous};
}

void ClaimStore::write_imported_file(const ImportedFile& file) {
    StatementUse insert(statements().insert_file);
    insert->bind(1, file.file_key);
    insert->bind(2, file.path);
    insert->bind(3, file.articles);
    insert->bind(4, utc_now());
    insert->exec();
}

// Errors: a missing publication date or empty content hash is a caller's
// mistake and throws StoreError before anything is written. SQLite failures
// (disk full, still busy after the retries, a constraint) are rethrown as
// StoreError too, so callers catch one type; the transaction rolls back.
WriteResult ClaimStore::add_article(const model::Article& article, std::string_view content_hash,
                                    const std::vector<model::Claim>& claims) {
    return add_articles({ArticleWrite{&article, content_hash, &claims}}, {}).front();
}

std::vector<WriteResult> ClaimStore::add_articles(const std::vector<ArticleWrite>& articles,
                                                  const std::vector<ImportedFile>& files) {
    for (const ArticleWrite& write : articles) {
        const std::string& path = write.article->path;
        if (!write.article->published)
            throw StoreError(fmt::format("{}: article has no publication date",
                                         path.empty() ? "article" : path));
        if (write.content_hash.empty())
            throw StoreError(fmt::format("{}: article has an empty content hash",
                                         path.empty() ? "article" : path));
    }
    try {
        return retry_while_busy([&] {
            // Claimant ids created by this transaction: kept only once it
            // commits.
            std::map<std::string, std::int64_t, std::less<>> new_claimants;
            // IMMEDIATE: the hash checks, the revision checks and the inserts
            // must see the same database even when another tracker imports
            // concurrently. Rolls back on scope exit unless committed.
            SQLite::Transaction transaction(m_db.handle(), SQLite::TransactionBehavior::IMMEDIATE);
            std::vector<WriteResult> results;
            results.reserve(articles.size());
            for (const ArticleWrite& write : articles)
                results.push_back(write_article(*write.article, std::string(write.content_hash),
                                                *write.claims, new_claimants));
            for (const ImportedFile& file : files)
                write_imported_file(file);
            transaction.commit();
            m_claimant_ids.merge(new_claimants);
            return results;
        });
    } catch (const SQLite::Exception& error) {
        const std::string path = articles.empty() ? std::string() : articles.front().article->path;
        const std::string what = articles.size() == 1
                                     ? (path.empty() ? "article" : path)
                                     : fmt::format("{} articles from {}", articles.size(),
                                                   path.empty() ? "standard input" : path);
        throw StoreError(fmt::format("{}: cannot store {}: {}", what,
                                     articles.size() == 1 ? "article" : "them", error.what()));
    }
}

bool ClaimStore::has_article(std::string_view content_hash) {
    try {
        return retry_while_busy([&] {
            StatementUse existing(statements().find_hash);
            existing->bind(1, std::string(content_hash));
            return existing->executeStep();
        });
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("cannot read articles: {}", error.what()));
    }
}

std::optional<std::int64_t> ClaimStore::imported_file(std::string_view file_key) {
    try {
        return retry_while_busy([&]() -> std::optional<std::int64_t> {
            StatementUse find(statements().find_file);
            find->bind(1, std::string(file_key));
            if (!find->executeStep()) return std::nullopt;
            return find->getColumn(0).getInt64();
        });
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("cannot read imported files: {}", error.what()));
    }
}

void ClaimStore::record_imported_file(std::string_view file_key, std::string_view path,
                                      std::int64_t articles) {
    try {
        retry_while_busy([&] {
            write_imported_file({std::string(file_key), std::string(path), articles});
        });
    } catch (const SQLite::Exception& error) {
        throw StoreError(
            fmt::format("{}: cannot record the imported file: {}", path, error.what()));
    }
}

// An alias already registered for another claimant moves to this one: the
// latest registration wins. Aliases compare case-insensitively; empty ones
// are skipped.
void ClaimStore::add_claimant_aliases(std::string_view canonical,
                                      const std::vector<std::string>& aliases) {
    if (canonical.empty()) throw StoreError("claimant aliases: empty canonical name");
    SQLite::Database& db = m_db.handle();
    try {
        retry_while_busy([&] {
            SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
            std::map<std::string, std::int64_t> cache;
            const std::int64_t id = find_or_add_claimant(db, std::string(canonical), cache);
            SQLite::Statement insert(db, "INSERT INTO claimant_aliases (alias, claimant_id) "
                                         "VALUES (?, ?) ON CONFLICT (alias) DO UPDATE "
                                         "SET claimant_id = excluded.claimant_id "
                                         "WHERE claimant_id <> excluded.claimant_id");
            for (const std::string& alias : aliases) {
                if (alias.empty()) continue;
                insert.reset();
                insert.bind(1, alias);
                insert.bind(2, id);
                insert.exec();
            }
            transaction.commit();
        });
    } catch (const SQLite::Exception& error) {
        throw StoreError(
            fmt::format("claimant {}: cannot store aliases: {}", canonical, error.what()));
    }
}

std::vector<model::ClaimRecord> ClaimStore::all_claims(Revisions revisions) {
    std::vector<model::ClaimRecord> records;
    for_each_claim(revisions,
                   [&records](const model::ClaimRecord& record) { records.push_back(record); });
    return records;
}

void ClaimStore::for_each_claim(Revisions revisions,
                                const std::function<void(const model::ClaimRecord&)>& visit) {
    try {
        // Articles in id order, each one's claims through claims_article:
        // no sort, so the first record comes at once.
        SQLite::Statement query(
            m_db.handle(),
            fmt::format("SELECT {} FROM {} {} ORDER BY a.id, c.span_start, c.id",
                        detail::k_claim_record_columns, detail::k_claim_record_tables,
                        revisions == Revisions::latest ? "WHERE a.superseded_by IS NULL" : ""));
        while (query.executeStep())
            visit(detail::read_claim_record(query));
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("cannot read claims: {}", error.what()));
    }
}

std::vector<ArticleSummary> ClaimStore::articles() {
    try {
        SQLite::Statement query(
            m_db.handle(),
            "SELECT a.id, a.path, a.url, a.title, a.outlet, a.published, a.content_hash, "
            "a.imported_at, (SELECT count(*) FROM claims c WHERE c.article_id = a.id), "
            "a.superseded_by, a.conflict FROM articles a ORDER BY a.id");
        std::vector<ArticleSummary> summaries;
        while (query.executeStep()) {
            ArticleSummary summary;
            summary.info.id = query.getColumn(0).getInt64();
            summary.info.path = query.getColumn(1).getString();
            summary.info.url = query.getColumn(2).getString();
            summary.info.title = query.getColumn(3).getString();
            summary.info.outlet = query.getColumn(4).getString();
            summary.info.published = read_date(query.getColumn(5), "article", summary.info.id);
            summary.content_hash = query.getColumn(6).getString();
            summary.imported_at = query.getColumn(7).getString();
            summary.claim_count = query.getColumn(8).getInt64();
            summary.superseded_by = read_optional(query.getColumn(9));
            summary.info.conflict = query.getColumn(10).getString();
            summaries.push_back(std::move(summary));
        }
        return summaries;
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("cannot read articles: {}", error.what()));
    }
}

} // namespace tracker::store
