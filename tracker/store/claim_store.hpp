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
    std::size_t claims_stored = 0; // 0 when already present
    // Set when an imported article is a new revision: another article with
    // the same URL was stored before; this is the id of that URL's latest
    // revision before the write.
    std::optional<std::int64_t> revision_of;
};

// One article to store with add_articles: pointers into the caller's data,
// which must outlive the call.
struct ArticleWrite {
    const model::Article* article = nullptr;
    std::string_view content_hash;
    const std::vector<model::Claim>* claims = nullptr;
};

// A file all of whose articles are stored (schema/0003_imported_files.sql).
struct ImportedFile {
    std::string file_key;
    std::string path;
    std::int64_t articles = 0;
};

// Which revisions of an article a read returns.
enum class Revisions {
    latest, // only each article's latest revision (what queries and reports use)
    all,    // every stored revision
};

struct ArticleSummary {
    model::ArticleInfo info;
    std::string content_hash;
    std::string imported_at; // ISO-8601 UTC
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

    // Stores several articles as add_article does, and records the files
    // they complete, in ONE transaction: every article is stored whole or
    // not at all, and either all of them are committed or none (a failure
    // rolls the whole group back and throws StoreError). One commit for many
    // articles is what makes a large import fast: a commit writes every page
    // it changed, and the claims' indexes change a page per claim. Results
    // are in the order of `articles`; within the group a later article sees
    // the earlier ones (the same content twice is stored once).
    std::vector<WriteResult> add_articles(const std::vector<ArticleWrite>& articles,
                                          const std::vector<ImportedFile>& files);

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
    // The same claims in the same order, one at a time, from one read (one
    // snapshot of the database): memory stays flat however many there are.
    void for_each_claim(Revisions revisions,
                        const std::function<void(const model::ClaimRecord&)>& visit);

    // Every stored article (all revisions) with its claim count, in import
    // order.
    std::vector<ArticleSummary> articles();

  private:
    struct Statements; // the write path's statements, prepared once
    Statements& statements();
    // The writes of one article inside the caller's transaction.
    WriteResult write_article(const model::Article& article, const std::string& hash,
                              const std::vector<model::Claim>& claims,
                              std::map<std::string, std::int64_t, std::less<>>& new_claimants);
    void write_imported_file(const ImportedFile& file);
    std::int64_t claimant_id(const std::string& name,
                             std::map<std::string, std::int64_t, std::less<>>& new_claimants);

    Database& m_db;
    std::unique_ptr<Statements> m_statements;
    // Claimant ids by name, of committed rows only (a rolled-back write
    // must not leave an id behind).
    std::map<std::string, std::int64_t, std::less<>> m_claimant_ids;
};

} // namespace tracker::store
