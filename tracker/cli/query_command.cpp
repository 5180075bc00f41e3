#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/query/series_query.hpp"

#include <memory>

namespace tracker::cli {

namespace {

struct QueryOptions {
    std::string db;
    std::string metric;
    std::string as_of;
    std::string on;
    std::string from;
    std::string to;
    std::string claimant;
    std::optional<std::string> population;
    std::string outlet;
    std::string conflict;
    bool latest = false;
    bool series = false;
    std::string format = "table";
    std::string output = "-";
};

model::Date date_option(const std::string& name, const std::string& text) {
    auto day = model::parse_iso_date(text);
    if (!day) throw CLI::ValidationError(name, "'" + text + "' is not a date (use YYYY-MM-DD)");
    return *day;
}

std::string figure(const model::Claim& c) {
    switch (c.qualifier) {
    case model::Qualifier::approx: return "~" + group_thousands(c.value);
    case model::Qualifier::at_least: return ">" + group_thousands(c.value);
    case model::Qualifier::at_most: return "<" + group_thousands(c.value);
    case model::Qualifier::range:
        return group_thousands(c.value) + "-" +
               (c.high ? group_thousands(*c.high) : std::string("?"));
    case model::Qualifier::exact: break;
    }
    return group_thousands(c.value);
}

int run_query(const QueryOptions& options) {
    query::ClaimFilter filter;
    auto metric = model::parse_metric(options.metric);
    if (!metric) throw CLI::ValidationError("--metric", "unknown metric '" + options.metric + "'");
    filter.metric = metric;
    if (!options.claimant.empty()) filter.claimant = options.claimant;
    if (options.population) filter.population = *options.population;
    if (!options.outlet.empty()) filter.outlet = options.outlet;
    if (!options.conflict.empty()) filter.conflict = options.conflict;
    if (!options.from.empty()) filter.from = date_option("--from", options.from);
    if (!options.to.empty()) filter.to = date_option("--to", options.to);

    store::Database db(options.db);
    query::tune_for_reading(db);
    std::vector<model::ClaimRecord> records;
    if (!options.as_of.empty()) {
        // The same answer as query::latest_as_of, found by index seeks per
        // series (tests/unit/test_series_query.cpp checks they agree).
        records = query::latest_per_series(db, filter, date_option("--as-of", options.as_of));
    } else if (options.latest) {
        records = query::latest_per_series(db, filter);
    } else if (options.series) {
        records = query::series_history(db, filter);
    } else if (!options.on.empty()) {
        records = query::claims_on(db, filter, date_option("--on", options.on));
    } else {
        records = query::find_claims(db, filter);
    }

    Output output(options.output);
    auto& out = output.stream();
    if (options.format == "json") {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto& r : records)
            all.push_back(claim_record_json(r));
        out << all.dump(2) << '\n';
    } else if (options.format == "jsonl") {
        for (const auto& r : records)
            out << claim_record_json(r).dump() << '\n';
    } else if (options.format == "csv") {
        write_csv_row(out, claim_record_csv_header());
        for (const auto& r : records)
            write_csv_row(out, claim_record_csv_row(r));
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : records) {
            rows.push_back({model::format_date(r.claim.as_of), r.claim.claimant, r.claim.population,
                            figure(r.claim), r.article.outlet,
                            model::format_date(r.article.published), r.article.title});
        }
        write_table(out,
                    {"as_of", "claimant", "population", "figure", "outlet", "published", "title"},
                    rows);
    }
    output.commit();
    return k_exit_ok;
}

} // namespace

void add_query_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<QueryOptions>();
    auto* command = app.add_subcommand(
        "query",
        "Figures for one metric: as of a date (latest per source), on a day, or over a period");
    add_database_option(*command, options->db);
    command
        ->add_option("--metric", options->metric,
                     "killed, injured, missing, hostages_taken, "
                     "hostages_held, hostages_released, hostages_killed, detained, "
                     "prisoners_released, casualties or displaced")
        ->required();
    auto* as_of = command->add_option("--as-of", options->as_of,
                                      "What each source said as of this date: per claimant and "
                                      "population, its latest claim dated on or before it");
    auto* on = command->add_option("--on", options->on, "Claims dated this day");
    auto* from = command->add_option("--from", options->from, "Claims dated on or after this day");
    auto* to = command->add_option("--to", options->to, "Claims dated on or before this day");
    auto* latest = command->add_flag(
        "--latest", options->latest,
        "Each series' most recent figure (within --from/--to when given): --as-of the last day");
    auto* series = command->add_flag(
        "--series", options->series,
        "Each series' full history, one figure per date (the one --as-of that day would give), "
        "ordered by claimant, population and date");
    as_of->excludes(on)->excludes(from)->excludes(to)->excludes(latest)->excludes(series);
    on->excludes(from)->excludes(to)->excludes(latest)->excludes(series);
    latest->excludes(series);
    command->add_option("--claimant", options->claimant, "Only this claimant (any of its names)");
    command->add_option("--population", options->population,
                        "Only this population ('' for figures with none)");
    command->add_option("--outlet", options->outlet, "Only claims from articles of this outlet");
    command->add_option("--conflict", options->conflict,
                        "Only claims from articles about this conflict (see import --conflict)");
    command->add_option("--format", options->format, "table (default), csv, json or jsonl")
        ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}));
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_query(*options); });
}

} // namespace tracker::cli
