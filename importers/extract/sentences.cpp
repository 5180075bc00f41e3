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

// The first line break or . ! ? at or after `from` (the size if none): the
// only bytes where a sentence may end, skipped to with one test per byte.
std::size_t next_mark(std::string_view body, std::size_t from) {
    static constexpr auto k_marks = [] {
        std::array<bool, 256> marks{};
        for (unsigned char c : {'\n', '.', '!', '?'})
            marks[c] = true;
        return marks;
    }();
    while (from < body.size() && !k_marks[static_cast<unsigned char>(body[from])])
        ++from;
    return from;
}

} // namespace

bool SentenceSplitter::next(SentenceSpan& out) {
    if (piece_start_ < piece_.end) return next_piece(out);
    while (scan_sentence(piece_)) {
        piece_start_ = piece_.start;
        piece_first_ = true;
        if (next_piece(out)) return true;
    }
    return false;
}

// Cuts the current span into pieces of at most k_max_sentence_bytes.
bool SentenceSplitter::next_piece(SentenceSpan& out) {
    const SentenceSpan& span = piece_;
    std::size_t start = piece_start_;
    if (span.end - start > k_max_sentence_bytes) {
        std::size_t limit = start + k_max_sentence_bytes;
        std::size_t cut = limit;
        std::size_t floor = start + k_max_sentence_bytes / 2;
        for (std::size_t k = limit; k > floor; --k) {
            if (body_[k - 1] == ',' || body_[k - 1] == ';') {
                cut = k;
                break;
            }
        }
        if (cut == limit) {
            for (std::size_t k = limit; k > floor; --k) {
                if (body_[k - 1] == ' ') {
                    cut = k;
                    break;
                }
            }
        }
        // never inside a UTF-8 sequence
        while (cut > start + 1 && (static_cast<unsigned char>(body_[cut]) & 0xC0) == 0x80)
            --cut;
        out = SentenceSpan{start, cut, piece_first_ && span.starts_paragraph};
        piece_first_ = false;
        start = cut;
        while (start < span.end && is_space(body_[start]))
            ++start;
        piece_start_ = start;
        return true;
    }
    piece_start_ = span.end;
    if (span.end > start) {
        out = SentenceSpan{start, span.end, piece_first_ && span.starts_paragraph};
        return true;
    }
    return false;
}

// The next sentence as the splitter's rules find it, before long spans are cut.
bool SentenceSplitter::scan_sentence(SentenceSpan& out) {
    std::string_view body = body_;
    bool found = false;
    auto emit = [&](std::size_t end) {
        std::size_t s = start_;
        while (s < end && (is_space(body[s]) || body[s] == '\n'))
            ++s;
        std::size_t e = end;
        while (e > s && (is_space(body[e - 1]) || body[e - 1] == '\n'))
            --e;
        if (e > s) {
            out = SentenceSpan{s, e, new_paragraph_};
            new_paragraph_ = false;
            found = true;
        }
        start_ = end;
    };
    while (!found) {
        i_ = next_mark(body, i_);
        if (i_ >= body.size()) break;
        std::size_t i = i_++;
        char c = body[i];
        if (c == '\n') {
            emit(i);
            new_paragraph_ = true;
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
        i_ = end;
    }
    if (!found && !finished_) {
        finished_ = true;
        emit(body.size());
    }
    return found;
}

std::vector<SentenceSpan> split_sentences(std::string_view body) {
    std::vector<SentenceSpan> sentences;
    SentenceSplitter splitter(body);
    for (SentenceSpan span; splitter.next(span);)
        sentences.push_back(span);
    return sentences;
}

} // namespace tracker::extract
