#include "importers/text_reader.hpp"

#include "importers/html_reader.hpp"
#include "importers/reader.hpp"
#include "importers/utf8.hpp"

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tracker::importers {

namespace {

constexpr std::array<std::string_view, 14> k_header_keys{
    "title",  "outlet",  "source",   "url",      "published", "date",    "author",
    "byline", "section", "language", "conflict", "tags",      "updated", "dateline"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

// "Key: value" with a known key, or nothing.
std::optional<std::pair<std::string, std::string_view>> header_line(std::string_view line) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 20) return std::nullopt;
    std::string key = lower(trim(line.substr(0, colon)));
    for (auto known : k_header_keys)
        if (key == known) return std::make_pair(key, trim(line.substr(colon + 1)));
    return std::nullopt;
}

std::string normalise_newlines(std::string_view text) {
    // Most files have no carriage return: one copy, not a byte at a time.
    std::size_t first_return = text.find('\r');
    if (first_return == std::string_view::npos) return std::string(text);
    std::string out(text.substr(0, first_return));
    out.reserve(text.size());
    for (std::size_t i = first_return; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

} // namespace

ReadResult parse_text_article(std::string path, std::string_view content,
                              const ArticleOverrides& overrides) {
    auto fail = [&](std::string reason) { return ReadError{path, std::move(reason)}; };
    if (content.empty()) return fail("empty file, no article text");
    if (looks_binary(content)) return fail("binary file, not a text article");
    if (auto bad = find_invalid_utf8(content))
        return fail("invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    std::string text = normalise_newlines(content);

    model::Article article;
    article.path = path;
    std::optional<std::string> published_text;
    std::size_t body_start = 0;
    // The header runs up to the first blank line, when the first line is one.
    std::size_t first_end = text.find('\n');
    if (header_line(std::string_view(text).substr(0, first_end))) {
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string::npos) end = text.size();
            std::string_view line = trim(std::string_view(text).substr(pos, end - pos));
            pos = end + 1;
            if (line.empty()) break;
            auto field = header_line(line);
            if (!field) continue; // an unknown header line is ignored
            auto& [key, value] = *field;
            if (key == "title")
                article.title = value;
            else if (key == "outlet" || key == "source")
                article.outlet = value;
            else if (key == "url")
                article.url = value;
            else if (key == "conflict")
                article.conflict = value;
            else if (key == "published" || key == "date")
                published_text = std::string(value);
        }
        body_start = std::min(pos, text.size());
    }
    article.body = std::string(trim(std::string_view(text).substr(body_start)));
    if (article.body.empty()) return fail("no article text after the header");

    if (overrides.outlet) article.outlet = *overrides.outlet;
    if (overrides.url) article.url = *overrides.url;
    if (overrides.title) article.title = *overrides.title;
    if (overrides.published) {
        article.published = overrides.published;
    } else if (published_text) {
        article.published = model::parse_iso_date(*published_text);
        if (!article.published)
            return fail("unparseable publication date '" + *published_text +
                        "' (expected YYYY-MM-DD); fix the header or pass --published");
    } else {
        return fail(
            "no publication date; add a 'Published: YYYY-MM-DD' header or pass --published");
    }
    return article;
}

std::variant<std::string, ReadError> read_file(const std::string& path) {
    std::string content;
    if (path == "-") {
        content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return content;
    }
    // POSIX calls rather than std::filesystem and stdio: one stat, an open
    // and the reads, where those made two stats, an fstat and a buffer of
    // their own for every file.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return ReadError{path, "no such file"};
    if (S_ISDIR(info.st_mode)) return ReadError{path, "is a directory, not an article file"};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ReadError{path, std::string("cannot open: ") + std::strerror(errno)};
    std::unique_ptr<const int, void (*)(const int*)> closer(&fd, [](const int* f) { ::close(*f); });
    auto read_error = [&] {
        return ReadError{path, std::string("read error: ") + std::strerror(errno)};
    };
    // One read into a buffer of the file's size.
    content.resize(S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
    std::size_t got = 0;
    while (got < content.size()) {
        const ssize_t n = ::read(fd, content.data() + got, content.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return read_error();
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    content.resize(got);
    // The file may have grown since (or be a pipe or a device): read the rest.
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return read_error();
        if (n == 0) break;
        content.append(chunk, static_cast<std::size_t>(n));
    }
    return content;
}

ReadResult read_text_article(const std::string& path, const ArticleOverrides& overrides) {
    auto content = read_file(path);
    if (auto* error = std::get_if<ReadError>(&content)) return *error;
    return parse_text_article(path, std::get<std::string>(content), overrides);
}

namespace {

class TextReader : public Reader {
  public:
    std::string_view name() const override { return "text"; }
    std::string_view description() const override {
        return "plain-text article with an optional 'Key: value' header (.txt, .text, .md)";
    }
    bool identify(std::string_view path, std::string_view head) const override {
        auto ends_with = [&](std::string_view suffix) {
            return path.size() >= suffix.size() &&
                   path.substr(path.size() - suffix.size()) == suffix;
        };
        if (ends_with(".txt") || ends_with(".text") || ends_with(".md")) return true;
        // Another reader's extension (.html, .csv...) is that reader's file;
        // a saved page or a feed read from standard input or with no
        // extension is the HTML or feed reader's.
        if (has_format_extension(path) || sniff_markup(head) != MarkupKind::none) return false;
        if (path == "-") return true;
        std::size_t end = head.find('\n');
        return header_line(head.substr(0, end)).has_value();
    }
    ReaderResult read(const std::string& path, std::string_view content,
                      const ReaderOptions& options) const override {
        auto parsed = parse_text_article(path, content, options.overrides);
        if (auto* error = std::get_if<ReadError>(&parsed)) return *error;
        ReadOutput output;
        output.articles.push_back(std::move(std::get<model::Article>(parsed)));
        return output;
    }
};

} // namespace

std::unique_ptr<Reader> make_text_reader() {
    return std::make_unique<TextReader>();
}

} // namespace tracker::importers
