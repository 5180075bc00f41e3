// An article as read from a file: its metadata and its body text.
#pragma once

#include "tracker/model/date.hpp"

#include <optional>
#include <string>

namespace tracker::model {

struct Article {
    std::string path; // as the user gave it at import
    std::string url;
    std::string title;
    std::string outlet;
    std::string conflict; // what the article reports on; "" when unknown
    std::optional<Date> published;
    std::string body; // UTF-8; claim spans are byte offsets into it
};

} // namespace tracker::model
