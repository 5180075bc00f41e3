// Reads plain-text articles: an optional "Key: value" header up to the first
// blank line (Title, Outlet/Source, URL, Published/Date), then the body.
#pragma once

#include "tracker/model/article.hpp"
#include "tracker/model/date.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tracker::importers {

// Why a file could not be read, for a one-line message "path: reason".
struct ReadError {
    std::string path;
    std::string reason;
    std::string message() const { return path + ": " + reason; }
};

// Values from the command line that supply or override header fields.
struct ArticleOverrides {
    std::optional<std::string> outlet;
    std::optional<std::string> url;
    std::optional<std::string> title;
    std::optional<model::Date> published;
};

using ReadResult = std::variant<model::Article, ReadError>;

// Parses article text already in memory. `path` is recorded as given.
ReadResult parse_text_article(std::string path, std::string_view content,
                              const ArticleOverrides& overrides);

// Reads the file at `path` ("-" reads standard input) and parses it.
ReadResult read_text_article(const std::string& path, const ArticleOverrides& overrides);

// Reads a whole file ("-" is standard input) into memory, or says why not.
std::variant<std::string, ReadError> read_file(const std::string& path);

class Reader;
// The plain-text article reader (.txt, .text, .md, or any file whose first
// line is a known header key), for the reader list.
std::unique_ptr<Reader> make_text_reader();

} // namespace tracker::importers
