// Decides each figure's as_of date: the publication date, unless its own
// sentence names a day ("on Friday", "Monday's statement", "on Oct. 12",
// "yesterday") outside a phrase that opens or bounds a period ("since
// October 7", "after its attack on 7 October"). A statement day wins over
// the day of the counted event.
#pragma once

#include "importers/extract/candidate.hpp"
#include "importers/extract/claimants.hpp"
#include "importers/extract/tokens.hpp"
#include "tracker/model/date.hpp"

#include <vector>

namespace tracker::extract {

struct DayMention {
    std::size_t first = 0; // token span
    std::size_t last = 0;
    model::Date day{};
    bool statement = false; // dates when the figure was stated
    std::string evidence;
};

// Resolves a weekday (0 = Sunday) to the latest such day on or before `published`.
model::Date latest_weekday(model::Date published, unsigned weekday);
// Resolves month/day without a year to the latest such date on or before `published`.
std::optional<model::Date> latest_month_day(model::Date published, unsigned month, unsigned day);

std::vector<DayMention> find_day_mentions(const TokenizedSentence& sentence, model::Date published,
                                          const std::vector<Attribution>& attributions);

void assign_dates(const TokenizedSentence& sentence, std::vector<Candidate>& candidates,
                  model::Date published, const std::vector<Attribution>& attributions);

} // namespace tracker::extract
