#include "importers/content_hash.hpp"

#include <xxhash.h>

#include <cstdio>

namespace tracker::importers {

std::string content_hash(const model::Article& article) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    auto add = [&](std::string_view field) {
        // Length-prefixed, so that moving text between fields changes the hash.
        std::uint64_t size = field.size();
        XXH3_128bits_update(state, &size, sizeof size);
        XXH3_128bits_update(state, field.data(), field.size());
    };
    add(article.title);
    add(article.outlet);
    add(article.url);
    add(article.published ? model::format_date(*article.published) : std::string());
    add(article.body);
    XXH128_hash_t hash = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                  static_cast<unsigned long long>(hash.low64));
    return hex;
}

} // namespace tracker::importers
