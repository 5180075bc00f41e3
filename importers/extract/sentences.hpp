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
// Text with no sentence end for thousands of bytes (a table flattened into
// one line, a scraped page without punctuation) is not prose; reading it as
// one sentence would make every stage's work grow with its square. Such a
// span is cut into pieces of at most k_max_sentence_bytes, at a comma,
// semicolon or space near the limit.
std::vector<SentenceSpan> split_sentences(std::string_view body);

inline constexpr std::size_t k_max_sentence_bytes = 4096;

// The same sentences one at a time, so that an article's sentences are
// never all held at once.
class SentenceSplitter {
  public:
    explicit SentenceSplitter(std::string_view body) : body_(body) {}
    // Writes the next sentence to `out`; false at the end of the body.
    bool next(SentenceSpan& out);

  private:
    bool scan_sentence(SentenceSpan& out);
    bool next_piece(SentenceSpan& out);

    std::string_view body_;
    std::size_t i_ = 0;     // scan position
    std::size_t start_ = 0; // start of the sentence being scanned
    bool new_paragraph_ = true;
    bool finished_ = false; // the last span has been emitted
    SentenceSpan piece_;    // the span being cut into pieces
    std::size_t piece_start_ = 0;
    bool piece_first_ = true;
};

} // namespace tracker::extract
