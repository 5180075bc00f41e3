// Making untrusted article text (titles, outlets, claimants, sentences, URLs)
// inert in each output format: HTML text and attributes, links, CSV cells.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracker::reports {

// Text for HTML element content or a double- or single-quoted attribute:
// & < > " ' become entities; control characters other than tab and newline
// become spaces; invalid UTF-8 bytes become U+FFFD. Appends to `out`.
void append_html_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

// An http or https URL, trimmed, with every byte outside the RFC 3986
// character set percent-encoded (so no space, quote, '<' or '>' survives).
// Nothing for any other scheme (javascript:, data:, file:, relative...).
std::optional<std::string> sanitized_http_url(std::string_view url);

// One RFC 4180 field: quoted (and quotes doubled) when it holds a comma, a
// quote, CR or LF.
std::string csv_quote(std::string_view field);

// A text cell made safe for spreadsheets, then quoted as csv_quote does: a
// cell that begins with =, +, -, @, a tab or a carriage return would be read
// as a formula by Excel, LibreOffice or Google Sheets, so it is prefixed with
// a single quote ('), which those programs show as plain text. Numbers that
// tracker computes itself are written with csv_quote, never through this.
std::string csv_text(std::string_view field);

} // namespace tracker::reports
