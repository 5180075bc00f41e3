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
    bool all_revisions = false;
};

// Indents every line of a dumped JSON value by two spaces, so that a stream
// of them reads like nlohmann's dump(2) of the whole array.
void write_indented(std::ostream& out, const std::string& dumped) {
    out << "  ";
    for (char c : dumped) {
        out << c;
        if (c == '\n') out << "  ";
    }
}

// Claims are written as they are read, so an export of millions of claims
// needs no more memory than one.
int run_export(const ExportOptions& options) {
    store::Database db(options.db);
    store::ClaimStore store(db);
    const store::Revisions revisions =
        options.all_revisions ? store::Revisions::all : store::Revisions::latest;
    Output output(options.output);
    auto& out = output.stream();
    if (options.format == "csv") {
        write_csv_row(out, claim_record_csv_header());
        store.for_each_claim(revisions, [&](const model::ClaimRecord& record) {
            write_csv_row(out, claim_record_csv_row(record));
        });
    } else if (options.format == "json") {
        bool first = true;
        out << '[';
        store.for_each_claim(revisions, [&](const model::ClaimRecord& record) {
            out << (first ? "\n" : ",\n");
            write_indented(out, claim_record_json(record).dump(2));
            first = false;
        });
        out << (first ? "]\n" : "\n]\n");
    } else {
        store.for_each_claim(revisions, [&](const model::ClaimRecord& record) {
            out << claim_record_json(record).dump() << '\n';
        });
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
    command->add_flag("--all-revisions", options->all_revisions,
                      "Also the claims of article revisions replaced by a newer one (by default "
                      "only each article's latest revision, as queries and reports read)");
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_export(*options); });
}

} // namespace tracker::cli
