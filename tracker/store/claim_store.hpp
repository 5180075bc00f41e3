// Writes articles with their claims and reads them back. The only place
// (with database.cpp and the query module) that speaks SQL.
#pragma once

#include "tracker/model/article.hpp"
#include "tracker/model/claim.hpp"
#include "tracker/store/database.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::store {

enum class WriteOutcome { imported, already_present };

struct WriteResult {
    WriteOutcome outcome = WriteOutcome::imported;
    std::int64_t article_id = 0;
    std::size_t claims_stored = 0;  // 0 when already present
};

struct ArticleSummary {
    model::ArticleInfo info;
    std::string content_hash;
    std::string imported_at;  // ISO-8601 UTC
    std::int64_t claim_count = 0;
};

class ClaimStore {
public:
    explicit ClaimStore(Database& db) : m_db(db) {}

    // Stores the article and its claims in one transaction. An article whose
    // content hash is already stored is left alone (already_present). Claim
    // claimants are recorded in the claimants table by canonical name. The
    // article must have a publication date.
    WriteResult add_article(const model::Article& article, std::string_view content_hash,
                            const std::vector<model::Claim>& claims);

    // Registers a canonical claimant name with its aliases (idempotent), so
    // that queries can find a claimant by any of its names.
    void add_claimant_aliases(std::string_view canonical, const std::vector<std::string>& aliases);

    // Every stored claim with its article, ordered by article id then by
    // position in the article (span_start), then claim id.
    std::vector<model::ClaimRecord> all_claims();

    // Every stored article with its claim count, in import order.
    std::vector<ArticleSummary> articles();

private:
    Database& m_db;
};

} // namespace tracker::store
