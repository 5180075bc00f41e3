#include "tracker/model/claim.hpp"

namespace tracker::model {

void set_bounds(Claim& claim, std::optional<std::int64_t> range_high) {
    switch (claim.qualifier) {
    case Qualifier::exact:
    case Qualifier::approx:
        claim.low = claim.value;
        claim.high = claim.value;
        break;
    case Qualifier::at_least:
        claim.low = claim.value;
        claim.high.reset();
        break;
    case Qualifier::at_most:
        claim.low.reset();
        claim.high = claim.value;
        break;
    case Qualifier::range:
        claim.low = claim.value;
        claim.high = range_high;
        break;
    }
}

} // namespace tracker::model
