#include "importers/extract/sentences.hpp"

#include <array>
#include <cctype>
#include <string>

namespace tracker::extract {

namespace {

// Words that end with a dot without ending the sentence.
constexpr std::array<std::string_view, 37> k_abbreviations{
    "jan", "feb", "mar", "apr",  "jun", "jul", "aug", "sep",  "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms",  "dr",  "st",   "gen", "col", "lt",  "sgt",  "capt", "rep", "sen", "gov", "no",
    "vs",  "adm", "maj", "prof", "jr",  "sr",  "inc", "corp", "co",   "mt",  "ft",
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool is_abbreviation(std::string_view body, std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(body[start - 1])))
        --start;
    std::string_view word = body.substr(start, dot - start);
    if (word.empty()) return false;
    // Single letters and initialisms ("U.S.", "J.") never end a sentence here.
    if (word.size() == 1) return true;
    if (word.size() > 4) return false; // longer than any abbreviation
    char lower[4];
    for (std::size_t i = 0; i < word.size(); ++i)
        lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
    std::string_view folded(lower, word.size());
    for (std::string_view a : k_abbreviations)
        if (folded == a) return true;
    return false;
}

// Whether the text after a sentence-final mark starts a new sentence.
bool starts_sentence(std::string_view body, std::size_t at) {
    if (at >= body.size()) return true;
    unsigned char c = static_cast<unsigned char>(body[at]);
    if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(') return true;
    // Typographic opening quotes (U+201C, U+2018).
    if (body.compare(at, 3, "\xE2\x80\x9C") == 0 || body.compare(at, 3, "\xE2\x80\x98") == 0)
        return true;
    return false;
}

// Text with no sentence end for thousands of bytes (a table flattened into
// one line, a scraped page without punctuation) is not prose; reading it as
// one sentence would make every stage's work grow with its square. Such a
// span is cut into pieces of at most k_max_sentence_bytes, at a comma,
// semicolon or space near the limit.
constexpr std::size_t k_max_sentence_bytes = 4096;

std::vector<SentenceSpan> split_long_sentences(std::string_view body,
                                               std::vector<SentenceSpan> sentences) {
    std::vector<SentenceSpan> out;
    out.reserve(sentences.size());
    for (const SentenceSpan& span : sentences) {
        std::size_t start = span.start;
        bool first = true;
        while (span.end - start > k_max_sentence_bytes) {
            std::size_t limit = start + k_max_sentence_bytes;
            std::size_t cut = limit;
            std::size_t floor = start + k_max_sentence_bytes / 2;
            for (std::size_t k = limit; k > floor; --k) {
                if (body[k - 1] == ',' || body[k - 1] == ';') {
                    cut = k;
                    break;
                }
            }
            if (cut == limit) {
                for (std::size_t k = limit; k > floor; --k) {
                    if (body[k - 1] == ' ') {
                        cut = k;
                        break;
                    }
                }
            }
            // never inside a UTF-8 sequence
            while (cut > start + 1 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80)
                --cut;
            out.push_back(SentenceSpan{start, cut, first && span.starts_paragraph});
            first = false;
            start = cut;
            while (start < span.end && is_space(body[start]))
                ++start;
        }
        if (span.end > start)
            out.push_back(SentenceSpan{start, span.end, first && span.starts_paragraph});
    }
    return out;
}

} // namespace

std::vector<SentenceSpan> split_sentences(std::string_view body) {
    std::vector<SentenceSpan> sentences;
    std::size_t start = 0;
    bool new_paragraph = true;
    auto emit = [&](std::size_t end) {
        std::size_t s = start;
        while (s < end && (is_space(body[s]) || body[s] == '\n'))
            ++s;
        std::size_t e = end;
        while (e > s && (is_space(body[e - 1]) || body[e - 1] == '\n'))
            --e;
        if (e > s) {
            sentences.push_back(SentenceSpan{s, e, new_paragraph});
            new_paragraph = false;
        }
        start = end;
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c == '\n') {
            emit(i);
            new_paragraph = true;
            continue;
        }
        if (c != '.' && c != '!' && c != '?') continue;
        // Closing quotes and brackets belong to the sentence they end.
        std::size_t end = i + 1;
        while (end < body.size()) {
            if (body[end] == '"' || body[end] == '\'' || body[end] == ')') {
                ++end;
            } else if (body.compare(end, 3, "\xE2\x80\x9D") == 0 ||
                       body.compare(end, 3, "\xE2\x80\x99") == 0) {
                end += 3;
            } else {
                break;
            }
        }
        if (end < body.size() && !is_space(body[end]) && body[end] != '\n') continue;
        if (c == '.' && is_abbreviation(body, i)) continue;
        std::size_t next = end;
        while (next < body.size() && is_space(body[next]))
            ++next;
        if (next < body.size() && body[next] != '\n' && !starts_sentence(body, next)) continue;
        emit(end);
        i = end - 1;
    }
    emit(body.size());
    return split_long_sentences(body, std::move(sentences));
}

} // namespace tracker::extract
