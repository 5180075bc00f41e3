// Renders report data as one CSV table (RFC 4180: CRLF line ends, fields
// quoted when they hold a comma, quote or line break). Every row has the same
// columns (csv_report_columns()); the `section` column says what the row is
// (latest, point, disagreement, check, citation) and only the columns that
// apply to it are filled. Text cells that a spreadsheet would read as a
// formula (starting with =, +, -, @, tab or CR) are prefixed with ' (see
// text_escape.hpp); numbers tracker computes are written as plain numbers.
#pragma once

#include "reports/report_data.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace tracker::reports {

// The header row, in order. Documented in README.md; columns are only ever
// added at the end.
const std::vector<std::string>& csv_report_columns();

void render_csv(const ComparisonReport& report, std::ostream& out);
void render_csv(const OverviewReport& report, std::ostream& out);

} // namespace tracker::reports
