// Options that supply or override article header fields, and the lexicon
// files, shared by `import` and `extract`.
#pragma once

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

// The failure line for an article of `path` that a reader found without a
// publication date (a saved page, a feed item, a table without dates).
std::string no_date_failure(const std::string& path, const model::Article& article);

} // namespace tracker::cli
