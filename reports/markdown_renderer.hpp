// Renders report data as GitHub-flavoured Markdown. Article text is untrusted
// and is escaped so that it cannot add links, HTML or break a table.
#pragma once

#include "reports/report_data.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace tracker::reports {

// The comparison report: title and summary, latest figures, timeline,
// disagreements, consistency checks and citations. Deterministic: no
// timestamps.
void render_markdown(const ComparisonReport& report, std::ostream& out);

// The overview: one section per metric with each series' latest figure,
// then the consistency checks and the citations.
void render_markdown(const OverviewReport& report, std::ostream& out);

// Untrusted text made inert for a table cell or list item: backslash-escapes
// \ ` * _ ~ [ ] < > | @, turns newlines, tabs and other control characters
// into spaces, and breaks "://" and "www." so GFM does not autolink them.
std::string escape_markdown(std::string_view text);

// An http or https URL as a Markdown autolink "<https://...>", with every
// byte outside the URL character set percent-encoded (so no space, quote,
// '<' or '>' can end the link early). Nothing for any other scheme.
std::optional<std::string> markdown_autolink(std::string_view url);

} // namespace tracker::reports
