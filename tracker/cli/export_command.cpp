#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"
#include "tracker/store/claim_store.hpp"

#include <memory>

namespace tracker::cli {

namespace {

struct ExportOptions {
    std::string db;
    std::string format = "jsonl";
    std::string output = "-";
};

int run_export(const ExportOptions& options) {
    store::Database db(options.db);
    store::ClaimStore store(db);
    auto records = store.all_claims();
    Output output(options.output);
    auto& out = output.stream();
    if (options.format == "csv") {
        write_csv_row(out, claim_record_csv_header());
        for (const auto& r : records) write_csv_row(out, claim_record_csv_row(r));
    } else if (options.format == "json") {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto& r : records) all.push_back(claim_record_json(r));
        out << all.dump(2) << '\n';
    } else {
        for (const auto& r : records) out << claim_record_json(r).dump() << '\n';
    }
    output.commit();
    return k_exit_ok;
}

} // namespace

void add_export_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand("export", "Write every stored claim with its article");
    add_database_option(*command, options->db);
    command->add_option("--format", options->format, "jsonl (default), csv or json")
        ->check(CLI::IsMember({"jsonl", "csv", "json"}));
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_export(*options); });
}

} // namespace tracker::cli
