// The rules every report shares about claims: the bounds a qualifier implies,
// which claim speaks for a series on a date, and how names compare. Kept in
// one place so the report builders, the consistency checks and the as-of
// query never disagree about which claim counts.
#pragma once

#include "reports/report_data.hpp"
#include "tracker/model/claim.hpp"

#include <string_view>

namespace tracker::reports {

// The bounds the qualifier implies, taking the claim's own bounds where it
// has them: claims built by hand or imported from tables may leave them unset.
Figure figure_of(const model::Claim& claim);

// Among claims of one series on one date, whether `a` is the one to report
// rather than `b`: the most recently published article, then the larger
// value, then the claim stored last (higher id): the as-of query's rule, so
// the report and `query --as-of` never pick different claims. A strict weak
// order; the preferred claim sorts first.
bool preferred(const model::ClaimRecord& a, const model::ClaimRecord& b);

// ASCII case-insensitive equality (names, populations, outlets).
bool equal_ascii_ci(std::string_view a, std::string_view b);

} // namespace tracker::reports
