#include "reports/comparison_report.hpp"
#include "reports/markdown_renderer.hpp"
#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"
#include "tracker/query/claim_query.hpp"

#include <iostream>
#include <memory>

namespace tracker::cli {

namespace {

struct ReportCommandOptions {
    std::string db;
    std::string metric;
    std::optional<std::string> population;
    std::string from;
    std::string to;
    std::string format = "md";
    std::string output = "-";
};

std::optional<model::Date> date_or_none(const std::string& name, const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto day = model::parse_iso_date(text);
    if (!day) throw CLI::ValidationError(name, "'" + text + "' is not a date (use YYYY-MM-DD)");
    return day;
}

int run_report(const ReportCommandOptions& options) {
    reports::ReportOptions report_options;
    auto metric = model::parse_metric(options.metric);
    if (!metric) throw CLI::ValidationError("--metric", "unknown metric '" + options.metric + "'");
    report_options.metric = *metric;
    report_options.population = options.population;
    report_options.from = date_or_none("--from", options.from);
    report_options.to = date_or_none("--to", options.to);

    store::Database db(options.db);
    query::ClaimFilter filter;
    filter.metric = metric;
    filter.population = options.population;
    filter.from = report_options.from;
    filter.to = report_options.to;
    auto report = reports::build_comparison_report(query::find_claims(db, filter), report_options);

    Output output(options.output);
    reports::render_markdown(report, output.stream());
    output.commit();
    if (options.output != "-") std::cerr << "wrote " << options.output << '\n';
    return k_exit_ok;
}

} // namespace

void add_report_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ReportCommandOptions>();
    auto* command = app.add_subcommand(
        "report", "A comparison report for one metric: latest figures, timeline, disagreements, citations");
    add_database_option(*command, options->db);
    command->add_option("--metric", options->metric, "The metric to report (e.g. killed, hostages_held)")
        ->required();
    command->add_option("--population", options->population,
                        "Only this population ('' for figures with none); default: all, one series each");
    command->add_option("--from", options->from, "Only claims dated on or after this day");
    command->add_option("--to", options->to, "Only claims dated on or before this day");
    command->add_option("--format", options->format, "md (Markdown)")->check(CLI::IsMember({"md"}));
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_report(*options); });
}

} // namespace tracker::cli
