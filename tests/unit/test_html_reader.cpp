// Unit tests of the saved web page reader (importers/html_reader.hpp): the
// main text and what is dropped around it, metadata in order of trust,
// charsets, entities, broken pages, dates, content sniffing, and the choice
// of one reader per file (importers/readers.hpp).

#include "importers/html_nesting.hpp"
#include "importers/html_reader.hpp"
#include "importers/reader.hpp"
#include "importers/readers.hpp"
#include "importers/text_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

namespace {

using tracker::importers::ArticleOverrides;
using tracker::importers::parse_html_article;
using tracker::importers::ReadError;
using tracker::importers::ReadResult;
using tracker::model::Article;

std::string fixture(const char* name) {
    std::ifstream in(std::string(TRACKER_SOURCE_DIR) + "/tests/fixtures/bad/" + name,
                     std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Article article_of(const ReadResult& result) {
    if (const auto* error = std::get_if<ReadError>(&result))
        FAIL("unexpected error: " << error->message());
    return std::get<Article>(result);
}

ReadError error_of(const ReadResult& result) {
    if (std::holds_alternative<Article>(result)) FAIL("the reader accepted the page");
    return std::get<ReadError>(result);
}

std::string date_of(const Article& article) {
    REQUIRE(article.published.has_value());
    return tracker::model::format_date(*article.published);
}

// A page with the given head and body, dated by a meta tag unless the head
// says otherwise.
std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + body +
           "</body></html>";
}

const std::string k_dated = "<meta property=\"article:published_time\" content=\"2023-10-26\">";

Article read(const std::string& html, const ArticleOverrides& overrides = {}) {
    return article_of(parse_html_article("page.html", html, overrides));
}

} // namespace

TEST_CASE("html reader: paragraphs, headings and list items each get a line", "[html_reader]") {
    Article a =
        read(page(k_dated, "<article><h1>Toll rises</h1><p>First   paragraph\n"
                           "runs on.</p><p>Second<br>line two.</p>"
                           "<ul><li>one</li><li>two</li></ul><h2>Sub</h2><p>Last.</p></article>"));
    CHECK(a.body == "Toll rises\n\nFirst paragraph runs on.\n\nSecond\nline two.\n\none\ntwo\n\n"
                    "Sub\n\nLast.");
}

TEST_CASE("html reader: inline elements keep the spaces around them", "[html_reader]") {
    Article a =
        read(page(k_dated, "<p>Officials said <b>40</b> people were <a href=\"#\">killed</a>, "
                           "<em>police</em> said.</p>"));
    CHECK(a.body == "Officials said 40 people were killed, police said.");
}

TEST_CASE("html reader: character entities are decoded", "[html_reader]") {
    Article a =
        read(page(k_dated, "<p>Tom &amp; Jerry &lt;said&gt; &#8220;7,028&nbsp;killed&#8221; "
                           "&eacute;t&eacute; &#x2014; caf&#233;&rsquo;s</p>"));
    CHECK(a.body == "Tom & Jerry <said> \xE2\x80\x9C"
                    "7,028 killed\xE2\x80\x9D \xC3\xA9t\xC3\xA9 "
                    "\xE2\x80\x94 caf\xC3\xA9\xE2\x80\x99s");
}

TEST_CASE("html reader: page furniture is dropped", "[html_reader]") {
    std::string body = "<header><a href=\"/\">Site</a></header>"
                       "<nav><a href=\"/\">Home</a></nav>"
                       "<div><p>Kept 1.</p>"
                       "<script>var killed = 5;</script><style>p { color: red }</style>"
                       "<noscript>Enable 2 scripts</noscript>"
                       "<aside><p>Aside 3</p></aside>"
                       "<form><label>Email</label><input name=\"e\"></form>"
                       "<div class=\"share-bar\">Share 4</div>"
                       "<div class=\"socialLinks\">Social 5</div>"
                       "<div id=\"comments\">Comment 6</div>"
                       "<div class=\"article-comments\">Comment 7</div>"
                       "<ul class=\"related-links\"><li>Related 8</li></ul>"
                       "<div class=\"newsletter\">Newsletter 9</div>"
                       "<div class=\"promo\">Promo 10</div>"
                       "<div class=\"advertisement\">Advert 11</div>"
                       "<div class=\"ad\">Ad 12</div>"
                       "<div class=\"cookie-consent\">Cookie 13</div>"
                       "<div class=\"subscribe-box\">Subscribe 14</div>"
                       "<div class=\"page-footer\">Footer 15</div>"
                       "<div class=\"navbar\">Nav 16</div>"
                       "<div class=\"menu\">Menu 17</div>"
                       "<ol class=\"breadcrumb\"><li>Crumb 18</li></ol>"
                       "<div hidden>Hidden 19</div>"
                       "<div aria-hidden=\"true\">Hidden 20</div>"
                       "<div style=\"display: none\">Hidden 21</div>"
                       "<div role=\"navigation\">Role 22</div>"
                       "<p>Kept 2.</p></div>"
                       "<footer>Footer 23</footer>";
    Article a = read(page(k_dated, body));
    CHECK(a.body == "Kept 1.\n\nKept 2.");
}

TEST_CASE("html reader: class words are matched as words, not substrings", "[html_reader]") {
    Article a = read(page(k_dated, "<div class=\"commentary\"><p>Opinion 1.</p></div>"
                                   "<div class=\"canvas-wrapper\"><p>Canvas 2.</p></div>"
                                   "<div class=\"unavailable-note\"><p>Note 3.</p></div>"));
    CHECK(a.body == "Opinion 1.\n\nCanvas 2.\n\nNote 3.");
}

TEST_CASE("html reader: figure captions are kept as their own line", "[html_reader]") {
    Article a =
        read(page(k_dated, "<article><p>Text before.</p><figure><img src=\"x.jpg\" alt=\"no\">"
                           "<figcaption>Mourners in Khan Younis on Friday.</figcaption></figure>"
                           "<p>Text after.</p></article>"));
    CHECK(a.body == "Text before.\n\nMourners in Khan Younis on Friday.\n\nText after.");
}

TEST_CASE("html reader: a header inside the article is kept, the site's is not", "[html_reader]") {
    Article a =
        read(page(k_dated, "<header><p>Site masthead</p></header>"
                           "<article><header><h1>Headline</h1></header><p>Body.</p></article>"));
    CHECK(a.body == "Headline\n\nBody.");
}

TEST_CASE("html reader: the article element with the most text is the article", "[html_reader]") {
    std::string teasers = "<article><p>Teaser: 3 killed.</p></article>"
                          "<article><p>Another teaser.</p></article>";
    Article a =
        read(page(k_dated, "<div>Outside text.</div>" + teasers +
                               "<article><p>The real story is much longer than the teasers "
                               "around it.</p><p>It has a second paragraph too.</p></article>"));
    CHECK(a.body == "The real story is much longer than the teasers around it.\n\n"
                    "It has a second paragraph too.");
}

TEST_CASE("html reader: itemprop=articleBody wins over <article>", "[html_reader]") {
    Article a =
        read(page(k_dated, "<article><h1>Title</h1><p>Standfirst.</p>"
                           "<div itemprop=\"articleBody\"><p>Body one.</p><p>Body two.</p></div>"
                           "</article>"));
    CHECK(a.body == "Body one.\n\nBody two.");
}

TEST_CASE("html reader: without <article>, the densest text container", "[html_reader]") {
    Article a =
        read(page(k_dated, "<div class=\"sidebar\"><p>Most read</p><p>Weather</p></div>"
                           "<div class=\"main\"><div class=\"para\"><p>One long paragraph of the "
                           "story.</p></div><div class=\"para\"><p>Another long paragraph of the "
                           "story.</p></div><div class=\"para\"><p>A third long paragraph of the "
                           "story.</p></div></div>"));
    CHECK(a.body == "One long paragraph of the story.\n\nAnother long paragraph of the story.\n\n"
                    "A third long paragraph of the story.");
}

TEST_CASE("html reader: a furniture class on the wrapper of most text does not drop it",
          "[html_reader]") {
    Article a = read(
        page(k_dated, "<article><div class=\"body has-share-tools\"><p>All of the text.</p>"
                      "<p>Still the text.</p></div><div class=\"share\">Share</div></article>"));
    CHECK(a.body == "All of the text.\n\nStill the text.");
}

TEST_CASE("html reader: tables give one line a row", "[html_reader]") {
    Article a = read(page(k_dated, "<p>Figures:</p><table><tr><th>Group</th><th>Killed</th></tr>"
                                   "<tr><td>Children</td><td>2,913</td></tr></table>"));
    CHECK(a.body == "Figures:\n\nGroup | Killed\nChildren | 2,913");
}

TEST_CASE("html reader: JSON-LD outranks OpenGraph, which outranks <title>", "[html_reader]") {
    const std::string og =
        "<meta property=\"og:site_name\" content=\"OG Outlet\">"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta property=\"og:url\" content=\"https://og.example/a\">"
        "<meta property=\"article:published_time\" content=\"2023-10-25T10:00:00Z\">";
    const std::string title = "<title>Title element | OG Outlet</title>"
                              "<link rel=\"canonical\" href=\"https://canonical.example/a\">";
    const std::string ld =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"LD headline\","
        "\"datePublished\":\"2023-10-26T08:00:00+03:00\","
        "\"url\":\"https://ld.example/a\","
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"LD Outlet\"}}</script>";
    const std::string time = "<time datetime=\"2023-10-24\">Oct 24</time>";
    const std::string body = "<article>" + time + "<p>Body.</p></article>";

    Article all = read(page(title + og + ld, body));
    CHECK(all.title == "LD headline");
    CHECK(all.outlet == "LD Outlet");
    CHECK(all.url == "https://ld.example/a");
    CHECK(date_of(all) == "2023-10-26");

    Article no_ld = read(page(title + og, body));
    CHECK(no_ld.title == "OG title");
    CHECK(no_ld.outlet == "OG Outlet");
    CHECK(no_ld.url == "https://og.example/a");
    CHECK(date_of(no_ld) == "2023-10-25");

    Article title_only =
        read(page(title + "<meta property=\"og:site_name\" content=\"OG Outlet\">", body));
    CHECK(title_only.title == "Title element"); // the outlet's suffix is dropped
    CHECK(title_only.url == "https://canonical.example/a");
    CHECK(date_of(title_only) == "2023-10-24"); // from <time datetime>
}

TEST_CASE("html reader: JSON-LD @graph, type lists and publisher references", "[html_reader]") {
    const std::string ld =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Site name\"},"
        "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Graph Outlet\"},"
        "{\"@type\":[\"Article\",\"NewsArticle\"],\"headline\":\"Graph headline\","
        "\"datePublished\":\"2023-11-24\",\"publisher\":{\"@id\":\"#org\"},"
        "\"mainEntityOfPage\":{\"@id\":\"https://graph.example/story\"}}]}</script>";
    Article a = read(page(ld, "<p>Body.</p>"));
    CHECK(a.title == "Graph headline");
    CHECK(a.outlet == "Graph Outlet");
    CHECK(a.url == "https://graph.example/story");
    CHECK(date_of(a) == "2023-11-24");
}

TEST_CASE("html reader: a NewsArticle outranks a plain Article; broken JSON-LD is ignored",
          "[html_reader]") {
    const std::string ld =
        "<script type=\"application/ld+json\">{ not json at all</script>"
        "<script type=\"application/ld+json\">[{\"@type\":\"Article\",\"headline\":\"Plain\","
        "\"datePublished\":\"2023-01-01\"},{\"@type\":\"http://schema.org/ReportageNewsArticle\","
        "\"headline\":\"News\",\"datePublished\":\"2023-10-30\",\"publisher\":[{\"name\":\"Wire\"}]"
        "}]"
        "</script>";
    Article a = read(page(ld, "<p>Body.</p>"));
    CHECK(a.title == "News");
    CHECK(a.outlet == "Wire");
    CHECK(date_of(a) == "2023-10-30");
}

TEST_CASE("html reader: a Windows-1252 page is converted from its declared charset",
          "[html_reader]") {
    // 0x93 and 0x94 are curly double quotes, 0x92 an apostrophe, 0xE9 "e acute".
    std::string html = "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title>" +
                       k_dated +
                       "</head><body><p>\x93"
                       "Caf\xE9\x94 owner\x92s count: 12 killed.</p></body></html>";
    Article a = read(html);
    CHECK(a.title == "Caf\xC3\xA9");
    CHECK(a.body == "\xE2\x80\x9C"
                    "Caf\xC3\xA9\xE2\x80\x9D owner\xE2\x80\x99s count: 12 killed.");
}

TEST_CASE("html reader: ISO-8859-1 declared through http-equiv is read as Windows-1252",
          "[html_reader]") {
    std::string html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                       "charset=ISO-8859-1\">" +
                       k_dated + "</head><body><p>\x93Quoted\x94 d\xE9j\xE0 vu</p></body></html>";
    Article a = read(html);
    CHECK(a.body == "\xE2\x80\x9CQuoted\xE2\x80\x9D d\xC3\xA9j\xC3\xA0 vu");
}

TEST_CASE("html reader: other declared charsets go through iconv", "[html_reader]") {
    // ISO-8859-15 has the euro sign at 0xA4.
    std::string html = "<html><head><meta charset=\"iso-8859-15\">" + k_dated +
                       "</head><body><p>Cost: 5 \xA4</p></body></html>";
    CHECK(read(html).body == "Cost: 5 \xE2\x82\xAC");
    std::string unknown = "<html><head><meta charset=\"x-no-such-charset\">" + k_dated +
                          "</head><body><p>Text \xA4</p></body></html>";
    ReadError e = error_of(parse_html_article("page.html", unknown, {}));
    CHECK_THAT(e.reason, Catch::Contains("unsupported charset 'x-no-such-charset'"));
}

TEST_CASE("html reader: an undeclared page that is not UTF-8 is read as Windows-1252",
          "[html_reader]") {
    std::string html = "<html><head>" + k_dated + "</head><body><p>Caf\xE9</p></body></html>";
    // page() would declare utf-8; this page declares nothing.
    Article a = read(html);
    CHECK(a.body == "Caf\xC3\xA9");
}

TEST_CASE("html reader: a page declaring UTF-8 with invalid bytes is an error", "[html_reader]") {
    ReadError e = error_of(parse_html_article("page.html", page(k_dated, "<p>Caf\xE9</p>"), {}));
    CHECK_THAT(e.reason, Catch::Contains("invalid UTF-8 at byte"));
    CHECK_THAT(e.reason, Catch::Contains("declares charset utf-8"));
}

TEST_CASE("html reader: byte order marks decide the charset", "[html_reader]") {
    Article utf8 = read("\xEF\xBB\xBF" + page(k_dated, "<p>Caf\xC3\xA9</p>"));
    CHECK(utf8.body == "Caf\xC3\xA9");
    // UTF-16LE: each ASCII byte followed by a NUL.
    std::string ascii =
        "<html><head>" + k_dated + "</head><body><p>Wide 7 killed</p></body></html>";
    std::string utf16 = "\xFF\xFE";
    for (char c : ascii) {
        utf16.push_back(c);
        utf16.push_back('\0');
    }
    CHECK(read(utf16).body == "Wide 7 killed");
}

TEST_CASE("html reader: decode_to_utf8 converts the Windows-1252 high range", "[html_reader]") {
    using tracker::importers::CharsetError;
    using tracker::importers::decode_to_utf8;
    auto euro = decode_to_utf8("\x80 \x9F \xFF", "CP1252");
    REQUIRE(std::holds_alternative<std::string>(euro));
    CHECK(std::get<std::string>(euro) == "\xE2\x82\xAC \xC5\xB8 \xC3\xBF");
    auto latin1 = decode_to_utf8("\xE9", " Latin1 ");
    REQUIRE(std::holds_alternative<std::string>(latin1));
    CHECK(std::get<std::string>(latin1) == "\xC3\xA9");
    auto bad = decode_to_utf8("ab\xFF", "utf-8");
    REQUIRE(std::holds_alternative<CharsetError>(bad));
    CHECK_THAT(std::get<CharsetError>(bad).reason, Catch::Contains("byte 2"));
}

TEST_CASE("html reader: a truncated page is read as far as it goes", "[html_reader]") {
    Article a = article_of(parse_html_article("truncated.html", fixture("truncated.html"), {}));
    CHECK(a.title == "Cut short");
    CHECK(date_of(a) == "2023-10-28");
    CHECK(a.body == "Cut short\n\nThe ministry said 7,326 people had been killed.\n\n"
                    "Officials said a further 1,600 people were missing under the ru");
}

TEST_CASE("html reader: a page cut before its text has no article text", "[html_reader]") {
    ReadError e = error_of(parse_html_article(
        "cut.html", "<!DOCTYPE html><html><head><title>Only a head</title><meta charset=\"utf",
        {}));
    CHECK(e.reason == "no article text found");
}

TEST_CASE("html reader: a page with no article text is an error", "[html_reader]") {
    ReadError e = error_of(parse_html_article("no-text.html", fixture("no-text.html"), {}));
    CHECK(e.path == "no-text.html");
    CHECK(e.reason == "no article text found");
}

TEST_CASE("html reader: a page whose only date is unparseable is an error naming it",
          "[html_reader]") {
    ReadError e = error_of(parse_html_article("bad-date.html", fixture("bad-date.html"), {}));
    CHECK_THAT(e.reason, Catch::StartsWith("unparseable publication date 'last Tuesday'"));
    CHECK_THAT(e.reason, Catch::Contains("<time datetime>"));
    CHECK_THAT(e.reason, Catch::EndsWith("pass --published"));
    CHECK(e.message().find('\n') == std::string::npos);
}

TEST_CASE("html reader: a parseable date wins over a more trusted unparseable one",
          "[html_reader]") {
    Article a = read(page("<meta property=\"article:published_time\" content=\"soon\">",
                          "<p><time datetime=\"2023-10-27\">Friday</time> Body.</p>"));
    CHECK(date_of(a) == "2023-10-27");
}

TEST_CASE("html reader: no date at all is the text reader's error", "[html_reader]") {
    ReadError e = error_of(parse_html_article("x.html", page("", "<p>Body.</p>"), {}));
    CHECK_THAT(e.reason, Catch::StartsWith("no publication date"));
    CHECK_THAT(e.reason, Catch::EndsWith("pass --published"));
}

TEST_CASE("html reader: overrides replace what the page says", "[html_reader]") {
    ArticleOverrides overrides;
    overrides.outlet = "Override Wire";
    overrides.url = "https://override.example/";
    overrides.title = "Override title";
    overrides.published = tracker::model::parse_iso_date("2023-12-01");
    Article a =
        article_of(parse_html_article("bad-date.html", fixture("bad-date.html"), overrides));
    CHECK(a.outlet == "Override Wire");
    CHECK(a.url == "https://override.example/");
    CHECK(a.title == "Override title");
    CHECK(date_of(a) == "2023-12-01");
}

TEST_CASE("html reader: empty and binary files are errors", "[html_reader]") {
    CHECK_THAT(error_of(parse_html_article("e.html", "  \n", {})).reason, Catch::Contains("empty"));
    std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    CHECK_THAT(error_of(parse_html_article("b.html", binary, {})).reason,
               Catch::Contains("binary"));
}

TEST_CASE("html reader: deep nesting neither crashes nor loses the text", "[html_reader]") {
    std::string deep;
    for (int i = 0; i < 3000; ++i)
        deep += "<div>";
    deep += "<p>Deep down 5 people were killed.</p>";
    Article a = read(page(k_dated, deep));
    CHECK(a.body == "Deep down 5 people were killed.");
}

TEST_CASE("html reader: html_fragment_to_text reduces fragments and plain text", "[html_reader]") {
    using tracker::importers::html_fragment_to_text;
    CHECK(html_fragment_to_text("<p>One &amp; two.</p><p>Three.</p>") == "One & two.\n\nThree.");
    CHECK(html_fragment_to_text("  plain   text\nwith lines ") == "plain text with lines");
    CHECK(html_fragment_to_text("") == "");
    CHECK(html_fragment_to_text("<p>Story.</p><div class=\"share\">Share this</div>") == "Story.");
}

TEST_CASE("html reader: web dates in ISO, RFC 822 and written forms", "[html_reader]") {
    using tracker::importers::parse_web_date;
    auto iso = [](std::string_view text) {
        auto day = parse_web_date(text);
        return day ? tracker::model::format_date(*day) : std::string("none");
    };
    CHECK(iso("2023-10-24") == "2023-10-24");
    CHECK(iso("2023-10-24T23:30:00-04:00") == "2023-10-24");
    CHECK(iso("Tue, 24 Oct 2023 08:00:00 GMT") == "2023-10-24");
    CHECK(iso("24 Oct 2023 08:00 +0300") == "2023-10-24");
    CHECK(iso("Tue, 24 Oct 23 08:00:00 GMT") == "2023-10-24");
    CHECK(iso("October 24, 2023") == "2023-10-24");
    CHECK(iso("Oct. 24, 2023") == "2023-10-24");
    CHECK(iso("Tuesday, 24th October 2023") == "2023-10-24");
    CHECK(iso("Sept 3, 2023") == "2023-09-03");
    CHECK(iso("24/10/2023") == "none");
    CHECK(iso("last Tuesday") == "none");
    CHECK(iso("Tue, 31 Feb 2023 08:00:00 GMT") == "none");
    CHECK(iso("24 Oct 2023 and then some") == "none");
    CHECK(iso("") == "none");
}

TEST_CASE("html reader: sniff_markup sees pages and feeds past prologues", "[html_reader]") {
    using tracker::importers::MarkupKind;
    using tracker::importers::sniff_markup;
    CHECK(sniff_markup("<!DOCTYPE html><html>") == MarkupKind::html);
    CHECK(sniff_markup("\xEF\xBB\xBF  <html lang=\"en\">") == MarkupKind::html);
    CHECK(sniff_markup("<!-- saved from url=(0030)https://x.example/ -->\n<!DOCTYPE HTML PUBLIC "
                       "\"-//W3C//DTD HTML 4.01//EN\">") == MarkupKind::html);
    CHECK(sniff_markup("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">") == MarkupKind::feed);
    CHECK(sniff_markup(
              "<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">") ==
          MarkupKind::feed);
    CHECK(sniff_markup("<rdf:RDF xmlns:rdf=\"x\">") == MarkupKind::feed);
    CHECK(sniff_markup("<?xml version=\"1.0\"?><svg>") == MarkupKind::none);
    CHECK(sniff_markup("Title: An article\n") == MarkupKind::none);
    CHECK(sniff_markup("<!-- never closed") == MarkupKind::none);
}

TEST_CASE("readers: exactly one reader claims each kind of file", "[html_reader]") {
    using tracker::importers::choose_reader;
    using tracker::importers::Reader;
    auto chosen = [](std::string_view path, std::string_view head) -> std::string {
        auto result = choose_reader(path, head);
        if (auto* message = std::get_if<std::string>(&result)) return "error: " + *message;
        return std::string(std::get<const Reader*>(result)->name());
    };
    const char* html = "<!DOCTYPE html><html><body><p>x</p></body></html>";
    const char* rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>";
    const char* atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
    const char* header = "Title: A\nPublished: 2023-10-21\n\nBody.";
    CHECK(chosen("page.html", html) == "html");
    CHECK(chosen("page.HTM", html) == "html");
    CHECK(chosen("saved-page", html) == "html");
    CHECK(chosen("-", html) == "html");
    CHECK(chosen("news.xml", rss) == "feed");
    CHECK(chosen("news.rss", rss) == "feed");
    CHECK(chosen("news.atom", atom) == "feed");
    CHECK(chosen("-", atom) == "feed");
    CHECK(chosen("feed", rss) == "feed");
    CHECK(chosen("notes.txt", html) == "text"); // the extension decides
    CHECK(chosen("article.md", header) == "text");
    CHECK(chosen("article", header) == "text");
    CHECK(chosen("-", "Plain words on standard input.") == "text");
    CHECK(chosen("page.html", header) == "html"); // a page never looks like a header
    CHECK(chosen("figures.csv", "date,metric,value\n") == "csv");
    CHECK(chosen("figures.json", "[{\"date\": \"2023-10-26\"}]") == "json");
    CHECK_THAT(chosen("data.xml", "<?xml version=\"1.0\"?><catalog/>"),
               Catch::StartsWith("error: no reader"));
    CHECK_THAT(chosen("photo.jpg", "\xFF\xD8\xFF"), Catch::StartsWith("error: no reader"));
}

TEST_CASE("readers: the list has each reader once, under a unique name", "[html_reader]") {
    using tracker::importers::all_readers;
    using tracker::importers::find_reader;
    std::vector<std::string> names;
    for (const auto& reader : all_readers()) {
        names.emplace_back(reader->name());
        CHECK_FALSE(reader->description().empty());
    }
    CHECK(names == std::vector<std::string>{"text", "html", "feed", "csv", "json"});
    for (const auto& name : names)
        CHECK(find_reader(name) != nullptr);
}

// ---------------------------------------------------------------------------
// The nesting guard (importers/html_nesting.hpp)

namespace {

std::string repeat(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

} // namespace

TEST_CASE("nesting guard: ordinary pages pass, runaway nesting does not", "[html][nesting]") {
    using tracker::importers::html_nests_deeper_than;
    const std::string page = "<!DOCTYPE html><html><head><title>t</title></head><body>" +
                             repeat("<div class=x>", 40) + "<p>Text</p>" + repeat("</div>", 40) +
                             "</body></html>";
    CHECK_FALSE(html_nests_deeper_than(page));
    CHECK(html_nests_deeper_than(page, 30));
    CHECK(html_nests_deeper_than(repeat("<div>", 5000)));
    CHECK_FALSE(html_nests_deeper_than(repeat("<DIV>", 3999)));
    CHECK(html_nests_deeper_than(repeat("<Span >", 4001)));
}

TEST_CASE("nesting guard: what cannot nest does not count", "[html][nesting]") {
    using tracker::importers::html_nests_deeper_than;
    // Void, self-closed and auto-closed elements never deepen the tree.
    CHECK_FALSE(html_nests_deeper_than(repeat("<p>Para", 10000)));
    CHECK_FALSE(html_nests_deeper_than(repeat("<li>item<br><img src=a.png>", 10000)));
    CHECK_FALSE(html_nests_deeper_than(repeat("<div/>", 10000)));
    CHECK_FALSE(html_nests_deeper_than(repeat("<div></div>", 10000)));
    // Tags inside comments and raw text are text.
    CHECK_FALSE(html_nests_deeper_than("<!-- " + repeat("<div>", 10000) + " -->"));
    CHECK_FALSE(html_nests_deeper_than("<script>" + repeat("<div>", 10000) + "</SCRIPT><p>x"));
    CHECK_FALSE(html_nests_deeper_than("<style>" + repeat("<b>", 10000)));
    // Stray end tags and half tags are no trouble.
    CHECK_FALSE(html_nests_deeper_than(repeat("</div>", 10000) + "<div"));
    CHECK_FALSE(html_nests_deeper_than("< div a < b >>"));
}

TEST_CASE("a page nested beyond the guard is refused with a reason, a feed fragment gives no text",
          "[html][nesting]") {
    const std::string deep = "<html><head><title>Deep</title></head><body>" +
                             repeat("<div>", 20000) + "<p>The ministry said 300 were killed.</p>" +
                             repeat("</div>", 20000) + "</body></html>";
    ReadResult read = parse_html_article("deep.html", deep, ArticleOverrides{});
    REQUIRE(std::holds_alternative<ReadError>(read));
    CHECK(std::get<ReadError>(read).message().find("nested deeper than") != std::string::npos);
    CHECK(tracker::importers::html_fragment_to_text(deep).empty());
}
