// A number found in a sentence, as it moves through the extraction stages.
// Each stage fills in its own fields; a rejected candidate keeps the reason.
#pragma once

#include "tracker/model/date.hpp"
#include "tracker/model/metric.hpp"
#include "tracker/model/qualifier.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::extract {

struct Candidate {
    // numbers stage
    std::size_t first = 0; // token indexes in the sentence, inclusive
    std::size_t last = 0;
    std::int64_t value = 0;
    std::optional<std::int64_t> range_high;
    std::string reject; // why this number is not a claim ("date", "money", "no metric"...)

    // qualifier stage
    model::Qualifier qualifier = model::Qualifier::exact;
    std::size_t qualifier_first = 0; // first token of the qualifier phrase (== first if none)
    bool own_qualifier = false;

    // metric and population stage
    std::optional<model::Metric> metric;
    std::string population;
    std::size_t phrase_end = 0; // last token of the counted noun phrase and its predicate
    bool is_subset = false;     // "including 940 children", "2,360 of them"
    std::string head_class;     // hostage | prisoner | body | people | "" (see metrics.cpp)

    // claimant and date stages
    std::string claimant;
    std::optional<model::Date> as_of;

    // Which rule or lexicon entry decided each field, joined by "; ", for
    // `extract --explain` and the claim's rule. Joined as they come: one
    // string, not one allocation per reason and another to join them.
    std::string reasons;
    void add_reason(std::string_view reason) {
        if (!reasons.empty()) reasons += "; ";
        reasons += reason;
    }
};

} // namespace tracker::extract
