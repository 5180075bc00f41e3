// The reader protocol: a reader turns one input file into articles (text,
// saved web pages, feeds) or directly into claims (tables of figures).
// Readers live in one plain list (importers/readers.cpp); `tracker import`
// asks each whether it recognises a file and uses the one that does.
#pragma once

#include "importers/text_reader.hpp"
#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tracker::importers {

// A table file read as claims: the file stands as the "article" that holds
// them (its path, and the metadata the table or the options give), and each
// row is a claim whose `rule` names the row ("table row 12").
struct TableRead {
    model::Article source;  // body: the file's text, so that its hash identifies it
    std::vector<model::Claim> claims;
};

// What a reader makes of a file: articles to extract claims from, or a
// table that already is claims.
struct ReadOutput {
    std::vector<model::Article> articles;
    std::vector<TableRead> tables;
    // Problems the reader got past, one line each ("file:12: negative value -3"):
    // rows skipped under --skip-bad-rows, options that do not apply. The
    // caller prints them; they never stop the import.
    std::vector<std::string> warnings;
};

using ReaderResult = std::variant<ReadOutput, ReadError>;

// Options a reader may need beyond the header overrides.
struct ReaderOptions {
    ArticleOverrides overrides;
    std::vector<std::string> column_map;  // table readers: "column=field" pairs (--map)
    bool skip_bad_rows = false;           // table readers: keep the good rows of a bad file
};

class Reader {
public:
    virtual ~Reader() = default;
    // A short lowercase name for `--importer NAME` and `tracker importers`.
    virtual std::string_view name() const = 0;
    virtual std::string_view description() const = 0;
    // Cheap: decides from the path (extension) and the first bytes only.
    virtual bool identify(std::string_view path, std::string_view head) const = 0;
    // Reads the whole content (already loaded) of the file at `path`.
    virtual ReaderResult read(const std::string& path, std::string_view content,
                              const ReaderOptions& options) const = 0;
};

} // namespace tracker::importers
