// The plain list of readers and the choice of one for a file.
#pragma once

#include "importers/reader.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tracker::importers {

// Every reader, in the order `tracker importers` lists them.
const std::vector<std::unique_ptr<Reader>>& all_readers();

// The reader called `name`, or nullptr.
const Reader* find_reader(std::string_view name);

// The one reader that identifies the file. No reader, or two readers
// claiming the same file, is an error message (without the path).
std::variant<const Reader*, std::string> choose_reader(std::string_view path, std::string_view head);

} // namespace tracker::importers
