// Splits text into word, number and punctuation tokens with byte offsets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::extract {

enum class TokenKind { word, number, punct };

struct Token {
    TokenKind kind = TokenKind::word;
    std::size_t start = 0; // byte offsets into the text given to tokenize()
    std::size_t end = 0;
    // Lowercase ASCII, typographic apostrophes as '. A view into the
    // storage given to tokenize(), which must outlive the token.
    std::string_view folded;
    bool capitalized = false; // the first letter is upper case
};

// Words keep inner hyphens, apostrophes and dots ("Hamas-run", "U.S.",
// "Monday's"); numbers keep inner commas and dots ("7,028", "1.4"); every
// other visible character is a punctuation token of its own. `base` is added
// to every offset so that tokens of a sentence point into the article body.
// The folded forms are written into `storage` (cleared first), which must not
// be changed while the tokens are in use.
std::vector<Token> tokenize(std::string_view text, std::size_t base, std::string& storage);
// The same into `tokens` (cleared first), reusing its memory.
void tokenize_into(std::string_view text, std::size_t base, std::string& storage,
                   std::vector<Token>& tokens);

} // namespace tracker::extract

namespace tracker::lexicon {
struct WordInfo;
} // namespace tracker::lexicon

namespace tracker::extract {

// A sentence of the body with its tokens, and their folded forms as views
// for lexicon phrase matching.
struct TokenizedSentence {
    std::size_t start = 0; // byte offsets into the body
    std::size_t end = 0;
    std::string folded_text; // holds every token's folded form (see Token::folded)
    std::vector<Token> tokens;
    std::vector<std::string_view> words; // tokens[i].folded
    // Each token's entry in the lexicon's index of first words (nullptr if
    // none), filled by annotate_sentence() (lookup.hpp); empty if not annotated.
    std::vector<const lexicon::WordInfo*> info;
    bool starts_paragraph = false;

    std::string_view word(std::size_t i) const {
        return i < words.size() ? words[i] : std::string_view{};
    }
};

TokenizedSentence tokenize_sentence(std::string_view body, std::size_t start, std::size_t end);
// The same into `sentence`, reusing its buffers (one per article, not one per sentence).
void tokenize_sentence_into(TokenizedSentence& sentence, std::string_view body, std::size_t start,
                            std::size_t end);

} // namespace tracker::extract
