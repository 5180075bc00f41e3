#include "importers/extract/pipeline.hpp"
#include "importers/readers.hpp"
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
    ReaderChoice reading;
    bool explain = false;
    std::string output = "-";
};

// What the reader for `path` (or the forced one) makes of it; a failure is
// the one line to print.
std::variant<importers::ReadOutput, std::string>
read_input(const std::string& path, const importers::Reader* forced,
           const importers::ReaderOptions& options) {
    auto content = importers::read_file(path);
    if (auto* error = std::get_if<importers::ReadError>(&content)) return error->message();
    const std::string& text = std::get<std::string>(content);
    auto chosen = importers::reader_for(path, text, forced);
    if (auto* message = std::get_if<std::string>(&chosen)) return path + ": " + *message;
    auto read = std::get<const importers::Reader*>(chosen)->read(path, text, options);
    if (auto* error = std::get_if<importers::ReadError>(&read)) return error->message();
    return std::move(std::get<importers::ReadOutput>(read));
}

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
        out << "\n"
            << model::to_string(c.metric) << " " << c.value << " " << model::to_string(c.qualifier)
            << (c.high && c.qualifier == model::Qualifier::range ? "-" + std::to_string(*c.high)
                                                                 : "")
            << " pop='" << c.population << "' claimant='" << c.claimant
            << "' as_of=" << model::format_date(c.as_of) << "\n  "
            << marked(c.sentence, sentence_start, c.span_start, c.span_end) << "\n";
        std::string rule = c.rule;
        std::size_t pos = 0;
        while (pos <= rule.size()) {
            std::size_t end = rule.find("; ", pos);
            out << "  - "
                << rule.substr(pos, end == std::string::npos ? std::string::npos : end - pos)
                << "\n";
            if (end == std::string::npos) break;
            pos = end + 2;
        }
    }
    if (!result.rejected.empty()) out << "\nnumbers that are not claims:\n";
    for (const auto& r : result.rejected)
        out << "  " << r.text << "  (" << r.reason << ")\n";
    if (result.more_rejected) out << "  ... and " << result.more_rejected << " more\n";
}

int run_extract(const ExtractOptions& options) {
    const importers::Reader* forced = options.reading.forced_reader();
    auto lexicon = lexicon::Lexicon::load_default(options.article.lexicon_files);
    const importers::ReaderOptions reader_options =
        options.reading.reader_options(options.article.overrides());
    Output output(options.output);
    int status = k_exit_ok;
    // One file at a time, so memory stays bounded whatever the number of files.
    for (const auto& file : options.files) {
        auto read = read_input(file, forced, reader_options);
        if (auto* failure = std::get_if<std::string>(&read)) {
            std::cerr << *failure << '\n';
            status = k_exit_input_failed;
            continue;
        }
        auto& input = std::get<importers::ReadOutput>(read);
        for (const std::string& warning : input.warnings)
            std::cerr << warning << '\n';
        for (const auto& article : input.articles) {
            if (!article.published) {
                std::cerr << no_date_failure(file, article) << '\n';
                status = k_exit_input_failed;
                continue;
            }
            auto result = extract::extract_claims(article, lexicon);
            if (options.explain) {
                explain(output.stream(), article, result);
            } else {
                for (const auto& claim : result.claims)
                    write_claim_json_line(output.stream(), claim, article);
            }
        }
        // A table's rows already are claims: printed as they would be stored.
        for (const auto& table : input.tables) {
            if (!table.source.published) {
                std::cerr << no_date_failure(file, table.source) << '\n';
                status = k_exit_input_failed;
                continue;
            }
            for (const auto& claim : table.claims)
                write_claim_json_line(output.stream(), claim, table.source);
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
    command
        ->add_option("files", options->files,
                     "Article files: text, saved web pages, feeds or tables of figures, as "
                     "for import ('-' reads standard input)")
        ->required();
    options->reading.add_to(*command, "Table readers: print the good rows of a table with bad "
                                      "rows (each bad row still reported)");
    command->add_flag("--explain", options->explain,
                      "Show each claim's sentence with the figure marked, the rules that decided "
                      "it, and the numbers that were rejected");
    command->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
    command->callback([options, &exit_status] { exit_status = run_extract(*options); });
}

} // namespace tracker::cli
