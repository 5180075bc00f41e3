// Fuzzes the date resolver. Input: a first line that is the publication date
// (any form the readers accept: parse_web_date, which takes ISO dates too;
// 2023-10-27 when it is none), then one sentence. Runs the numbers and
// claimant stages the dates stage depends on, find_day_mentions and
// assign_dates, and latest_month_day / latest_weekday for month, day and
// weekday numbers taken from the sentence's bytes.
#include "importers/extract/claimants.hpp"
#include "importers/extract/dates.hpp"
#include "importers/extract/numbers.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/html_reader.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace tracker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    auto [date_line, text] = fuzz::split_first_line(input);
    model::Date published = importers::parse_web_date(date_line).value_or(fuzz::default_published());
    if (text.size() >= 3) {
        unsigned month = static_cast<unsigned char>(text[0]) % 14;  // 0 and 13: out of range
        unsigned day = static_cast<unsigned char>(text[1]) % 33;    // 0 and 32 too
        if (auto resolved = extract::latest_month_day(published, month, day))
            fuzz::require(*resolved <= published, "latest_month_day after the publication date");
        model::Date weekday = extract::latest_weekday(published, static_cast<unsigned char>(text[2]) % 7);
        fuzz::require(weekday <= published && published - weekday < date::days{7},
                      "latest_weekday not in the week before publication");
    }
    if (importers::find_invalid_utf8(text)) return -1;
    const auto& lexicon = lexicon::Lexicon::builtin();
    extract::TokenizedSentence sentence = extract::tokenize_sentence(text, 0, text.size());
    auto candidates = extract::find_numbers(sentence, lexicon);
    extract::ClaimantResolver claimants(lexicon, "Fuzz Wire");
    auto attributions = claimants.assign(text, sentence, candidates);
    for (const auto& mention : extract::find_day_mentions(sentence, published, attributions)) {
        fuzz::require(mention.first <= mention.last && mention.last < sentence.tokens.size(),
                      "day mention outside the tokens");
        // A named day resolves to one on or before publication, or to a
        // calendar date with its own year.
        (void)model::format_date(mention.day);
    }
    extract::assign_dates(sentence, candidates, published, attributions);
    for (const auto& c : candidates)
        if (c.reject.empty()) fuzz::require(c.as_of.has_value(), "accepted figure without a date");
    return 0;
}
