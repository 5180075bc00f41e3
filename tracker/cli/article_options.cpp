#include "tracker/cli/article_options.hpp"

#include "importers/readers.hpp"

namespace tracker::cli {

void ArticleOptions::add_to(CLI::App& command) {
    command.add_option("--outlet", outlet, "Publisher name (overrides the Outlet: header)");
    command.add_option("--published", published,
                       "Publication date YYYY-MM-DD (overrides the Published: header)");
    command.add_option("--url", url, "Article URL (overrides the URL: header)");
    command.add_option("--title", title, "Article title (overrides the Title: header)");
    command
        .add_option("--lexicon", lexicon_files,
                    "Extra lexicon file (repeatable); see importers/lexicon/README.md")
        ->check(CLI::ExistingFile);
}

importers::ArticleOverrides ArticleOptions::overrides() const {
    importers::ArticleOverrides o;
    if (!outlet.empty()) o.outlet = outlet;
    if (!url.empty()) o.url = url;
    if (!title.empty()) o.title = title;
    if (!published.empty()) {
        o.published = model::parse_iso_date(published);
        if (!o.published)
            throw CLI::ValidationError("--published",
                                       "'" + published + "' is not a date (use YYYY-MM-DD)");
    }
    return o;
}

void ReaderChoice::add_to(CLI::App& command, const std::string& skip_bad_rows_help) {
    command.add_option("--importer", importer,
                       "Read every file with this reader instead of choosing one per file "
                       "(see 'tracker importers')");
    command
        .add_option("--map", column_map,
                    "Table readers: take FIELD (date, metric, value, ...) from COLUMN "
                    "(COLUMN=FIELD, repeatable)")
        ->allow_extra_args(false);
    command.add_flag("--skip-bad-rows", skip_bad_rows, skip_bad_rows_help);
}

const importers::Reader* ReaderChoice::forced_reader() const {
    for (const std::string& pair : column_map)
        if (pair.find('=') == std::string::npos || pair.front() == '=')
            throw CLI::ValidationError("--map", "'" + pair + "' is not COLUMN=FIELD");
    if (importer.empty()) return nullptr;
    if (const importers::Reader* reader = importers::find_reader(importer)) return reader;
    std::string names;
    for (const auto& reader : importers::all_readers())
        names += (names.empty() ? "" : ", ") + std::string(reader->name());
    throw CLI::ValidationError("--importer",
                               "unknown importer '" + importer + "'; the importers are: " + names);
}

importers::ReaderOptions ReaderChoice::reader_options(importers::ArticleOverrides overrides) const {
    importers::ReaderOptions options;
    options.overrides = std::move(overrides);
    options.column_map = column_map;
    options.skip_bad_rows = skip_bad_rows;
    return options;
}

std::string no_date_failure(const std::string& path, const model::Article& article) {
    std::string which =
        article.title.empty() ? std::string("an article") : "article '" + article.title + "'";
    return path + ": " + which + " has no publication date; pass --published";
}

} // namespace tracker::cli
