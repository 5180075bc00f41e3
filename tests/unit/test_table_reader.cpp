// Unit tests of the table readers (importers/table_reader.hpp): CSV quoting,
// JSON shapes, column mapping, every row check, --skip-bad-rows, and the
// claims and article a table gives.

#include "importers/table_reader.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

namespace {

using tracker::importers::read_table;
using tracker::importers::ReaderOptions;
using tracker::importers::ReaderResult;
using tracker::importers::ReadError;
using tracker::importers::ReadOutput;
using tracker::importers::TableFormat;
using tracker::importers::TableRead;
using tracker::model::Claim;
using tracker::model::Metric;
using tracker::model::Qualifier;

tracker::model::Date day(const char* iso) {
    auto parsed = tracker::model::parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

const char* const k_today = "2024-06-30";

std::string fixture(const char* name) {
    std::ifstream in(std::string(TRACKER_SOURCE_DIR) + "/tests/fixtures/bad/" + name,
                     std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

ReaderResult csv(const std::string& text, const ReaderOptions& options = {},
                 const std::string& path = "figures.csv") {
    return read_table(path, text, options, TableFormat::csv, day(k_today));
}

ReaderResult json(const std::string& text, const ReaderOptions& options = {}) {
    return read_table("figures.json", text, options, TableFormat::json, day(k_today));
}

ReadOutput output_of(const ReaderResult& result) {
    if (const auto* error = std::get_if<ReadError>(&result))
        FAIL("unexpected error: " << error->message());
    return std::get<ReadOutput>(result);
}

TableRead table_of(const ReaderResult& result) {
    ReadOutput out = output_of(result);
    REQUIRE(out.articles.empty());
    REQUIRE(out.tables.size() == 1);
    return out.tables.front();
}

ReadError error_of(const ReaderResult& result) {
    if (std::holds_alternative<ReadOutput>(result)) FAIL("the reader accepted the table");
    return std::get<ReadError>(result);
}

ReaderOptions mapped(std::initializer_list<const char*> entries) {
    ReaderOptions options;
    for (const char* entry : entries)
        options.column_map.emplace_back(entry);
    return options;
}

} // namespace

TEST_CASE("table reader: a row is a claim with its fields", "[table_reader]") {
    std::string text = "date,metric,value,qualifier,population,claimant,note\n"
                       "2023-10-26,killed,7028,,,Gaza Health Ministry,names published\n";
    TableRead table = table_of(csv(text));
    REQUIRE(table.claims.size() == 1);
    const Claim& c = table.claims[0];
    CHECK(c.metric == Metric::killed);
    CHECK(c.value == 7028);
    CHECK(c.qualifier == Qualifier::exact);
    CHECK(c.low == std::optional<std::int64_t>(7028));
    CHECK(c.high == std::optional<std::int64_t>(7028));
    CHECK(c.population.empty());
    CHECK(c.claimant == "Gaza Health Ministry");
    CHECK(c.as_of == day("2023-10-26"));
    CHECK(c.sentence == "2023-10-26, killed, 7028, Gaza Health Ministry; names published");
    CHECK(c.rule == "table row 1");
    CHECK(text.substr(c.span_start, c.span_end - c.span_start) == "7028");
}

TEST_CASE("table reader: the table's article", "[table_reader]") {
    std::string text = "date,metric,value,claimant,source_url\n"
                       "2023-10-20,killed,4137,Gaza Health Ministry,\n"
                       "2023-10-22,killed,4651,Gaza Health Ministry,https://moh.example/22\n"
                       "2023-10-21,killed,4385,Gaza Health Ministry,https://moh.example/21\n";
    TableRead table = table_of(csv(text, {}, "data/moh-daily.csv"));
    CHECK(table.source.path == "data/moh-daily.csv");
    CHECK(table.source.title == "moh-daily.csv");
    CHECK(table.source.url == "https://moh.example/22"); // the first source_url given
    CHECK(table.source.outlet == "Gaza Health Ministry");
    REQUIRE(table.source.published.has_value());
    CHECK(*table.source.published == day("2023-10-22")); // the latest row
    CHECK(table.source.body == text);
}

TEST_CASE("table reader: defaults and overrides for claimant, outlet, title, url, date",
          "[table_reader]") {
    std::string text = "date,metric,value\n2023-10-26,killed,7028\n2023-10-27,injured,18484\n";
    TableRead plain = table_of(csv(text, {}, "dir/moh.csv"));
    CHECK(plain.claims[0].claimant == "moh"); // the file name stem
    CHECK(plain.source.outlet == "moh");

    ReaderOptions options;
    options.overrides.outlet = "Gaza Health Ministry";
    options.overrides.title = "Daily toll";
    options.overrides.url = "https://moh.example/";
    options.overrides.published = day("2023-11-01");
    TableRead over = table_of(csv(text, options));
    CHECK(over.claims[0].claimant == "Gaza Health Ministry");
    CHECK(over.source.outlet == "Gaza Health Ministry");
    CHECK(over.source.title == "Daily toll");
    CHECK(over.source.url == "https://moh.example/");
    CHECK(*over.source.published == day("2023-11-01"));

    std::string mixed =
        "date,metric,value,claimant\n2023-10-26,killed,7028,A\n2023-10-26,killed,1400,B\n";
    CHECK(table_of(csv(mixed, {}, "mixed.csv")).source.outlet == "mixed");
}

TEST_CASE("table reader: quoted CSV fields hold commas, quotes and line breaks; CRLF ends rows",
          "[table_reader]") {
    std::string text =
        "date,metric,value,claimant,note\r\n"
        "2023-10-26,killed,\"7,028\",\"Ministry of Health, Gaza\",\"said \"\"7,028\"\"\"\r\n"
        "2023-10-27,injured,18484,Ministry,\"two\r\nlines\"\r\n"
        "\r\n"
        "2023-10-28,missing,1650,Ministry,\r\n";
    TableRead table = table_of(csv(text));
    REQUIRE(table.claims.size() == 3);
    CHECK(table.claims[0].value == 7028);
    CHECK(table.claims[0].claimant == "Ministry of Health, Gaza");
    CHECK(table.claims[0].sentence ==
          "2023-10-26, killed, 7028, Ministry of Health, Gaza; said \"7,028\"");
    CHECK(table.claims[1].sentence == "2023-10-27, injured, 18484, Ministry; two lines");
    CHECK(table.claims[2].metric == Metric::missing);
    CHECK(table.claims[2].rule == "table row 3");
}

TEST_CASE("table reader: broken CSV quoting is an error at its line", "[table_reader]") {
    ReadError open = error_of(csv("date,metric,value\n2023-10-26,killed,\"7028\n"));
    CHECK(open.message() == "figures.csv:2: unterminated quoted field");
    ReadError after = error_of(csv("date,metric,value\n2023-10-26,killed,\"70\"28\n"));
    CHECK(after.message() == "figures.csv:2: unexpected text after a closing quote");
    ReadError fields = error_of(csv("date,metric,value\n2023-10-26,killed,7028,extra\n"));
    CHECK(fields.message() == "figures.csv:2: the row has 4 fields, the header 3");
}

TEST_CASE("table reader: a missing column rejects the file, naming the column", "[table_reader]") {
    ReadError e = error_of(csv(fixture("missing-column.csv"), {}, "missing-column.csv"));
    CHECK(e.path == "missing-column.csv");
    CHECK_THAT(e.reason, Catch::StartsWith("missing column 'metric'"));
    CHECK_THAT(error_of(csv("metric,value\nkilled,3\n")).reason,
               Catch::StartsWith("missing column 'date'"));
    CHECK_THAT(error_of(csv("date,metric\n2023-10-26,killed\n")).reason,
               Catch::StartsWith("missing column 'value'"));
}

TEST_CASE("table reader: a non-numeric value is a bad row at file:line", "[table_reader]") {
    ReadError e = error_of(csv(fixture("non-numeric.csv"), {}, "non-numeric.csv"));
    CHECK(e.message() == "non-numeric.csv:3: non-numeric value 'n/a'");
}

TEST_CASE("table reader: a date in the future is a bad row", "[table_reader]") {
    ReadError e = error_of(csv(fixture("future-date.csv"), {}, "future-date.csv"));
    CHECK(e.message() ==
          "future-date.csv:3: date 2999-01-01 is in the future (today is 2024-06-30)");
    // Today itself is fine.
    CHECK(table_of(csv("date,metric,value\n2024-06-30,killed,1\n")).claims.size() == 1);
}

TEST_CASE("table reader: a negative value is a bad row", "[table_reader]") {
    ReadError e = error_of(csv(fixture("negative.csv"), {}, "negative.csv"));
    CHECK(e.message() == "negative.csv:2: negative value -3");
}

TEST_CASE("table reader: values are whole counts", "[table_reader]") {
    auto value_error = [](const char* value) {
        std::string text = std::string("date,metric,value\n2023-10-26,killed,\"") + value + "\"\n";
        auto result = csv(text);
        if (auto* error = std::get_if<ReadError>(&result)) return error->reason;
        return std::to_string(table_of(result).claims[0].value);
    };
    CHECK(value_error("7,028") == "7028");
    CHECK(value_error("1,400,000") == "1400000");
    CHECK(value_error("7028.0") == "7028");
    CHECK(value_error(" 12 ") == "12");
    CHECK(value_error("0") == "0");
    CHECK(value_error("70,28") == "non-numeric value '70,28'");
    CHECK(value_error("7028,") == "non-numeric value '7028,'");
    CHECK(value_error("12.5") == "value '12.5' is not a whole number");
    CHECK(value_error("about 40") == "non-numeric value 'about 40'");
    CHECK(value_error("99999999999999999999") == "value '99999999999999999999' is too large");
    CHECK(value_error("") == "missing value");
}

TEST_CASE("table reader: metric, qualifier and date are checked", "[table_reader]") {
    auto row_error = [](const std::string& row) {
        auto result = csv("date,metric,value,qualifier,low,high\n" + row + "\n");
        if (auto* error = std::get_if<ReadError>(&result)) return error->message();
        return std::string("accepted");
    };
    CHECK_THAT(row_error("2023-10-26,deaths,5,,,"),
               Catch::StartsWith("figures.csv:2: unknown metric 'deaths' (known: killed, injured"));
    CHECK(row_error("2023-10-26,Hostages Held,5,,,") == "accepted");
    CHECK_THAT(row_error("2023-10-26,killed,5,roughly,,"),
               Catch::StartsWith("figures.csv:2: unknown qualifier 'roughly'"));
    CHECK(row_error("26/10/2023,killed,5,,,") ==
          "figures.csv:2: unparseable date '26/10/2023' (expected YYYY-MM-DD)");
    CHECK(row_error("2023-02-30,killed,5,,,") ==
          "figures.csv:2: unparseable date '2023-02-30' (expected YYYY-MM-DD)");
    CHECK(row_error(",killed,5,,,") == "figures.csv:2: missing date");
    CHECK(row_error("2023-10-26,,5,,,") == "figures.csv:2: missing metric");
}

TEST_CASE("table reader: bounds", "[table_reader]") {
    auto claim_or_error = [](const std::string& row) -> std::variant<Claim, std::string> {
        auto result = csv("date,metric,value,qualifier,low,high\n" + row + "\n");
        if (auto* error = std::get_if<ReadError>(&result)) return error->reason;
        return table_of(result).claims[0];
    };
    auto range = std::get<Claim>(claim_or_error("2023-10-30,displaced,1400000,range,,1500000"));
    CHECK(range.low == std::optional<std::int64_t>(1400000));
    CHECK(range.high == std::optional<std::int64_t>(1500000));
    CHECK(range.sentence == "2023-10-30, displaced, 1400000 to 1500000, figures");
    auto at_least = std::get<Claim>(claim_or_error("2023-11-07,killed,10000,at_least,,"));
    CHECK(at_least.low == std::optional<std::int64_t>(10000));
    CHECK_FALSE(at_least.high.has_value());
    auto bounded = std::get<Claim>(claim_or_error("2023-11-07,killed,500,approx,400,600"));
    CHECK(bounded.low == std::optional<std::int64_t>(400));
    CHECK(bounded.high == std::optional<std::int64_t>(600));
    CHECK(std::get<std::string>(claim_or_error("2023-11-07,killed,500,,600,400")) ==
          "low 600 is greater than high 400");
    CHECK(std::get<std::string>(claim_or_error("2023-11-07,killed,500,range,,")) ==
          "qualifier range needs a high bound");
    CHECK(std::get<std::string>(claim_or_error("2023-11-07,killed,900,,400,600")) ==
          "value 900 is outside its bounds 400..600");
    CHECK(std::get<std::string>(claim_or_error("2023-11-07,killed,5,,x,")) ==
          "non-numeric low 'x'");
}

TEST_CASE("table reader: --map renames columns", "[table_reader]") {
    std::string text = "Day,What,Deaths,Source\n2023-10-26,killed,7028,Gaza Health Ministry\n";
    TableRead table =
        table_of(csv(text, mapped({"day=date", "what=metric", "deaths=value", "source=claimant"})));
    REQUIRE(table.claims.size() == 1);
    CHECK(table.claims[0].value == 7028);
    CHECK(table.claims[0].claimant == "Gaza Health Ministry");
    // Commas separate entries within one --map too.
    CHECK(table_of(csv(text, mapped({"day=date, what=metric,deaths=value"}))).claims.size() == 1);
}

TEST_CASE("table reader: --map COLUMN=metric:METRIC reads a wide table", "[table_reader]") {
    std::string text = "date,killed,injured,claimant\n"
                       "2023-10-20,4137,13162,Gaza Health Ministry\n"
                       "2023-10-22,4651,,Gaza Health Ministry\n";
    TableRead table =
        table_of(csv(text, mapped({"killed=metric:killed", "injured=metric:injured"})));
    REQUIRE(table.claims.size() == 3);
    CHECK(table.claims[0].metric == Metric::killed);
    CHECK(table.claims[0].value == 4137);
    CHECK(table.claims[1].metric == Metric::injured);
    CHECK(table.claims[1].value == 13162);
    CHECK(table.claims[1].rule == "table row 1");
    CHECK(text.substr(table.claims[1].span_start, 5) == "13162");
    CHECK(table.claims[2].metric == Metric::killed); // the empty injured cell gives no claim
    CHECK(table.claims[2].as_of == day("2023-10-22"));
}

TEST_CASE("table reader: bad --map entries and unmapped columns", "[table_reader]") {
    std::string text = "date,metric,value\n2023-10-26,killed,7028\n";
    CHECK_THAT(error_of(csv(text, mapped({"deaths"}))).reason,
               Catch::StartsWith("bad --map entry 'deaths': expected COLUMN=FIELD"));
    CHECK_THAT(error_of(csv(text, mapped({"deaths=amount"}))).reason,
               Catch::StartsWith("bad --map entry 'deaths=amount': unknown field 'amount'"));
    CHECK_THAT(error_of(csv(text, mapped({"deaths=metric:dead"}))).reason,
               Catch::StartsWith("bad --map entry 'deaths=metric:dead': unknown metric 'dead'"));
    ReadOutput out = output_of(csv(text, mapped({"wounded=metric:injured"})));
    REQUIRE(out.warnings.size() == 1);
    CHECK(out.warnings[0] == "figures.csv: mapped column 'wounded' is not in the file");
    CHECK(error_of(csv("date,a,b\n2023-10-26,1,2\n", mapped({"a=value", "b=value"}))).reason ==
          "two columns mapped to 'value'");
    CHECK(error_of(csv("date,Date,metric,value\n")).reason == "duplicate column 'date'");
}

TEST_CASE("table reader: skip_bad_rows keeps the good rows and reports the bad", "[table_reader]") {
    std::string text = "date,metric,value\n"
                       "2023-10-26,killed,7028\n"
                       "2023-10-27,killed,n/a\n"
                       "2023-10-28,killed,-1\n"
                       "2023-10-29,killed,8005\n";
    ReadError whole = error_of(csv(text));
    CHECK(whole.message() == "figures.csv:3: non-numeric value 'n/a' (and 1 more bad row; "
                             "--skip-bad-rows keeps the good ones)");
    ReaderOptions skip;
    skip.skip_bad_rows = true;
    ReadOutput out = output_of(csv(text, skip));
    REQUIRE(out.tables.size() == 1);
    REQUIRE(out.tables[0].claims.size() == 2);
    CHECK(out.tables[0].claims[1].value == 8005);
    CHECK(out.tables[0].claims[1].rule == "table row 4");
    CHECK(out.warnings ==
          std::vector<std::string>{"figures.csv:3: non-numeric value 'n/a'; skipped",
                                   "figures.csv:4: negative value -1; skipped"});
    ReadError none = error_of(csv("date,metric,value\n2023-10-27,killed,n/a\n", skip));
    CHECK(none.message() == "figures.csv:2: non-numeric value 'n/a' (the only row)");
}

TEST_CASE("table reader: empty, header-only, binary and non-UTF-8 files", "[table_reader]") {
    CHECK_THAT(error_of(csv("")).reason, Catch::Contains("empty"));
    CHECK(error_of(csv("date,metric,value\n")).reason == "no rows after the header");
    CHECK_THAT(error_of(csv(std::string("date\0\0\0", 7))).reason, Catch::Contains("binary"));
    CHECK_THAT(error_of(csv("date,metric,value\n2023-10-26,killed,5,caf\xE9\n")).reason,
               Catch::Contains("invalid UTF-8"));
    CHECK(error_of(csv("date,killed\n2023-10-26,\n", mapped({"killed=metric:killed"}))).reason ==
          "no figures in the table");
}

TEST_CASE("table reader: a UTF-8 byte order mark is not part of the first column",
          "[table_reader]") {
    std::string text = "\xEF\xBB\xBF"
                       "date,metric,value\n2023-10-26,killed,7028\n";
    TableRead table = table_of(csv(text));
    REQUIRE(table.claims.size() == 1);
    CHECK(text.substr(table.claims[0].span_start, 4) == "7028");
}

TEST_CASE("table reader: JSON arrays and {\"rows\": [...]}", "[table_reader]") {
    std::string array =
        "[\n  {\"date\": \"2023-11-24\", \"metric\": \"hostages_released\", \"value\": 24},\n"
        "  {\"Date\": \"2023-11-25\", \"Metric\": \"hostages_released\", \"Value\": \"17\","
        " \"population\": null}\n]\n";
    TableRead a = table_of(json(array));
    REQUIRE(a.claims.size() == 2);
    CHECK(a.claims[0].value == 24);
    CHECK(a.claims[1].value == 17);
    CHECK(array.substr(a.claims[0].span_start, 9) == "{\"date\": ");

    std::string rows = "{\"meta\": {\"rows\": 1, \"list\": [1, 2]},\n \"rows\": [\n"
                       "  {\"date\": \"2023-10-24\", \"metric\": \"displaced\", \"value\": 1400000,"
                       " \"qualifier\": \"approx\"}\n]}\n";
    TableRead r = table_of(json(rows));
    REQUIRE(r.claims.size() == 1);
    CHECK(r.claims[0].qualifier == Qualifier::approx);
    CHECK(rows.substr(r.claims[0].span_start, r.claims[0].span_end - r.claims[0].span_start) ==
          "{\"date\": \"2023-10-24\", \"metric\": \"displaced\", \"value\": 1400000, "
          "\"qualifier\": \"approx\"}");
}

TEST_CASE("table reader: bad JSON rows are reported at their line", "[table_reader]") {
    std::string text = "[\n"
                       "  {\"date\": \"2023-11-24\", \"metric\": \"killed\", \"value\": 5},\n"
                       "  {\"date\": \"2023-11-25\", \"metric\": \"killed\",\n"
                       "   \"value\": -2},\n"
                       "  \"not an object\",\n"
                       "  {\"date\": \"2023-11-26\", \"metric\": \"killed\", \"value\": 2.5}\n"
                       "]\n";
    ReaderOptions skip;
    skip.skip_bad_rows = true;
    ReadOutput out = output_of(json(text, skip));
    CHECK(out.warnings ==
          std::vector<std::string>{"figures.json:3: negative value -2; skipped",
                                   "figures.json:5: the row is not a JSON object; skipped",
                                   "figures.json:6: value '2.5' is not a whole number; skipped"});
}

TEST_CASE("table reader: invalid JSON and the wrong shape are file errors", "[table_reader]") {
    ReadError syntax = error_of(json("[\n  {\"date\": \"2023-11-24\",\n   \"value\": oops}\n]\n"));
    CHECK(syntax.path == "figures.json:3");
    CHECK_THAT(syntax.reason, Catch::StartsWith("invalid JSON: "));
    CHECK(syntax.message().find('\n') == std::string::npos);
    CHECK_THAT(error_of(json("{\"data\": []}")).reason, Catch::StartsWith("expected an array"));
    CHECK_THAT(error_of(json("[{\"date\": \"2023-11-24\"}]")).reason,
               Catch::StartsWith("missing column 'metric'"));
}

TEST_CASE("table reader: readers identify by extension only", "[table_reader]") {
    auto csv_reader = tracker::importers::make_csv_reader(day(k_today));
    auto json_reader = tracker::importers::make_json_reader(day(k_today));
    CHECK(csv_reader->name() == "csv");
    CHECK(json_reader->name() == "json");
    CHECK(csv_reader->identify("a/b/Figures.CSV", ""));
    CHECK_FALSE(csv_reader->identify("figures.txt", "date,metric,value\n"));
    CHECK(json_reader->identify("rows.json", "["));
    CHECK_FALSE(json_reader->identify("-", "[{}]"));
    auto result = csv_reader->read("future.csv", "date,metric,value\n2024-07-01,killed,1\n", {});
    CHECK_THAT(std::get<ReadError>(result).reason, Catch::Contains("in the future"));
}

TEST_CASE("table reader: a long bad cell is cut short in the message", "[table_reader]") {
    std::string long_value(500, 'x');
    ReadError e = error_of(csv("date,metric,value\n2023-10-26,killed," + long_value + "\n"));
    CHECK(e.message() == "figures.csv:2: non-numeric value '" + std::string(57, 'x') + "...'");
}

TEST_CASE("table reader: a nested JSON value is a bad row, however deep", "[table_reader]") {
    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    std::string text =
        "[{\"date\": \"2023-10-26\", \"metric\": \"killed\", \"value\": 5, \"note\": " + deep +
        "},\n {\"date\": \"2023-10-26\", \"metric\": \"injured\", \"value\": {}}]";
    ReaderOptions skip;
    skip.skip_bad_rows = true;
    CHECK(error_of(json(text, skip)).message() ==
          "figures.json:1: the value of 'note' is a JSON array, not one value (and every other "
          "row is bad too)");
    ReadError first = error_of(json(text));
    CHECK(first.message() == "figures.json:1: the value of 'note' is a JSON array, not one value "
                             "(and 1 more bad row; --skip-bad-rows keeps the good ones)");
}
