// Fuzzes the RSS/Atom feed reader (through find_reader("feed")).
#include "importers/reader.hpp"
#include "importers/readers.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const importers::Reader* reader = importers::find_reader("feed");
    fuzz::require(reader != nullptr, "no feed reader");
    (void)reader->identify("fuzz", input.substr(0, 4096));

    for (bool skip_bad : {false, true}) {
        importers::ReaderOptions options;
        options.skip_bad_rows = skip_bad;
        auto result = reader->read("fuzz.xml", input, options);
        if (auto* output = std::get_if<importers::ReadOutput>(&result)) {
            for (const auto& article : output->articles) {
                fuzz::check_article(article);
                fuzz::require(article.published.has_value(), "feed item without a publication date");
            }
        }
    }
    return 0;
}
