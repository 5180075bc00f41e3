#include "importers/extract/tokens.hpp"

#include "importers/lexicon/lexicon.hpp"

#include <algorithm>

namespace tracker::extract {

namespace {

bool is_ascii_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

// Length of the UTF-8 sequence that starts with `lead` (1 for stray bytes).
std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

// Characters that join two word parts when letters stand on both sides.
// Byte comparisons rather than compare(): these run for every character.
bool bytes_at(std::string_view text, std::size_t i, unsigned char a, unsigned char b) {
    return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == a &&
           static_cast<unsigned char>(text[i + 1]) == b;
}
bool bytes_at(std::string_view text, std::size_t i, unsigned char a, unsigned char b,
              unsigned char c) {
    return i + 2 < text.size() && bytes_at(text, i, a, b) &&
           static_cast<unsigned char>(text[i + 2]) == c;
}

bool is_right_quote(std::string_view text, std::size_t i) {
    return bytes_at(text, i, 0xE2, 0x80, 0x99);
}

// Letters outside ASCII (accented names) count as word characters, but
// spaces, dashes and quotes from the General Punctuation block do not.
bool is_word_start(std::string_view text, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_ascii_letter(c)) return true;
    if (c < 0x80) return false;
    if (c == 0xE2) return false; // U+2000..U+2FFF: punctuation, symbols
    if (c == 0xC2) return false; // U+0080..U+00BF: NBSP, currency, symbols
    if (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBB)
        return false; // BOM / zero-width no-break space
    return c >= 0xC3;
}

// Zero-width and direction characters that may stand inside a number in
// pasted text: ZWSP, ZWNJ, ZWJ, LRM, RLM (U+200B..U+200F), word joiner
// (U+2060), BOM (U+FEFF). Returns their byte length at `i`, or 0.
std::size_t invisible_length(std::string_view text, std::size_t i) {
    if (bytes_at(text, i, 0xE2, 0x80) && i + 2 < text.size()) {
        unsigned char third = static_cast<unsigned char>(text[i + 2]);
        if (third >= 0x8B && third <= 0x8F) return 3;
    }
    if (bytes_at(text, i, 0xE2, 0x81, 0xA0) || bytes_at(text, i, 0xEF, 0xBB, 0xBF)) return 3;
    return 0;
}

// Spaces used to group thousands: no-break (U+00A0), thin (U+2009) and
// narrow no-break (U+202F). Returns their byte length at `i`, or 0.
std::size_t group_space_length(std::string_view text, std::size_t i) {
    if (bytes_at(text, i, 0xC2, 0xA0)) return 2;
    if (bytes_at(text, i, 0xE2, 0x80, 0x89) || bytes_at(text, i, 0xE2, 0x80, 0xAF)) return 3;
    return 0;
}

// Whether a number goes on at `i`: a digit (or a separator and a digit);
// after a grouping space, exactly three digits and then no further digit.
bool continues_number(std::string_view text, std::size_t i, bool group) {
    auto digit = [&](std::size_t k) {
        return k < text.size() && is_digit(static_cast<unsigned char>(text[k]));
    };
    if (group) return digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3);
    return digit(i) || ((i < text.size() && (text[i] == ',' || text[i] == '.')) && digit(i + 1));
}

} // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t base, std::string& storage) {
    std::vector<Token> tokens;
    tokenize_into(text, base, storage, tokens);
    return tokens;
}

void tokenize_into(std::string_view text, std::size_t base, std::string& storage,
                   std::vector<Token>& tokens) {
    // Folding never lengthens text, so the storage never reallocates and the
    // views stay valid; at least 32 bytes so that it lives on the heap and
    // survives a move of its owner.
    // The storage is sized once and written through a cursor, then cut to
    // what was used: shrinking never reallocates, so the views stay valid.
    storage.clear();
    storage.resize(std::max<std::size_t>(text.size(), 32));
    char* const begin = storage.data();
    char* out = begin;
    auto fold_into = [&](std::string_view raw) {
        char* from = out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(raw[i]);
            if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
                static_cast<unsigned char>(raw[i + 2]) == 0x99) {
                *out++ = '\'';
                i += 2;
            } else {
                *out++ =
                    c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            }
        }
        return std::string_view(from, static_cast<std::size_t>(out - from));
    };
    auto digits_into = [&](std::string_view raw) {
        char* from = out;
        for (char ch : raw)
            if ((ch >= '0' && ch <= '9') || ch == ',' || ch == '.') *out++ = ch;
        return std::string_view(from, static_cast<std::size_t>(out - from));
    };
    tokens.clear();
    tokens.reserve(text.size() / 5 + 4);
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        Token token;
        token.start = i;
        if (is_digit(c)) {
            std::size_t j = i;
            while (j < n) {
                unsigned char d = static_cast<unsigned char>(text[j]);
                if (is_digit(d)) {
                    ++j;
                } else if ((d == ',' || d == '.') && j + 1 < n &&
                           is_digit(static_cast<unsigned char>(text[j + 1]))) {
                    ++j;
                } else if (std::size_t length = invisible_length(text, j);
                           length && continues_number(text, j + length, false)) {
                    j += length; // "5<zero-width space>,000" is one number
                } else if (std::size_t length = group_space_length(text, j);
                           length && continues_number(text, j + length, true)) {
                    j += length; // "4 500" with a no-break or thin space
                } else {
                    break;
                }
            }
            token.kind = TokenKind::number;
            token.end = j;
        } else if (is_word_start(text, i)) {
            std::size_t j = i;
            while (j < n) {
                unsigned char d = static_cast<unsigned char>(text[j]);
                if (is_ascii_letter(d) || is_digit(d)) {
                    ++j;
                } else if (d >= 0x80 && is_word_start(text, j)) {
                    j += utf8_length(d);
                } else if ((d == '-' || d == '\'' || d == '.') && j + 1 < n &&
                           (is_ascii_letter(static_cast<unsigned char>(text[j + 1])) ||
                            (d == '-' && is_digit(static_cast<unsigned char>(text[j + 1]))))) {
                    // "Hamas-run", "Monday's", "U.S", "al-Qudra", "COVID-19"
                    ++j;
                } else if (is_right_quote(text, j) && j + 3 < n &&
                           is_ascii_letter(static_cast<unsigned char>(text[j + 3]))) {
                    j += 3;
                } else if (d == '.' && j > i && j + 1 <= n && j - i <= 3 &&
                           text.substr(i, j - i).find('.') != std::string_view::npos) {
                    // the final dot of an initialism: "U.S." "U.N."
                    ++j;
                    break;
                } else {
                    break;
                }
            }
            token.kind = TokenKind::word;
            token.end = j;
        } else {
            token.kind = TokenKind::punct;
            token.end = i + utf8_length(c);
            if (token.end > n) token.end = n;
        }
        // A possessive "'s" is a token of its own, so that "Hamas's" matches "Hamas".
        std::size_t possessive = 0; // its length in bytes, 0 if none
        if (token.kind == TokenKind::word && token.end - token.start > 2) {
            std::string_view w = text.substr(token.start, token.end - token.start);
            if (w.size() > 2 && w[w.size() - 2] == '\'' && w.back() == 's')
                possessive = 2;
            else if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s")
                possessive = 4;
            token.end -= possessive;
        }
        std::string_view raw = text.substr(token.start, token.end - token.start);
        // A number keeps only its digits and separators, without the
        // invisible or space characters read inside it.
        token.folded = token.kind == TokenKind::number ? digits_into(raw) : fold_into(raw);
        token.capitalized = c >= 'A' && c <= 'Z';
        i = token.end + possessive;
        token.start += base;
        token.end += base;
        tokens.push_back(token);
        if (possessive) {
            Token tail;
            tail.kind = TokenKind::word;
            tail.start = token.end;
            tail.end = token.end + possessive;
            tail.folded = "'s"; // a literal: needs no storage
            tokens.push_back(tail);
        }
    }
    storage.resize(static_cast<std::size_t>(out - begin));
}

} // namespace tracker::extract

namespace tracker::extract {

TokenizedSentence tokenize_sentence(std::string_view body, std::size_t start, std::size_t end) {
    TokenizedSentence sentence;
    tokenize_sentence_into(sentence, body, start, end);
    return sentence;
}

void tokenize_sentence_into(TokenizedSentence& sentence, std::string_view body, std::size_t start,
                            std::size_t end) {
    sentence.start = start;
    sentence.end = end;
    sentence.starts_paragraph = false;
    tokenize_into(body.substr(start, end - start), start, sentence.folded_text, sentence.tokens);
    sentence.words.clear();
    sentence.info.clear(); // not annotated until annotate_sentence()
    sentence.words.reserve(sentence.tokens.size());
    for (const Token& token : sentence.tokens)
        sentence.words.emplace_back(token.folded);
}

} // namespace tracker::extract
