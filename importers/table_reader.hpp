// Reads tables of figures, CSV (RFC 4180) and JSON, whose rows already are
// claims: a ministry's daily death toll, a tally of hostages released.
//
// Columns (names case-insensitive, any order, unknown ones ignored):
//   date       required  YYYY-MM-DD (or an ISO timestamp); the claim's as_of
//   metric     required  killed, injured, hostages_held... (shared/spec/claims.md)
//   value      required  a whole number >= 0; "7,028" is read as 7028
//   qualifier  optional  exact (default), approx, at_least, at_most, range
//   low, high  optional  bounds; a range needs high (its low end is the value)
//   population optional  palestinians, children... (default: none)
//   claimant   optional  who states the figure (default: --outlet, else the
//                        file name without its extension)
//   source_url optional  the first one is the table's URL unless --url
//   note       optional  added to the claim's evidence sentence
//
// Column mapping (ReaderOptions::column_map, one `--map` each; commas also
// separate entries within one value):
//   COLUMN=FIELD          the column COLUMN is read as FIELD:
//                         "deaths=value", "day=date", "source=claimant"
//   COLUMN=metric:METRIC  the column COLUMN holds values of METRIC: a wide
//                         table "date,killed,injured" read with
//                         "killed=metric:killed" and "injured=metric:injured"
//                         gives two claims a row. An empty cell there gives
//                         no claim; the metric and value columns are then
//                         optional.
// A mapped column hides a column of the field's own name. Mapping a column
// the file does not have is a warning, not an error, so that one --map can
// serve a folder of tables.
//
// Every row is checked: a missing required column rejects the file
// ("missing column 'metric'"); a bad row (non-numeric, negative or fractional
// value, unknown metric or qualifier, unparseable date, a date after today,
// low > high, a value outside its bounds) is an error at "file:line"
// (ReadError::path holds "file:line", so that message() reads
// "file:line: reason"), and rejects the whole file unless skip_bad_rows,
// which leaves bad rows out and lists them as warnings.
//
// Each claim: sentence = the row as text ("2023-10-26, killed, 7028, Gaza
// Health Ministry; note"), rule = "table row N" (N counts data rows from 1),
// span = the bytes of the value's cell (CSV) or of the row's object (JSON)
// in the file. The table's article: path, URL (--url, else the first
// source_url), title (--title, else the file name), outlet (--outlet, else
// the claimant when all rows share one, else the file name stem),
// published (--published, else the latest row date), body = the file's
// text, so that its content hash identifies it.
#pragma once

#include "importers/reader.hpp"
#include "tracker/model/date.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tracker::importers {

enum class TableFormat { csv, json };

// Reads a table already in memory; `path` is recorded as given. A row dated
// after `today` is bad.
ReaderResult read_table(const std::string& path, std::string_view content,
                        const ReaderOptions& options, TableFormat format, model::Date today);

// Today's date in UTC, from the system clock: the table readers' "today"
// unless one is given to them.
model::Date today_utc();

// The CSV (.csv) and JSON (.json) table readers, for the reader list. With
// no `today`, each read takes today_utc().
std::unique_ptr<Reader> make_csv_reader(std::optional<model::Date> today = std::nullopt);
std::unique_ptr<Reader> make_json_reader(std::optional<model::Date> today = std::nullopt);

} // namespace tracker::importers
