// Fuzzes the whole extraction pipeline (extract::extract_claims). The input
// is read as a text article (header and body) as `tracker import` would;
// when the reader refuses it for want of a date, the whole input (if valid
// UTF-8) is the body of an article published on 2023-10-27.
#include "importers/extract/pipeline.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "importers/text_reader.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    model::Article article;
    auto parsed = importers::parse_text_article("fuzz.txt", input, importers::ArticleOverrides{});
    if (auto* read = std::get_if<model::Article>(&parsed)) {
        article = std::move(*read);
    } else {
        if (importers::find_invalid_utf8(input)) return -1;
        article.path = "fuzz.txt";
        article.outlet = "Fuzz Wire";
        article.published = fuzz::default_published();
        article.body = std::string(input);
    }
    auto extraction = extract::extract_claims(article, lexicon::Lexicon::builtin());
    for (const auto& claim : extraction.claims) fuzz::check_claim(claim, article.body);
    for (const auto& rejected : extraction.rejected)
        fuzz::require(rejected.span_start < rejected.span_end && rejected.span_end <= article.body.size(),
                      "rejected number outside the body");
    return 0;
}
