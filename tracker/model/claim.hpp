// One figure claim (shared/spec/claims.md) and the article it came from.
#pragma once

#include "tracker/model/date.hpp"
#include "tracker/model/metric.hpp"
#include "tracker/model/qualifier.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace tracker::model {

struct Claim {
    Metric metric = Metric::killed;
    std::int64_t value = 0;
    Qualifier qualifier = Qualifier::exact;
    std::optional<std::int64_t> low;
    std::optional<std::int64_t> high;
    std::string population; // closed vocabulary or a plural demonym; empty for none
    std::string claimant;   // canonical name
    Date as_of{};
    std::string sentence;       // the evidence sentence
    std::size_t span_start = 0; // byte offsets of the figure in the article body
    std::size_t span_end = 0;
    std::string rule; // which extraction rules decided the fields, for --explain
};

// Sets low/high from value, qualifier and (for ranges) the upper end.
void set_bounds(Claim& claim, std::optional<std::int64_t> range_high = std::nullopt);

// A stored claim together with the article it was read from.
struct ArticleInfo {
    std::int64_t id = 0;
    std::string path;
    std::string url;
    std::string title;
    std::string outlet;
    Date published{};
    std::string conflict;
};

struct ClaimRecord {
    std::int64_t id = 0;
    Claim claim;
    ArticleInfo article;
};

} // namespace tracker::model
