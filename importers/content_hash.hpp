// The identity of an article's content, for idempotent imports.
#pragma once

#include "tracker/model/article.hpp"

#include <string>

namespace tracker::importers {

// A 128-bit XXH3 hash, as 32 hex digits, of the article's title, outlet,
// URL, publication date and body: the same article read twice hashes the
// same, and any change to what it says gives a new hash.
std::string content_hash(const model::Article& article);

} // namespace tracker::importers
