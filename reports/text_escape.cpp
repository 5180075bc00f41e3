#include "reports/text_escape.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace tracker::reports {

namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    }
    return true;
}

// Length of the valid UTF-8 sequence starting at text[i], or 0 if invalid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned min = 0;
    unsigned code = 0;
    if (byte < 0x80) return 1;
    if ((byte & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
        code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
        code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
        code = byte & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

} // namespace

void append_html_escaped(std::string& out, std::string_view text) {
    // Bytes that need more than a copy: markup, control characters and
    // anything outside ASCII (checked as UTF-8). Runs of plain bytes are
    // appended at once.
    static constexpr auto k_special = [] {
        std::array<bool, 256> special{};
        for (int c = 0; c < 0x20; ++c)
            special[static_cast<std::size_t>(c)] = true;
        for (int c = 0x7f; c < 0x100; ++c)
            special[static_cast<std::size_t>(c)] = true;
        for (unsigned char c : {'&', '<', '>', '"', '\''})
            special[c] = true;
        return special;
    }();
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t run = i;
        while (run < text.size() && !k_special[static_cast<unsigned char>(text[run])])
            ++run;
        out.append(text.data() + i, run - i);
        i = run;
        if (i == text.size()) break;
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) {
            const std::size_t length = utf8_length(text, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD"; // U+FFFD REPLACEMENT CHARACTER
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\t':
        case '\n': out.push_back(c); break;
        default: out.push_back(' '); // other control characters, DEL
        }
        ++i;
    }
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_html_escaped(out, text);
    return out;
}

std::optional<std::string> sanitized_http_url(std::string_view url) {
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front())))
        url.remove_prefix(1);
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back())))
        url.remove_suffix(1);
    std::size_t scheme_length = 0;
    if (starts_with_ci(url, "https://"))
        scheme_length = 8;
    else if (starts_with_ci(url, "http://"))
        scheme_length = 7;
    if (scheme_length == 0 || url.size() == scheme_length) return std::nullopt;

    // RFC 3986 unreserved and reserved characters, plus '%' for escapes
    // already present; everything else is percent-encoded.
    constexpr std::string_view k_url_punctuation = "-._~:/?#[]@!$&'()*+,;=%";
    std::string out;
    out.reserve(url.size());
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80) {
            out.push_back(c);
        } else if (k_url_punctuation.find(c) != std::string_view::npos) {
            out.push_back(c);
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned>(byte));
        }
    }
    return out;
}

std::string csv_quote(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += "\"\"";
        else
            out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csv_text(std::string_view field) {
    if (!field.empty()) {
        switch (field.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r': return csv_quote("'" + std::string(field));
        default: break;
        }
    }
    return csv_quote(field);
}

} // namespace tracker::reports
