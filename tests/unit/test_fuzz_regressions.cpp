// Inputs the fuzz targets (tests/fuzz/) and the hostile-input tests found
// to crash, hang, leak or misbehave, kept as tests: each input is embedded as
// bytes, and the test checks that it is now read (or refused) cleanly. Run
// under scripts/test-sanitized, a regression is also any sanitizer report.
#include "importers/extract/numbers.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "importers/reader.hpp"
#include "importers/readers.hpp"
#include "importers/text_reader.hpp"
#include "tests/fuzz/fuzz_common.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace tracker;

namespace {

// The bytes of a fuzz input, NULs included.
template <std::size_t N> std::string bytes(const unsigned char (&data)[N]) {
    return std::string(reinterpret_cast<const char*>(data), N);
}

model::Article article_of(std::string body) {
    model::Article article;
    article.path = "regression.txt";
    article.outlet = "Fuzz Wire";
    article.published = fuzz::default_published();
    article.body = std::move(body);
    return article;
}

// Runs the pipeline and checks every claim's invariants (as fuzz_pipeline does).
extract::Extraction extract_checked(const model::Article& article) {
    auto extraction = extract::extract_claims(article, lexicon::Lexicon::builtin());
    for (const auto& claim : extraction.claims) {
        CHECK(claim.span_start < claim.span_end);
        CHECK(claim.span_end <= article.body.size());
        CHECK(claim.value >= 0);
        if (claim.low) CHECK(*claim.low <= claim.value);
        if (claim.high) CHECK(claim.value <= *claim.high);
    }
    return extraction;
}

// Reads `content` with the named reader (strictly, then keeping good rows)
// and checks every table claim's bounds, as fuzz_csv_table does.
void check_table_bounds(std::string_view reader_name, const std::string& content) {
    const importers::Reader* reader = importers::find_reader(reader_name);
    REQUIRE(reader != nullptr);
    for (bool skip_bad_rows : {false, true}) {
        importers::ReaderOptions options;
        options.skip_bad_rows = skip_bad_rows;
        auto result = reader->read("regression.csv", content, options);
        auto* output = std::get_if<importers::ReadOutput>(&result);
        if (!output) continue;  // refused: fine
        for (const auto& table : output->tables) {
            for (const auto& claim : table.claims) {
                CAPTURE(skip_bad_rows, claim.value, claim.sentence);
                if (claim.low) CHECK(*claim.low <= claim.value);
                if (claim.high) CHECK(claim.value <= *claim.high);
            }
        }
    }
}

std::vector<extract::Candidate> numbers_of(std::string_view text) {
    auto sentence = extract::tokenize_sentence(text, 0, text.size());
    return extract::find_numbers(sentence, lexicon::Lexicon::builtin());
}

} // namespace

TEST_CASE("fuzz regressions: the regression helpers read a plain article", "[fuzz]") {
    auto extraction = extract_checked(article_of("The ministry said 300 people were killed."));
    REQUIRE(extraction.claims.size() == 1);
    CHECK(extraction.claims[0].value == 300);
}

// Hostile input (tests/cli/run_hostile_tests.sh, "RTL marks and zero-width
// characters around numbers"): an invisible character inside a number
// splits it, and the digits after the separator ("000", "0", "500") were
// read as a figure of their own: "5<ZWSP>,000 people were killed" gave
// killed = 0. The number must be read whole or not at all.
TEST_CASE("fuzz regressions: invisible characters inside a number give no partial figure", "[fuzz]") {
    struct Case {
        const char* body;
        model::Metric metric;
        std::int64_t whole;
    };
    const Case cases[] = {
        {"The ministry said 5\u200b,000 people were killed on Monday.", model::Metric::killed, 5000},    // ZWSP
        {"Rescuers said 7\u200d0 people were missing.", model::Metric::missing, 70},                     // ZWJ
        {"The agency said 4\u00a0500 people were displaced.", model::Metric::displaced, 4500},           // NBSP
        {"The ministry said 2\u2009000 people had been killed.", model::Metric::killed, 2000},           // thin space
        {"The ministry said 1\u2060200 people were killed.", model::Metric::killed, 1200},               // word joiner
    };
    for (const auto& c : cases) {
        CAPTURE(c.body);
        auto extraction = extract_checked(article_of(c.body));
        for (const auto& claim : extraction.claims) {
            CAPTURE(claim.value);
            if (claim.metric == c.metric) CHECK(claim.value == c.whole);
        }
    }
}

TEST_CASE("fuzz regressions: the digits after an invisible separator are not a number of their own", "[fuzz]") {
    for (std::string_view text : {std::string_view("5\u200b,000 people"), std::string_view("7\u200d0 people"),
                                  std::string_view("4\u00a0500 people")}) {
        CAPTURE(text);
        for (const auto& candidate : numbers_of(text)) {
            if (!candidate.reject.empty()) continue;
            CHECK(candidate.value != 0);
            CHECK(candidate.value != 500);
        }
    }
}

// fuzz_csv_table, crash-ce6b1cee (minimized): a row with qualifier "range",
// value 6 and high 1 (no low column) was stored as low 6, high 1, "6 to 1",
// where the reader refuses "low 6 is greater than high 1" when the low
// column is given. The table reader's bounds check exempts ranges from
// "value > high" (importers/table_reader.cpp, row_claims: `qualifier !=
// model::Qualifier::range`); a range's low end is its value, so a high
// below it is a bad row.
TEST_CASE("fuzz regressions: a table range whose high is below its value is a bad row", "[fuzz]") {
    static const unsigned char crash_ce6b1cee[] = {
        0x44, 0x61, 0x74, 0x65, 0x2c, 0x6d, 0x65, 0x74, 0x72, 0x69, 0x63, 0x2c, 0x76, 0x61, 0x6c, 0x75,
        0x65, 0x2c, 0x71, 0x75, 0x61, 0x6c, 0x69, 0x66, 0x69, 0x65, 0x72, 0x2c, 0x2c, 0x68, 0x69, 0x67,
        0x68, 0x2c, 0x2c, 0x0d, 0x32, 0x30, 0x32, 0x33, 0x2d, 0x31, 0x30, 0x2d, 0x33, 0x30, 0x2c, 0x64,
        0x69, 0x73, 0x70, 0x6c, 0x61, 0x63, 0x65, 0x64, 0x2c, 0x36, 0x2c, 0x72, 0x61, 0x6e, 0x67, 0x65,
        0x2c, 0x2c, 0x31, 0x2c, 0x2c};
    // "Date,metric,value,qualifier,,high,,\r2023-10-30,displaced,6,range,,1,,"
    check_table_bounds("csv", bytes(crash_ce6b1cee));
    // The same row, written plainly.
    check_table_bounds("csv", "date,metric,value,qualifier,high\n2023-10-30,displaced,6,range,1\n");
    check_table_bounds("json", R"([{"date": "2023-10-30", "metric": "displaced", "value": 6, "qualifier": "range", "high": 1}])");
}

// fuzz_json_table, crash-3f2e8687 (minimized to the 6 bytes "1e1111"): a
// JSON number beyond a double's range makes nlohmann::json::parse throw
// out_of_range (406, "number overflow"), which the JSON table reader does
// not catch (importers/table_reader.cpp, JsonSource::start catches only
// parse_error), so Reader::read threw instead of returning a ReadError and
// the fuzz target died in std::terminate. `tracker import` survives it only
// because it catches every std::exception per file.
TEST_CASE("fuzz regressions: a JSON number out of range is a read error, not an exception", "[fuzz]") {
    static const unsigned char crash_3f2e8687[] = {0x31, 0x65, 0x31, 0x31, 0x31, 0x31};  // "1e1111"
    const importers::Reader* reader = importers::find_reader("json");
    REQUIRE(reader != nullptr);
    for (const std::string& content :
         {bytes(crash_3f2e8687),
          std::string(R"([{"date": "2023-10-26", "metric": "killed", "value": 1e400}])"),
          std::string(R"({"rows": [{"date": "2023-10-26", "metric": "killed", "value": 7028, "low": -1e999}]})")}) {
        CAPTURE(content);
        for (bool skip_bad_rows : {false, true}) {
            importers::ReaderOptions options;
            options.skip_bad_rows = skip_bad_rows;
            importers::ReaderResult result;
            REQUIRE_NOTHROW(result = reader->read("regression.json", content, options));
            CHECK(std::holds_alternative<importers::ReadError>(result));
        }
    }
}
