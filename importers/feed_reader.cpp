#include "importers/feed_reader.hpp"

#include "importers/html_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

namespace tracker::importers {

namespace {

constexpr const char* k_atom_ns = "http://www.w3.org/2005/Atom";
constexpr const char* k_content_ns = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* k_dc_ns = "http://purl.org/dc/elements/1.1/";
// RSS 2.0 elements have no namespace; RSS 1.0 ones have this one.
constexpr const char* k_rss1_ns = "http://purl.org/rss/1.0/";

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
    void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

// libxml2 sets up its global state on first use; doing that once, before
// any two imports run the parser at the same time, keeps it thread-safe.
void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

std::string_view as_view(const xmlChar* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

bool is_named(const xmlNode* node, const char* local, const char* ns = nullptr) {
    if (node->type != XML_ELEMENT_NODE || as_view(node->name) != local) return false;
    if (!ns) return true;
    return node->ns && as_view(node->ns->href) == ns;
}

// An element without a namespace, or in the default one of the feed format.
bool is_plain(const xmlNode* node, const char* local, const char* format_ns) {
    if (node->type != XML_ELEMENT_NODE || as_view(node->name) != local) return false;
    if (!node->ns) return true;
    return format_ns && as_view(node->ns->href) == format_ns;
}

std::vector<const xmlNode*> element_children(const xmlNode* node) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* child = node->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE) out.push_back(child);
    return out;
}

const xmlNode* first_child(const xmlNode* node, const char* local, const char* ns,
                           bool plain = false) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (plain ? is_plain(child, local, ns) : is_named(child, local, ns)) return child;
    }
    return nullptr;
}

std::string attribute(const xmlNode* node, const char* name) {
    for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
        if (as_view(attr->name) != name) continue;
        std::string value;
        for (const xmlNode* text = attr->children; text; text = text->next)
            if (text->type == XML_TEXT_NODE) value += as_view(text->content);
        return value;
    }
    return {};
}

// The element's own text. Only text and CDATA nodes count: a reference to
// an entity the feed declares is left out rather than expanded, which is
// what keeps "billion laughs" documents harmless.
std::string own_text(const xmlNode* node) {
    std::string out;
    for (const xmlNode* child = node->children; child; child = child->next)
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
            out += as_view(child->content);
    return out;
}

// The element's content as markup: its text, or its child elements written
// out as XML (Atom xhtml content, or HTML a feed forgot to escape).
std::string inner_markup(const xmlNode* node) {
    bool has_elements = false;
    for (const xmlNode* child = node->children; child; child = child->next)
        has_elements = has_elements || child->type == XML_ELEMENT_NODE;
    if (!has_elements) return own_text(node);
    std::string out;
    xmlBuffer* buffer = xmlBufferCreate();
    if (!buffer) return own_text(node);
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_ENTITY_REF_NODE) continue;
        xmlBufferEmpty(buffer);
        if (xmlNodeDump(buffer, node->doc, child, 0, 0) >= 0)
            out += as_view(xmlBufferContent(buffer));
    }
    xmlBufferFree(buffer);
    return out;
}

// Plain text with its paragraphs: each line trimmed, runs of blank lines
// made one.
std::string plain_text(std::string_view text) {
    std::string out;
    int blank_lines = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string line = collapse_spaces(text.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty()) {
            ++blank_lines;
            continue;
        }
        if (!out.empty()) out += blank_lines > 0 ? "\n\n" : "\n";
        blank_lines = 0;
        out += line;
    }
    return out;
}

// Text of an element whose content is HTML (an RSS description), or is
// typed as Atom text constructs are (type="text", "html" or "xhtml").
std::string element_text(const xmlNode* node, bool atom) {
    std::string type = atom ? attribute(node, "type") : "html";
    if (type.empty() || type == "text" || type == "text/plain") return plain_text(own_text(node));
    return std::string(trim(html_fragment_to_text(inner_markup(node))));
}

std::string title_text(const xmlNode* node, bool atom) {
    if (!node) return {};
    std::string type = atom ? attribute(node, "type") : "";
    std::string text = type == "html" || type == "xhtml" ? inner_markup(node) : own_text(node);
    // Titles carry entities and stray tags often enough ("Gaza &amp; Israel")
    // to be worth reducing; plain text passes through unchanged.
    if (text.find('<') != std::string::npos || text.find('&') != std::string::npos)
        return collapse_spaces(html_fragment_to_text(text));
    return collapse_spaces(text);
}

struct FeedItem {
    long line = 0;
    std::string title;
    std::string url;
    std::string date_text; // as written
    std::string body;
};

FeedItem read_rss_item(const xmlNode* item) {
    FeedItem out;
    out.line = xmlGetLineNo(item);
    out.title = title_text(first_child(item, "title", k_rss1_ns, true), false);
    if (const xmlNode* link = first_child(item, "link", k_rss1_ns, true))
        out.url = std::string(trim(own_text(link)));
    if (out.url.empty())
        if (const xmlNode* guid = first_child(item, "guid", k_rss1_ns, true))
            if (attribute(guid, "isPermaLink") != "false")
                out.url = std::string(trim(own_text(guid)));
    const xmlNode* date = first_child(item, "pubDate", k_rss1_ns, true);
    if (!date) date = first_child(item, "date", k_dc_ns);
    if (date) out.date_text = collapse_spaces(own_text(date));
    for (const xmlNode* body : {first_child(item, "encoded", k_content_ns),
                                first_child(item, "description", k_rss1_ns, true)}) {
        if (!body) continue;
        out.body = element_text(body, false);
        if (!out.body.empty()) break;
    }
    return out;
}

FeedItem read_atom_entry(const xmlNode* entry) {
    FeedItem out;
    out.line = xmlGetLineNo(entry);
    out.title = title_text(first_child(entry, "title", k_atom_ns, true), true);
    for (const xmlNode* link : element_children(entry)) {
        if (!is_plain(link, "link", k_atom_ns)) continue;
        std::string rel = attribute(link, "rel");
        if (rel.empty() || rel == "alternate") {
            out.url = std::string(trim(attribute(link, "href")));
            break;
        }
    }
    const xmlNode* date = first_child(entry, "published", k_atom_ns, true);
    if (!date) date = first_child(entry, "updated", k_atom_ns, true);
    if (date) out.date_text = collapse_spaces(own_text(date));
    const xmlNode* content = first_child(entry, "content", k_atom_ns, true);
    // Content kept elsewhere (src=) has no text here.
    if (content && attribute(content, "src").empty()) out.body = element_text(content, true);
    if (out.body.empty())
        if (const xmlNode* summary = first_child(entry, "summary", k_atom_ns, true))
            out.body = element_text(summary, true);
    return out;
}

// "Start tag expected, '<' not found" at line 1.
std::string parse_error_message(xmlParserCtxt* context) {
    const xmlError* error = xmlCtxtGetLastError(context);
    if (!error || !error->message) return "not a valid feed: not well-formed XML";
    std::string message = collapse_spaces(error->message);
    return "not a valid feed: " + message + " at line " + std::to_string(error->line);
}

} // namespace

ReaderResult read_feed(const std::string& path, std::string_view content,
                       const ReaderOptions& options) {
    auto fail = [&](std::string reason) { return ReadError{path, std::move(reason)}; };
    if (trim(content).empty()) return fail("empty file, no feed");
    if (content.size() > static_cast<std::size_t>(INT_MAX))
        return fail("file too large for a feed");
    init_libxml();
    std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
    if (!context) return fail("out of memory starting the XML parser");
    // NONET: never fetch anything. Without NOENT and DTDLOAD, entity
    // references stay references and no external DTD is read.
    const int parse_options =
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
    std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(context.get(), content.data(),
                                                           static_cast<int>(content.size()),
                                                           nullptr, nullptr, parse_options));
    if (!doc || !context->wellFormed) return fail(parse_error_message(context.get()));

    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return fail("not a valid feed: no root element");
    std::vector<const xmlNode*> items;
    std::string outlet;
    bool atom = false;
    if (is_plain(root, "rss", nullptr)) {
        const xmlNode* channel = first_child(root, "channel", k_rss1_ns, true);
        if (!channel) return fail("not a valid feed: <rss> without a <channel>");
        outlet = title_text(first_child(channel, "title", k_rss1_ns, true), false);
        for (const xmlNode* child : element_children(channel))
            if (is_plain(child, "item", k_rss1_ns)) items.push_back(child);
    } else if (as_view(root->name) == "RDF") {
        // RSS 1.0: the items are the channel's siblings.
        for (const xmlNode* child : element_children(root)) {
            if (is_plain(child, "channel", k_rss1_ns))
                outlet = title_text(first_child(child, "title", k_rss1_ns, true), false);
            if (is_plain(child, "item", k_rss1_ns)) items.push_back(child);
        }
    } else if (is_plain(root, "feed", k_atom_ns)) {
        atom = true;
        outlet = title_text(first_child(root, "title", k_atom_ns, true), true);
        for (const xmlNode* child : element_children(root))
            if (is_plain(child, "entry", k_atom_ns)) items.push_back(child);
    } else {
        return fail("not a valid feed: the root element is <" + std::string(as_view(root->name)) +
                    ">, not <rss>, <feed> or <rdf:RDF>");
    }
    if (items.empty()) return fail("the feed has no items");

    ReadOutput output;
    if (options.overrides.title || options.overrides.url)
        output.warnings.push_back(path + ": --title and --url do not apply to the items of a feed; "
                                         "ignored");
    std::optional<ReadError> first_bad;
    std::size_t bad = 0;
    for (std::size_t n = 0; n < items.size(); ++n) {
        FeedItem item = atom ? read_atom_entry(items[n]) : read_rss_item(items[n]);
        model::Article article;
        article.path = path + "#" + std::to_string(n + 1);
        article.title = item.title;
        article.url = item.url;
        article.outlet = options.overrides.outlet ? *options.overrides.outlet : outlet;
        article.body = item.body;
        std::string reason;
        if (options.overrides.published) {
            article.published = options.overrides.published;
        } else if (item.date_text.empty()) {
            reason = atom ? "no publication date; the entry has no <published> or <updated>; "
                            "pass --published"
                          : "no publication date; the item has no <pubDate> or <dc:date>; "
                            "pass --published";
        } else if (!(article.published = parse_web_date(item.date_text))) {
            std::string shown =
                item.date_text.size() > 80 ? item.date_text.substr(0, 77) + "..." : item.date_text;
            reason = "unparseable publication date '" + shown + "'; pass --published";
        }
        if (reason.empty() && article.body.empty())
            reason = atom ? "no article text (no <content> or <summary>)"
                          : "no article text (no <content:encoded> or <description>)";
        if (reason.empty()) {
            output.articles.push_back(std::move(article));
            continue;
        }
        ReadError error{path + ":" + std::to_string(item.line),
                        "item " + std::to_string(n + 1) + ": " + reason};
        ++bad;
        if (options.skip_bad_rows) output.warnings.push_back(error.message() + "; skipped");
        if (!first_bad) first_bad = std::move(error);
    }
    if (first_bad && !options.skip_bad_rows) {
        if (bad > 1)
            first_bad->reason += " (and " + std::to_string(bad - 1) + " more bad item" +
                                 (bad > 2 ? "s" : "") + "; --skip-bad-rows keeps the good ones)";
        return *first_bad;
    }
    if (output.articles.empty()) {
        // Every item is bad: nothing to keep, so the first one is the error.
        first_bad->reason += bad == 1 ? " (the only item)" : " (and every other item is bad too)";
        return *first_bad;
    }
    return output;
}

namespace {

class FeedReader : public Reader {
  public:
    std::string_view name() const override { return "feed"; }
    std::string_view description() const override {
        return "RSS or Atom feed (.rss, .atom, .xml): one article per item";
    }
    bool identify(std::string_view path, std::string_view head) const override {
        std::string extension = path_extension(path);
        if (extension == ".rss" || extension == ".atom") return true;
        // An .xml file is a feed only when it looks like one.
        if (extension == ".xml") return sniff_markup(head) == MarkupKind::feed;
        if (has_format_extension(path)) return false;
        return sniff_markup(head) == MarkupKind::feed;
    }
    ReaderResult read(const std::string& path, std::string_view content,
                      const ReaderOptions& options) const override {
        return read_feed(path, content, options);
    }
};

} // namespace

std::unique_ptr<Reader> make_feed_reader() {
    return std::make_unique<FeedReader>();
}

} // namespace tracker::importers
