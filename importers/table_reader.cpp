#include "importers/table_reader.hpp"

#include "importers/html_reader.hpp"
#include "importers/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

namespace tracker::importers {

namespace {

// ---------------------------------------------------------------------------
// Text helpers

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
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
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A cell as one line: a quoted cell may hold line breaks, a sentence may not.
std::string one_line(std::string_view s) {
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

// A cell quoted in a message: long ones cut, so that the message stays one
// short line.
std::string shown(std::string_view text) {
    if (text.size() <= 60) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, 57)) + "...'";
}

// Column names and vocabulary: trimmed, lowercase.
std::string normalise_name(std::string_view s) {
    return to_lower(trim(s));
}

// "Hostages held", "hostages-held" and "HOSTAGES_HELD" all name hostages_held.
std::string normalise_term(std::string_view s) {
    std::string out = normalise_name(s);
    for (char& c : out)
        if (c == ' ' || c == '-') c = '_';
    return out;
}

std::size_t line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(
                   text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// ---------------------------------------------------------------------------
// The table as read from the file, before any field is interpreted

struct Cell {
    std::string text;
    bool present = false;
    std::size_t start = 0; // byte offsets in the file
    std::size_t end = 0;
};

struct Row {
    std::size_t line = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    std::vector<Cell> cells; // one per column
    std::string shape_error; // a row the format itself makes bad (wrong field count...)
};

// A problem with the file as a whole, at a line when it has one (0: none).
struct TableError {
    std::size_t line = 0;
    std::string reason;
};

// The rows of a table one at a time, so that a large table is never held
// twice (as rows and as claims).
class RowSource {
  public:
    virtual ~RowSource() = default;
    // Reads what precedes the rows (the CSV header, the whole JSON document).
    virtual std::optional<TableError> start() = 0;
    // The next row into `row`: true, or false after the last one.
    virtual std::variant<bool, TableError> next(Row& row) = 0;
    const std::vector<std::string>& columns() const { return m_columns; } // normalised names

  protected:
    std::vector<std::string> m_columns;
};

// RFC 4180: fields separated by commas, records by CRLF or LF; a field in
// double quotes may hold commas, line breaks and doubled quotes. Reading
// starts at `base` (after a byte order mark); offsets are into `text`.
class CsvSource : public RowSource {
  public:
    CsvSource(std::string_view text, std::size_t base) : m_text(text), m_pos(base) {}

    std::optional<TableError> start() override {
        Row header;
        auto read = next_record(header);
        if (auto* error = std::get_if<TableError>(&read)) return *error;
        if (!std::get<bool>(read)) return TableError{0, "empty file, no table"};
        for (const auto& cell : header.cells)
            m_columns.push_back(normalise_name(cell.text));
        return std::nullopt;
    }

    std::variant<bool, TableError> next(Row& row) override {
        auto read = next_record(row);
        if (auto* more = std::get_if<bool>(&read);
            more && *more && row.cells.size() != m_columns.size()) {
            row.shape_error = "the row has " + std::to_string(row.cells.size()) +
                              " fields, the header " + std::to_string(m_columns.size());
            row.cells.resize(m_columns.size());
        }
        return read;
    }

  private:
    // The next record that is not a blank line.
    std::variant<bool, TableError> next_record(Row& record) {
        while (m_pos < m_text.size()) {
            record = Row{};
            record.line = m_line;
            record.start = m_pos;
            if (auto error = read_fields(record)) return *error;
            bool blank = record.cells.size() == 1 && record.cells[0].end == record.cells[0].start;
            if (!blank) return true;
        }
        return false;
    }

    std::optional<TableError> read_fields(Row& record) {
        const std::string_view text = m_text;
        std::size_t& pos = m_pos;
        while (true) {
            Cell cell;
            cell.present = true;
            cell.start = pos;
            if (pos < text.size() && text[pos] == '"') {
                std::size_t quote_line = m_line;
                ++pos;
                while (true) {
                    if (pos >= text.size())
                        return TableError{quote_line, "unterminated quoted field"};
                    char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            cell.text.push_back('"');
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
                        ++pos; // a CRLF inside a field is one line break
                        continue;
                    }
                    if (c == '\n') ++m_line;
                    cell.text.push_back(c);
                    ++pos;
                }
                if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                    return TableError{m_line, "unexpected text after a closing quote"};
            } else {
                std::size_t end = text.find_first_of(",\r\n", pos);
                if (end == std::string_view::npos) end = text.size();
                cell.text.assign(text.substr(pos, end - pos));
                pos = end;
            }
            cell.end = pos;
            record.cells.push_back(std::move(cell));
            if (pos < text.size() && text[pos] == ',') {
                ++pos;
                continue;
            }
            record.end = pos;
            if (pos < text.size() && text[pos] == '\r') ++pos;
            if (pos < text.size() && text[pos] == '\n') ++pos;
            ++m_line;
            return std::nullopt;
        }
    }

    std::string_view m_text;
    std::size_t m_pos;
    std::size_t m_line = 1;
};

// Where each row of a JSON table is: the byte range of every element of the
// top-level array, or of the array under the top-level key "rows". The text
// is well-formed (the JSON parser has accepted it); this only follows
// strings and nesting, without recursion.
struct Span {
    std::size_t start;
    std::size_t end;
};

std::vector<Span> locate_json_rows(std::string_view text, std::size_t base) {
    std::vector<Span> spans;
    std::vector<char> open;       // '[' or '{' per level
    std::size_t target_depth = 0; // depth of the rows array once inside it; 0: not yet
    bool done = false;
    bool expecting_key = false; // inside the top-level object, before a key
    std::string last_key;       // the key just read at depth 1
    bool after_rows_key = false;
    // npos when no element is open (a plain value, not std::optional: GCC 12
    // warns falsely about optional<size_t> here at -O2).
    constexpr std::size_t k_none = std::string_view::npos;
    std::size_t element_start = k_none;
    std::size_t last_value_end = 0;
    for (std::size_t pos = base; pos < text.size() && !done; ++pos) {
        char c = text[pos];
        if (is_space(c)) continue;
        bool at_target = target_depth != 0 && open.size() == target_depth;
        if (at_target && c != ',' && c != ']' && element_start == k_none) element_start = pos;
        if (c == '"') {
            std::size_t start = pos + 1;
            ++pos;
            while (pos < text.size() && text[pos] != '"')
                pos += text[pos] == '\\' ? 2 : 1;
            if (open.size() == 1 && open.back() == '{' && expecting_key) {
                last_key = std::string(text.substr(start, pos - start));
                expecting_key = false;
            }
            last_value_end = pos + 1;
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            open.push_back(c);
            if (open.size() == 1 && c == '[') target_depth = 1;
            if (open.size() == 1 && c == '{') expecting_key = true;
            if (open.size() == 2 && c == '[' && after_rows_key && target_depth == 0)
                target_depth = 2;
            after_rows_key = false;
            break;
        case '}':
        case ']':
            if (at_target && element_start != k_none) {
                spans.push_back({element_start, last_value_end});
                element_start = k_none;
            }
            if (target_depth != 0 && open.size() == target_depth) done = true;
            if (!open.empty()) open.pop_back();
            last_value_end = pos + 1;
            break;
        case ',':
            if (at_target && element_start != k_none) {
                spans.push_back({element_start, last_value_end});
                element_start = k_none;
            }
            if (open.size() == 1 && open.back() == '{') expecting_key = true;
            break;
        case ':':
            if (open.size() == 1 && open.back() == '{') after_rows_key = last_key == "rows";
            break;
        default:
            // A literal (number, true, false, null): runs to the next delimiter.
            while (pos + 1 < text.size() && !is_space(text[pos + 1]) && text[pos + 1] != ',' &&
                   text[pos + 1] != ']' && text[pos + 1] != '}')
                ++pos;
            last_value_end = pos + 1;
            if (open.size() == 1) after_rows_key = false;
            break;
        }
    }
    return spans;
}

// A scalar JSON value as the text of a cell.
std::string cell_text(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::string: return value.get<std::string>();
    case nlohmann::json::value_t::number_integer: return std::to_string(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
        return std::to_string(value.get<std::uint64_t>());
    default: return value.dump();
    }
}

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
// error while parsing value - invalid literal; last read: 'x'" gives the part
// after the position.
std::string json_error_reason(const std::string& what) {
    std::size_t column = what.find("column ");
    std::size_t colon = column == std::string::npos ? what.find("] ") : what.find(": ", column);
    if (colon == std::string::npos) return what;
    return what.substr(colon + 2);
}

// A JSON table: an array of row objects, or an object whose "rows" is one.
class JsonSource : public RowSource {
  public:
    JsonSource(std::string_view text, std::size_t base) : m_text(text), m_base(base) {}

    std::optional<TableError> start() override {
        try {
            m_document = nlohmann::json::parse(m_text.begin() + static_cast<std::ptrdiff_t>(m_base),
                                               m_text.end());
        } catch (const nlohmann::json::parse_error& error) {
            std::size_t offset = m_base + (error.byte > 0 ? error.byte - 1 : 0);
            return TableError{line_at(m_text, offset),
                              "invalid JSON: " + json_error_reason(error.what())};
        } catch (const nlohmann::json::exception& error) {
            // e.g. a number beyond a double's range ("1e400")
            return TableError{line_at(m_text, m_base), "invalid JSON: " + json_error_reason(error.what())};
        }
        if (m_document.is_array())
            m_rows = &m_document;
        else if (m_document.is_object() && m_document.contains("rows") &&
                 m_document["rows"].is_array())
            m_rows = &m_document["rows"];
        if (!m_rows)
            return TableError{
                0, "expected an array of row objects, or an object with a \"rows\" array"};
        m_spans = locate_json_rows(m_text, m_base);
        if (m_spans.size() != m_rows->size()) m_spans.clear(); // not for valid JSON; lines become 0
        // The columns: every key of every row, in the order first seen.
        for (const auto& row : *m_rows) {
            if (!row.is_object()) continue;
            for (const auto& [key, value] : row.items()) {
                std::string name = normalise_name(key);
                if (m_index.emplace(name, m_columns.size()).second) m_columns.push_back(name);
            }
        }
        return std::nullopt;
    }

    std::variant<bool, TableError> next(Row& row) override {
        if (m_next >= m_rows->size()) return false;
        std::size_t i = m_next++;
        const auto& object = (*m_rows)[i];
        row = Row{};
        if (!m_spans.empty()) {
            row.start = m_spans[i].start;
            row.end = m_spans[i].end;
            // Rows come in file order: count lines from the previous one.
            m_line += static_cast<std::size_t>(
                std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_line_offset),
                           m_text.begin() + static_cast<std::ptrdiff_t>(row.start), '\n'));
            m_line_offset = row.start;
            row.line = m_line;
        }
        row.cells.resize(m_columns.size());
        if (!object.is_object()) {
            row.shape_error = "the row is not a JSON object";
            return true;
        }
        for (const auto& [key, value] : object.items()) {
            std::string name = normalise_name(key);
            Cell& cell = row.cells[m_index.at(name)];
            if (cell.present) row.shape_error = "the key '" + name + "' twice";
            if (value.is_null()) continue;
            if (value.is_structured()) {
                // Never written out as text: a deeply nested value would
                // take the serialiser's recursion down with it.
                row.shape_error = "the value of '" + name + "' is a JSON " +
                                  (value.is_array() ? "array" : "object") + ", not one value";
                continue;
            }
            cell.present = true;
            cell.text = cell_text(value);
            cell.start = row.start;
            cell.end = row.end;
        }
        return true;
    }

  private:
    std::string_view m_text;
    std::size_t m_base;
    nlohmann::json m_document;
    const nlohmann::json* m_rows = nullptr;
    std::vector<Span> m_spans;
    std::map<std::string, std::size_t> m_index;
    std::size_t m_next = 0;
    std::size_t m_line = 1;
    std::size_t m_line_offset = 0;
};

// ---------------------------------------------------------------------------
// Column mapping

enum class Field {
    date,
    metric,
    value,
    qualifier,
    low,
    high,
    population,
    claimant,
    source_url,
    note
};

constexpr std::array<std::pair<std::string_view, Field>, 10> k_fields{{
    {"date", Field::date},
    {"metric", Field::metric},
    {"value", Field::value},
    {"qualifier", Field::qualifier},
    {"low", Field::low},
    {"high", Field::high},
    {"population", Field::population},
    {"claimant", Field::claimant},
    {"source_url", Field::source_url},
    {"note", Field::note},
}};

std::string_view field_name(Field field) {
    for (const auto& [name, f] : k_fields)
        if (f == field) return name;
    return "";
}

std::string known_list(bool metrics) {
    std::string out;
    if (metrics) {
        for (auto metric : model::k_all_metrics)
            out += (out.empty() ? "" : ", ") + std::string(to_string(metric));
    } else {
        for (auto q :
             {model::Qualifier::exact, model::Qualifier::approx, model::Qualifier::at_least,
              model::Qualifier::at_most, model::Qualifier::range})
            out += (out.empty() ? "" : ", ") + std::string(to_string(q));
    }
    return out;
}

struct Mapping {
    std::vector<std::pair<std::string, Field>> columns;         // column -> field
    std::vector<std::pair<std::string, model::Metric>> metrics; // column -> fixed metric
};

std::variant<Mapping, std::string> parse_mapping(const std::vector<std::string>& options) {
    Mapping mapping;
    for (const auto& option : options) {
        std::size_t pos = 0;
        while (pos <= option.size()) {
            std::size_t comma = option.find(',', pos);
            if (comma == std::string::npos) comma = option.size();
            std::string_view entry = trim(std::string_view(option).substr(pos, comma - pos));
            pos = comma + 1;
            if (entry.empty()) continue;
            std::size_t equals = entry.rfind('=');
            if (equals == std::string_view::npos || equals == 0 || equals + 1 == entry.size())
                return "bad --map entry '" + std::string(entry) +
                       "': expected COLUMN=FIELD or COLUMN=metric:METRIC";
            std::string column = normalise_name(entry.substr(0, equals));
            std::string target = normalise_name(entry.substr(equals + 1));
            if (target.rfind("metric:", 0) == 0) {
                auto metric = model::parse_metric(normalise_term(target.substr(7)));
                if (!metric)
                    return "bad --map entry '" + std::string(entry) + "': unknown metric '" +
                           target.substr(7) + "' (known: " + known_list(true) + ")";
                mapping.metrics.emplace_back(column, *metric);
                continue;
            }
            auto field = std::find_if(k_fields.begin(), k_fields.end(),
                                      [&](const auto& f) { return f.first == target; });
            if (field == k_fields.end())
                return "bad --map entry '" + std::string(entry) + "': unknown field '" + target +
                       "' (fields: date, metric, value, qualifier, low, high, population, "
                       "claimant, source_url, note; or metric:METRIC)";
            mapping.columns.emplace_back(column, field->second);
        }
    }
    return mapping;
}

// Which column holds which field, after the mapping.
struct ColumnPlan {
    std::array<std::optional<std::size_t>, k_fields.size()> field_column;
    std::vector<std::pair<std::size_t, model::Metric>> metric_columns;

    std::optional<std::size_t> column(Field field) const {
        return field_column[static_cast<std::size_t>(field)];
    }
};

std::variant<ColumnPlan, std::string> plan_columns(const std::vector<std::string>& columns,
                                                   const Mapping& mapping,
                                                   std::vector<std::string>& warnings,
                                                   const std::string& path) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].empty()) continue;
        if (!index.emplace(columns[i], i).second) return "duplicate column '" + columns[i] + "'";
    }
    ColumnPlan plan;
    std::vector<bool> mapped(columns.size(), false);
    for (const auto& [column, field] : mapping.columns) {
        auto found = index.find(column);
        if (found == index.end()) {
            warnings.push_back(path + ": mapped column '" + column + "' is not in the file");
            continue;
        }
        auto& slot = plan.field_column[static_cast<std::size_t>(field)];
        if (slot) return "two columns mapped to '" + std::string(field_name(field)) + "'";
        slot = found->second;
        mapped[found->second] = true;
    }
    for (const auto& [column, metric] : mapping.metrics) {
        auto found = index.find(column);
        if (found == index.end()) {
            warnings.push_back(path + ": mapped column '" + column + "' is not in the file");
            continue;
        }
        plan.metric_columns.emplace_back(found->second, metric);
        mapped[found->second] = true;
    }
    // Columns named after a field, unless the mapping used them for another
    // one or mapped another column to that field.
    for (const auto& [name, field] : k_fields) {
        auto& slot = plan.field_column[static_cast<std::size_t>(field)];
        auto found = index.find(std::string(name));
        if (!slot && found != index.end() && !mapped[found->second]) slot = found->second;
    }
    auto missing = [](std::string_view name) {
        return "missing column '" + std::string(name) +
               "' (or map one to it with --map COLUMN=" + std::string(name) + ")";
    };
    if (!plan.column(Field::date)) return missing("date");
    if (plan.metric_columns.empty()) {
        if (!plan.column(Field::metric)) return missing("metric");
        if (!plan.column(Field::value)) return missing("value");
    } else if (plan.column(Field::value) && !plan.column(Field::metric)) {
        return missing("metric");
    }
    return plan;
}

// ---------------------------------------------------------------------------
// Rows to claims

// A count of people: digits, "7,028" with thousands commas, "7028.0".
std::variant<std::int64_t, std::string> parse_count(std::string_view text, std::string_view what) {
    auto all_digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
    };
    std::string_view number = text;
    bool negative = !number.empty() && number.front() == '-';
    if (negative) number.remove_prefix(1);
    std::size_t point = number.find('.');
    std::string_view whole = number.substr(0, point);
    std::string_view fraction =
        point == std::string_view::npos ? std::string_view() : number.substr(point + 1);
    // Digits, or groups of three after a first group of one to three.
    std::string digits;
    bool ok = true;
    std::size_t group_start = 0;
    for (std::size_t i = 0; i <= whole.size() && ok; ++i) {
        if (i < whole.size() && whole[i] != ',') continue;
        std::string_view group = whole.substr(group_start, i - group_start);
        bool first = group_start == 0;
        bool grouped = whole.find(',') != std::string_view::npos;
        ok = all_digits(group) && (!grouped || (first ? group.size() <= 3 : group.size() == 3));
        digits += group;
        group_start = i + 1;
    }
    if (!ok || (point != std::string_view::npos && !all_digits(fraction)))
        return "non-numeric " + std::string(what) + " " + shown(text);
    if (std::any_of(fraction.begin(), fraction.end(), [](char c) { return c != '0'; }))
        return std::string(what) + " " + shown(text) + " is not a whole number";
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    if (digits.size() > 15) return std::string(what) + " " + shown(text) + " is too large";
    std::int64_t value = std::stoll(digits);
    if (negative && value != 0) return "negative " + std::string(what) + " " + std::string(text);
    return value;
}

std::string value_text(const model::Claim& claim) {
    std::string value = std::to_string(claim.value);
    switch (claim.qualifier) {
    case model::Qualifier::exact: return value;
    case model::Qualifier::approx: return "about " + value;
    case model::Qualifier::at_least: return "at least " + value;
    case model::Qualifier::at_most: return "at most " + value;
    case model::Qualifier::range:
        return claim.high ? value + " to " + std::to_string(*claim.high) : value;
    }
    return value;
}

struct RowClaims {
    std::vector<model::Claim> claims;
    std::string source_url;
};

std::variant<RowClaims, std::string> row_claims(const Row& row, const ColumnPlan& plan,
                                                const std::string& default_claimant,
                                                model::Date today, std::size_t row_number) {
    if (!row.shape_error.empty()) return row.shape_error;
    auto cell = [&](std::optional<std::size_t> column) -> const Cell* {
        if (!column || *column >= row.cells.size()) return nullptr;
        const Cell& c = row.cells[*column];
        return c.present && !trim(c.text).empty() ? &c : nullptr;
    };
    auto text = [&](Field field) -> std::optional<std::string_view> {
        const Cell* c = cell(plan.column(field));
        if (!c) return std::nullopt;
        return trim(c->text);
    };

    auto date_text = text(Field::date);
    if (!date_text) return std::string("missing date");
    auto as_of = model::parse_iso_date(*date_text);
    if (!as_of) return "unparseable date " + shown(*date_text) + " (expected YYYY-MM-DD)";
    if (*as_of > today)
        return "date " + model::format_date(*as_of) + " is in the future (today is " +
               model::format_date(today) + ")";

    model::Qualifier qualifier = model::Qualifier::exact;
    if (auto q = text(Field::qualifier)) {
        auto parsed = model::parse_qualifier(normalise_term(*q));
        if (!parsed)
            return "unknown qualifier " + shown(*q) + " (known: " + known_list(false) + ")";
        qualifier = *parsed;
    }
    std::optional<std::int64_t> low, high;
    for (auto [field, bound] : {std::pair{Field::low, &low}, std::pair{Field::high, &high}}) {
        auto t = text(field);
        if (!t) continue;
        auto parsed = parse_count(*t, field_name(field));
        if (auto* reason = std::get_if<std::string>(&parsed)) return *reason;
        *bound = std::get<std::int64_t>(parsed);
    }
    if (low && high && *low > *high)
        return "low " + std::to_string(*low) + " is greater than high " + std::to_string(*high);
    if (qualifier == model::Qualifier::range && !high)
        return std::string("qualifier range needs a high bound");

    RowClaims out;
    if (auto url = text(Field::source_url)) out.source_url = std::string(*url);
    std::string population = to_lower(one_line(text(Field::population).value_or("")));
    std::string claimant = one_line(text(Field::claimant).value_or(default_claimant));
    std::string note = one_line(text(Field::note).value_or(""));

    auto add = [&](model::Metric metric, std::string_view value_cell, const Cell& source,
                   std::string_view what) -> std::optional<std::string> {
        auto value = parse_count(value_cell, what);
        if (auto* reason = std::get_if<std::string>(&value)) return *reason;
        model::Claim claim;
        claim.metric = metric;
        claim.value = std::get<std::int64_t>(value);
        claim.qualifier = qualifier;
        model::set_bounds(claim, high);
        if (low) claim.low = low;
        if (high) claim.high = high;
        if ((claim.low && claim.value < *claim.low) ||
            (claim.high && claim.value > *claim.high))  // a range's value is its low end
            return "value " + std::to_string(claim.value) + " is outside its bounds " +
                   (claim.low ? std::to_string(*claim.low) : "") + ".." +
                   (claim.high ? std::to_string(*claim.high) : "");
        claim.population = population;
        claim.claimant = claimant;
        claim.as_of = *as_of;
        claim.sentence = model::format_date(*as_of) + ", " + std::string(to_string(metric)) + ", " +
                         value_text(claim) + (population.empty() ? "" : ", " + population) + ", " +
                         claimant + (note.empty() ? "" : "; " + note);
        claim.span_start = source.start;
        claim.span_end = source.end;
        claim.rule = "table row " + std::to_string(row_number);
        out.claims.push_back(std::move(claim));
        return std::nullopt;
    };

    if (plan.column(Field::value)) {
        auto metric_text = text(Field::metric);
        if (!metric_text) return std::string("missing metric");
        auto metric = model::parse_metric(normalise_term(*metric_text));
        if (!metric)
            return "unknown metric " + shown(*metric_text) + " (known: " + known_list(true) + ")";
        const Cell* value = cell(plan.column(Field::value));
        if (!value) return std::string("missing value");
        if (auto error = add(*metric, trim(value->text), *value, "value")) return *error;
    }
    for (const auto& [column, metric] : plan.metric_columns) {
        const Cell* value = cell(column);
        if (!value) continue; // a wide table leaves a day's cell empty when there is no figure
        if (auto error = add(metric, trim(value->text), *value, "value")) return *error;
    }
    return out;
}

// "data/moh-daily.csv" gives "moh-daily.csv"; standard input is "stdin".
std::string file_name(const std::string& path) {
    if (path == "-") return "stdin";
    std::size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string file_stem(const std::string& path) {
    std::string name = file_name(path);
    std::size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

} // namespace

ReaderResult read_table(const std::string& path, std::string_view content,
                        const ReaderOptions& options, TableFormat format, model::Date today) {
    const char* kind = format == TableFormat::csv ? "CSV" : "JSON";
    auto fail = [&](std::string reason) { return ReadError{path, std::move(reason)}; };
    if (trim(content).empty()) return fail("empty file, no table");
    if (looks_binary(content)) return fail(std::string("binary file, not a ") + kind + " table");
    if (auto bad = find_invalid_utf8(content))
        return fail("invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
    const std::size_t base = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;

    auto mapping = parse_mapping(options.column_map);
    if (auto* reason = std::get_if<std::string>(&mapping)) return fail(*reason);
    std::unique_ptr<RowSource> rows;
    if (format == TableFormat::csv)
        rows = std::make_unique<CsvSource>(content, base);
    else
        rows = std::make_unique<JsonSource>(content, base);
    auto located = [&](const TableError& error) {
        if (error.line == 0) return fail(error.reason);
        return ReadError{path + ":" + std::to_string(error.line), error.reason};
    };
    if (auto error = rows->start()) return located(*error);

    ReadOutput output;
    auto plan = plan_columns(rows->columns(), std::get<Mapping>(mapping), output.warnings, path);
    if (auto* reason = std::get_if<std::string>(&plan)) return fail(*reason);

    const std::string default_claimant =
        options.overrides.outlet ? *options.overrides.outlet : file_stem(path);
    TableRead read;
    std::optional<ReadError> first_bad;
    std::size_t bad = 0;
    std::size_t row_count = 0;
    std::string first_url;
    Row row;
    while (true) {
        auto more = rows->next(row);
        if (auto* error = std::get_if<TableError>(&more)) return located(*error);
        if (!std::get<bool>(more)) break;
        ++row_count;
        auto claims =
            row_claims(row, std::get<ColumnPlan>(plan), default_claimant, today, row_count);
        if (auto* reason = std::get_if<std::string>(&claims)) {
            ReadError error{row.line ? path + ":" + std::to_string(row.line)
                                     : path + ": row " + std::to_string(row_count),
                            *reason};
            ++bad;
            if (options.skip_bad_rows) output.warnings.push_back(error.message() + "; skipped");
            if (!first_bad) first_bad = std::move(error);
            continue;
        }
        // Once the file is rejected, the remaining rows are only checked.
        if (first_bad && !options.skip_bad_rows) continue;
        auto& good = std::get<RowClaims>(claims);
        if (first_url.empty()) first_url = good.source_url;
        for (auto& claim : good.claims)
            read.claims.push_back(std::move(claim));
    }
    if (row_count == 0) return fail("no rows after the header");
    if (first_bad && !options.skip_bad_rows) {
        if (bad > 1)
            first_bad->reason += " (and " + std::to_string(bad - 1) + " more bad row" +
                                 (bad > 2 ? "s" : "") + "; --skip-bad-rows keeps the good ones)";
        return *first_bad;
    }
    if (read.claims.empty()) {
        if (!first_bad) return fail("no figures in the table");
        first_bad->reason += bad == 1 ? " (the only row)" : " (and every other row is bad too)";
        return *first_bad;
    }

    model::Article& source = read.source;
    source.path = path;
    source.url = options.overrides.url ? *options.overrides.url : first_url;
    source.title = options.overrides.title ? *options.overrides.title : file_name(path);
    if (options.overrides.outlet) {
        source.outlet = *options.overrides.outlet;
    } else {
        const std::string& first = read.claims.front().claimant;
        bool shared = std::all_of(read.claims.begin(), read.claims.end(),
                                  [&](const model::Claim& c) { return c.claimant == first; });
        source.outlet = shared ? first : file_stem(path);
    }
    if (options.overrides.published) {
        source.published = options.overrides.published;
    } else {
        model::Date latest = read.claims.front().as_of;
        for (const auto& claim : read.claims)
            latest = std::max(latest, claim.as_of);
        source.published = latest;
    }
    source.body = std::string(content);
    output.tables.push_back(std::move(read));
    return output;
}

model::Date today_utc() {
    return std::chrono::floor<date::days>(std::chrono::system_clock::now());
}

namespace {

class TableReader : public Reader {
  public:
    TableReader(TableFormat format, std::optional<model::Date> today)
        : m_format(format), m_today(today) {}

    std::string_view name() const override { return m_format == TableFormat::csv ? "csv" : "json"; }
    std::string_view description() const override {
        return m_format == TableFormat::csv ? "table of figures as CSV (.csv): date, metric, "
                                              "value... one claim a row (--map)"
                                            : "table of figures as JSON (.json): an array of row "
                                              "objects, or {\"rows\": [...]}";
    }
    bool identify(std::string_view path, std::string_view) const override {
        // By extension only: content that looks like CSV or JSON could be anything.
        return path_extension(path) == (m_format == TableFormat::csv ? ".csv" : ".json");
    }
    ReaderResult read(const std::string& path, std::string_view content,
                      const ReaderOptions& options) const override {
        return read_table(path, content, options, m_format, m_today ? *m_today : today_utc());
    }

  private:
    TableFormat m_format;
    std::optional<model::Date> m_today;
};

} // namespace

std::unique_ptr<Reader> make_csv_reader(std::optional<model::Date> today) {
    return std::make_unique<TableReader>(TableFormat::csv, today);
}

std::unique_ptr<Reader> make_json_reader(std::optional<model::Date> today) {
    return std::make_unique<TableReader>(TableFormat::json, today);
}

} // namespace tracker::importers
