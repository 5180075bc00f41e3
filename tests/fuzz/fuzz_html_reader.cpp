// Fuzzes the saved web page reader (through find_reader("html")), the HTML
// fragment to text conversion the feed reader uses, content sniffing and the
// web date parser.
#include "importers/html_reader.hpp"
#include "importers/reader.hpp"
#include "importers/readers.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const importers::Reader* reader = importers::find_reader("html");
    fuzz::require(reader != nullptr, "no html reader");
    (void)importers::sniff_markup(input.substr(0, 4096));
    (void)reader->identify("fuzz", input.substr(0, 4096));

    auto result = reader->read("fuzz.html", input, importers::ReaderOptions{});
    if (auto* output = std::get_if<importers::ReadOutput>(&result)) {
        for (const auto& article : output->articles) {
            fuzz::check_article(article);
            fuzz::require(article.published.has_value(), "page without a publication date");
        }
    }
    // A feed item's content is UTF-8 already (libxml2 decoded it).
    if (!importers::find_invalid_utf8(input)) {
        std::string text = importers::html_fragment_to_text(input);
        fuzz::require(!importers::find_invalid_utf8(text).has_value(), "fragment text is not valid UTF-8");
    }
    if (size <= 256) (void)importers::parse_web_date(input);
    return 0;
}
