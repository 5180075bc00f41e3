// Reads saved web pages (.html, .htm, or content that starts like an HTML
// document) into one article: the main text with its paragraphs, stripped of
// navigation, scripts, share bars, comments and footers, and the page's
// metadata in order of trust: JSON-LD NewsArticle, OpenGraph and article meta
// tags, <time datetime>, <link rel=canonical>, <title>.
//
// The page is parsed with gumbo (an HTML5 parser), never with patterns.
// Pages in another charset than UTF-8 are converted from the one they declare
// (<meta charset> or http-equiv Content-Type); see decode_to_utf8().
//
// Also here, because the feed reader and the text reader share them: HTML
// fragment to text, the date forms found on the web, and content sniffing.
#pragma once

#include "importers/text_reader.hpp"
#include "tracker/model/date.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tracker::importers {

// Parses a saved page already in memory (raw bytes, any declared charset).
// `path` is recorded as given. Overrides replace what the page says.
ReadResult parse_html_article(std::string path, std::string_view content,
                              const ArticleOverrides& overrides);

// The text of an HTML fragment (a feed item's content, say), UTF-8: one line
// per block element, a blank line between paragraphs, entities decoded,
// scripts, styles, navigation and share/comment boxes dropped. Text without
// markup comes back with its whitespace collapsed.
// (Empty for markup nested deeper than k_max_html_nesting: see html_nesting.hpp.)
std::string html_fragment_to_text(std::string_view html);

// Bytes in `charset` (a label as pages write it, any case: "windows-1252",
// "ISO-8859-1", "latin1", "koi8-r"...) as UTF-8, or a one-line reason.
// Windows-1252 and its aliases (ISO-8859-1, latin1 and US-ASCII, which
// browsers read as Windows-1252 too, as the WHATWG Encoding standard says)
// are converted here; other charsets through glibc's iconv.
struct CharsetError {
    std::string reason; // "invalid windows-1251 byte sequence at byte 812"
};
std::variant<std::string, CharsetError> decode_to_utf8(std::string_view bytes,
                                                       std::string_view charset);

// A publication date in the forms pages and feeds use: ISO 8601
// ("2023-10-24", "2023-10-24T08:00:00+03:00"), RFC 822/1123 ("Tue, 24 Oct
// 2023 08:00:00 GMT", weekday optional, two-digit years read as 19xx/20xx),
// "October 24, 2023" and "24 October 2023" (month names in English, full or
// abbreviated). The day is the one written, in the writer's own time zone,
// as parse_iso_date does. Numeric forms such as "24/10/2023" are refused:
// day and month order cannot be told apart.
std::optional<model::Date> parse_web_date(std::string_view text);

// What the first element of a document is, skipping a byte order mark,
// whitespace, an XML declaration, comments and a doctype: <html> (or an HTML
// doctype) is a page, <rss>, <feed> or <rdf:RDF> a feed.
enum class MarkupKind { none, html, feed };
MarkupKind sniff_markup(std::string_view head);

// The extension of the file name in `path`, lowercase with its dot
// (".html"), or "" when there is none.
std::string path_extension(std::string_view path);

// Whether `path` has an extension that names one reader's format (.txt, .md,
// .html, .htm, .rss, .atom, .xml, .csv, .json...). Readers sniff content
// only for other paths, so the extension always decides and no two readers
// claim one file: "notes.txt" holding HTML is read as text.
bool has_format_extension(std::string_view path);

class Reader;
// The saved web page reader, for the reader list.
std::unique_ptr<Reader> make_html_reader();

} // namespace tracker::importers
