// Options that supply or override article header fields, and the lexicon
// files, shared by `import` and `extract`.
#pragma once

#include "importers/reader.hpp"
#include "importers/text_reader.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tracker::cli {

struct ArticleOptions {
    std::string outlet;
    std::string url;
    std::string title;
    std::string published;
    std::vector<std::string> lexicon_files;

    void add_to(CLI::App& command);
    // Throws CLI::ValidationError for a malformed --published.
    importers::ArticleOverrides overrides() const;
};

// How files are read, shared by `import` and `extract`: --importer, --map and
// --skip-bad-rows.
struct ReaderChoice {
    std::string importer;
    std::vector<std::string> column_map;
    bool skip_bad_rows = false;

    // `skip_bad_rows_help` says what the good rows become for this command.
    void add_to(CLI::App& command, const std::string& skip_bad_rows_help);
    // The reader --importer names (nullptr: choose one per file). Throws
    // CLI::ValidationError for an unknown name or a malformed --map pair.
    const importers::Reader* forced_reader() const;
    // These choices with the article overrides, as the readers take them.
    importers::ReaderOptions reader_options(importers::ArticleOverrides overrides) const;
};

// The failure line for an article of `path` that a reader found without a
// publication date (a saved page, a feed item, a table without dates).
std::string no_date_failure(const std::string& path, const model::Article& article);

} // namespace tracker::cli
