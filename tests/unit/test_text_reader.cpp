// Unit tests of the plain-text article reader (importers/text_reader.hpp),
// the UTF-8 and binary checks (importers/utf8.hpp) and the content hash
// (importers/content_hash.hpp).

#include "importers/content_hash.hpp"
#include "importers/text_reader.hpp"
#include "importers/utf8.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <variant>

namespace {

using tracker::importers::ArticleOverrides;
using tracker::importers::parse_text_article;
using tracker::importers::read_text_article;
using tracker::importers::ReadError;
using tracker::importers::ReadResult;
using tracker::model::Article;

tracker::model::Date day(const char* iso) {
    auto parsed = tracker::model::parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

// The article, failing the test with the reader's message when it is an error.
Article article_of(const ReadResult& result) {
    if (const auto* error = std::get_if<ReadError>(&result))
        FAIL("unexpected error: " << error->message());
    return std::get<Article>(result);
}

// The error, failing the test when the text was accepted.
ReadError error_of(const ReadResult& result) {
    if (std::holds_alternative<Article>(result)) FAIL("the reader accepted the text");
    return std::get<ReadError>(result);
}

Article parse(std::string_view text, const ArticleOverrides& overrides = {}) {
    return article_of(parse_text_article("article.txt", text, overrides));
}

std::string fixture(const char* name) {
    return std::string(TRACKER_SOURCE_DIR) + "/tests/fixtures/bad/" + name;
}

const char* const k_full_header = "Title: Toll in the north rises\n"
                                  "Outlet: Harbour Daily\n"
                                  "URL: https://example.org/north/toll\n"
                                  "Published: 2023-10-21\n"
                                  "\n"
                                  "Officials said 40 people were killed.\n"
                                  "\n"
                                  "A second paragraph follows.\n";

} // namespace

TEST_CASE("text reader: header fields are read up to the first blank line", "[text_reader]") {
    Article a = parse(k_full_header);
    CHECK(a.path == "article.txt");
    CHECK(a.title == "Toll in the north rises");
    CHECK(a.outlet == "Harbour Daily");
    CHECK(a.url == "https://example.org/north/toll");
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-10-21");
    CHECK(a.body == "Officials said 40 people were killed.\n\nA second paragraph follows.");
}

TEST_CASE("text reader: header keys are case-insensitive", "[text_reader]") {
    Article a = parse("TITLE: Loud title\n"
                      "outlet: quiet wire\n"
                      "uRl: https://example.org/x\n"
                      "PUBLISHED: 2023-11-02\n"
                      "\n"
                      "Body line.\n");
    CHECK(a.title == "Loud title");
    CHECK(a.outlet == "quiet wire");
    CHECK(a.url == "https://example.org/x");
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-11-02");
    CHECK(a.body == "Body line.");
}

TEST_CASE("text reader: Source is an alias of Outlet and Date of Published", "[text_reader]") {
    Article a = parse("Source: River Gazette\n"
                      "Date: 2023-10-30\n"
                      "\n"
                      "Body line.\n");
    CHECK(a.outlet == "River Gazette");
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-10-30");
}

TEST_CASE("text reader: a timestamp in Published gives its day", "[text_reader]") {
    Article a = parse("Published: 2023-10-21T08:15:00Z\n\nBody line.\n");
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-10-21");
}

TEST_CASE("text reader: unknown header lines inside the header are ignored", "[text_reader]") {
    Article a = parse("Title: A title\n"
                      "Author: Someone\n"
                      "Published: 2023-10-21\n"
                      "\n"
                      "Body line.\n");
    CHECK(a.title == "A title");
    CHECK(a.body == "Body line.");
}

TEST_CASE("text reader: a file with no header starts its body on line 1", "[text_reader]") {
    ArticleOverrides overrides;
    overrides.published = day("2023-10-21");
    Article a = parse("Officials said 40 people were killed.\n\nMore text.\n", overrides);
    CHECK(a.title.empty());
    CHECK(a.outlet.empty());
    CHECK(a.body == "Officials said 40 people were killed.\n\nMore text.");
}

TEST_CASE("text reader: a first line with a colon but no header key is body text",
          "[text_reader]") {
    ArticleOverrides overrides;
    overrides.published = day("2023-10-21");
    Article a = parse("Update: officials said 40 people were killed.\nSecond line.\n", overrides);
    CHECK(a.body == "Update: officials said 40 people were killed.\nSecond line.");
}

TEST_CASE("text reader: overrides replace header fields", "[text_reader]") {
    ArticleOverrides overrides;
    overrides.outlet = "Override Wire";
    overrides.url = "https://example.org/override";
    overrides.title = "Override title";
    overrides.published = day("2023-12-01");
    Article a = parse(k_full_header, overrides);
    CHECK(a.outlet == "Override Wire");
    CHECK(a.url == "https://example.org/override");
    CHECK(a.title == "Override title");
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-12-01");
}

TEST_CASE("text reader: an override supplies a missing publication date", "[text_reader]") {
    ArticleOverrides overrides;
    overrides.published = day("2023-10-22");
    Article a = parse("Outlet: Harbour Daily\n\nBody line.\n", overrides);
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-10-22");
    CHECK(a.outlet == "Harbour Daily");
}

TEST_CASE("text reader: a published override wins over an unparseable header date",
          "[text_reader]") {
    ArticleOverrides overrides;
    overrides.published = day("2023-10-22");
    Article a = parse("Published: sometime in October\n\nBody line.\n", overrides);
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-10-22");
}

TEST_CASE("text reader: an empty file is an error", "[text_reader]") {
    ReadError e = error_of(parse_text_article("empty.txt", "", {}));
    CHECK(e.path == "empty.txt");
    CHECK_THAT(e.reason, Catch::Contains("empty"));
    CHECK_THAT(e.message(), Catch::StartsWith("empty.txt: "));
}

TEST_CASE("text reader: a binary file is an error", "[text_reader]") {
    const char raw[] = "\x7f"
                       "ELF\x02\x01\x01\x00\x00\x00 some more bytes";
    std::string bytes(raw, sizeof raw - 1);
    ReadError e = error_of(parse_text_article("blob.bin", bytes, {}));
    CHECK_THAT(e.reason, Catch::Contains("binary"));
}

TEST_CASE("text reader: invalid UTF-8 is an error naming the byte", "[text_reader]") {
    std::string text = "Published: 2023-10-21\n\nBad \xFF byte.\n";
    ReadError e = error_of(parse_text_article("latin1.txt", text, {}));
    CHECK_THAT(e.reason, Catch::Contains("invalid UTF-8"));
    CHECK_THAT(e.reason, Catch::Contains(std::to_string(text.find('\xFF'))));
}

TEST_CASE("text reader: a missing publication date is an error", "[text_reader]") {
    ReadError e =
        error_of(parse_text_article("nodate.txt", "Outlet: Harbour Daily\n\nBody line.\n", {}));
    CHECK_THAT(e.reason, Catch::Contains("no publication date"));
}

TEST_CASE("text reader: an unparseable publication date is an error quoting it", "[text_reader]") {
    ReadError e =
        error_of(parse_text_article("baddate.txt", "Published: 2023-02-30\n\nBody line.\n", {}));
    CHECK_THAT(e.reason, Catch::Contains("publication date"));
    CHECK_THAT(e.reason, Catch::Contains("2023-02-30"));
}

TEST_CASE("text reader: a header with no body is an error", "[text_reader]") {
    ReadError e = error_of(
        parse_text_article("nobody.txt", "Title: Only a title\nPublished: 2023-10-21\n\n\n", {}));
    CHECK_THAT(e.reason, Catch::Contains("no article text"));
}

TEST_CASE("text reader: CRLF line endings are read as LF", "[text_reader]") {
    Article a = parse("Title: Windows file\r\n"
                      "Outlet: Harbour Daily\r\n"
                      "Published: 2023-10-21\r\n"
                      "\r\n"
                      "First paragraph.\r\n"
                      "\r\n"
                      "Second paragraph.\r\n");
    CHECK(a.title == "Windows file");
    CHECK(a.outlet == "Harbour Daily");
    REQUIRE(a.published.has_value());
    CHECK(a.body == "First paragraph.\n\nSecond paragraph.");
    CHECK(a.body.find('\r') == std::string::npos);
}

TEST_CASE("text reader: a UTF-8 byte order mark is dropped", "[text_reader]") {
    Article a = parse("\xEF\xBB\xBFTitle: With a BOM\nPublished: 2023-10-21\n\nBody line.\n");
    CHECK(a.title == "With a BOM");
    CHECK(a.body == "Body line.");
}

TEST_CASE("text reader: a BOM before a headerless body is not part of the body", "[text_reader]") {
    ArticleOverrides overrides;
    overrides.published = day("2023-10-21");
    Article a = parse("\xEF\xBB\xBF"
                      "Body line.\n",
                      overrides);
    CHECK(a.body == "Body line.");
}

TEST_CASE("text reader: read_text_article reads a file from disk", "[text_reader]") {
    Article a = article_of(read_text_article(fixture("good.txt"), {}));
    CHECK(a.outlet == "Fixture News");
    REQUIRE(a.published.has_value());
    CHECK(tracker::model::format_date(*a.published) == "2023-10-23");
    CHECK_FALSE(a.body.empty());
}

TEST_CASE("text reader: read_text_article reports fixture errors", "[text_reader]") {
    CHECK_THAT(error_of(read_text_article(fixture("empty.txt"), {})).reason,
               Catch::Contains("empty"));
    CHECK_THAT(error_of(read_text_article(fixture("binary.txt"), {})).reason,
               Catch::Contains("binary"));
    CHECK_THAT(error_of(read_text_article(fixture("invalid-utf8.txt"), {})).reason,
               Catch::Contains("invalid UTF-8"));
    CHECK_THAT(error_of(read_text_article(fixture("no-date.txt"), {})).reason,
               Catch::Contains("no publication date"));
    CHECK_THAT(error_of(read_text_article(fixture("bad-date.txt"), {})).reason,
               Catch::Contains("2023-13-45"));
}

TEST_CASE("text reader: a missing file or a directory is an error", "[text_reader]") {
    CHECK_THAT(error_of(read_text_article(fixture("does-not-exist.txt"), {})).reason,
               Catch::Contains("no such file"));
    CHECK_THAT(error_of(read_text_article(std::string(TRACKER_SOURCE_DIR) + "/tests", {})).reason,
               Catch::Contains("directory"));
}

TEST_CASE("utf8: valid text has no invalid byte", "[text_reader]") {
    using tracker::importers::find_invalid_utf8;
    CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
    CHECK_FALSE(find_invalid_utf8("caf\xC3\xA9, \xE2\x80\x9Cquoted\xE2\x80\x9D, \xF0\x9F\x98\x80")
                    .has_value());
    CHECK_FALSE(find_invalid_utf8("").has_value());
}

TEST_CASE("utf8: invalid sequences are found at their first byte", "[text_reader]") {
    using tracker::importers::find_invalid_utf8;
    CHECK(find_invalid_utf8("ab\xFF"
                            "cd") == std::optional<std::size_t>(2));
    CHECK(find_invalid_utf8("a\xC0\xAF") == std::optional<std::size_t>(1));     // overlong '/'
    CHECK(find_invalid_utf8("a\xE0\x80\xAF") == std::optional<std::size_t>(1)); // overlong 3 bytes
    CHECK(find_invalid_utf8("a\xED\xA0\x80") == std::optional<std::size_t>(1)); // surrogate
    CHECK(find_invalid_utf8("abc\xE2\x80") == std::optional<std::size_t>(3));   // truncated
    CHECK(find_invalid_utf8("\x80 stray") == std::optional<std::size_t>(0));    // continuation
    CHECK(find_invalid_utf8("x\xF4\x90\x80\x80") ==
          std::optional<std::size_t>(1)); // above U+10FFFF
}

TEST_CASE("utf8: looks_binary sees a NUL byte near the start", "[text_reader]") {
    using tracker::importers::looks_binary;
    CHECK_FALSE(looks_binary("ordinary text\n"));
    CHECK(looks_binary(std::string_view("ab\0cd", 5)));
    std::string late(9000, 'a');
    late.push_back('\0');
    CHECK_FALSE(looks_binary(late)); // only the first 8 KiB are looked at
}

TEST_CASE("content hash: the same article hashes the same, as 32 hex digits", "[text_reader]") {
    Article a = parse(k_full_header);
    Article b = parse(k_full_header);
    std::string hash = tracker::importers::content_hash(a);
    CHECK(hash == tracker::importers::content_hash(b));
    CHECK(hash.size() == 32);
    CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("content hash: any change to what the article says changes the hash", "[text_reader]") {
    Article a = parse(k_full_header);
    std::string base = tracker::importers::content_hash(a);
    Article body = a;
    body.body += " One more word.";
    Article published = a;
    published.published = day("2023-10-22");
    Article outlet = a;
    outlet.outlet = "Another Outlet";
    CHECK(tracker::importers::content_hash(body) != base);
    CHECK(tracker::importers::content_hash(published) != base);
    CHECK(tracker::importers::content_hash(outlet) != base);
}

TEST_CASE("content hash: moving text between fields changes the hash", "[text_reader]") {
    Article a;
    a.title = "ab";
    a.outlet = "c";
    a.body = "body";
    Article b = a;
    b.title = "a";
    b.outlet = "bc";
    CHECK(tracker::importers::content_hash(a) != tracker::importers::content_hash(b));
}

TEST_CASE("text reader: a Conflict header names what the article reports on", "[text_reader]") {
    Article a = parse("Title: t\nConflict: Israel-Gaza\nPublished: 2023-10-21\n\nBody.\n");
    CHECK(a.conflict == "Israel-Gaza");
    CHECK(parse(k_full_header).conflict.empty());
}
