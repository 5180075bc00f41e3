#include "tracker/cli/article_options.hpp"

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

std::string no_date_failure(const std::string& path, const model::Article& article) {
    std::string which =
        article.title.empty() ? std::string("an article") : "article '" + article.title + "'";
    return path + ": " + which + " has no publication date; pass --published";
}

} // namespace tracker::cli
