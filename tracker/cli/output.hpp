// Output helpers shared by the commands: where data goes (stdout or -o FILE,
// written whole or not at all) and the formats (table, CSV, JSON).
#pragma once

#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::cli {

// Writes to standard output, or to a file that appears only when commit()
// is called (written beside it, then renamed), so a failed run never leaves
// half a file behind. "-" means standard output.
class Output {
public:
    explicit Output(const std::string& path);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    std::ostream& stream();
    void commit();
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::string m_temp;
    std::unique_ptr<std::ofstream> m_file;
    bool m_committed = false;
};

// One RFC 4180 row. Every cell goes through reports::csv_text, so that text
// from an article (a claimant, a title, a sentence) that begins like a
// formula opens as text in a spreadsheet; tracker's own numbers and dates never
// begin with those characters and come out unchanged.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

// A plain text table with a header, columns padded to their widest cell.
void write_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);

// The export contract (see README.md): every field of a stored claim with
// its article.
nlohmann::ordered_json claim_record_json(const model::ClaimRecord& record);
std::vector<std::string> claim_record_csv_header();
std::vector<std::string> claim_record_csv_row(const model::ClaimRecord& record);

// A claim straight from the extractor (no database), for `tracker extract`.
nlohmann::ordered_json claim_json(const model::Claim& claim, const model::Article& article);

// The same claim as one line of JSON, written directly: `extract` writes
// millions of them, and building a JSON tree for each costs more than the
// extraction. Same keys, order and escaping as claim_json(...).dump().
void write_claim_json_line(std::ostream& out, const model::Claim& claim, const model::Article& article);

// "1,400" for table output.
std::string group_thousands(std::int64_t value);

} // namespace tracker::cli
