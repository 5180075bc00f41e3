#include "importers/readers.hpp"

#include "importers/feed_reader.hpp"
#include "importers/html_reader.hpp"
#include "importers/table_reader.hpp"
#include "importers/text_reader.hpp"

namespace tracker::importers {

const std::vector<std::unique_ptr<Reader>>& all_readers() {
    static const std::vector<std::unique_ptr<Reader>> readers = [] {
        std::vector<std::unique_ptr<Reader>> list;
        // Articles first (plain text, saved pages, feeds), then tables of
        // figures. Extensions decide; content is sniffed only for paths with
        // no known extension, so at most one reader claims a file.
        list.push_back(make_text_reader());
        list.push_back(make_html_reader());
        list.push_back(make_feed_reader());
        list.push_back(make_csv_reader());
        list.push_back(make_json_reader());
        return list;
    }();
    return readers;
}

const Reader* find_reader(std::string_view name) {
    for (const auto& reader : all_readers())
        if (reader->name() == name) return reader.get();
    return nullptr;
}

std::variant<const Reader*, std::string> choose_reader(std::string_view path,
                                                       std::string_view head) {
    const Reader* chosen = nullptr;
    for (const auto& reader : all_readers()) {
        if (!reader->identify(path, head)) continue;
        if (chosen)
            return "both the " + std::string(chosen->name()) + " and the " +
                   std::string(reader->name()) +
                   " readers claim this file; choose one with --importer";
        chosen = reader.get();
    }
    if (!chosen)
        return std::string(
            "no reader recognises this file; choose one with --importer (see 'tracker importers')");
    return chosen;
}

std::variant<const Reader*, std::string> reader_for(std::string_view path, std::string_view content,
                                                    const Reader* forced) {
    if (forced) return forced;
    return choose_reader(path, content.substr(0, std::min(content.size(), k_identify_bytes)));
}

} // namespace tracker::importers
