// Calendar dates as used throughout tracker: a day, no time zone.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace tracker::model {

using Date = date::sys_days;

// Parses "YYYY-MM-DD" or an ISO-8601 timestamp that starts with one
// ("2023-10-21T08:15:00Z"). Returns nothing for anything else or an
// impossible day such as 2023-02-30.
std::optional<Date> parse_iso_date(std::string_view text);

// "YYYY-MM-DD".
std::string format_date(Date day);

} // namespace tracker::model
