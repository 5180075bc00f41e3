#include "tracker/query/claim_query.hpp"

#include "tracker/store/claim_rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <string_view>

namespace tracker::query {

namespace {

using store::detail::k_claim_record_columns;
using store::detail::k_claim_record_tables;

// The claimants a name stands for: those whose canonical name it is, and the
// one it is an alias of. The filter then accepts claims stored under any name
// of those claimants (canonical or alias), so a claim a table importer stored
// under an alias is still found.
constexpr std::string_view k_claimant_condition =
    "c.claimant_id IN ("
    " SELECT m.id FROM claimants m WHERE m.name COLLATE NOCASE IN ("
    "  SELECT n.name FROM claimants n WHERE n.id IN ("
    "   SELECT t.id FROM claimants t WHERE t.name = :claimant COLLATE NOCASE"
    "   UNION SELECT ta.claimant_id FROM claimant_aliases ta WHERE ta.alias = :claimant)"
    "  UNION SELECT na.alias FROM claimant_aliases na WHERE na.claimant_id IN ("
    "   SELECT t.id FROM claimants t WHERE t.name = :claimant COLLATE NOCASE"
    "   UNION SELECT ta.claimant_id FROM claimant_aliases ta WHERE ta.alias = :claimant)))";

// "WHERE ..." for the filter plus any extra conditions. Only fixed SQL text
// goes in; values are bound by name. Every query reads only the latest
// revision of each article (schema/0002_article_revisions.sql): a claim of
// a replaced revision is never an answer.
std::string where_clause(const ClaimFilter& filter, std::initializer_list<std::string_view> extra) {
    std::string sql = "WHERE a.superseded_by IS NULL";
    auto add = [&sql](std::string_view condition) {
        sql += " AND ";
        sql += condition;
    };
    if (filter.metric) add("c.metric = :metric");
    if (filter.claimant) add(k_claimant_condition);
    if (filter.population) add("c.population = :population COLLATE NOCASE");
    if (filter.outlet) add("a.outlet = :outlet COLLATE NOCASE");
    if (filter.conflict) add("a.conflict = :conflict COLLATE NOCASE");
    // Dates are 'YYYY-MM-DD' text, so text order is date order.
    if (filter.from) add("c.as_of >= :from");
    if (filter.to) add("c.as_of <= :to");
    for (std::string_view condition : extra)
        add(condition);
    return sql;
}

void bind_filter(SQLite::Statement& statement, const ClaimFilter& filter) {
    if (filter.metric) statement.bind(":metric", std::string(model::to_string(*filter.metric)));
    if (filter.claimant) statement.bind(":claimant", *filter.claimant);
    if (filter.population) statement.bind(":population", *filter.population);
    if (filter.outlet) statement.bind(":outlet", *filter.outlet);
    if (filter.conflict) statement.bind(":conflict", *filter.conflict);
    if (filter.from) statement.bind(":from", model::format_date(*filter.from));
    if (filter.to) statement.bind(":to", model::format_date(*filter.to));
}

// Sorts metrics in their declaration order (killed, injured, ...) rather
// than alphabetically. Built from constants, never from user text.
std::string metric_order() {
    std::string sql = "CASE c.metric";
    int position = 0;
    for (model::Metric metric : model::k_all_metrics)
        sql += fmt::format(" WHEN '{}' THEN {}", model::to_string(metric), position++);
    sql += " END";
    return sql;
}

std::vector<model::ClaimRecord> run(SQLite::Statement& statement) {
    std::vector<model::ClaimRecord> records;
    while (statement.executeStep())
        records.push_back(store::detail::read_claim_record(statement));
    return records;
}

std::vector<model::ClaimRecord> find_where(store::Database& db, const ClaimFilter& filter,
                                           std::optional<model::Date> day) {
    try {
        const std::string sql = fmt::format(
            "SELECT {} FROM {} {} ORDER BY c.as_of, k.name, c.population, c.value, c.id",
            k_claim_record_columns, k_claim_record_tables,
            day ? where_clause(filter, {"c.as_of = :day"}) : where_clause(filter, {}));
        SQLite::Statement statement(db.handle(), sql);
        bind_filter(statement, filter);
        if (day) statement.bind(":day", model::format_date(*day));
        return run(statement);
    } catch (const SQLite::Exception& error) {
        throw store::StoreError(fmt::format("cannot query claims: {}", error.what()));
    }
}

} // namespace

std::vector<model::ClaimRecord> find_claims(store::Database& db, const ClaimFilter& filter) {
    return find_where(db, filter, std::nullopt);
}

std::vector<model::ClaimRecord> claims_on(store::Database& db, const ClaimFilter& filter,
                                          model::Date day) {
    return find_where(db, filter, day);
}

// One query: rank each series' claims up to `day` and keep the first. Ties
// on as_of go to the later-published article, then the larger value, then
// the claim stored last (highest id), so the answer is always one row.
std::vector<model::ClaimRecord> latest_as_of(store::Database& db, const ClaimFilter& filter,
                                             model::Date day) {
    try {
        const std::string sql = fmt::format(
            "SELECT {columns} FROM {tables} "
            "JOIN (SELECT c.id AS claim_id, ROW_NUMBER() OVER ("
            "  PARTITION BY c.metric, c.claimant_id, c.population"
            "  ORDER BY c.as_of DESC, a.published DESC, c.value DESC, c.id DESC) AS series_rank"
            " FROM claims c JOIN articles a ON a.id = c.article_id {where}) latest"
            " ON latest.claim_id = c.id "
            "WHERE latest.series_rank = 1 "
            "ORDER BY {metric_order}, k.name, c.population",
            fmt::arg("columns", k_claim_record_columns), fmt::arg("tables", k_claim_record_tables),
            fmt::arg("where", where_clause(filter, {"c.as_of <= :day"})),
            fmt::arg("metric_order", metric_order()));
        SQLite::Statement statement(db.handle(), sql);
        bind_filter(statement, filter);
        statement.bind(":day", model::format_date(day));
        return run(statement);
    } catch (const SQLite::Exception& error) {
        throw store::StoreError(fmt::format("cannot query claims: {}", error.what()));
    }
}

} // namespace tracker::query
