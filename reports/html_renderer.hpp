// Renders report data as one self-contained HTML page: inline CSS (responsive,
// with a print style sheet), an inline SVG step chart per metric, the tables
// and the citations, every figure linked to its citation. No script, no
// external font, style sheet or image; a Content-Security-Policy forbids
// loading anything. Article text is untrusted and always escaped.
#pragma once

#include "reports/report_data.hpp"

#include <ostream>

namespace tracker::reports {

// The comparison report: summary, chart with legend, latest figures,
// consistency checks, timeline, disagreements, citations.
void render_html(const ComparisonReport& report, std::ostream& out);

// The overview: per metric a chart and each series' latest figure, then the
// consistency checks and the citations.
void render_html(const OverviewReport& report, std::ostream& out);

} // namespace tracker::reports
