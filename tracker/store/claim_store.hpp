// Writes articles with their claims and reads them back. The only place
// (with database.cpp and the query module) that speaks SQL.
#pragma once

#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"
#include "tracker/store/database.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::store {

enum class WriteOutcome { imported, already_present };

struct WriteResult {
    WriteOutcome outcome = WriteOutcome::imported;
    std::int64_t article_id = 0;
    std::size_t claims_stored = 0;  // 0 when already present
    // Set when an imported article is a new revision: another article with
    // the same URL was stored before; this is the id of that URL's latest
    // revision before the write.
    std::optional<std::int64_t> revision_of;
};

// Which revisions of an article a read returns.
enum class Revisions {
    latest,  // only each article's latest revision (what queries and reports use)
    all,     // every stored revision
};

struct ArticleSummary {
    model::ArticleInfo info;
    std::string content_hash;
    std::string imported_at;  // ISO-8601 UTC
    std::int64_t claim_count = 0;
    // The revision of the same URL that replaced this one; none for a
    // latest revision.
    std::optional<std::int64_t> superseded_by;
};

class ClaimStore {
public:
    explicit ClaimStore(Database& db);
    ~ClaimStore();
    ClaimStore(const ClaimStore&) = delete;
    ClaimStore& operator=(const ClaimStore&) = delete;

    // Stores the article and its claims in one transaction. An article whose
    // content hash is already stored is left alone (already_present). An
    // article with a non-empty URL already stored under other content is a
    // new revision of it: the revisions of a URL are ordered by (published,
    // import order) and the last one is the latest, which reads use. Claim
    // claimants are recorded in the claimants table by canonical name. The
    // article must have a publication date. Retries while another process
    // holds the database busy.
    WriteResult add_article(const model::Article& article, std::string_view content_hash,
                            const std::vector<model::Claim>& claims);

    // Whether an article with this content hash is stored (a cheap check
    // that lets an import skip extracting an article it already has).
    bool has_article(std::string_view content_hash);

    // Files read completely by an import (schema/0003_imported_files.sql):
    // the number of articles the file with this key held, when recorded.
    std::optional<std::int64_t> imported_file(std::string_view file_key);
    // Records a file whose articles are all stored (idempotent).
    void record_imported_file(std::string_view file_key, std::string_view path,
                              std::int64_t articles);

    // Registers a canonical claimant name with its aliases (idempotent), so
    // that queries can find a claimant by any of its names.
    void add_claimant_aliases(std::string_view canonical, const std::vector<std::string>& aliases);

    // Every stored claim with its article, ordered by article id then by
    // position in the article (span_start), then claim id. By default only
    // the claims of each article's latest revision.
    std::vector<model::ClaimRecord> all_claims(Revisions revisions = Revisions::latest);

    // Every stored article (all revisions) with its claim count, in import
    // order.
    std::vector<ArticleSummary> articles();

private:
    struct Statements;  // the write path's statements, prepared once
    Statements& statements();
    WriteResult write_article(const model::Article& article, const std::string& hash,
                              const std::vector<model::Claim>& claims,
                              std::map<std::string, std::int64_t, std::less<>>& new_claimants);
    std::int64_t claimant_id(const std::string& name,
                             std::map<std::string, std::int64_t, std::less<>>& new_claimants);

    Database& m_db;
    std::unique_ptr<Statements> m_statements;
    // Claimant ids by name, of committed rows only (a rolled-back write
    // must not leave an id behind).
    std::map<std::string, std::int64_t, std::less<>> m_claimant_ids;
};

} // namespace tracker::store
