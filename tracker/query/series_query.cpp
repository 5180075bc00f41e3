#include "tracker/query/series_query.hpp"

#include "tracker/store/claim_rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h> // sqlite3_get_autocommit only; all SQL goes through SQLiteCpp

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace tracker::query {

namespace {

using store::detail::k_claim_record_columns;
using store::detail::k_claim_record_tables;

// Which articles a query may read: only the latest revision of each
// (schema/0002_article_revisions.sql), as in claim_query.cpp. The replaced
// ones are few and indexed (schema/0004_series_reads.sql): SQLite reads their
// ids once per statement instead of visiting each claim's article.
constexpr std::string_view k_current_article =
    "c.article_id NOT IN (SELECT s.id FROM articles s WHERE s.superseded_by IS NOT NULL)";

// The claimant ids a name stands for: those whose canonical name it is and
// the one it is an alias of, plus every claimant stored under another name of
// those (claim_query.cpp's claimant filter, as a list of ids).
constexpr std::string_view k_claimant_ids =
    "SELECT m.id FROM claimants m WHERE m.name COLLATE NOCASE IN ("
    " SELECT n.name FROM claimants n WHERE n.id IN ("
    "  SELECT t.id FROM claimants t WHERE t.name = :claimant COLLATE NOCASE"
    "  UNION SELECT ta.claimant_id FROM claimant_aliases ta WHERE ta.alias = :claimant)"
    " UNION SELECT na.alias FROM claimant_aliases na WHERE na.claimant_id IN ("
    "  SELECT t.id FROM claimants t WHERE t.name = :claimant COLLATE NOCASE"
    "  UNION SELECT ta.claimant_id FROM claimant_aliases ta WHERE ta.alias = :claimant)) "
    "ORDER BY m.id";

constexpr std::string_view k_all_claimant_ids = "SELECT id FROM claimants ORDER BY id";

// The first population of (metric, claimant) at or after / after a given one:
// one seek in claims_series each.
constexpr std::string_view k_first_population =
    "SELECT population FROM claims WHERE metric = :metric AND claimant_id = :claimant "
    "AND population >= :population ORDER BY population LIMIT 1";
constexpr std::string_view k_next_population =
    "SELECT population FROM claims WHERE metric = :metric AND claimant_id = :claimant "
    "AND population > :population ORDER BY population LIMIT 1";

// Conditions of one series' claims, for the per-series statements. Every
// column they and the ranking read is in claims_series (schema/0004), so a
// series is read from the index alone; only an outlet or conflict filter
// visits articles.
std::string series_conditions(const ClaimFilter& filter, bool with_day) {
    std::string sql =
        "c.metric = :metric AND c.claimant_id = :claimant AND c.population = :population AND ";
    sql += k_current_article;
    if (filter.from) sql += " AND c.as_of >= :from";
    if (filter.to) sql += " AND c.as_of <= :to";
    if (with_day) sql += " AND c.as_of <= :day";
    if (filter.outlet) sql += " AND a.outlet = :outlet COLLATE NOCASE";
    if (filter.conflict) sql += " AND a.conflict = :conflict COLLATE NOCASE";
    return sql;
}

std::string series_tables(const ClaimFilter& filter) {
    return filter.outlet || filter.conflict ? "claims c JOIN articles a ON a.id = c.article_id"
                                            : "claims c";
}

// The series' ranking, best first: latest as_of, then the most recently
// published article (c.published is the article's date), the larger value,
// the higher id. Exactly the order of claims_series read backwards.
constexpr std::string_view k_ranking = "c.as_of DESC, c.published DESC, c.value DESC, c.id DESC";

// The series' answer as of a day: the first entry of a backward index scan.
std::string latest_sql(const ClaimFilter& filter, bool with_day) {
    return fmt::format("SELECT c.id FROM {} WHERE {} ORDER BY {} LIMIT 1", series_tables(filter),
                       series_conditions(filter, with_day), k_ranking);
}

// The series' claims, best first on each date, latest date first (reversed
// by the caller).
std::string history_sql(const ClaimFilter& filter) {
    return fmt::format("SELECT c.id, c.as_of FROM {} WHERE {} ORDER BY {}", series_tables(filter),
                       series_conditions(filter, false), k_ranking);
}

// The records of a JSON array of claim ids.
std::string record_sql() {
    return fmt::format("SELECT {} FROM {} WHERE c.id IN (SELECT value FROM json_each(:ids))",
                       k_claim_record_columns, k_claim_record_tables);
}

// The parameters series_conditions() added for this filter.
void bind_series_filter(SQLite::Statement& statement, const ClaimFilter& filter) {
    if (filter.from) statement.bind(":from", model::format_date(*filter.from));
    if (filter.to) statement.bind(":to", model::format_date(*filter.to));
    if (filter.outlet) statement.bind(":outlet", *filter.outlet);
    if (filter.conflict) statement.bind(":conflict", *filter.conflict);
}

struct SeriesId {
    model::Metric metric;
    std::int64_t claimant_id;
    std::string population;
};

std::vector<std::int64_t> claimant_ids(SQLite::Database& db, const ClaimFilter& filter) {
    SQLite::Statement statement(db,
                                std::string(filter.claimant ? k_claimant_ids : k_all_claimant_ids));
    if (filter.claimant) statement.bind(":claimant", *filter.claimant);
    std::vector<std::int64_t> ids;
    while (statement.executeStep())
        ids.push_back(statement.getColumn(0).getInt64());
    return ids;
}

// Every series that has at least one claim (of any article revision, date or
// outlet: the per-series statements apply those conditions).
std::vector<SeriesId> enumerate_series(SQLite::Database& db, const ClaimFilter& filter) {
    std::vector<model::Metric> metrics;
    if (filter.metric)
        metrics.push_back(*filter.metric);
    else
        metrics.assign(model::k_all_metrics.begin(), model::k_all_metrics.end());
    const std::vector<std::int64_t> claimants = claimant_ids(db, filter);

    SQLite::Statement first(db, std::string(k_first_population));
    SQLite::Statement next(db, std::string(k_next_population));
    std::vector<SeriesId> series;
    for (model::Metric metric : metrics) {
        const std::string metric_name(model::to_string(metric));
        for (std::int64_t claimant : claimants) {
            if (filter.population) {
                // One candidate; the per-series statement finds out if it has claims.
                series.push_back({metric, claimant, *filter.population});
                continue;
            }
            SQLite::Statement* step = &first;
            std::string population;
            while (true) {
                step->reset();
                step->bind(":metric", metric_name);
                step->bind(":claimant", claimant);
                step->bind(":population", population);
                if (!step->executeStep()) break;
                population = step->getColumn(0).getString();
                series.push_back({metric, claimant, population});
                step = &next;
            }
        }
    }
    return series;
}

void bind_series(SQLite::Statement& statement, const SeriesId& series) {
    statement.reset();
    statement.bind(":metric", std::string(model::to_string(series.metric)));
    statement.bind(":claimant", series.claimant_id);
    statement.bind(":population", series.population);
}

// The records of `ids`, in the order of `ids`: one statement that reads
// them in ascending id order (claims of one series lie all over the table;
// table order keeps the reads moving forward through the file, and one
// statement for thousands of claims saves starting thousands).
std::vector<model::ClaimRecord> read_records(SQLite::Database& db,
                                             const std::vector<std::int64_t>& ids) {
    // Positions of `ids` in ascending id order.
    std::vector<std::size_t> order(ids.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
    std::vector<std::int64_t> sorted(ids.size());
    std::string list = "[";
    list.reserve(ids.size() * 10 + 2);
    for (std::size_t k = 0; k < order.size(); ++k) {
        sorted[k] = ids[order[k]];
        if (k > 0) list.push_back(',');
        list += std::to_string(sorted[k]);
    }
    list += "]";
    SQLite::Statement statement(db, record_sql());
    statement.bind(":ids", list);
    std::vector<std::optional<model::ClaimRecord>> found(ids.size());
    while (statement.executeStep()) {
        model::ClaimRecord record = store::detail::read_claim_record(statement);
        // Every position holding this id (an id may be asked for twice).
        auto [first, last] = std::equal_range(sorted.begin(), sorted.end(), record.id);
        for (auto it = first; it != last; ++it) {
            const std::size_t position = order[static_cast<std::size_t>(it - sorted.begin())];
            if (it + 1 == last)
                found[position] = std::move(record);
            else
                found[position] = record;
        }
    }
    std::vector<model::ClaimRecord> records;
    records.reserve(ids.size());
    for (auto& record : found)
        if (record) records.push_back(std::move(*record));
    return records;
}

std::string lower_ascii(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

int metric_position(model::Metric metric) {
    const auto& all = model::k_all_metrics;
    return static_cast<int>(std::find(all.begin(), all.end(), metric) - all.begin());
}

// Metric order, claimant name, population (case-insensitive), then as_of.
bool in_series_order(const model::ClaimRecord& a, const model::ClaimRecord& b) {
    const model::Claim& x = a.claim;
    const model::Claim& y = b.claim;
    if (x.metric != y.metric) return metric_position(x.metric) < metric_position(y.metric);
    if (int order = x.claimant.compare(y.claimant); order != 0) return order < 0;
    const auto lower = [](char c) {
        return static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(c)));
    };
    if (!std::equal(x.population.begin(), x.population.end(), y.population.begin(),
                    y.population.end(), [&](char p, char q) { return lower(p) == lower(q); }))
        return std::lexicographical_compare(x.population.begin(), x.population.end(),
                                            y.population.begin(), y.population.end(),
                                            [&](char p, char q) { return lower(p) < lower(q); });
    return x.as_of < y.as_of;
}

// The keys are computed once per record, then the records are moved once.
// The series statements usually give them in this order already: checked
// first, which costs no allocation.
void sort_series_order(std::vector<model::ClaimRecord>& records) {
    if (std::is_sorted(records.begin(), records.end(), in_series_order)) return;
    using Key = std::tuple<int, std::string_view, std::string, model::Date, std::size_t>;
    std::vector<Key> keys;
    keys.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const model::Claim& claim = records[i].claim;
        keys.emplace_back(metric_position(claim.metric), claim.claimant,
                          lower_ascii(claim.population), claim.as_of, i);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<model::ClaimRecord> sorted;
    sorted.reserve(records.size());
    for (const Key& key : keys)
        sorted.push_back(std::move(records[std::get<4>(key)]));
    records = std::move(sorted);
}

// Runs `work` inside one read transaction (unless the caller already opened
// one): every statement then reads the same snapshot, and SQLite takes its
// locks and maps the file once instead of once per statement (thousands of
// short statements for one answer).
template <typename Work> auto guarded(store::Database& db, Work work) {
    try {
        SQLite::Database& handle = db.handle();
        if (sqlite3_get_autocommit(handle.getHandle()) == 0) return work(handle);
        SQLite::Transaction transaction(handle);
        auto result = work(handle);
        transaction.commit();
        return result;
    } catch (const SQLite::Exception& error) {
        throw store::StoreError(fmt::format("cannot query claims: {}", error.what()));
    }
}

} // namespace

void tune_for_reading(store::Database& db) {
    try {
        SQLite::Database& handle = db.handle();
        handle.exec(fmt::format("PRAGMA mmap_size = {}", k_read_mmap_bytes));
        handle.exec(fmt::format("PRAGMA cache_size = -{}", k_read_cache_kib));
    } catch (const SQLite::Exception& error) {
        throw store::StoreError(
            fmt::format("cannot set up the database for reading: {}", error.what()));
    }
}

std::vector<model::ClaimRecord> latest_per_series(store::Database& db, const ClaimFilter& filter,
                                                  std::optional<model::Date> day) {
    return guarded(db, [&](SQLite::Database& handle) {
        SQLite::Statement latest(handle, latest_sql(filter, day.has_value()));
        std::vector<std::int64_t> ids;
        for (const SeriesId& series : enumerate_series(handle, filter)) {
            bind_series(latest, series);
            bind_series_filter(latest, filter);
            if (day) latest.bind(":day", model::format_date(*day));
            if (latest.executeStep()) ids.push_back(latest.getColumn(0).getInt64());
        }
        std::vector<model::ClaimRecord> records = read_records(handle, ids);
        sort_series_order(records);
        return records;
    });
}

std::vector<model::ClaimRecord> series_history(store::Database& db, const ClaimFilter& filter) {
    return guarded(db, [&](SQLite::Database& handle) {
        SQLite::Statement history(handle, history_sql(filter));
        std::vector<std::int64_t> ids;
        for (const SeriesId& series : enumerate_series(handle, filter)) {
            bind_series(history, series);
            bind_series_filter(history, filter);
            // Rows come latest date first, the preferred claim first on each.
            const std::size_t first = ids.size();
            std::string last_day;
            while (history.executeStep()) {
                const char* as_of = history.getColumn(1).getText();
                if (last_day == as_of) continue;
                ids.push_back(history.getColumn(0).getInt64());
                last_day = as_of;
            }
            std::reverse(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end());
        }
        std::vector<model::ClaimRecord> records = read_records(handle, ids);
        sort_series_order(records);
        return records;
    });
}

std::vector<std::string> explain_series_queries(store::Database& db, const ClaimFilter& filter) {
    return guarded(db, [&](SQLite::Database& handle) {
        const std::vector<std::pair<std::string, std::string>> statements{
            {"claimant ids", std::string(filter.claimant ? k_claimant_ids : k_all_claimant_ids)},
            {"first population", std::string(k_first_population)},
            {"next population", std::string(k_next_population)},
            {"latest as of", latest_sql(filter, true)},
            {"latest", latest_sql(filter, false)},
            {"history", history_sql(filter)},
            {"record", record_sql()},
        };
        std::vector<std::string> lines;
        for (const auto& [name, sql] : statements) {
            SQLite::Statement plan(handle, "EXPLAIN QUERY PLAN " + sql);
            while (plan.executeStep())
                lines.push_back(name + ": " + plan.getColumn(3).getString());
        }
        return lines;
    });
}

} // namespace tracker::query
