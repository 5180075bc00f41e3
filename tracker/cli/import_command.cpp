#include "importers/content_hash.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/text_reader.hpp"
#include "tracker/cli/article_options.hpp"
#include "tracker/cli/commands.hpp"
#include "tracker/store/claim_store.hpp"

#include <iostream>
#include <memory>
#include <unistd.h>

namespace tracker::cli {

namespace {

struct ImportOptions {
    std::string db;
    ArticleOptions article;
    std::vector<std::string> files;
    bool quiet = false;
};

void register_lexicon_claimants(store::ClaimStore& store, const lexicon::Lexicon& lexicon) {
    for (const auto& claimant : lexicon.claimants) store.add_claimant_aliases(claimant.canonical, claimant.aliases);
}

int run_import(const ImportOptions& options) {
    auto overrides = options.article.overrides();
    auto lexicon = lexicon::Lexicon::load_default(options.article.lexicon_files);
    store::Database db(options.db);
    store::ClaimStore store(db);
    register_lexicon_claimants(store, lexicon);

    std::size_t imported = 0, skipped = 0, failed = 0, claims = 0;
    const bool progress = !options.quiet && isatty(STDERR_FILENO) && options.files.size() > 1;
    for (std::size_t i = 0; i < options.files.size(); ++i) {
        const std::string& path = options.files[i];
        if (progress)
            std::cerr << "\r[" << i + 1 << "/" << options.files.size() << "] importing..." << std::flush;
        auto read = importers::read_text_article(path, overrides);
        if (auto* error = std::get_if<importers::ReadError>(&read)) {
            if (progress) std::cerr << "\r\033[K";
            std::cerr << error->message() << '\n';
            ++failed;
            continue;
        }
        auto& article = std::get<model::Article>(read);
        try {
            auto extraction = extract::extract_claims(article, lexicon);
            auto result = store.add_article(article, importers::content_hash(article), extraction.claims);
            if (result.outcome == store::WriteOutcome::already_present) {
                ++skipped;
            } else {
                ++imported;
                claims += result.claims_stored;
            }
        } catch (const store::StoreError&) {
            throw;
        } catch (const std::exception& e) {
            if (progress) std::cerr << "\r\033[K";
            std::cerr << path << ": " << e.what() << '\n';
            ++failed;
        }
    }
    if (progress) std::cerr << "\r\033[K";
    std::cout << "imported " << imported << " article" << (imported == 1 ? "" : "s") << ", skipped "
              << skipped << " already present, failed " << failed << "; stored " << claims << " claim"
              << (claims == 1 ? "" : "s") << " in " << options.db << '\n';
    return failed ? k_exit_input_failed : k_exit_ok;
}

} // namespace

void add_import_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ImportOptions>();
    auto* command = app.add_subcommand(
        "import", "Read articles, extract their figure claims and store them (one transaction per article)");
    add_database_option(*command, options->db);
    options->article.add_to(*command);
    command->add_option("files", options->files, "Article files ('-' reads standard input)")->required();
    command->add_flag("-q,--quiet", options->quiet, "No progress display");
    command->callback([options, &exit_status] { exit_status = run_import(*options); });
}

} // namespace tracker::cli
