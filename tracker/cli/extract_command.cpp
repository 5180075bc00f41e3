#include "importers/extract/pipeline.hpp"
#include "importers/text_reader.hpp"
#include "tracker/cli/article_options.hpp"
#include "tracker/cli/commands.hpp"
#include "tracker/cli/output.hpp"

#include <iostream>
#include <memory>

namespace tracker::cli {

namespace {

struct ExtractOptions {
    ArticleOptions article;
    std::vector<std::string> files;
    bool explain = false;
    std::string output = "-";
};

// The sentence with the figure between [[ and ]].
std::string marked(const std::string& sentence, std::size_t sentence_start, std::size_t start,
                   std::size_t end) {
    std::size_t a = start - sentence_start;
    std::size_t b = end - sentence_start;
    return sentence.substr(0, a) + "[[" + sentence.substr(a, b - a) + "]]" + sentence.substr(b);
}

void explain(std::ostream& out, const model::Article& article, const extract::Extraction& result) {
    out << result.claims.size() << " claim" << (result.claims.size() == 1 ? "" : "s") << " in "
        << article.path << " (published " << model::format_date(*article.published) << ", outlet '"
        << article.outlet << "')\n";
    for (const auto& c : result.claims) {
        std::size_t sentence_start = article.body.find(c.sentence);
        out << "\n" << model::to_string(c.metric) << " " << c.value << " " << model::to_string(c.qualifier)
            << (c.high && c.qualifier == model::Qualifier::range ? "-" + std::to_string(*c.high) : "")
            << " pop='" << c.population << "' claimant='" << c.claimant << "' as_of="
            << model::format_date(c.as_of) << "\n  " << marked(c.sentence, sentence_start, c.span_start, c.span_end)
            << "\n";
        std::string rule = c.rule;
        std::size_t pos = 0;
        while (pos <= rule.size()) {
            std::size_t end = rule.find("; ", pos);
            out << "  - " << rule.substr(pos, end == std::string::npos ? std::string::npos : end - pos) << "\n";
            if (end == std::string::npos) break;
            pos = end + 2;
        }
    }
    if (!result.rejected.empty()) out << "\nnumbers that are not claims:\n";
    for (const auto& r : result.rejected) out << "  " << r.text << "  (" << r.reason << ")\n";
    if (result.more_rejected) out << "  ... and " << result.more_rejected << " more\n";
}

int run_extract(const ExtractOptions& options) {
    auto lexicon = lexicon::Lexicon::load_default(options.article.lexicon_files);
    auto overrides = options.article.overrides();
    Output output(options.output);
    int status = k_exit_ok;
    // One article at a time, so memory stays bounded whatever the number of files.
    for (const auto& file : options.files) {
        auto read = importers::read_text_article(file, overrides);
        if (auto* error = std::get_if<importers::ReadError>(&read)) {
            std::cerr << error->message() << '\n';
            status = k_exit_input_failed;
            continue;
        }
        auto& article = std::get<model::Article>(read);
        auto result = extract::extract_claims(article, lexicon);
        if (options.explain) {
            explain(output.stream(), article, result);
        } else {
            for (const auto& claim : result.claims) write_claim_json_line(output.stream(), claim, article);
        }
    }
    output.commit();
    return status;
}

} // namespace

void add_extract_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ExtractOptions>();
    auto* command = app.add_subcommand(
        "extract", "Print the claims of articles as JSON lines, without touching a database");
    options->article.add_to(*command);
    command->add_option("files", options->files, "Article files ('-' reads standard input)")->required();
    command->add_flag("--explain", options->explain,
                      "Show each claim's sentence with the figure marked, the rules that decided "
                      "it, and the numbers that were rejected");
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_extract(*options); });
}

} // namespace tracker::cli
