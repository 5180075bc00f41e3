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
std::variant<const Reader*, std::string> choose_reader(std::string_view path,
                                                       std::string_view head);

// How many first bytes of a file choose_reader needs.
inline constexpr std::size_t k_identify_bytes = 4096;

// The reader for a file whose whole content is loaded: `forced` when set
// (--importer), else choose_reader on the path and the first bytes.
std::variant<const Reader*, std::string> reader_for(std::string_view path, std::string_view content,
                                                    const Reader* forced);

} // namespace tracker::importers
