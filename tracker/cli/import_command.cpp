// `tracker import`: files and folders -> readers -> extraction -> store.
//
// Inputs are expanded first (folders walked recursively in sorted order), so
// the list of files and its order are known before anything is read. Worker
// threads then read, parse and extract files in parallel, while the calling
// thread alone writes them to the database, strictly in input order, whole
// articles in grouped transactions (WriteBatch): the result (article and
// claim ids included) does not depend on --jobs. Workers run at most a
// bounded window of files (and of bytes) ahead of the writer, so memory stays
// bounded whatever the corpus size.

#include "importers/content_hash.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/readers.hpp"
#include "importers/text_reader.hpp"
#include "tracker/cli/article_options.hpp"
#include "tracker/cli/commands.hpp"
#include "tracker/store/claim_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fnmatch.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

namespace tracker::cli {

namespace {

struct ImportOptions {
    std::string db;
    ArticleOptions article;
    std::vector<std::string> inputs;
    ReaderChoice reading;
    std::vector<std::string> globs;
    unsigned jobs = 0; // 0: one per core
    bool quiet = false;
    std::size_t batch_size = 256; // articles per commit at most
    std::string conflict;
};

// ------------------------------------------------------------ the inputs --

// One file to import, or a problem found while walking the folders.
struct InputFile {
    std::string path;
    std::uintmax_t size = 0; // bytes (0 when unknown: standard input)
    std::string error;       // non-empty: this input failed before reading
};

// A file's identity on disk, to recognise a folder seen before.
using FileId = std::pair<dev_t, ino_t>;

std::string join_path(const std::string& folder, const std::string& name) {
    if (!folder.empty() && folder.back() == '/') return folder + name;
    return folder + "/" + name;
}

std::string stat_failure(int error) {
    if (error == ELOOP) return "symlink loop (too many levels of symbolic links)";
    if (error == ENOENT) return "broken symbolic link";
    return std::strerror(error);
}

// Expands the command-line inputs into files: folders are walked
// recursively, entries in byte order of their names, following symbolic
// links. Entries whose name starts with '.' are hidden and skipped, as are
// the database's own files. --glob filters the files found in folders (not
// files named on the command line). A symbolic link back to a folder being
// walked is a loop, reported as a failure; a folder reached again by
// another way is walked once.
class InputWalker {
  public:
    InputWalker(std::vector<std::string> globs, std::set<FileId> skip)
        : m_globs(std::move(globs)), m_skip(std::move(skip)) {}

    void add(const std::string& input, std::vector<InputFile>& out) {
        if (input == "-") {
            out.push_back({input, 0, {}});
            return;
        }
        struct stat info {};
        if (::stat(input.c_str(), &info) != 0) {
            const int error = errno;
            // A missing file is left to the reader's own "no such file".
            if (error == ENOENT && ::lstat(input.c_str(), &info) != 0)
                out.push_back({input, 0, {}});
            else
                out.push_back({input, 0, stat_failure(error)});
            return;
        }
        if (S_ISDIR(info.st_mode)) {
            std::vector<std::pair<FileId, std::string>> ancestors;
            walk(input, {info.st_dev, info.st_ino}, ancestors, out);
            return;
        }
        out.push_back({input, static_cast<std::uintmax_t>(info.st_size), {}});
    }

  private:
    bool matches_globs(const std::string& name) const {
        if (m_globs.empty()) return true;
        return std::any_of(m_globs.begin(), m_globs.end(), [&](const std::string& glob) {
            return ::fnmatch(glob.c_str(), name.c_str(), 0) == 0;
        });
    }

    void walk(const std::string& folder, FileId id,
              std::vector<std::pair<FileId, std::string>>& ancestors, std::vector<InputFile>& out) {
        for (const auto& [ancestor, ancestor_path] : ancestors)
            if (ancestor == id) {
                out.push_back({folder, 0, "symlink loop: leads back to " + ancestor_path});
                return;
            }
        if (!m_visited.insert(id).second) return; // walked already under another name

        std::vector<std::string> names;
        std::error_code error;
        std::filesystem::directory_iterator entries(folder, error);
        std::string listing_error;
        if (error) {
            out.push_back({folder, 0, "cannot read directory: " + error.message()});
            return;
        }
        for (; entries != std::filesystem::directory_iterator(); entries.increment(error)) {
            if (error) break;
            names.push_back(entries->path().filename().string());
        }
        if (error) listing_error = "cannot read directory: " + error.message();
        std::sort(names.begin(), names.end());

        ancestors.emplace_back(id, folder);
        for (const std::string& name : names) {
            if (name.empty() || name.front() == '.') continue;
            const std::string path = join_path(folder, name);
            struct stat info {};
            if (::stat(path.c_str(), &info) != 0) {
                out.push_back({path, 0, stat_failure(errno)});
                continue;
            }
            if (S_ISDIR(info.st_mode)) {
                walk(path, {info.st_dev, info.st_ino}, ancestors, out);
                continue;
            }
            if (!matches_globs(name) || m_skip.count({info.st_dev, info.st_ino})) continue;
            if (!S_ISREG(info.st_mode))
                out.push_back({path, 0, "not a regular file"});
            else
                out.push_back({path, static_cast<std::uintmax_t>(info.st_size), {}});
        }
        ancestors.pop_back();
        if (!listing_error.empty()) out.push_back({folder, 0, listing_error});
    }

    std::vector<std::string> m_globs;
    std::set<FileId> m_skip;
    std::set<FileId> m_visited;
};

// The database file and its WAL companions, never imported from a folder.
std::set<FileId> database_files(const std::string& db) {
    std::set<FileId> files;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat info {};
        if (::stat((db + suffix).c_str(), &info) == 0) files.insert({info.st_dev, info.st_ino});
    }
    return files;
}

// ------------------------------------------------------- reading a file --

// One article ready to store: its claims extracted (or read from a table),
// or `known` when a worker saw its content hash already in the database and
// skipped extracting it.
struct ArticleToStore {
    model::Article article;
    std::string hash;
    std::vector<model::Claim> claims;
    bool known = false;
};

// What became of one input file before the writer sees it.
struct FileOutcome {
    std::vector<ArticleToStore> articles;
    std::vector<std::string> warnings; // printed, never a failure
    std::string failure;               // "path: reason"; nothing of the file is stored
    std::string file_key;              // see file_key()
    // Set when the file was imported whole before: how many articles it held
    // (none were read again).
    std::optional<std::int64_t> known_file_articles;
};

// Everything a worker needs to turn a file into articles; shared read-only.
struct ReadContext {
    const importers::Reader* forced_reader = nullptr; // --importer
    importers::ReaderOptions reader_options;
    std::string options_key; // the reader options, as bytes for file_key()
    const lexicon::Lexicon* lexicon = nullptr;
    std::optional<std::string> conflict; // --conflict: replaces what the files say
};

void add_field(std::string& key, std::string_view field) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
}

// The options that shape the articles read from a file, length-prefixed.
std::string options_key(const importers::ReaderOptions& options) {
    std::string key;
    const auto& o = options.overrides;
    for (const auto* field : {&o.outlet, &o.url, &o.title})
        add_field(key, field->value_or("\x01"));
    add_field(key, o.published ? model::format_date(*o.published) : "\x01");
    for (const std::string& pair : options.column_map)
        add_field(key, pair);
    add_field(key, options.skip_bad_rows ? "skip" : "strict");
    return key;
}

// Identifies "these bytes, read by this reader with these options": the key
// under which a wholly imported file is recorded (imported_files).
std::string file_key(std::string_view reader, std::string_view options, std::string_view content) {
    XXH3_state_t* state = XXH3_createState();
    if (!state) throw std::bad_alloc();
    XXH3_128bits_reset(state);
    std::string prefix;
    add_field(prefix, reader);
    add_field(prefix, options);
    XXH3_128bits_update(state, prefix.data(), prefix.size());
    XXH3_128bits_update(state, content.data(), content.size());
    const XXH128_hash_t hash = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    return fmt::format("{:016x}{:016x}", hash.high64, hash.low64);
}

// Reads, parses and extracts one file. `index` is a read connection used
// only to skip extracting articles already stored (nullptr: never skip).
FileOutcome read_input(const InputFile& input, const ReadContext& context,
                       store::ClaimStore* index) {
    FileOutcome outcome;
    if (!input.error.empty()) {
        outcome.failure = input.path + ": " + input.error;
        return outcome;
    }
    importers::ReadOutput output;
    {
        auto content = importers::read_file(input.path);
        if (auto* error = std::get_if<importers::ReadError>(&content)) {
            outcome.failure = error->message();
            return outcome;
        }
        const std::string& text = std::get<std::string>(content);
        auto chosen = importers::reader_for(input.path, text, context.forced_reader);
        if (auto* message = std::get_if<std::string>(&chosen)) {
            outcome.failure = input.path + ": " + *message;
            return outcome;
        }
        const importers::Reader* reader = std::get<const importers::Reader*>(chosen);
        outcome.file_key = file_key(reader->name(), context.options_key, text);
        if (index) {
            try {
                outcome.known_file_articles = index->imported_file(outcome.file_key);
            } catch (const store::StoreError&) {
                outcome.known_file_articles.reset(); // read it: only slower
            }
            if (outcome.known_file_articles) return outcome;
        }
        auto read = reader->read(input.path, text, context.reader_options);
        if (auto* error = std::get_if<importers::ReadError>(&read)) {
            outcome.failure = error->message();
            return outcome;
        }
        output = std::move(std::get<importers::ReadOutput>(read));
    } // the file's bytes are freed here

    auto known = [&](const std::string& hash) {
        if (!index) return false;
        try {
            return index->has_article(hash);
        } catch (const store::StoreError&) {
            return false; // the writer decides anyway
        }
    };
    outcome.warnings = std::move(output.warnings);
    for (model::Article& article : output.articles) {
        if (context.conflict) article.conflict = *context.conflict;
        if (!article.published) {
            outcome.failure = no_date_failure(input.path, article);
            outcome.articles.clear();
            return outcome;
        }
        ArticleToStore item;
        item.hash = importers::content_hash(article);
        item.known = known(item.hash);
        if (!item.known) item.claims = extract::extract_claims(article, *context.lexicon).claims;
        item.article = std::move(article);
        outcome.articles.push_back(std::move(item));
    }
    for (importers::TableRead& table : output.tables) {
        if (context.conflict) table.source.conflict = *context.conflict;
        if (!table.source.published) {
            outcome.failure = no_date_failure(input.path, table.source);
            outcome.articles.clear();
            return outcome;
        }
        ArticleToStore item;
        item.hash = importers::content_hash(table.source);
        item.known = known(item.hash);
        item.claims = std::move(table.claims);
        item.article = std::move(table.source);
        outcome.articles.push_back(std::move(item));
    }
    return outcome;
}

// ------------------------------------------------------------- pipeline --

// Runs `work` on every file in worker threads and hands the outcomes to
// `consume` on the calling thread, in input order. Workers take files in
// order and stay within a window of files (and of bytes) ahead of the one
// being consumed, so at most that much is held in memory.
class ImportPipeline {
  public:
    using Work = std::function<FileOutcome(std::size_t index)>;
    using Consume = std::function<void(std::size_t index, FileOutcome&& outcome)>;

    ImportPipeline(const std::vector<InputFile>& files, unsigned jobs)
        : m_files(files), m_jobs(std::max(1u, jobs)),
          m_window(std::max<std::size_t>(k_files_ahead, 4 * m_jobs)), m_slots(m_window) {}

    // `make_work` is called once per worker thread, on that thread, so a
    // worker can own what it must not share (a database connection).
    void run(const std::function<Work()>& make_work, const Consume& consume) {
        const std::size_t workers = std::min<std::size_t>(m_jobs, m_files.size());
        std::vector<std::thread> threads;
        // Whatever happens on this thread, stop and join the workers.
        struct Joiner {
            ImportPipeline& pipeline;
            std::vector<std::thread>& threads;
            ~Joiner() {
                {
                    std::lock_guard lock(pipeline.m_mutex);
                    pipeline.m_stop = true;
                }
                pipeline.m_work_ready.notify_all();
                for (auto& thread : threads)
                    thread.join();
            }
        } joiner{*this, threads};
        for (std::size_t i = 0; i < workers; ++i)
            threads.emplace_back([this, &make_work] { work_loop(make_work); });

        for (std::size_t index = 0; index < m_files.size(); ++index) {
            FileOutcome outcome;
            {
                std::unique_lock lock(m_mutex);
                auto& slot = m_slots[index % m_window];
                m_result_ready.wait(lock, [&] { return slot.has_value(); });
                outcome = std::move(*slot);
                slot.reset();
            }
            consume(index, std::move(outcome));
            {
                std::lock_guard lock(m_mutex);
                m_next_consume = index + 1;
                m_bytes_in_flight -= m_files[index].size;
            }
            m_work_ready.notify_all();
        }
    }

  private:
    // Files in flight are bounded by count (the window) and by bytes; the
    // next file to consume may always start, however large.
    static constexpr std::uintmax_t k_bytes_in_flight = 32u << 20;
    // Far more than a write group (256 articles): while the writer commits a
    // group, the workers go on extracting the next ones instead of idling
    // (a window of 8 files cost 15% of the wall time). The bytes bound above
    // still caps the memory.
    static constexpr std::size_t k_files_ahead = 1024;

    bool may_claim() const {
        if (m_next_claim >= m_files.size()) return true; // to see there is nothing left
        if (m_next_claim >= m_next_consume + m_window) return false;
        return m_next_claim == m_next_consume ||
               m_bytes_in_flight + m_files[m_next_claim].size <= k_bytes_in_flight;
    }

    void work_loop(const std::function<Work()>& make_work) {
        Work work;
        try {
            work = make_work();
        } catch (...) {
            work = nullptr;
        }
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock lock(m_mutex);
                m_work_ready.wait(lock, [&] { return m_stop || may_claim(); });
                if (m_stop || m_next_claim >= m_files.size()) return;
                index = m_next_claim++;
                m_bytes_in_flight += m_files[index].size;
            }
            FileOutcome outcome;
            try {
                if (!work) throw std::runtime_error("cannot start an import worker");
                outcome = work(index);
            } catch (const std::bad_alloc&) {
                outcome = FileOutcome{};
                outcome.failure = m_files[index].path + ": out of memory";
            } catch (const std::exception& error) {
                outcome = FileOutcome{};
                outcome.failure = m_files[index].path + ": " + error.what();
            }
            {
                std::lock_guard lock(m_mutex);
                m_slots[index % m_window] = std::move(outcome);
            }
            m_result_ready.notify_one();
        }
    }

    const std::vector<InputFile>& m_files;
    const unsigned m_jobs;
    const std::size_t m_window;
    std::mutex m_mutex;
    std::condition_variable m_work_ready;            // workers wait for room in the window
    std::condition_variable m_result_ready;          // the consumer waits for the next file
    std::vector<std::optional<FileOutcome>> m_slots; // file i in slot i % window
    std::size_t m_next_claim = 0;
    std::size_t m_next_consume = 0;
    std::uintmax_t m_bytes_in_flight = 0;
    bool m_stop = false;
};

// ------------------------------------------------------------- progress --

// A one-line progress bar on stderr, redrawn at most ten times a second:
// files done of total, files/s, MB/s and the time left. Lines printed
// through it (failures, warnings) appear above the bar.
class Progress {
  public:
    Progress(bool enabled, std::size_t total_files, std::uintmax_t total_bytes)
        : m_enabled(enabled), m_total_files(total_files), m_total_bytes(total_bytes),
          m_start(std::chrono::steady_clock::now()) {}

    void file_done(std::uintmax_t bytes) {
        ++m_files;
        m_bytes += bytes;
        if (!m_enabled) return;
        auto now = std::chrono::steady_clock::now();
        if (m_files < m_total_files && now - m_drawn < std::chrono::milliseconds(100)) return;
        m_drawn = now;
        draw(now);
    }

    void print(const std::string& line) {
        if (m_enabled && m_shown) std::cerr << "\r\033[K";
        std::cerr << line << '\n';
        m_shown = false;
    }

    void finish() {
        if (m_enabled && m_shown) std::cerr << "\r\033[K" << std::flush;
        m_shown = false;
    }

  private:
    static std::string duration(double seconds) {
        auto s = static_cast<long long>(seconds + 0.5);
        if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
        return fmt::format("{}:{:02}", s / 60, s % 60);
    }

    void draw(std::chrono::steady_clock::time_point now) {
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        const double fraction = m_total_bytes > 0 ? double(m_bytes) / double(m_total_bytes)
                                                  : double(m_files) / double(m_total_files);
        constexpr int k_width = 20;
        const int filled = std::clamp(static_cast<int>(fraction * k_width), 0, k_width);
        std::string line = "[" + std::string(filled, '#') + std::string(k_width - filled, '-') +
                           "] " + fmt::format("{}/{} files", m_files, m_total_files);
        if (elapsed >= 0.5) {
            const double files_rate = m_files / elapsed;
            const double bytes_rate = m_bytes / elapsed;
            line += fmt::format("  {:.0f} files/s  {:.1f} MB/s", files_rate, bytes_rate / 1e6);
            double left = -1;
            if (m_total_bytes > 0 && bytes_rate > 0)
                left = double(m_total_bytes - std::min(m_bytes, m_total_bytes)) / bytes_rate;
            else if (files_rate > 0)
                left = double(m_total_files - m_files) / files_rate;
            if (left >= 0) line += "  " + duration(left) + " left";
        }
        if (winsize size{}; ::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1 &&
                            line.size() >= size.ws_col)
            line.resize(size.ws_col - 1);
        std::cerr << "\r" << line << "\033[K" << std::flush;
        m_shown = true;
    }

    bool m_enabled;
    std::size_t m_total_files;
    std::uintmax_t m_total_bytes;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_drawn{};
    std::size_t m_files = 0;
    std::uintmax_t m_bytes = 0;
    bool m_shown = false;
};

// ---------------------------------------------------------------- import --

struct Tally {
    std::size_t imported = 0, skipped = 0, failed = 0, claims = 0, revisions = 0;
};

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// Groups articles into one commit (store::ClaimStore::add_articles): a
// commit writes every database page it changed, and each claim changes pages
// all over the claims' indexes, so one commit per article would write many
// times the data it stores. A group is committed when it holds `max_articles`
// articles or k_max_bytes of claims, when its first article has waited
// k_max_wait (so that a slow import still shows its progress to readers and
// loses little when killed), and at the end. The tally counts only what is
// committed.
class WriteBatch {
  public:
    WriteBatch(store::ClaimStore& store, std::size_t max_articles, Tally& tally)
        : m_store(store), m_max_articles(std::max<std::size_t>(1, max_articles)), m_tally(tally) {}

    void add(ArticleToStore&& item) {
        if (m_items.empty()) m_started = std::chrono::steady_clock::now();
        // The body is not stored (its hash and claims are): free it now.
        std::string().swap(item.article.body);
        for (const model::Claim& claim : item.claims)
            m_bytes += claim.sentence.size() + 64;
        m_items.push_back(std::move(item));
        if (m_items.size() >= m_max_articles) commit();
    }

    void add_file(store::ImportedFile file) {
        if (m_items.empty() && m_files.empty()) m_started = std::chrono::steady_clock::now();
        m_files.push_back(std::move(file));
    }

    void commit_if_due() {
        if (m_items.empty() && m_files.empty()) return;
        if (m_bytes >= k_max_bytes || std::chrono::steady_clock::now() - m_started >= k_max_wait)
            commit();
    }

    void commit() {
        if (m_items.empty() && m_files.empty()) return;
        std::vector<store::ArticleWrite> writes;
        writes.reserve(m_items.size());
        for (const ArticleToStore& item : m_items)
            writes.push_back({&item.article, item.hash, &item.claims});
        // Files are recorded with the group that completes them; a file
        // whose articles span two groups is recorded with the second.
        const std::vector<store::WriteResult> results = m_store.add_articles(writes, m_files);
        for (const store::WriteResult& result : results) {
            if (result.outcome == store::WriteOutcome::already_present) {
                ++m_tally.skipped;
                continue;
            }
            ++m_tally.imported;
            m_tally.claims += result.claims_stored;
            if (result.revision_of) ++m_tally.revisions;
        }
        m_items.clear();
        m_files.clear();
        m_bytes = 0;
    }

  private:
    static constexpr std::size_t k_max_bytes = 16u << 20;
    static constexpr std::chrono::milliseconds k_max_wait{250};

    store::ClaimStore& m_store;
    std::size_t m_max_articles;
    Tally& m_tally;
    std::vector<ArticleToStore> m_items;
    std::vector<store::ImportedFile> m_files;
    std::size_t m_bytes = 0;
    std::chrono::steady_clock::time_point m_started;
};

void print_summary(const Tally& tally, const std::string& db) {
    std::cout << "imported " << plural(tally.imported, "article") << ", skipped " << tally.skipped
              << " already present, failed " << tally.failed << "; stored "
              << plural(tally.claims, "claim") << " in " << db;
    if (tally.revisions) std::cout << ", " << plural(tally.revisions, "new revision");
    std::cout << '\n';
}

void register_lexicon_claimants(store::ClaimStore& store, const lexicon::Lexicon& lexicon) {
    for (const auto& claimant : lexicon.claimants)
        store.add_claimant_aliases(claimant.canonical, claimant.aliases);
}

bool is_in_memory(const std::string& db) {
    return db.empty() || db == ":memory:";
}

int run_import(const ImportOptions& options) {
    ReadContext context;
    context.forced_reader = options.reading.forced_reader();
    context.reader_options = options.reading.reader_options(options.article.overrides());
    context.options_key = options_key(context.reader_options);
    if (!options.conflict.empty()) context.conflict = options.conflict;
    const auto lexicon = lexicon::Lexicon::load_default(options.article.lexicon_files);
    context.lexicon = &lexicon;

    store::Database db(options.db);
    store::ClaimStore store(db);
    register_lexicon_claimants(store, lexicon);

    std::vector<InputFile> files;
    InputWalker walker(options.globs,
                       is_in_memory(options.db) ? std::set<FileId>{} : database_files(options.db));
    for (const std::string& input : options.inputs)
        walker.add(input, files);
    std::uintmax_t total_bytes = 0;
    for (const InputFile& file : files)
        total_bytes += file.size;

    Tally tally;
    Progress progress(!options.quiet && ::isatty(STDERR_FILENO) && files.size() > 1, files.size(),
                      total_bytes);
    const unsigned jobs =
        options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

    // Each worker's own connection, to skip extracting what is stored.
    auto make_work = [&]() -> ImportPipeline::Work {
        std::shared_ptr<store::Database> index_db;
        if (!is_in_memory(options.db)) {
            try {
                index_db = std::make_shared<store::Database>(options.db);
            } catch (const store::StoreError&) {
                index_db.reset(); // only slower: every article is extracted
            }
        }
        auto index = index_db ? std::make_shared<store::ClaimStore>(*index_db) : nullptr;
        return [&files, &context, index_db, index](std::size_t i) {
            return read_input(files[i], context, index.get());
        };
    };
    // Articles wait here until they are committed together (see
    // WriteBatch): whole articles only, so that each is stored whole or not at
    // all, and a killed import loses at most the group being written.
    WriteBatch batch(store, options.batch_size, tally);
    auto consume = [&](std::size_t i, FileOutcome&& outcome) {
        for (const std::string& warning : outcome.warnings)
            progress.print(warning);
        if (!outcome.failure.empty()) {
            progress.print(outcome.failure);
            ++tally.failed;
        }
        if (outcome.known_file_articles) tally.skipped += *outcome.known_file_articles;
        const std::size_t article_count = outcome.articles.size();
        for (ArticleToStore& item : outcome.articles) {
            if (item.known)
                ++tally.skipped;
            else
                batch.add(std::move(item));
        }
        // All of the file is stored once the batch commits: the next import
        // may then skip it whole.
        if (outcome.failure.empty() && outcome.warnings.empty() && !outcome.known_file_articles &&
            !outcome.file_key.empty())
            batch.add_file(
                {outcome.file_key, files[i].path, static_cast<std::int64_t>(article_count)});
        batch.commit_if_due();
        progress.file_done(files[i].size);
    };

    try {
        ImportPipeline(files, jobs).run(make_work, consume);
        batch.commit();
    } catch (const store::StoreError&) {
        // The database failed under us: say how far the import got. What
        // was committed stays; running the import again completes it.
        progress.finish();
        print_summary(tally, options.db);
        throw;
    }
    progress.finish();
    print_summary(tally, options.db);
    return tally.failed ? k_exit_input_failed : k_exit_ok;
}

} // namespace

void add_import_command(CLI::App& app, int& exit_status) {
    auto options = std::make_shared<ImportOptions>();
    auto* command = app.add_subcommand(
        "import", "Read articles, extract their figure claims and store them (each article whole "
                  "or not at all); folders are walked recursively");
    add_database_option(*command, options->db);
    options->article.add_to(*command);
    command
        ->add_option("inputs", options->inputs,
                     "Article files or folders ('-' reads standard input)")
        ->required();
    command->add_option("--conflict", options->conflict,
                        "The conflict the articles report on, e.g. 'Israel-Gaza' (overrides the "
                        "Conflict: header); query and report can then keep to one");
    options->reading.add_to(*command, "Table readers: import the good rows of a table with bad "
                                      "rows (each bad row still reported)");
    command
        ->add_option("--glob", options->globs,
                     "Only files whose name matches PATTERN when walking folders "
                     "(shell pattern, e.g. '*.html'; repeatable)")
        ->allow_extra_args(false);
    command
        ->add_option("-j,--jobs", options->jobs,
                     "Extract with N threads while one stores (default: number of cores)")
        ->check(CLI::Range(1u, 256u));
    command
        ->add_option("--batch-size", options->batch_size,
                     "Commit at most N articles together (default 256; 1 commits each "
                     "article on its own, several times slower)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    command->add_flag("-q,--quiet", options->quiet, "No progress display");
    command->callback([options, &exit_status] { exit_status = run_import(*options); });
}

} // namespace tracker::cli
