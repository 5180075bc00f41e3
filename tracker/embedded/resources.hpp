// Files compiled into the binary: schema migrations and lexicons.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace tracker::embedded {

struct Resource {
    std::string_view name;     // path relative to the repository, "schema/0001_initial.sql"
    std::string_view content;
};

// Every embedded file, in the order the build listed them.
const std::vector<Resource>& all();

// The content of one embedded file, if present.
std::optional<std::string_view> find(std::string_view name);

// The embedded files whose name starts with the prefix, in name order.
std::vector<Resource> with_prefix(std::string_view prefix);

} // namespace tracker::embedded
