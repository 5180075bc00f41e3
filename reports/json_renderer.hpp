// Renders report data as one JSON document with a documented, stable
// structure (README.md, "JSON report structure"): keys are only ever added,
// never renamed or removed, and "format_version" changes if that ever has to
// be broken. Strings are JSON-escaped as they are; a consumer that puts them
// in a page must escape them itself.
#pragma once

#include "reports/report_data.hpp"

#include <ostream>

namespace tracker::reports {

inline constexpr int k_json_format_version = 1;

void render_json(const ComparisonReport& report, std::ostream& out);
void render_json(const OverviewReport& report, std::ostream& out);

} // namespace tracker::reports
