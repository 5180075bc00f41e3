// Unit tests of the feed reader (importers/feed_reader.hpp): RSS 2.0, RSS
// 1.0 and Atom items as articles, their dates, bodies and paths, bad items,
// and XML that is not a feed or not XML at all, hostile XML included.

#include "importers/feed_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

namespace {

using tracker::importers::read_feed;
using tracker::importers::ReaderOptions;
using tracker::importers::ReaderResult;
using tracker::importers::ReadError;
using tracker::importers::ReadOutput;
using tracker::model::Article;

std::string fixture(const char* name) {
    std::ifstream in(std::string(TRACKER_SOURCE_DIR) + "/tests/fixtures/bad/" + name,
                     std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

ReadOutput output_of(const ReaderResult& result) {
    if (const auto* error = std::get_if<ReadError>(&result))
        FAIL("unexpected error: " << error->message());
    return std::get<ReadOutput>(result);
}

ReadError error_of(const ReaderResult& result) {
    if (std::holds_alternative<ReadOutput>(result)) FAIL("the reader accepted the feed");
    return std::get<ReadError>(result);
}

std::string date_of(const Article& article) {
    REQUIRE(article.published.has_value());
    return tracker::model::format_date(*article.published);
}

std::string rss(const std::string& items, const std::string& extra_ns = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" +
           extra_ns + ">\n<channel>\n<title>Wire</title>\n<link>https://wire.example/</link>\n" +
           items + "</channel>\n</rss>\n";
}

std::string atom(const std::string& entries) {
    return "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
           "<title>Desk</title>\n" +
           entries + "</feed>\n";
}

ReadOutput read(const std::string& xml, const ReaderOptions& options = {}) {
    return output_of(read_feed("news.xml", xml, options));
}

} // namespace

TEST_CASE("feed reader: RSS items become articles named file#n", "[feed_reader]") {
    ReadOutput out = read(rss("<item><title>First</title><link>https://wire.example/1</link>"
                              "<pubDate>Tue, 24 Oct 2023 08:00:00 GMT</pubDate>"
                              "<description>One.</description></item>\n"
                              "<item><title>Second</title><link>https://wire.example/2</link>"
                              "<pubDate>Wed, 25 Oct 2023 23:59:59 -0400</pubDate>"
                              "<description>Two.</description></item>\n"));
    REQUIRE(out.articles.size() == 2);
    const Article& first = out.articles[0];
    CHECK(first.path == "news.xml#1");
    CHECK(first.title == "First");
    CHECK(first.url == "https://wire.example/1");
    CHECK(first.outlet == "Wire");
    CHECK(date_of(first) == "2023-10-24");
    CHECK(first.body == "One.");
    CHECK(out.articles[1].path == "news.xml#2");
    CHECK(date_of(out.articles[1]) == "2023-10-25"); // the day as written, in its own zone
    CHECK(out.warnings.empty());
}

TEST_CASE("feed reader: content:encoded outranks description; HTML becomes text", "[feed_reader]") {
    ReadOutput out = read(rss(
        "<item><title>T</title><pubDate>24 Oct 2023 08:00 GMT</pubDate>"
        "<description>Summary.</description>"
        "<content:encoded><![CDATA[<p>Para &amp; one.</p><script>x()</script><p>Para two.</p>]]>"
        "</content:encoded></item>\n"
        "<item><title>U</title><pubDate>24 Oct 2023 08:00 GMT</pubDate>"
        "<description>&lt;p&gt;Escaped &amp;amp; "
        "HTML.&lt;/p&gt;&lt;p&gt;Again.&lt;/p&gt;</description>"
        "</item>\n"));
    REQUIRE(out.articles.size() == 2);
    CHECK(out.articles[0].body == "Para & one.\n\nPara two.");
    CHECK(out.articles[1].body == "Escaped & HTML.\n\nAgain.");
}

TEST_CASE("feed reader: dc:date and permalink guids stand in for pubDate and link",
          "[feed_reader]") {
    ReadOutput out =
        read(rss("<item><title>A</title><guid>https://wire.example/a</guid>"
                 "<dc:date>2023-11-24T10:00:00Z</dc:date><description>A.</description></item>\n"
                 "<item><title>B</title><guid isPermaLink=\"false\">id-77</guid>"
                 "<dc:date>2023-11-25</dc:date><description>B.</description></item>\n"));
    REQUIRE(out.articles.size() == 2);
    CHECK(out.articles[0].url == "https://wire.example/a");
    CHECK(date_of(out.articles[0]) == "2023-11-24");
    CHECK(out.articles[1].url.empty());
}

TEST_CASE("feed reader: Atom entries, published before updated", "[feed_reader]") {
    ReadOutput out = read(atom(
        "<entry><title type=\"html\">Rescue &lt;em&gt;raid&lt;/em&gt;</title>"
        "<link rel=\"self\" href=\"https://desk.example/api/1\"/>"
        "<link rel=\"alternate\" href=\"https://desk.example/1\"/>"
        "<published>2024-02-12T06:30:00+02:00</published><updated>2024-02-13T00:00:00Z</updated>"
        "<content type=\"html\">&lt;p&gt;Two hostages rescued.&lt;/p&gt;</content></entry>\n"
        "<entry><title>Updated only</title><link href=\"https://desk.example/2\"/>"
        "<updated>2024-02-10T18:00:00Z</updated>"
        "<summary>Plain summary.\n\nSecond paragraph.</summary></entry>\n"
        "<entry><title>Elsewhere</title><link href=\"https://desk.example/3\"/>"
        "<updated>2024-02-09T18:00:00Z</updated><content src=\"https://desk.example/3.txt\"/>"
        "<summary>Summary when content is elsewhere.</summary></entry>\n"));
    REQUIRE(out.articles.size() == 3);
    CHECK(out.articles[0].title == "Rescue raid");
    CHECK(out.articles[0].url == "https://desk.example/1");
    CHECK(out.articles[0].outlet == "Desk");
    CHECK(date_of(out.articles[0]) == "2024-02-12");
    CHECK(out.articles[0].body == "Two hostages rescued.");
    CHECK(date_of(out.articles[1]) == "2024-02-10");
    CHECK(out.articles[1].body == "Plain summary.\n\nSecond paragraph.");
    CHECK(out.articles[2].body == "Summary when content is elsewhere.");
}

TEST_CASE("feed reader: Atom xhtml content is read as markup", "[feed_reader]") {
    ReadOutput out = read(
        atom("<entry><title>X</title><updated>2024-02-10T18:00:00Z</updated>"
             "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>More than "
             "<strong>9,000</strong> held.</p><ul><li>Item.</li></ul></div></content></entry>\n"));
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].body == "More than 9,000 held.\n\nItem.");
}

TEST_CASE("feed reader: RSS 1.0 (RDF) items", "[feed_reader]") {
    std::string xml =
        "<?xml version=\"1.0\"?>\n<rdf:RDF "
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<channel rdf:about=\"https://old.example/\"><title>Old Wire</title></channel>\n"
        "<item "
        "rdf:about=\"https://old.example/1\"><title>Old</title><link>https://old.example/1</link>"
        "<dc:date>2023-10-30</dc:date><description>Old text.</description></item>\n"
        "</rdf:RDF>\n";
    ReadOutput out = read(xml);
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].outlet == "Old Wire");
    CHECK(out.articles[0].url == "https://old.example/1");
    CHECK(date_of(out.articles[0]) == "2023-10-30");
}

TEST_CASE("feed reader: a feed that is not XML is an error with libxml2's message and line",
          "[feed_reader]") {
    ReadError e = error_of(read_feed("not-xml.rss", fixture("not-xml.rss"), {}));
    CHECK(e.path == "not-xml.rss");
    CHECK_THAT(e.reason, Catch::StartsWith("not a valid feed: "));
    CHECK_THAT(e.reason, Catch::Contains(" at line 1"));
    CHECK(e.message().find('\n') == std::string::npos);
}

TEST_CASE("feed reader: broken XML names its line", "[feed_reader]") {
    std::string xml = rss("<item><title>Fine</title>\n<description>Unclosed</item>\n");
    ReadError e = error_of(read_feed("news.xml", xml, {}));
    CHECK_THAT(e.reason, Catch::StartsWith("not a valid feed: "));
    CHECK_THAT(e.reason, Catch::Matches(".* at line [0-9]+"));
    // An HTML entity is not XML.
    ReadError nbsp =
        error_of(read_feed("news.xml", rss("<item><title>a&nbsp;b</title></item>"), {}));
    CHECK_THAT(nbsp.reason, Catch::Contains("nbsp"));
}

TEST_CASE("feed reader: well-formed XML that is no feed is an error", "[feed_reader]") {
    ReadError e = error_of(read_feed("catalog.xml", "<?xml version=\"1.0\"?><catalog/>", {}));
    CHECK(e.reason ==
          "not a valid feed: the root element is <catalog>, not <rss>, <feed> or <rdf:RDF>");
    CHECK(error_of(read_feed("x.rss", rss(""), {})).reason == "the feed has no items");
    CHECK_THAT(error_of(read_feed("x.rss", "", {})).reason, Catch::Contains("empty"));
}

TEST_CASE("feed reader: entities are not expanded and nothing external is loaded",
          "[feed_reader]") {
    // Billion laughs: nested entity definitions that would expand to gigabytes.
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
    std::string previous = "lol";
    for (int i = 1; i <= 9; ++i) {
        std::string name = "lol" + std::to_string(i);
        laughs += "<!ENTITY " + name + " \"";
        for (int k = 0; k < 10; ++k)
            laughs += "&" + previous + ";";
        laughs += "\">\n";
        previous = name;
    }
    laughs += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>t</title>"
              "<pubDate>24 Oct 2023 08:00 GMT</pubDate><description>&lol9; text</description>"
              "</item></channel></rss>\n";
    auto result = read_feed("laughs.xml", laughs, {});
    if (auto* out = std::get_if<ReadOutput>(&result)) {
        REQUIRE(out->articles.size() == 1);
        CHECK(out->articles[0].body.size() < 100);
    } else {
        CHECK_THAT(std::get<ReadError>(result).reason, Catch::StartsWith("not a valid feed"));
    }

    std::string external =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "
        "\"file:///etc/passwd\">]>\n<rss version=\"2.0\"><channel><title>W</title>"
        "<item><title>t</title><pubDate>24 Oct 2023 08:00 GMT</pubDate>"
        "<description>before &secret; after</description></item></channel></rss>\n";
    auto leaked = read_feed("external.xml", external, {});
    if (auto* out = std::get_if<ReadOutput>(&leaked)) {
        REQUIRE(out->articles.size() == 1);
        CHECK(out->articles[0].body.find("root:") == std::string::npos);
    }
}

TEST_CASE("feed reader: a declared encoding is honoured", "[feed_reader]") {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
        "<rss version=\"2.0\"><channel><title>Caf\xE9 Wire</title><item><title>\x93Q\x94</title>"
        "<pubDate>24 Oct 2023 08:00 GMT</pubDate><description>Text.</description>"
        "</item></channel></rss>\n";
    ReadOutput out = read(xml);
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].outlet == "Caf\xC3\xA9 Wire");
    CHECK(out.articles[0].title == "\xE2\x80\x9CQ\xE2\x80\x9D");
}

TEST_CASE("feed reader: an item without a date rejects the feed, naming item and line",
          "[feed_reader]") {
    std::string xml = rss("<item><title>Dated</title><pubDate>24 Oct 2023 08:00 GMT</pubDate>"
                          "<description>Fine.</description></item>\n"
                          "<item><title>Undated</title><description>No date.</description></item>\n"
                          "<item><title>Odd</title><pubDate>sometime</pubDate>"
                          "<description>Odd date.</description></item>\n");
    ReadError e = error_of(read_feed("news.xml", xml, {}));
    CHECK(e.path == "news.xml:7");
    CHECK_THAT(e.reason, Catch::StartsWith("item 2: no publication date"));
    CHECK_THAT(e.reason, Catch::Contains("and 1 more bad item"));

    ReaderOptions skip;
    skip.skip_bad_rows = true;
    ReadOutput out = read(xml, skip);
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].title == "Dated");
    REQUIRE(out.warnings.size() == 2);
    CHECK_THAT(out.warnings[0], Catch::StartsWith("news.xml:7: item 2: no publication date"));
    CHECK_THAT(out.warnings[1],
               Catch::StartsWith("news.xml:8: item 3: unparseable publication date "
                                 "'sometime'"));
}

TEST_CASE("feed reader: an item without text is bad", "[feed_reader]") {
    std::string xml =
        rss("<item><title>T</title><pubDate>24 Oct 2023 08:00 GMT</pubDate></item>\n");
    ReadError e = error_of(read_feed("news.xml", xml, {}));
    CHECK_THAT(e.reason, Catch::StartsWith("item 1: no article text"));
    // Skipping cannot help when no item is good.
    ReaderOptions skip;
    skip.skip_bad_rows = true;
    CHECK_THAT(error_of(read_feed("news.xml", xml, skip)).reason,
               Catch::EndsWith("(the only item)"));
}

TEST_CASE("feed reader: --outlet and --published apply to every item; --title does not",
          "[feed_reader]") {
    ReaderOptions options;
    options.overrides.outlet = "Override";
    options.overrides.published = tracker::model::parse_iso_date("2023-12-01");
    options.overrides.title = "Ignored";
    ReadOutput out = read(rss("<item><title>Undated</title><description>X.</description></item>\n"
                              "<item><title>Dated</title><pubDate>24 Oct 2023 08:00 GMT</pubDate>"
                              "<description>Y.</description></item>\n"),
                          options);
    REQUIRE(out.articles.size() == 2);
    for (const auto& article : out.articles) {
        CHECK(article.outlet == "Override");
        CHECK(date_of(article) == "2023-12-01");
    }
    CHECK(out.articles[0].title == "Undated");
    REQUIRE(out.warnings.size() == 1);
    CHECK_THAT(out.warnings[0], Catch::Contains("--title and --url do not apply"));
}
