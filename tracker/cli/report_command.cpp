#include "reports/comparison_report.hpp"
#include "reports/csv_renderer.hpp"
#include "reports/html_renderer.hpp"
#include "reports/json_renderer.hpp"
#include "reports/markdown_renderer.hpp"
#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/query/series_query.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>
#include <unordered_set>

namespace tracker::cli {

namespace {

struct ReportCommandOptions {
    std::string db;
    std::string metric;
    bool all = false;
    std::optional<std::string> population;
    std::string from;
    std::string to;
    std::vector<std::string> claimants;
    std::string outlet;
    std::string conflict;
    std::string by = "claimant";
    int window = 1;
    std::string format; // empty: from the -o extension, else md
    std::string output = "-";
};

std::optional<model::Date> date_or_none(const std::string& name, const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto day = model::parse_iso_date(text);
    if (!day) throw CLI::ValidationError(name, "'" + text + "' is not a date (use YYYY-MM-DD)");
    return day;
}

// --format, else the output file's extension, else Markdown.
std::string format_of(const ReportCommandOptions& options) {
    if (!options.format.empty()) return options.format;
    const std::string& path = options.output;
    for (const auto& [extension, format] :
         {std::pair{".html", "html"}, std::pair{".htm", "html"}, std::pair{".csv", "csv"},
          std::pair{".json", "json"}, std::pair{".md", "md"}}) {
        const std::string_view ext(extension);
        if (path.size() > ext.size() &&
            path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
            return format;
    }
    return "md";
}

// The claims the report reads, each once: per metric and per --claimant
// name (the query resolves aliases), with the other filters applied.
std::vector<model::ClaimRecord>
load_claims(store::Database& db, const ReportCommandOptions& options,
            const std::vector<std::optional<model::Metric>>& metrics,
            const reports::ReportOptions& report_options) {
    std::vector<std::optional<std::string>> names;
    if (options.claimants.empty())
        names.push_back(std::nullopt);
    else
        names.assign(options.claimants.begin(), options.claimants.end());
    std::vector<model::ClaimRecord> claims;
    std::unordered_set<std::int64_t> seen;
    for (const auto& metric : metrics) {
        for (const auto& name : names) {
            query::ClaimFilter filter;
            filter.metric = metric;
            filter.claimant = name;
            filter.population = report_options.population;
            filter.outlet = report_options.outlet;
            filter.conflict = report_options.conflict;
            filter.from = report_options.from;
            filter.to = report_options.to;
            for (model::ClaimRecord& record : query::find_claims(db, filter))
                if (seen.insert(record.id).second) claims.push_back(std::move(record));
        }
    }
    return claims;
}

int run_report(const ReportCommandOptions& options) {
    reports::ReportOptions report_options;
    std::optional<model::Metric> metric;
    if (!options.metric.empty()) {
        metric = model::parse_metric(options.metric);
        if (!metric)
            throw CLI::ValidationError("--metric", "unknown metric '" + options.metric + "'");
        report_options.metric = *metric;
    }
    report_options.population = options.population;
    report_options.from = date_or_none("--from", options.from);
    report_options.to = date_or_none("--to", options.to);
    if (report_options.from && report_options.to && *report_options.from > *report_options.to)
        throw CLI::ValidationError("--from", "--from is later than --to");
    if (!options.outlet.empty()) report_options.outlet = options.outlet;
    if (!options.conflict.empty()) report_options.conflict = options.conflict;
    report_options.series_key = *reports::parse_series_key(options.by);
    report_options.window_days = options.window;
    const std::string format = format_of(options);

    store::Database db(options.db);
    query::tune_for_reading(db);
    std::vector<std::optional<model::Metric>> metrics;
    if (metric) {
        for (model::Metric read : reports::metrics_read_by_report(*metric))
            metrics.push_back(read);
    } else {
        metrics.push_back(std::nullopt); // the overview reads every metric
    }
    const std::vector<model::ClaimRecord> claims =
        load_claims(db, options, metrics, report_options);

    if (!options.claimants.empty()) {
        // The canonical names the given names resolved to; the builder keeps
        // only their claims (all loaded claims already are).
        std::set<std::string> resolved;
        for (const model::ClaimRecord& record : claims)
            resolved.insert(record.claim.claimant);
        report_options.claimants = std::vector<std::string>(resolved.begin(), resolved.end());
        if (resolved.empty())
            std::cerr << "tracker: no claims by the given --claimant names match\n";
    }

    Output output(options.output);
    std::ostream& out = output.stream();
    if (metric) {
        const auto report = reports::build_comparison_report(claims, report_options);
        if (format == "html")
            reports::render_html(report, out);
        else if (format == "csv")
            reports::render_csv(report, out);
        else if (format == "json")
            reports::render_json(report, out);
        else
            reports::render_markdown(report, out);
    } else {
        const auto report = reports::build_overview_report(claims, report_options);
        if (format == "html")
            reports::render_html(report, out);
        else if (format == "csv")
            reports::render_csv(report, out);
        else if (format == "json")
            reports::render_json(report, out);
        else
            reports::render_markdown(report, out);
    }
    output.commit();
    if (options.output != "-") std::cerr << "wrote " << options.output << '\n';
    return k_exit_ok;
}

} // namespace

void add_report_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ReportCommandOptions>();
    auto* command = app.add_subcommand(
        "report", "A comparison report for one metric (latest figures, chart, timeline, "
                  "disagreements, consistency checks, citations), or an overview of every metric");
    add_database_option(*command, options->db);
    auto* metric = command->add_option(
        "--metric", options->metric,
        "The metric to report (e.g. killed, hostages_held); without it, the overview");
    auto* all =
        command->add_flag("--all", options->all,
                          "The overview: one section per metric with each series' latest figure");
    metric->excludes(all);
    command->add_option(
        "--population", options->population,
        "Only this population ('' for figures with none); default: all, one series each");
    command->add_option("--from", options->from, "Only claims dated on or after this day");
    command->add_option("--to", options->to, "Only claims dated on or before this day");
    command->add_option("--claimant", options->claimants,
                        "Only claims by this claimant (any of its names); repeatable");
    command->add_option("--outlet", options->outlet, "Only claims from articles of this outlet");
    command->add_option("--conflict", options->conflict,
                        "Only claims from articles about this conflict (see import --conflict)");
    command->add_option("--by", options->by, "What a series follows: claimant (default) or outlet")
        ->check(CLI::IsMember({"claimant", "outlet"}));
    command
        ->add_option("--window", options->window,
                     "Disagreements compare claimants within windows of this many days (default 1: "
                     "the same day)")
        ->check(CLI::Range(1, 3660));
    command
        ->add_option("--format", options->format,
                     "md (default), html, csv or json; default: from the -o extension, else md")
        ->check(CLI::IsMember({"md", "html", "csv", "json"}));
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_report(*options); });
}

} // namespace tracker::cli
