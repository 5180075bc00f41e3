// Consistency checks over claims: figures that cannot all be right. They do
// not say which claim is wrong, only that a reader should look twice:
//   - a claimant's cumulative count (model::is_cumulative) going down;
//   - a hostage accounting that does not add up for one claimant, population
//     and date: hostages taken against held + released + killed in captivity;
//   - a figure more than ten times larger or smaller than the same series'
//     previous one;
//   - a claim dated after the article that reports it was published.
// Pure: no I/O; the report builders number the citations afterwards.
#pragma once

#include "reports/report_data.hpp"
#include "tracker/model/claim.hpp"

#include <vector>

namespace tracker::reports {

// The factor beyond which a change from the previous figure is a jump.
inline constexpr double k_jump_factor = 10.0;

// Runs every check over `claims` (any metrics). A series is one claimant and
// population of one metric, whatever the report's series key; on each date it
// speaks through the claim the latest-figure rule picks. Findings come sorted
// by kind, then as_of, metric, claimant, population and claim ids; their
// `citations` are left empty.
std::vector<CheckFinding>
run_consistency_checks(const std::vector<const model::ClaimRecord*>& claims);

} // namespace tracker::reports
