// Golden tests of the readers: every input file under
// tests/golden/readers/<reader>/ is identified (the reader chosen for it must
// be the one its folder names) and read, and what the reader makes of it is
// compared byte for byte with the expected files beside it:
//
//   <input>.expected.json   articles (text, html, feed): path, title, url,
//                           outlet, published, body, and the warnings
//   <input>.claims.jsonl    tables (csv, json): the claims, one JSON object
//                           a line, sorted
//   <input>.source.json     tables: the table's article (its body, the
//                           file's text, is checked against the file instead)
//
// A table may have a column mapping beside it, <input>.map, one --map entry
// a line. Inputs are read with the path "<reader>/<file>", so the expected
// files do not depend on where the source tree is.
//
// On a mismatch the actual output is written to a temporary file whose path
// is printed with the first differing lines. Regenerating is an explicit
// step, never automatic:
//
//     TRACKER_UPDATE_GOLDEN=1 ./build/tests/tracker_tests "readers golden*"
//
// rewrites the expected files from the current output (the name pattern
// keeps the other golden tests' files out of it); review the change with
// `git diff` before committing it.

#include "golden_diff.hpp"
#include "importers/readers.hpp"
#include "tracker/model/claim.hpp"
#include "tracker/model/date.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;
using namespace tracker::importers;

const fs::path k_readers_dir = fs::path(TRACKER_SOURCE_DIR) / "tests" / "golden" / "readers";

std::string read_bytes(const fs::path& path) {
    return tracker::golden::read_bytes(path);
}

std::string describe_mismatch(const fs::path& expected_path, const fs::path& actual_path,
                              const std::string& expected, const std::string& actual) {
    return tracker::golden::describe_mismatch(expected_path, actual_path, expected, actual,
                                              "readers golden*");
}

void check_golden(const std::string& actual, const fs::path& expected_path) {
    const char* update = std::getenv("TRACKER_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
        REQUIRE(out.good());
        out << actual;
        WARN("rewrote " << expected_path.string());
        return;
    }
    REQUIRE(fs::exists(expected_path));
    const std::string expected = read_bytes(expected_path);
    if (expected == actual) {
        SUCCEED();
        return;
    }
    const fs::path actual_path =
        fs::temp_directory_path() /
        ("tracker_golden_readers_" + expected_path.filename().string() + ".actual");
    std::ofstream(actual_path, std::ios::binary | std::ios::trunc) << actual;
    FAIL(describe_mismatch(expected_path, actual_path, expected, actual));
}

ordered_json bound(const std::optional<std::int64_t>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json article_json(const tracker::model::Article& article, bool with_body) {
    ordered_json j;
    j["path"] = article.path;
    j["title"] = article.title;
    j["url"] = article.url;
    j["outlet"] = article.outlet;
    j["published"] = article.published ? tracker::model::format_date(*article.published) : "";
    if (with_body) j["body"] = article.body;
    return j;
}

ordered_json claim_json(const tracker::model::Claim& claim) {
    ordered_json j;
    j["metric"] = std::string(to_string(claim.metric));
    j["value"] = claim.value;
    j["qualifier"] = std::string(to_string(claim.qualifier));
    j["low"] = bound(claim.low);
    j["high"] = bound(claim.high);
    j["population"] = claim.population;
    j["claimant"] = claim.claimant;
    j["as_of"] = tracker::model::format_date(claim.as_of);
    j["sentence"] = claim.sentence;
    j["span"] = {claim.span_start, claim.span_end};
    j["rule"] = claim.rule;
    return j;
}

bool is_input(const fs::path& path) {
    const std::string name = path.filename().string();
    for (const char* suffix : {".expected.json", ".claims.jsonl", ".source.json", ".map"})
        if (name.size() > std::string(suffix).size() &&
            name.compare(name.size() - std::string(suffix).size(), std::string::npos, suffix) == 0)
            return false;
    return fs::is_regular_file(path);
}

std::vector<fs::path> inputs_of(const std::string& reader) {
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(k_readers_dir / reader))
        if (is_input(entry.path())) inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

ReaderOptions options_for(const fs::path& input) {
    ReaderOptions options;
    fs::path map = input;
    map += ".map";
    if (fs::exists(map))
        for (const auto& line : tracker::golden::split_lines(read_bytes(map)))
            if (!line.empty()) options.column_map.push_back(line);
    return options;
}

// Identifies and reads every input of one reader's folder against its
// expected files.
void check_reader_folder(const std::string& reader_name) {
    const auto inputs = inputs_of(reader_name);
    REQUIRE_FALSE(inputs.empty());
    for (const auto& input : inputs) {
        DYNAMIC_SECTION(input.filename().string()) {
            const std::string path = reader_name + "/" + input.filename().string();
            const std::string content = read_bytes(input);
            auto chosen = choose_reader(path, std::string_view(content).substr(0, 4096));
            if (auto* message = std::get_if<std::string>(&chosen)) FAIL(path << ": " << *message);
            const Reader* reader = std::get<const Reader*>(chosen);
            REQUIRE(reader->name() == reader_name);

            auto result = reader->read(path, content, options_for(input));
            if (auto* error = std::get_if<ReadError>(&result)) FAIL(error->message());
            const auto& output = std::get<ReadOutput>(result);
            fs::path expected = input;
            if (reader_name == "csv" || reader_name == "json") {
                REQUIRE(output.articles.empty());
                REQUIRE(output.tables.size() == 1);
                const TableRead& table = output.tables.front();
                CHECK(table.source.body == content);
                std::vector<std::string> lines;
                for (const auto& claim : table.claims)
                    lines.push_back(claim_json(claim).dump());
                std::sort(lines.begin(), lines.end());
                std::string jsonl;
                for (const auto& line : lines)
                    jsonl += line + "\n";
                check_golden(jsonl, fs::path(expected) += ".claims.jsonl");
                ordered_json source = article_json(table.source, false);
                source["warnings"] = output.warnings;
                check_golden(source.dump(2) + "\n", fs::path(expected) += ".source.json");
            } else {
                REQUIRE(output.tables.empty());
                ordered_json all;
                all["articles"] = ordered_json::array();
                for (const auto& article : output.articles)
                    all["articles"].push_back(article_json(article, true));
                all["warnings"] = output.warnings;
                check_golden(all.dump(2) + "\n", fs::path(expected) += ".expected.json");
            }
        }
    }
}

} // namespace

TEST_CASE("readers golden: plain-text articles", "[golden][text_reader]") {
    check_reader_folder("text");
}

TEST_CASE("readers golden: saved web pages", "[golden][html_reader]") {
    check_reader_folder("html");
}

TEST_CASE("readers golden: RSS and Atom feeds", "[golden][feed_reader]") {
    check_reader_folder("feed");
}

TEST_CASE("readers golden: CSV tables", "[golden][table_reader]") {
    check_reader_folder("csv");
}

TEST_CASE("readers golden: JSON tables", "[golden][table_reader]") {
    check_reader_folder("json");
}
