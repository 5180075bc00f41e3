#include "importers/html_nesting.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace tracker::importers {

namespace {

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

// Elements that never hold others, or that the next sibling start closes:
// neither makes the open-element stack grow without bound.
bool is_flat(std::string_view name) {
    static constexpr std::array<std::string_view, 30> k_flat{
        "area",  "base",  "br",     "col",      "embed", "hr",      "img", "input",
        "link",  "meta",  "param",  "source",   "track", "wbr",     "p",   "li",
        "dt",    "dd",    "option", "optgroup", "tr",    "td",      "th",  "tbody",
        "thead", "tfoot", "rb",     "rt",       "rp",    "colgroup"};
    return std::find(k_flat.begin(), k_flat.end(), name) != k_flat.end();
}

// Elements whose content is text up to their own end tag.
bool is_raw_text(std::string_view name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" ||
           name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
           name == "plaintext";
}

// Lower-cases an ASCII tag name into `out` (names longer than the buffer are
// cut: they are no element this guard knows by name).
std::string_view lower_name(std::string_view html, std::size_t& i, std::array<char, 16>& out) {
    std::size_t n = 0;
    while (i < html.size() && is_name_char(html[i])) {
        if (n < out.size())
            out[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
        ++i;
    }
    return {out.data(), n};
}

// The end of the raw text of `name` starting at `from`: the position of its
// end tag, or the end of the input.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        std::size_t j = i + 2;
        std::array<char, 16> buffer{};
        if (lower_name(html, j, buffer) == name) return i;
    }
    return html.size();
}

} // namespace

bool html_nests_deeper_than(std::string_view html, std::size_t limit) {
    std::size_t depth = 0;
    std::size_t i = 0;
    std::array<char, 16> buffer{};
    while ((i = html.find('<', i)) != std::string_view::npos) {
        ++i;
        if (i >= html.size()) break;
        if (html.compare(i, 3, "!--") == 0) {
            const std::size_t end = html.find("-->", i + 3);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        if (html[i] == '!' || html[i] == '?') continue; // doctype, processing instruction
        const bool closing = html[i] == '/';
        if (closing) ++i;
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        const std::string_view name = lower_name(html, i, buffer);
        const std::size_t end = html.find('>', i);
        if (end == std::string_view::npos) break;
        const bool self_closed = html[end - 1] == '/';
        i = end + 1;
        if (closing) {
            if (!is_flat(name) && depth > 0) --depth;
            continue;
        }
        if (is_raw_text(name)) {
            i = raw_text_end(html, i, name);
            continue;
        }
        if (self_closed || is_flat(name)) continue;
        if (++depth > limit) return true;
    }
    return false;
}

} // namespace tracker::importers
