#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"
#include "tracker/store/claim_store.hpp"

#include <memory>

namespace tracker::cli {

namespace {

struct ArticlesOptions {
    std::string db;
    std::string format = "table";
    std::string output = "-";
};

int run_articles(const ArticlesOptions& options) {
    store::Database db(options.db);
    store::ClaimStore store(db);
    auto articles = store.articles();
    Output output(options.output);
    auto& out = output.stream();
    // replaced_by: the id of the newer revision of the same URL that queries
    // and reports read instead of this one; empty for a latest revision.
    std::vector<std::string> header{"id",          "published", "outlet", "claims",
                                    "replaced_by", "title",     "path"};
    auto row = [](const store::ArticleSummary& a) {
        return std::vector<std::string>{std::to_string(a.info.id),
                                        model::format_date(a.info.published),
                                        a.info.outlet,
                                        std::to_string(a.claim_count),
                                        a.superseded_by ? std::to_string(*a.superseded_by)
                                                        : std::string(),
                                        a.info.title,
                                        a.info.path};
    };
    if (options.format == "csv") {
        write_csv_row(out, header);
        for (const auto& a : articles)
            write_csv_row(out, row(a));
    } else if (options.format == "json" || options.format == "jsonl") {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto& a : articles) {
            nlohmann::ordered_json j;
            j["id"] = a.info.id;
            j["published"] = model::format_date(a.info.published);
            j["outlet"] = a.info.outlet;
            j["conflict"] = a.info.conflict;
            j["title"] = a.info.title;
            j["url"] = a.info.url;
            j["path"] = a.info.path;
            j["claims"] = a.claim_count;
            j["content_hash"] = a.content_hash;
            j["imported_at"] = a.imported_at;
            if (a.superseded_by)
                j["replaced_by"] = *a.superseded_by;
            else
                j["replaced_by"] = nullptr;
            if (options.format == "jsonl")
                out << j.dump() << '\n';
            else
                all.push_back(std::move(j));
        }
        if (options.format == "json") out << all.dump(2) << '\n';
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& a : articles)
            rows.push_back(row(a));
        write_table(out, header, rows);
    }
    output.commit();
    return k_exit_ok;
}

} // namespace

void add_articles_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ArticlesOptions>();
    auto* command = app.add_subcommand(
        "articles", "List imported articles (every revision) with their claim counts and, for a "
                    "replaced revision, the id of the revision that replaced it");
    add_database_option(*command, options->db);
    command->add_option("--format", options->format, "table (default), csv, json or jsonl")
        ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}));
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_articles(*options); });
}

} // namespace tracker::cli
