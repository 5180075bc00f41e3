// Fuzzes the JSON table reader (through find_reader("json")): once strictly,
// once keeping the good rows with a column mapping (wide tables included).
#include "importers/reader.hpp"
#include "importers/readers.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const importers::Reader* reader = importers::find_reader("json");
    fuzz::require(reader != nullptr, "no json reader");
    (void)reader->identify("fuzz", input.substr(0, 4096));

    importers::ReaderOptions strict;
    importers::ReaderOptions lenient;
    lenient.skip_bad_rows = true;
    lenient.column_map = {"deaths=value", "day=date", "source=claimant",
                          "killed=metric:killed,injured=metric:injured"};
    for (const auto* options : {&strict, &lenient}) {
        auto result = reader->read("fuzz.json", input, *options);
        if (auto* output = std::get_if<importers::ReadOutput>(&result)) {
            for (const auto& table : output->tables) {
                for (const auto& claim : table.claims) {
                    fuzz::require(claim.value >= 0, "negative table value");
                    if (claim.low) fuzz::require(*claim.low <= claim.value, "low bound above the value");
                    if (claim.high) fuzz::require(claim.value <= *claim.high, "high bound below the value");
                    fuzz::require(claim.span_start <= claim.span_end && claim.span_end <= input.size(),
                                  "table claim span outside the file");
                }
            }
        }
    }
    return 0;
}
