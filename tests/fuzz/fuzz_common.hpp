// Shared helpers of the libFuzzer targets (tests/fuzz/fuzz_*.cpp): the input
// as a string view, the preconditions the real callers guarantee, and checks
// of the invariants every result must keep. A broken invariant traps, so
// libFuzzer reports it as a crash with the input that caused it.
#pragma once

#include "importers/utf8.hpp"
#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"
#include "tracker/model/date.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <utility>

namespace tracker::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Traps with a message when `ok` is false.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    __builtin_trap();
}

// Splits "first line\nrest": the line (without its '\n') and the rest.
inline std::pair<std::string_view, std::string_view> split_first_line(std::string_view text) {
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) return {text, {}};
    return {text.substr(0, end), text.substr(end + 1)};
}

// 2023-10-27, the date used when an input does not give one.
inline model::Date default_published() {
    return model::Date{date::year{2023} / date::October / date::day{27}};
}

// What every claim the extractor returns must satisfy for `body`.
inline void check_claim(const model::Claim& claim, std::string_view body) {
    require(claim.span_start < claim.span_end, "claim span is empty or reversed");
    require(claim.span_end <= body.size(), "claim span ends after the body");
    require(claim.value >= 0, "negative claim value");
    if (claim.low) require(*claim.low <= claim.value, "low bound above the value");
    if (claim.high) require(claim.value <= *claim.high, "high bound below the value");
    require(!importers::find_invalid_utf8(claim.sentence).has_value(), "sentence is not valid UTF-8");
    require(body.find(claim.sentence) != std::string_view::npos, "sentence is not part of the body");
}

// What every article a reader returns must satisfy.
inline void check_article(const model::Article& article) {
    require(!importers::find_invalid_utf8(article.body).has_value(), "article body is not valid UTF-8");
    require(!importers::find_invalid_utf8(article.title).has_value(), "article title is not valid UTF-8");
    require(!importers::find_invalid_utf8(article.outlet).has_value(), "article outlet is not valid UTF-8");
    require(!importers::find_invalid_utf8(article.url).has_value(), "article URL is not valid UTF-8");
}

} // namespace tracker::fuzz
