#include "reports/claim_rules.hpp"

#include <cctype>

namespace tracker::reports {

Figure figure_of(const model::Claim& claim) {
    Figure figure;
    figure.value = claim.value;
    figure.qualifier = claim.qualifier;
    switch (claim.qualifier) {
    case model::Qualifier::exact:
    case model::Qualifier::approx:
        figure.low = claim.value;
        figure.high = claim.value;
        break;
    case model::Qualifier::at_least: figure.low = claim.low.value_or(claim.value); break;
    case model::Qualifier::at_most: figure.high = claim.high.value_or(claim.value); break;
    case model::Qualifier::range:
        figure.low = claim.low.value_or(claim.value);
        figure.high = claim.high;
        break;
    }
    return figure;
}

bool preferred(const model::ClaimRecord& a, const model::ClaimRecord& b) {
    if (a.article.published != b.article.published)
        return a.article.published > b.article.published;
    if (a.claim.value != b.claim.value) return a.claim.value > b.claim.value;
    return a.id > b.id;
}

bool equal_ascii_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

} // namespace tracker::reports
