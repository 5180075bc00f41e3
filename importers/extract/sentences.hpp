// Splits an article body into sentences with byte offsets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tracker::extract {

struct SentenceSpan {
    std::size_t start = 0; // byte offsets into the body
    std::size_t end = 0;
    bool starts_paragraph = false; // first sentence after a blank line or a new line
};

// Sentences end at . ! ? (followed by a space and a capital, digit or quote),
// and at every line break: news bodies keep one paragraph, headline, list
// item or caption per line, and a figure never spans two of them. Common
// abbreviations ("Oct.", "Mr.", "U.S.") do not end a sentence.
std::vector<SentenceSpan> split_sentences(std::string_view body);

} // namespace tracker::extract
