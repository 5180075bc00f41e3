// Checks that input is text: valid UTF-8 and not a binary file.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tracker::importers {

// The byte offset of the first invalid UTF-8 sequence (overlong forms and
// surrogates included), or nothing when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Whether the bytes look like a binary file: a NUL byte in the first 8 KiB.
bool looks_binary(std::string_view bytes);

} // namespace tracker::importers
