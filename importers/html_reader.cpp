#include "importers/html_reader.hpp"

#include "importers/gumbo_tree.hpp"
#include "importers/html_nesting.hpp"
#include "importers/reader.hpp"
#include "importers/utf8.hpp"

#include <gumbo.h>
#include <iconv.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <unordered_map>
#include <vector>

namespace tracker::importers {

namespace {

// ---------------------------------------------------------------------------
// Small string helpers (ASCII only: HTML's own whitespace and names are ASCII)

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lower_char(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = lower_char(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_char(a[i]) != lower_char(b[i])) return false;
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Runs of whitespace (no-break spaces included) as one space, ends trimmed:
// metadata values are one line.
std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
        if (is_space(s[i]) || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(s[i]);
    }
    return out;
}

// ---------------------------------------------------------------------------
// Gumbo tree access

bool is_element(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* node) {
    return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector* child_nodes(const GumboNode* node) {
    if (is_element(node)) return &node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    return nullptr;
}

// The attribute's value, or nullptr when the element does not have it.
const char* attribute(const GumboNode* node, const char* name) {
    if (!is_element(node)) return nullptr;
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? attr->value : nullptr;
}

std::string_view attribute_or_empty(const GumboNode* node, const char* name) {
    const char* value = attribute(node, name);
    return value ? std::string_view(value) : std::string_view();
}

bool has_ancestor(const GumboNode* node, GumboTag tag) {
    for (const GumboNode* p = node->parent; p; p = p->parent)
        if (tag_of(p) == tag) return true;
    return false;
}

bool is_descendant_of(const GumboNode* node, const GumboNode* ancestor) {
    for (const GumboNode* p = node; p; p = p->parent)
        if (p == ancestor) return true;
    return false;
}

// Visits the nodes under `root` in document order without recursion, so
// that a deeply nested page cannot exhaust the stack. `enter(node)` returns
// whether to descend into the node; `leave(node)` runs after its children.
template <class Enter, class Leave> void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
    struct Frame {
        const GumboNode* node;
        unsigned next;
    };
    std::vector<Frame> stack;
    if (!enter(root)) return;
    stack.push_back({root, 0});
    while (!stack.empty()) {
        const GumboNode* node = stack.back().node;
        const GumboVector* children = child_nodes(node);
        if (!children || stack.back().next >= children->length) {
            stack.pop_back();
            leave(node);
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children->data[stack.back().next++]);
        if (enter(child)) stack.push_back({child, 0});
    }
}

// The text under `node`, scripts and styles left out, whitespace as written.
std::string raw_text(const GumboNode* node) {
    std::string out;
    walk(
        node,
        [&](const GumboNode* n) {
            GumboTag tag = tag_of(n);
            if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE)
                return false;
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
                n->type == GUMBO_NODE_CDATA)
                out += n->v.text.text;
            return true;
        },
        [](const GumboNode*) {});
    return out;
}

// ---------------------------------------------------------------------------
// What is page furniture rather than article text

// Elements dropped whatever their attributes: code, forms, navigation,
// embedded media and the page's header and footer.
bool is_dropped_tag(const GumboNode* node) {
    switch (tag_of(node)) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: return true;
    // A <header> inside an <article> is the article's own (headline, standfirst);
    // anywhere else it is the site's masthead.
    case GUMBO_TAG_HEADER: return !has_ancestor(node, GUMBO_TAG_ARTICLE);
    default: return false;
    }
}

// Words of class and id values that mark share bars, comment threads,
// related links, sign-up boxes, ads and navigation.
constexpr std::array<std::string_view, 13> k_boilerplate_words{
    "share",  "social",    "comment", "related", "newsletter", "promo",     "advert",
    "cookie", "subscribe", "footer",  "nav",     "menu",       "breadcrumb"};

// Whether a class or id value names furniture. Values are split into words
// at non-letters and at camelCase humps ("article-comments", "shareBar"),
// and a word matches when it begins with one of the words above, so
// "navigation" and "comments" match while "canvas" or "unavailable" do not
// (plain substring tests would). "commentary" is an article kind, not a
// comment thread.
bool names_boilerplate(std::string_view value) {
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && !is_alpha(value[i]))
            ++i;
        std::size_t start = i;
        ++i;
        while (i < value.size() && is_alpha(value[i]) &&
               !(value[i] >= 'A' && value[i] <= 'Z' && value[i - 1] >= 'a' && value[i - 1] <= 'z'))
            ++i;
        if (start >= value.size()) break;
        std::string word = to_lower(value.substr(start, std::min(i, value.size()) - start));
        if (word == "commentary" || word == "commentaries") continue;
        if (word == "ad" || word == "ads") return true;
        for (auto furniture : k_boilerplate_words)
            if (word.compare(0, furniture.size(), furniture) == 0) return true;
    }
    return false;
}

constexpr std::array<std::string_view, 8> k_furniture_roles{
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"};

// Hidden elements and those whose role, class or id names furniture. The
// document's own <html>, <body> and <main> and every <article> are never
// furniture by class: a page-wide class such as "has-comments" must not
// drop the whole page.
bool is_furniture_by_attributes(const GumboNode* node) {
    if (!is_element(node)) return false;
    if (attribute(node, "hidden")) return true;
    if (iequals(attribute_or_empty(node, "aria-hidden"), "true")) return true;
    std::string style = to_lower(attribute_or_empty(node, "style"));
    style.erase(std::remove_if(style.begin(), style.end(), is_space), style.end());
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
        return true;
    std::string_view role = attribute_or_empty(node, "role");
    for (auto furniture : k_furniture_roles)
        if (iequals(role, furniture)) return true;
    switch (tag_of(node)) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE: return false;
    default: break;
    }
    return names_boilerplate(attribute_or_empty(node, "class")) ||
           names_boilerplate(attribute_or_empty(node, "id"));
}

// ---------------------------------------------------------------------------
// Rendering a subtree as lines of text

enum BreakLevel { k_no_break = 0, k_line_break = 1, k_paragraph_break = 2 };

// Separates blocks with line and paragraph breaks and collapses whitespace,
// so that the sentence splitter sees one paragraph, heading, list item or
// caption per line.
class TextBuilder {
  public:
    void text(std::string_view s, bool preformatted) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            // U+00A0 no-break space reads as a space; U+00AD soft hyphen,
            // U+200B zero-width space and U+FEFF are invisible and dropped.
            if (c == '\xC2' && i + 1 < s.size() && (s[i + 1] == '\xA0' || s[i + 1] == '\xAD')) {
                if (s[i + 1] == '\xA0') m_space = true;
                ++i;
                continue;
            }
            if (c == '\xE2' && s.substr(i, 3) == "\xE2\x80\x8B") {
                i += 2;
                continue;
            }
            if (c == '\xEF' && s.substr(i, 3) == "\xEF\xBB\xBF") {
                i += 2;
                continue;
            }
            if (preformatted && c == '\n') {
                block(k_line_break);
                continue;
            }
            if (is_space(c)) {
                m_space = true;
                continue;
            }
            flush();
            m_out.push_back(c);
            m_line_has_text = true;
        }
    }

    // A block starts or ends here.
    void block(BreakLevel level) {
        if (level == k_no_break) return; // inline elements: the text runs on
        m_break = std::max(m_break, level);
        m_space = false;
        m_separator = false;
    }

    // A table cell starts: cells on one line are kept apart.
    void cell() {
        if (m_line_has_text && m_break == k_no_break) m_separator = true;
    }

    std::string finish() { return std::move(m_out); }

  private:
    void flush() {
        if (m_break != k_no_break) {
            if (!m_out.empty()) m_out.append(m_break == k_paragraph_break ? "\n\n" : "\n");
            m_break = k_no_break;
            m_line_has_text = false;
        } else if (m_separator) {
            m_out.append(" | ");
        } else if (m_space && m_line_has_text) {
            m_out.push_back(' ');
        }
        m_space = false;
        m_separator = false;
    }

    std::string m_out;
    BreakLevel m_break = k_no_break;
    bool m_space = false;
    bool m_separator = false;
    bool m_line_has_text = false;
};

BreakLevel break_level(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_OPTION: return k_line_break;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_CENTER: return k_paragraph_break;
    default: return k_no_break;
    }
}

// Paragraph text held by an element: the bytes of <p> text under it.
using ParagraphText = std::unordered_map<const GumboNode*, std::size_t>;

// The text of the subtrees in `roots`, furniture dropped. An element that
// only its class or id marks as furniture is kept when it holds more than
// half of the paragraph text (`paragraph_text`, when given): a misnamed
// wrapper must not take the article with it.
std::string render_text(const std::vector<const GumboNode*>& roots,
                        const ParagraphText* paragraph_text) {
    TextBuilder builder;
    for (const GumboNode* root : roots) {
        std::size_t root_text = 0;
        if (paragraph_text) {
            auto it = paragraph_text->find(root);
            if (it != paragraph_text->end()) root_text = it->second;
        }
        int preformatted = 0;
        walk(
            root,
            [&](const GumboNode* node) {
                switch (node->type) {
                case GUMBO_NODE_TEXT:
                case GUMBO_NODE_CDATA:
                case GUMBO_NODE_WHITESPACE:
                    builder.text(node->v.text.text, preformatted > 0);
                    return false;
                case GUMBO_NODE_ELEMENT:
                case GUMBO_NODE_TEMPLATE: break;
                default: return node->type == GUMBO_NODE_DOCUMENT;
                }
                if (node != root) {
                    if (is_dropped_tag(node)) return false;
                    if (is_furniture_by_attributes(node)) {
                        bool keep = false;
                        if (paragraph_text && root_text > 0) {
                            auto it = paragraph_text->find(node);
                            keep = it != paragraph_text->end() && it->second * 2 > root_text;
                        }
                        if (!keep) return false;
                    }
                }
                GumboTag tag = tag_of(node);
                if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) builder.cell();
                if (tag == GUMBO_TAG_PRE) ++preformatted;
                builder.block(break_level(tag));
                return true;
            },
            [&](const GumboNode* node) {
                if (!is_element(node)) return;
                if (tag_of(node) == GUMBO_TAG_PRE) --preformatted;
                builder.block(break_level(tag_of(node)));
            });
        builder.block(k_paragraph_break);
    }
    return builder.finish();
}

const GumboNode* find_child(const GumboNode* node, GumboTag tag) {
    const GumboVector* children = child_nodes(node);
    if (!children) return nullptr;
    for (unsigned i = 0; i < children->length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children->data[i]);
        if (tag_of(child) == tag) return child;
    }
    return nullptr;
}

const GumboNode* body_of(const GumboOutput* output) {
    const GumboNode* body = output->root ? find_child(output->root, GUMBO_TAG_BODY) : nullptr;
    return body ? body : output->root;
}

// ---------------------------------------------------------------------------
// Reading the page: metadata and the place of the article text

// Everything one walk over the page collects.
struct PageScan {
    std::string charset; // declared by <meta charset> or http-equiv Content-Type
    std::string title;   // <title>
    std::string canonical;
    std::unordered_map<std::string, std::string> meta; // first value per og:/article: key
    std::string microdata_published;                   // itemprop=datePublished
    std::vector<std::string> json_ld;
    std::vector<const GumboNode*> times; // <time datetime> outside furniture
    const GumboNode* pubdate_time = nullptr;
    std::vector<const GumboNode*> article_bodies; // itemprop=articleBody, outermost
    std::vector<const GumboNode*> articles;       // <article> outside furniture
    std::vector<const GumboNode*> paragraphs;     // <p> outside furniture
    // <p> outside elements dropped by tag, furniture classes or not: the
    // text a misnamed wrapper would take with it.
    std::vector<const GumboNode*> held_paragraphs;
};

constexpr std::array<std::string_view, 4> k_meta_keys{"og:site_name", "og:title", "og:url",
                                                      "article:published_time"};

bool has_token(std::string_view list, std::string_view token) {
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && is_space(list[i]))
            ++i;
        std::size_t start = i;
        while (i < list.size() && !is_space(list[i]))
            ++i;
        if (i > start && iequals(list.substr(start, i - start), token)) return true;
    }
    return false;
}

// "text/html; charset=windows-1252" gives "windows-1252".
std::string charset_from_content_type(std::string_view content) {
    std::string lowered = to_lower(content);
    std::size_t at = lowered.find("charset");
    if (at == std::string::npos) return {};
    std::size_t i = at + 7;
    while (i < lowered.size() && is_space(lowered[i]))
        ++i;
    if (i >= lowered.size() || lowered[i] != '=') return {};
    ++i;
    while (i < lowered.size() && (is_space(lowered[i]) || lowered[i] == '"' || lowered[i] == '\''))
        ++i;
    std::size_t start = i;
    while (i < lowered.size() && !is_space(lowered[i]) && lowered[i] != ';' && lowered[i] != '"' &&
           lowered[i] != '\'')
        ++i;
    return lowered.substr(start, i - start);
}

PageScan scan_page(const GumboOutput* output) {
    PageScan scan;
    int furniture_depth = 0; // inside furniture of any kind
    int dropped_depth = 0;   // inside an element dropped by its tag
    int article_body_depth = 0;
    struct Open {
        bool furniture = false;
        bool dropped = false;
        bool article_body = false;
    };
    std::vector<Open> open;
    walk(
        output->document,
        [&](const GumboNode* node) {
            if (!is_element(node)) {
                if (node->type != GUMBO_NODE_DOCUMENT) return false;
                open.push_back({});
                return true;
            }
            GumboTag tag = tag_of(node);
            // Metadata is read wherever it is; <head> counts as furniture for text only.
            switch (tag) {
            case GUMBO_TAG_META: {
                if (scan.charset.empty()) {
                    if (const char* charset = attribute(node, "charset"))
                        scan.charset = to_lower(trim(charset));
                    else if (iequals(attribute_or_empty(node, "http-equiv"), "content-type"))
                        scan.charset =
                            charset_from_content_type(attribute_or_empty(node, "content"));
                }
                std::string_view content = attribute_or_empty(node, "content");
                for (const char* key_attribute : {"property", "name"}) {
                    std::string key = to_lower(trim(attribute_or_empty(node, key_attribute)));
                    for (auto known : k_meta_keys)
                        if (key == known && !scan.meta.count(key) && !trim(content).empty())
                            scan.meta.emplace(key, collapse_spaces(content));
                }
                if (has_token(attribute_or_empty(node, "itemprop"), "datePublished") &&
                    scan.microdata_published.empty())
                    scan.microdata_published = collapse_spaces(content);
                return false;
            }
            case GUMBO_TAG_LINK:
                if (has_token(attribute_or_empty(node, "rel"), "canonical") &&
                    scan.canonical.empty())
                    scan.canonical = collapse_spaces(attribute_or_empty(node, "href"));
                return false;
            case GUMBO_TAG_TITLE:
                if (scan.title.empty() && node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
                    scan.title = collapse_spaces(raw_text(node));
                return false;
            case GUMBO_TAG_SCRIPT: {
                std::string_view type = trim(attribute_or_empty(node, "type"));
                if (istarts_with(type, "application/ld+json")) {
                    std::string text;
                    const GumboVector& children = node->v.element.children;
                    for (unsigned i = 0; i < children.length; ++i) {
                        const auto* child = static_cast<const GumboNode*>(children.data[i]);
                        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
                            text += child->v.text.text;
                    }
                    scan.json_ld.push_back(std::move(text));
                }
                return false;
            }
            default: break;
            }
            bool dropped = is_dropped_tag(node);
            bool furniture = dropped || is_furniture_by_attributes(node);
            if (furniture) ++furniture_depth;
            if (dropped) ++dropped_depth;
            if (dropped_depth == 0 && tag == GUMBO_TAG_P) scan.held_paragraphs.push_back(node);
            bool article_body = has_token(attribute_or_empty(node, "itemprop"), "articleBody");
            if (furniture_depth == 0) {
                if (tag == GUMBO_TAG_TIME && attribute(node, "datetime")) {
                    scan.times.push_back(node);
                    if (!scan.pubdate_time &&
                        (attribute(node, "pubdate") ||
                         has_token(attribute_or_empty(node, "itemprop"), "datePublished")))
                        scan.pubdate_time = node;
                }
                if (article_body && article_body_depth == 0) scan.article_bodies.push_back(node);
                if (tag == GUMBO_TAG_ARTICLE) scan.articles.push_back(node);
                if (tag == GUMBO_TAG_P) scan.paragraphs.push_back(node);
            }
            if (article_body) ++article_body_depth;
            if (scan.microdata_published.empty() &&
                has_token(attribute_or_empty(node, "itemprop"), "datePublished")) {
                std::string_view value = attribute_or_empty(node, "datetime");
                if (value.empty()) value = attribute_or_empty(node, "content");
                scan.microdata_published = collapse_spaces(value);
            }
            open.push_back({furniture, dropped, article_body});
            return true;
        },
        [&](const GumboNode*) {
            Open left = open.back();
            open.pop_back();
            if (left.furniture) --furniture_depth;
            if (left.dropped) --dropped_depth;
            if (left.article_body) --article_body_depth;
        });
    return scan;
}

// The bytes of paragraph text under each element, and a density score per
// element: the text of its own <p> children, plus half that of its
// grandchildren, so that a body split into one wrapper <div> per paragraph
// still scores at the wrapper's parent.
struct ParagraphScores {
    ParagraphText held;
    std::unordered_map<const GumboNode*, std::size_t> density;
};

ParagraphScores score_paragraphs(const PageScan& scan) {
    ParagraphScores scores;
    std::unordered_map<const GumboNode*, std::size_t> lengths;
    for (const GumboNode* p : scan.held_paragraphs) {
        std::size_t length = trim(raw_text(p)).size();
        lengths[p] = length;
        for (const GumboNode* a = p; a; a = a->parent)
            scores.held[a] += length;
    }
    for (const GumboNode* p : scan.paragraphs) {
        std::size_t length = lengths[p]; // every paragraph outside furniture is held
        if (length == 0) continue;
        if (const GumboNode* parent = p->parent) {
            scores.density[parent] += length;
            if (parent->parent && is_element(parent->parent))
                scores.density[parent->parent] += length / 2;
        }
    }
    return scores;
}

// Where the article text is, in order of preference: the elements marked
// itemprop=articleBody; the <article> with the most text; the element
// densest in paragraph text; the page's <main> or <body>.
std::vector<const GumboNode*> content_roots(const GumboOutput* output, const PageScan& scan,
                                            const ParagraphScores& scores) {
    if (!scan.article_bodies.empty()) return scan.article_bodies;
    const GumboNode* best = nullptr;
    std::size_t best_size = 0;
    for (const GumboNode* article : scan.articles) {
        auto it = scores.held.find(article);
        std::size_t size = it != scores.held.end() ? it->second : 0;
        if (size == 0)
            size = trim(raw_text(article)).size() / 4; // text without <p>: weaker evidence
        if (size > best_size) {
            best = article;
            best_size = size;
        }
    }
    if (best) return {best};
    for (const auto& [node, score] : scores.density) {
        if (!is_element(node) || score == 0) continue;
        // Ties go to the earlier element, so that the choice does not depend
        // on the hash map's order.
        bool earlier = best && node->v.element.start_pos.offset < best->v.element.start_pos.offset;
        if (score > best_size || (score == best_size && earlier)) {
            best = node;
            best_size = score;
        }
    }
    if (best) return {best};
    const GumboNode* body = body_of(output);
    if (const GumboNode* main = body ? find_child(body, GUMBO_TAG_MAIN) : nullptr) return {main};
    if (body) return {body};
    return {};
}

// The NewsArticle fields of the page's JSON-LD.
struct JsonLdArticle {
    std::string headline;
    std::string date_published;
    std::string publisher;
    std::string url;
};

using json = nlohmann::json;

std::string json_string(const json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array())
        for (const auto& item : *it)
            if (item.is_string()) return item.get<std::string>();
    return {};
}

// 0 for the NewsArticle family (ReportageNewsArticle, AnalysisNewsArticle...),
// 1 for other articles and blog posts, -1 for anything else.
int article_rank(const json& node) {
    auto type = node.find("@type");
    if (type == node.end()) return -1;
    std::vector<std::string> types;
    if (type->is_string()) types.push_back(type->get<std::string>());
    if (type->is_array())
        for (const auto& t : *type)
            if (t.is_string()) types.push_back(t.get<std::string>());
    int rank = -1;
    for (std::string t : types) {
        std::size_t slash = t.rfind('/'); // "http://schema.org/NewsArticle"
        if (slash != std::string::npos) t = t.substr(slash + 1);
        if (t.size() >= 11 && t.compare(t.size() - 11, 11, "NewsArticle") == 0) return 0;
        if (t == "Article" || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report")
            rank = 1;
    }
    return rank;
}

// Every object in a JSON-LD value: top-level ones, @graph members and nested
// ones (a WebPage's mainEntity), parents before children.
void collect_objects(const json& value, std::vector<const json*>& out, int depth) {
    if (depth > 8) return; // JSON-LD is shallow; deeper is not worth reading
    if (value.is_array()) {
        for (const auto& item : value)
            collect_objects(item, out, depth + 1);
    } else if (value.is_object()) {
        out.push_back(&value);
        for (const auto& [key, member] : value.items())
            if (member.is_object() || member.is_array()) collect_objects(member, out, depth + 1);
    }
}

std::string publisher_name(const json& article,
                           const std::unordered_map<std::string, const json*>& by_id) {
    auto it = article.find("publisher");
    if (it == article.end()) return {};
    const json* publisher = &*it;
    if (publisher->is_array()) {
        if (publisher->empty()) return {};
        publisher = &(*publisher)[0];
    }
    if (publisher->is_string()) return publisher->get<std::string>();
    std::string name = json_string(*publisher, "name");
    if (name.empty()) {
        // {"@id": "https://example.org/#org"}: the organisation is elsewhere in the graph.
        auto found = by_id.find(json_string(*publisher, "@id"));
        if (found != by_id.end()) name = json_string(*found->second, "name");
    }
    return name;
}

std::optional<JsonLdArticle> json_ld_article(const std::vector<std::string>& scripts) {
    std::vector<json> documents;
    for (const auto& script : scripts) {
        json parsed = json::parse(script, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_discarded()) documents.push_back(std::move(parsed));
    }
    std::vector<const json*> objects;
    for (const auto& document : documents)
        collect_objects(document, objects, 0);
    std::unordered_map<std::string, const json*> by_id;
    for (const json* object : objects) {
        std::string id = json_string(*object, "@id");
        if (!id.empty()) by_id.emplace(id, object);
    }
    const json* best = nullptr;
    int best_rank = 2;
    for (const json* object : objects) {
        int rank = article_rank(*object);
        if (rank >= 0 && rank < best_rank) {
            best = object;
            best_rank = rank;
        }
    }
    if (!best) return std::nullopt;
    JsonLdArticle article;
    article.headline = json_string(*best, "headline");
    if (article.headline.empty()) article.headline = json_string(*best, "name");
    article.date_published = json_string(*best, "datePublished");
    article.publisher = publisher_name(*best, by_id);
    article.url = json_string(*best, "url");
    if (article.url.empty()) {
        auto page = best->find("mainEntityOfPage");
        if (page != best->end()) {
            if (page->is_string())
                article.url = page->get<std::string>();
            else if (page->is_object()) {
                article.url = json_string(*page, "@id");
                if (article.url.empty()) article.url = json_string(*page, "url");
            }
        }
    }
    return article;
}

// JSON-LD strings are not HTML, yet pages often put entities in them
// ("Gaza &amp; Israel"); those are decoded.
std::string clean_json_text(const std::string& text) {
    if (text.find('&') == std::string::npos && text.find('<') == std::string::npos)
        return collapse_spaces(text);
    return collapse_spaces(html_fragment_to_text(text));
}

// "Headline | Outlet" gives "Headline" when the outlet is known.
std::string strip_outlet_suffix(std::string title, std::string_view outlet) {
    if (outlet.empty()) return title;
    for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
        std::string suffix = std::string(separator) + std::string(outlet);
        if (title.size() > suffix.size() &&
            iequals(std::string_view(title).substr(title.size() - suffix.size()), suffix))
            return title.substr(0, title.size() - suffix.size());
    }
    return title;
}

// ---------------------------------------------------------------------------
// Charsets

constexpr std::array<std::string_view, 14> k_windows_1252_labels{
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
    "latin1",       "l1",     "cp819",    "ibm819",     "us-ascii",  "ascii",      "csisolatin1"};

constexpr std::array<std::string_view, 3> k_utf8_labels{"utf-8", "utf8", "unicode-1-1-utf-8"};

// Windows-1252 bytes 0x80-0x9F; the five the code page leaves undefined keep
// their C1 code points, as browsers do.
constexpr std::array<char16_t, 32> k_windows_1252_high{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string windows_1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            out.push_back(c);
        else if (b < 0xA0)
            append_utf8(out, k_windows_1252_high[b - 0x80]);
        else
            append_utf8(out, b);
    }
    return out;
}

std::variant<std::string, CharsetError> iconv_to_utf8(std::string_view bytes,
                                                      const std::string& charset) {
    iconv_t converter = iconv_open("UTF-8", charset.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1))
        return CharsetError{"unsupported charset '" + charset + "'"};
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data()); // iconv's signature; it does not write there
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    std::string error;
    while (in_left > 0) {
        char* out_ptr = out.data() + written;
        std::size_t out_left = out.size() - written;
        std::size_t result = iconv(converter, &in, &in_left, &out_ptr, &out_left);
        written = out.size() - out_left;
        if (result != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        std::size_t offset = bytes.size() - in_left;
        error = (errno == EINVAL ? "truncated " : "invalid ") + charset +
                " byte sequence at byte " + std::to_string(offset);
        break;
    }
    iconv_close(converter);
    if (!error.empty()) return CharsetError{error};
    out.resize(written);
    return out;
}

template <std::size_t N>
bool is_label_in(const std::string& label, const std::array<std::string_view, N>& labels) {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

// A page as UTF-8 text with its parsed tree. The tree points into the text,
// so a page is never moved or copied: it lives behind a unique_ptr. The text
// is the caller's content when that needed no conversion (no copy of a large
// page), else the converted copy held here.
struct ParsedPage {
    std::string converted;
    std::string_view text;
    GumboTree tree;
    PageScan scan;
};
using ParsedPagePtr = std::unique_ptr<ParsedPage>;

ParsedPagePtr parse_page(std::string_view text, std::string converted = {}) {
    auto page = std::make_unique<ParsedPage>();
    page->converted = std::move(converted);
    page->text = page->converted.empty() ? text : std::string_view(page->converted);
    page->tree = parse_gumbo(page->text);
    page->scan = scan_page(page->tree.get());
    return page;
}

// Decodes and parses the page (`content` must outlive the result). The bytes
// are parsed as they are first: a UTF-8 page, the usual case, is parsed
// once; a page that declares another charset is converted and parsed again.
std::variant<ParsedPagePtr, std::string> decode_and_parse(std::string_view content) {
    // A byte order mark decides the charset before any <meta> does.
    if (content.substr(0, 3) == "\xEF\xBB\xBF") {
        if (auto bad = find_invalid_utf8(content))
            return "invalid UTF-8 at byte " + std::to_string(*bad) +
                   " after a UTF-8 byte order mark";
        return parse_page(content.substr(3));
    }
    if (content.substr(0, 2) == "\xFF\xFE" || content.substr(0, 2) == "\xFE\xFF") {
        auto decoded =
            iconv_to_utf8(content.substr(2), content[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
        if (auto* error = std::get_if<CharsetError>(&decoded)) return error->reason;
        return parse_page({}, std::move(std::get<std::string>(decoded)));
    }
    if (looks_binary(content)) return std::string("binary file, not a web page");
    if (html_nests_deeper_than(content))
        return "markup nested deeper than " + std::to_string(k_max_html_nesting) +
               " elements, which no article page needs; not parsed";
    ParsedPagePtr page = parse_page(content);
    std::string declared = page->scan.charset;
    // An ASCII-compatible page cannot really be UTF-16 (it would have a byte
    // order mark); browsers read such a declaration as UTF-8, and so do we.
    if (declared.rfind("utf-16", 0) == 0) declared = "utf-8";
    auto bad_utf8 = find_invalid_utf8(content);
    if (declared.empty() || is_label_in(declared, k_utf8_labels)) {
        if (!bad_utf8) return page;
        if (!declared.empty())
            return "invalid UTF-8 at byte " + std::to_string(*bad_utf8) +
                   " in a page that declares charset utf-8";
        // No declaration and not UTF-8: browsers guess Windows-1252 here, the
        // usual charset of older Western pages.
        declared = "windows-1252";
    }
    page.reset(); // the first tree is of no use once the page is converted
    if (is_label_in(declared, k_windows_1252_labels))
        return parse_page({}, windows_1252_to_utf8(content));
    auto decoded = iconv_to_utf8(content, declared);
    if (auto* error = std::get_if<CharsetError>(&decoded)) return error->reason;
    return parse_page({}, std::move(std::get<std::string>(decoded)));
}

// ---------------------------------------------------------------------------
// Web dates

constexpr std::array<std::string_view, 12> k_months{"jan", "feb", "mar", "apr", "may", "jun",
                                                    "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 12> k_month_names{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> k_weekdays{"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};

std::optional<unsigned> month_number(std::string word) {
    if (!word.empty() && word.back() == '.') word.pop_back();
    word = to_lower(word);
    for (std::size_t i = 0; i < 12; ++i)
        if (word == k_month_names[i] || word == k_months[i] || (word == "sept" && i == 8))
            return static_cast<unsigned>(i + 1);
    return std::nullopt;
}

// "Tue", "Tues.", "Tuesday": three letters or more of a weekday's name.
bool is_weekday(std::string word) {
    if (!word.empty() && word.back() == '.') word.pop_back();
    word = to_lower(word);
    if (word.size() < 3) return false;
    for (auto day : k_weekdays)
        if (day.size() >= word.size() && day.compare(0, word.size(), word) == 0) return true;
    return false;
}

std::optional<unsigned> number_of(std::string_view word, std::size_t max_digits) {
    if (word.empty() || word.size() > max_digits) return std::nullopt;
    unsigned value = 0;
    for (char c : word) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

// "24", "24th", "1st".
std::optional<unsigned> day_number(std::string word) {
    word = to_lower(word);
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (word.size() > 2 && word.compare(word.size() - 2, 2, suffix) == 0) {
            word.resize(word.size() - 2);
            break;
        }
    return number_of(word, 2);
}

bool is_time(std::string_view word) {
    return !word.empty() && is_digit(word.front()) && word.find(':') != std::string_view::npos &&
           std::all_of(word.begin(), word.end(), [](char c) { return is_digit(c) || c == ':'; });
}

std::optional<model::Date> make_date(unsigned year, unsigned month, unsigned day) {
    date::year_month_day ymd{date::year{static_cast<int>(year)}, date::month{month},
                             date::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return model::Date{ymd};
}

} // namespace

// ---------------------------------------------------------------------------
// Public functions

std::optional<model::Date> parse_web_date(std::string_view text) {
    text = trim(text);
    if (auto iso = model::parse_iso_date(text)) return iso;
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (is_space(text[i]) || text[i] == ','))
            ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != ',')
            ++i;
        if (i > start) words.emplace_back(text.substr(start, i - start));
    }
    std::size_t w = 0;
    if (w < words.size() && is_weekday(words[w])) ++w;
    if (words.size() < w + 3) return std::nullopt;
    std::optional<unsigned> day, month;
    if ((month = month_number(words[w]))) {
        day = day_number(words[w + 1]); // "October 24, 2023"
    } else {
        day = day_number(words[w]); // "24 Oct 2023"
        month = month_number(words[w + 1]);
    }
    std::optional<unsigned> year = number_of(words[w + 2], 4);
    if (!day || !month || !year || (words[w + 2].size() != 2 && words[w + 2].size() != 4))
        return std::nullopt;
    // RFC 822 allows two-digit years.
    if (words[w + 2].size() == 2) *year += *year < 50 ? 2000 : 1900;
    // After the day only a time and a zone may follow ("08:00:00 GMT", "+0300").
    std::size_t rest = w + 3;
    if (rest < words.size()) {
        if (!is_time(words[rest])) return std::nullopt;
        ++rest;
        if (rest < words.size()) ++rest; // the zone, whatever its form
        if (rest < words.size()) return std::nullopt;
    }
    return make_date(*year, *month, *day);
}

std::variant<std::string, CharsetError> decode_to_utf8(std::string_view bytes,
                                                       std::string_view charset) {
    std::string label = to_lower(trim(charset));
    if (is_label_in(label, k_utf8_labels)) {
        if (auto bad = find_invalid_utf8(bytes))
            return CharsetError{"invalid UTF-8 at byte " + std::to_string(*bad)};
        return std::string(bytes);
    }
    if (is_label_in(label, k_windows_1252_labels)) return windows_1252_to_utf8(bytes);
    return iconv_to_utf8(bytes, label);
}

std::string html_fragment_to_text(std::string_view html) {
    // Hostile markup (see html_nesting.hpp) is not parsed: no text.
    if (html_nests_deeper_than(html)) return {};
    // Parsed as a document: the fragment lands in <body>. The input is UTF-8
    // already (a feed's XML parser has decoded it).
    GumboTree tree = parse_gumbo(html);
    const GumboNode* body = body_of(tree.get());
    if (!body) return {};
    return render_text({body}, nullptr);
}

MarkupKind sniff_markup(std::string_view head) {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    std::size_t i = 0;
    while (i < head.size()) {
        while (i < head.size() && is_space(head[i]))
            ++i;
        if (i >= head.size() || head[i] != '<') return MarkupKind::none;
        std::string_view rest = head.substr(i);
        std::string_view close;
        if (rest.substr(0, 2) == "<?")
            close = "?>";
        else if (rest.substr(0, 4) == "<!--")
            close = "-->";
        else if (istarts_with(rest, "<!doctype")) {
            std::string_view after = trim(rest.substr(9));
            if (istarts_with(after, "html")) return MarkupKind::html;
            close = ">";
        }
        if (!close.empty()) {
            std::size_t end = rest.find(close);
            if (end == std::string_view::npos) return MarkupKind::none;
            i += end + close.size();
            continue;
        }
        std::size_t start = 1;
        std::size_t end = start;
        while (end < rest.size() &&
               (is_alpha(rest[end]) || is_digit(rest[end]) || rest[end] == ':' ||
                rest[end] == '-' || rest[end] == '_' || rest[end] == '.'))
            ++end;
        std::string name = to_lower(rest.substr(start, end - start));
        if (name == "html") return MarkupKind::html;
        if (name == "rss" || name == "feed" || name == "rdf:rdf") return MarkupKind::feed;
        return MarkupKind::none;
    }
    return MarkupKind::none;
}

std::string path_extension(std::string_view path) {
    std::size_t slash = path.find_last_of("/\\");
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return to_lower(name.substr(dot));
}

bool has_format_extension(std::string_view path) {
    static constexpr std::array<std::string_view, 13> k_extensions{
        ".txt", ".text", ".md",  ".html", ".htm",  ".xhtml", ".shtml",
        ".rss", ".atom", ".xml", ".csv",  ".json", ".jsonl"};
    std::string extension = path_extension(path);
    return std::find(k_extensions.begin(), k_extensions.end(), extension) != k_extensions.end();
}

ReadResult parse_html_article(std::string path, std::string_view content,
                              const ArticleOverrides& overrides) {
    auto fail = [&](std::string reason) { return ReadError{path, std::move(reason)}; };
    if (trim(content).empty()) return fail("empty file, no web page");
    auto decoded = decode_and_parse(content);
    if (auto* error = std::get_if<std::string>(&decoded)) return fail(*error);
    const ParsedPage& page = *std::get<ParsedPagePtr>(decoded);
    const PageScan& scan = page.scan;

    ParagraphScores scores = score_paragraphs(scan);
    std::vector<const GumboNode*> roots = content_roots(page.tree.get(), scan, scores);

    model::Article article;
    article.path = path;
    article.body = std::string(trim(render_text(roots, &scores.held)));
    if (article.body.empty()) return fail("no article text found");

    std::optional<JsonLdArticle> ld = json_ld_article(scan.json_ld);
    auto meta = [&](const char* key) {
        auto it = scan.meta.find(key);
        return it != scan.meta.end() ? it->second : std::string();
    };
    auto first_of = [](std::initializer_list<std::string> values) {
        for (const auto& value : values)
            if (!value.empty()) return value;
        return std::string();
    };

    article.outlet = first_of({ld ? clean_json_text(ld->publisher) : "", meta("og:site_name")});
    article.url = first_of({ld ? collapse_spaces(ld->url) : "", meta("og:url"), scan.canonical});
    std::string h1;
    for (const GumboNode* root : roots) {
        walk(
            root,
            [&](const GumboNode* node) {
                if (!h1.empty()) return false;
                if (tag_of(node) == GUMBO_TAG_H1) {
                    h1 = collapse_spaces(raw_text(node));
                    return false;
                }
                return is_element(node) || node->type == GUMBO_NODE_DOCUMENT;
            },
            [](const GumboNode*) {});
    }
    article.title = first_of({ld ? clean_json_text(ld->headline) : "", meta("og:title"),
                              strip_outlet_suffix(scan.title, article.outlet), h1});

    // Publication date candidates, most trusted first.
    std::vector<std::pair<std::string, std::string>> dates;
    if (ld && !trim(ld->date_published).empty())
        dates.emplace_back(collapse_spaces(ld->date_published), "JSON-LD datePublished");
    if (!meta("article:published_time").empty())
        dates.emplace_back(meta("article:published_time"), "article:published_time");
    if (!scan.microdata_published.empty())
        dates.emplace_back(scan.microdata_published, "itemprop=datePublished");
    // Of the <time> elements: the one marked as the publication date, else
    // the first in the article text, else the first on the page.
    const GumboNode* time = scan.pubdate_time;
    auto in_roots = [&](const GumboNode* node) {
        return std::any_of(roots.begin(), roots.end(),
                           [&](const GumboNode* root) { return is_descendant_of(node, root); });
    };
    if (!time) {
        auto found = std::find_if(scan.times.begin(), scan.times.end(), in_roots);
        if (found != scan.times.end()) time = *found;
    }
    if (!time && !scan.times.empty()) time = scan.times.front();
    if (time)
        dates.emplace_back(collapse_spaces(attribute_or_empty(time, "datetime")),
                           "<time datetime>");

    if (overrides.outlet) article.outlet = *overrides.outlet;
    if (overrides.url) article.url = *overrides.url;
    if (overrides.title) article.title = *overrides.title;
    if (overrides.published) {
        article.published = overrides.published;
        return article;
    }
    for (const auto& [text, source] : dates)
        if ((article.published = parse_web_date(text))) return article;
    if (!dates.empty()) {
        std::string shown = dates.front().first;
        if (shown.size() > 80)
            shown = shown.substr(0, 77) + "..."; // a message stays one short line
        return fail("unparseable publication date '" + shown + "' (from " + dates.front().second +
                    "); pass --published");
    }
    return fail("no publication date; the page has no JSON-LD datePublished, "
                "article:published_time or <time datetime>; pass --published");
}

namespace {

class HtmlReader : public Reader {
  public:
    std::string_view name() const override { return "html"; }
    std::string_view description() const override {
        return "saved web page (.html, .htm): the article text, with metadata from JSON-LD, "
               "OpenGraph, <time> and <title>";
    }
    bool identify(std::string_view path, std::string_view head) const override {
        std::string extension = path_extension(path);
        if (extension == ".html" || extension == ".htm" || extension == ".xhtml" ||
            extension == ".shtml")
            return true;
        if (has_format_extension(path)) return false;
        return sniff_markup(head) == MarkupKind::html;
    }
    ReaderResult read(const std::string& path, std::string_view content,
                      const ReaderOptions& options) const override {
        auto parsed = parse_html_article(path, content, options.overrides);
        if (auto* error = std::get_if<ReadError>(&parsed)) return *error;
        ReadOutput output;
        output.articles.push_back(std::move(std::get<model::Article>(parsed)));
        return output;
    }
};

} // namespace

std::unique_ptr<Reader> make_html_reader() {
    return std::make_unique<HtmlReader>();
}

} // namespace tracker::importers
