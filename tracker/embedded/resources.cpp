#include "tracker/embedded/resources.hpp"

#include <algorithm>

namespace tracker::embedded {

std::optional<std::string_view> find(std::string_view name) {
    for (const Resource& resource : all())
        if (resource.name == name) return resource.content;
    return std::nullopt;
}

std::vector<Resource> with_prefix(std::string_view prefix) {
    std::vector<Resource> found;
    for (const Resource& resource : all())
        if (resource.name.substr(0, prefix.size()) == prefix) found.push_back(resource);
    std::sort(found.begin(), found.end(),
              [](const Resource& a, const Resource& b) { return a.name < b.name; });
    return found;
}

} // namespace tracker::embedded
