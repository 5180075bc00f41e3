#include "importers/readers.hpp"
#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"

#include <memory>

namespace tracker::cli {

namespace {

struct ImportersOptions {
    std::string format = "table";
    std::string output = "-";
};

int run_importers(const ImportersOptions& options) {
    Output output(options.output);
    auto& out = output.stream();
    const std::vector<std::string> header{"name", "description"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& reader : importers::all_readers())
        rows.push_back({std::string(reader->name()), std::string(reader->description())});
    if (options.format == "csv") {
        write_csv_row(out, header);
        for (const auto& row : rows) write_csv_row(out, row);
    } else if (options.format == "json" || options.format == "jsonl") {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto& row : rows) {
            nlohmann::ordered_json j;
            j["name"] = row[0];
            j["description"] = row[1];
            if (options.format == "jsonl") out << j.dump() << '\n';
            else all.push_back(std::move(j));
        }
        if (options.format == "json") out << all.dump(2) << '\n';
    } else {
        write_table(out, header, rows);
    }
    output.commit();
    return k_exit_ok;
}

} // namespace

void add_importers_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ImportersOptions>();
    auto* command = app.add_subcommand(
        "importers", "List the readers 'tracker import' chooses from (names for --importer)");
    command->add_option("--format", options->format, "table (default), csv, json or jsonl")
        ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}));
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_importers(*options); });
}

} // namespace tracker::cli
