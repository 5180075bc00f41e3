#include "tracker/cli/output.hpp"

#include "reports/text_escape.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace tracker::cli {

Output::Output(const std::string& path) : m_path(path) {
    if (path.empty() || path == "-") return;
    m_temp = path + ".tmp-tracker";
    m_file = std::make_unique<std::ofstream>(m_temp, std::ios::binary | std::ios::trunc);
    if (!*m_file) throw std::runtime_error(path + ": cannot write output file");
}

Output::~Output() {
    if (m_file && !m_committed) {
        m_file->close();
        std::remove(m_temp.c_str());
    }
}

std::ostream& Output::stream() {
    return m_file ? static_cast<std::ostream&>(*m_file) : std::cout;
}

void Output::commit() {
    if (!m_file) {
        std::cout.flush();
        return;
    }
    m_file->close();
    if (!*m_file) throw std::runtime_error(m_path + ": write failed");
    std::error_code ec;
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec) throw std::runtime_error(m_path + ": cannot write output file: " + ec.message());
    m_committed = true;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i ? "," : "") << reports::csv_text(fields[i]);
    out << "\r\n";
}

namespace {

// Display width: code points, not bytes, so that names with accents align.
std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++width;
    return width;
}

std::optional<std::int64_t> optional_number(const std::optional<std::int64_t>& v) {
    return v;
}

} // namespace

void write_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths(header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    };
    measure(header);
    for (const auto& row : rows)
        measure(row);
    auto print = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        out << line << '\n';
    };
    print(header);
    std::vector<std::string> rule;
    for (auto w : widths)
        rule.push_back(std::string(w, '-'));
    print(rule);
    for (const auto& row : rows)
        print(row);
}

std::string group_thousands(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0) out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++count;
    }
    return value < 0 ? "-" + out : out;
}

namespace {

nlohmann::ordered_json bound(const std::optional<std::int64_t>& v) {
    if (!optional_number(v)) return nullptr;
    return *v;
}

} // namespace

nlohmann::ordered_json claim_record_json(const model::ClaimRecord& r) {
    const auto& c = r.claim;
    nlohmann::ordered_json j;
    j["article_path"] = r.article.path;
    j["article_url"] = r.article.url;
    j["title"] = r.article.title;
    j["outlet"] = r.article.outlet;
    j["published"] = model::format_date(r.article.published);
    j["metric"] = std::string(model::to_string(c.metric));
    j["value"] = c.value;
    j["low"] = bound(c.low);
    j["high"] = bound(c.high);
    j["qualifier"] = std::string(model::to_string(c.qualifier));
    j["population"] = c.population;
    j["claimant"] = c.claimant;
    j["as_of"] = model::format_date(c.as_of);
    j["sentence"] = c.sentence;
    j["span_start"] = c.span_start;
    j["span_end"] = c.span_end;
    j["claim_id"] = r.id;
    j["article_id"] = r.article.id;
    j["rule"] = c.rule;
    // Added with schema/0005 (last, so that earlier columns keep their place).
    j["conflict"] = r.article.conflict;
    return j;
}

std::vector<std::string> claim_record_csv_header() {
    return {"article_path", "article_url", "title",      "outlet",   "published",
            "metric",       "value",       "low",        "high",     "qualifier",
            "population",   "claimant",    "as_of",      "sentence", "span_start",
            "span_end",     "claim_id",    "article_id", "rule",     "conflict"};
}

std::vector<std::string> claim_record_csv_row(const model::ClaimRecord& r) {
    const auto& c = r.claim;
    auto opt = [](const std::optional<std::int64_t>& v) {
        return v ? std::to_string(*v) : std::string();
    };
    return {r.article.path,
            r.article.url,
            r.article.title,
            r.article.outlet,
            model::format_date(r.article.published),
            std::string(model::to_string(c.metric)),
            std::to_string(c.value),
            opt(c.low),
            opt(c.high),
            std::string(model::to_string(c.qualifier)),
            c.population,
            c.claimant,
            model::format_date(c.as_of),
            c.sentence,
            std::to_string(c.span_start),
            std::to_string(c.span_end),
            std::to_string(r.id),
            std::to_string(r.article.id),
            c.rule,
            r.article.conflict};
}

nlohmann::ordered_json claim_json(const model::Claim& c, const model::Article& article) {
    nlohmann::ordered_json j;
    j["article_path"] = article.path;
    j["metric"] = std::string(model::to_string(c.metric));
    j["value"] = c.value;
    j["low"] = bound(c.low);
    j["high"] = bound(c.high);
    j["qualifier"] = std::string(model::to_string(c.qualifier));
    j["population"] = c.population;
    j["claimant"] = c.claimant;
    j["as_of"] = model::format_date(c.as_of);
    j["sentence"] = c.sentence;
    j["span_start"] = c.span_start;
    j["span_end"] = c.span_end;
    return j;
}

} // namespace tracker::cli

namespace tracker::cli {

namespace {

// Whether any of eight bytes needs an escape in JSON: a control character,
// a quote or a backslash. Exact for the eight as a whole (the "has a byte
// less than n" and "has a zero byte" tricks of Bit Twiddling Hacks), so that
// the text is scanned a word, not a byte, at a time.
bool any_needs_escape(std::uint64_t bytes) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t high_bits = 0x8080808080808080ull;
    auto has_zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & high_bits; };
    const std::uint64_t control = (bytes - ones * 0x20) & ~bytes & high_bits;
    return (control | has_zero_byte(bytes ^ (ones * '"')) | has_zero_byte(bytes ^ (ones * '\\'))) !=
           0;
}

// A JSON string as nlohmann::json dumps it: UTF-8 kept, quotes, backslashes
// and control characters escaped.
void write_json_string(std::string& out, std::string_view text) {
    out += '"';
    auto plain = [](unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; };
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of characters that need no escape are appended at once.
        std::size_t run = i;
        for (std::uint64_t bytes; run + 8 <= text.size(); run += 8) {
            std::memcpy(&bytes, text.data() + run, 8);
            if (any_needs_escape(bytes)) break; // the byte loop finds which one
        }
        while (run < text.size() && plain(static_cast<unsigned char>(text[run])))
            ++run;
        out.append(text.data() + i, run - i);
        if (run == text.size()) break;
        i = run + 1;
        unsigned char c = static_cast<unsigned char>(text[run]);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: { // the other control characters
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        }
        }
    }
    out += '"';
}

void write_json_number(std::string& out, const std::optional<std::int64_t>& value) {
    if (value)
        out += std::to_string(*value);
    else
        out += "null";
}

} // namespace

void write_claim_json_line(std::ostream& out, const model::Claim& c,
                           const model::Article& article) {
    std::string line;
    line.reserve(256 + c.sentence.size());
    line += "{\"article_path\":";
    write_json_string(line, article.path);
    line += ",\"metric\":\"";
    line += model::to_string(c.metric);
    line += "\",\"value\":";
    line += std::to_string(c.value);
    line += ",\"low\":";
    write_json_number(line, c.low);
    line += ",\"high\":";
    write_json_number(line, c.high);
    line += ",\"qualifier\":\"";
    line += model::to_string(c.qualifier);
    line += "\",\"population\":";
    write_json_string(line, c.population);
    line += ",\"claimant\":";
    write_json_string(line, c.claimant);
    line += ",\"as_of\":\"";
    line += model::format_date(c.as_of);
    line += "\",\"sentence\":";
    write_json_string(line, c.sentence);
    line += ",\"span_start\":";
    line += std::to_string(c.span_start);
    line += ",\"span_end\":";
    line += std::to_string(c.span_end);
    line += "}\n";
    out << line;
}

} // namespace tracker::cli
