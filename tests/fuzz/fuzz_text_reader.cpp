// Fuzzes the plain-text article reader and its header parser
// (importers::parse_text_article), and the text reader's identify().
#include "importers/reader.hpp"
#include "importers/readers.hpp"
#include "importers/text_reader.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const importers::Reader* reader = importers::find_reader("text");
    fuzz::require(reader != nullptr, "no text reader");
    (void)reader->identify("fuzz", input.substr(0, 4096));
    (void)reader->identify("-", input.substr(0, 4096));

    importers::ArticleOverrides none;
    auto parsed = importers::parse_text_article("fuzz.txt", input, none);
    if (auto* article = std::get_if<model::Article>(&parsed)) {
        fuzz::check_article(*article);
        fuzz::require(article->published.has_value(), "article without a publication date");
        fuzz::require(!article->body.empty(), "article with an empty body");
    } else {
        const auto& error = std::get<importers::ReadError>(parsed);
        fuzz::require(!error.reason.empty(), "error without a reason");
        fuzz::require(error.message().find('\n') == std::string::npos, "error message of several lines");
    }
    // The overrides path: every header field given on the command line.
    importers::ArticleOverrides all;
    all.outlet = "Fuzz Wire";
    all.title = "Fuzz";
    all.url = "https://example.org/fuzz";
    all.published = fuzz::default_published();
    (void)reader->read("fuzz.txt", input, importers::ReaderOptions{all, {}, false});
    return 0;
}
