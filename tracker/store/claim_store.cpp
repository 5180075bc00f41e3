#include "tracker/store/claim_store.hpp"

#include "tracker/store/claim_rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <optional>

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
std::int64_t claimant_id(SQLite::Database& db, const std::string& name,
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
    return record;
}

} // namespace detail

// Errors: a missing publication date or empty content hash is a caller's
// mistake and throws StoreError before anything is written. SQLite failures
// (disk full, locked beyond the busy timeout, a constraint) are rethrown as
// StoreError too, so callers catch one type; the transaction rolls back.
WriteResult ClaimStore::add_article(const model::Article& article, std::string_view content_hash,
                                    const std::vector<model::Claim>& claims) {
    if (!article.published)
        throw StoreError(fmt::format("{}: article has no publication date",
                                     article.path.empty() ? "article" : article.path));
    if (content_hash.empty())
        throw StoreError(fmt::format("{}: article has an empty content hash",
                                     article.path.empty() ? "article" : article.path));

    SQLite::Database& db = m_db.handle();
    try {
        // IMMEDIATE: the hash check and the insert must see the same database
        // even when another tracker imports concurrently.
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        const std::string hash(content_hash);

        SQLite::Statement existing(db, "SELECT id FROM articles WHERE content_hash = ?");
        existing.bind(1, hash);
        if (existing.executeStep())
            // The transaction rolls back on scope exit; it wrote nothing.
            return {WriteOutcome::already_present, existing.getColumn(0).getInt64(), 0};

        SQLite::Statement insert_article(
            db, "INSERT INTO articles (content_hash, path, url, title, outlet, published, "
                "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert_article.bind(1, hash);
        insert_article.bind(2, article.path);
        insert_article.bind(3, article.url);
        insert_article.bind(4, article.title);
        insert_article.bind(5, article.outlet);
        insert_article.bind(6, model::format_date(*article.published));
        insert_article.bind(7, utc_now());
        insert_article.exec();
        const std::int64_t article_id = db.getLastInsertRowid();

        std::map<std::string, std::int64_t> claimants;
        SQLite::Statement insert_claim(
            db, "INSERT INTO claims (article_id, metric, value, qualifier, low, high, population, "
                "claimant_id, as_of, sentence, span_start, span_end, rule) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (const model::Claim& claim : claims) {
            const std::int64_t claimant = claimant_id(db, claim.claimant, claimants);
            insert_claim.reset();
            insert_claim.clearBindings();
            insert_claim.bind(1, article_id);
            insert_claim.bind(2, std::string(model::to_string(claim.metric)));
            insert_claim.bind(3, claim.value);
            insert_claim.bind(4, std::string(model::to_string(claim.qualifier)));
            bind_optional(insert_claim, 5, claim.low);
            bind_optional(insert_claim, 6, claim.high);
            insert_claim.bind(7, claim.population);
            insert_claim.bind(8, claimant);
            insert_claim.bind(9, model::format_date(claim.as_of));
            insert_claim.bind(10, claim.sentence);
            insert_claim.bind(11, static_cast<std::int64_t>(claim.span_start));
            insert_claim.bind(12, static_cast<std::int64_t>(claim.span_end));
            insert_claim.bind(13, claim.rule);
            insert_claim.exec();
        }

        transaction.commit();
        return {WriteOutcome::imported, article_id, claims.size()};
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("{}: cannot store article: {}",
                                     article.path.empty() ? "article" : article.path,
                                     error.what()));
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
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        std::map<std::string, std::int64_t> cache;
        const std::int64_t id = claimant_id(db, std::string(canonical), cache);
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
    } catch (const SQLite::Exception& error) {
        throw StoreError(
            fmt::format("claimant {}: cannot store aliases: {}", canonical, error.what()));
    }
}

std::vector<model::ClaimRecord> ClaimStore::all_claims() {
    try {
        SQLite::Statement query(m_db.handle(),
                                fmt::format("SELECT {} FROM {} ORDER BY a.id, c.span_start, c.id",
                                            detail::k_claim_record_columns,
                                            detail::k_claim_record_tables));
        std::vector<model::ClaimRecord> records;
        while (query.executeStep())
            records.push_back(detail::read_claim_record(query));
        return records;
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("cannot read claims: {}", error.what()));
    }
}

std::vector<ArticleSummary> ClaimStore::articles() {
    try {
        SQLite::Statement query(
            m_db.handle(),
            "SELECT a.id, a.path, a.url, a.title, a.outlet, a.published, a.content_hash, "
            "a.imported_at, (SELECT count(*) FROM claims c WHERE c.article_id = a.id) "
            "FROM articles a ORDER BY a.id");
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
            summaries.push_back(std::move(summary));
        }
        return summaries;
    } catch (const SQLite::Exception& error) {
        throw StoreError(fmt::format("cannot read articles: {}", error.what()));
    }
}

} // namespace tracker::store
