// Fuzzes the number parser: extract::parse_digits on the input (with a scale
// from its first byte), then find_numbers over the input tokenized as one
// sentence. Only valid UTF-8 is tried: article bodies always are (the
// readers check or convert them).
#include "importers/extract/numbers.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    if (size > 0) {
        static constexpr std::int64_t k_scales[] = {1, 100, 1000, 1000000, 1000000000};
        std::int64_t scale = k_scales[data[0] % 5];
        if (auto value = extract::parse_digits(input.substr(1), scale))
            fuzz::require(*value >= 0, "parse_digits returned a negative value");
    }
    if (importers::find_invalid_utf8(input)) return -1;
    const auto& lexicon = lexicon::Lexicon::builtin();
    extract::TokenizedSentence sentence = extract::tokenize_sentence(input, 0, input.size());
    for (const auto& token : sentence.tokens)
        fuzz::require(token.start < token.end && token.end <= input.size(), "token outside the text");
    auto candidates = extract::find_numbers(sentence, lexicon);
    for (const auto& c : candidates) {
        fuzz::require(c.first <= c.last && c.last < sentence.tokens.size(), "candidate outside the tokens");
        fuzz::require(c.value >= 0, "negative candidate value");
        if (c.range_high) fuzz::require(*c.range_high > c.value, "range high not above its low end");
    }
    return 0;
}
