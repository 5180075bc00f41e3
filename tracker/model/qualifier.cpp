#include "tracker/model/qualifier.hpp"

#include <array>

namespace tracker::model {

std::string_view to_string(Qualifier qualifier) {
    switch (qualifier) {
    case Qualifier::exact: return "exact";
    case Qualifier::approx: return "approx";
    case Qualifier::at_least: return "at_least";
    case Qualifier::at_most: return "at_most";
    case Qualifier::range: return "range";
    }
    return "exact";
}

std::optional<Qualifier> parse_qualifier(std::string_view name) {
    constexpr std::array all{Qualifier::exact, Qualifier::approx, Qualifier::at_least,
                             Qualifier::at_most, Qualifier::range};
    for (Qualifier qualifier : all)
        if (to_string(qualifier) == name) return qualifier;
    return std::nullopt;
}

} // namespace tracker::model
