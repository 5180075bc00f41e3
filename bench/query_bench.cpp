// Times the series queries and the HTML report in-process on a database
// (made by bench/query_bench.sh), and prints EXPLAIN QUERY PLAN for each
// statement. Each measurement is repeated and the median reported, after
// one warm-up run so that the page cache holds what a real user's repeated
// queries would find there.
//
//   query_bench DB METRIC CLAIMANT AS_OF FROM TO

#include "reports/comparison_report.hpp"
#include "reports/html_renderer.hpp"
#include "tracker/query/claim_query.hpp"
#include "tracker/query/series_query.hpp"
#include "tracker/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace tracker;

namespace {

template <typename Work> double median_ms(int runs, Work work, std::size_t& size) {
    size = work(); // warm-up
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        size = work();
        const auto end = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

model::Date date_arg(const char* text) {
    auto day = model::parse_iso_date(text);
    if (!day) {
        std::cerr << "not a date: " << text << '\n';
        std::exit(2);
    }
    return *day;
}

void explain(store::Database& db, const std::string& name, const std::string& sql) {
    SQLite::Statement plan(db.handle(), "EXPLAIN QUERY PLAN " + sql);
    while (plan.executeStep())
        std::cout << "  " << name << ": " << plan.getColumn(3).getString() << '\n';
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 7) {
        std::cerr << "usage: query_bench DB METRIC CLAIMANT AS_OF FROM TO\n";
        return 2;
    }
    store::Database db(argv[1]);
    query::tune_for_reading(db); // as `tracker query` and `tracker report` do
    const auto metric = model::parse_metric(argv[2]);
    if (!metric) {
        std::cerr << "unknown metric " << argv[2] << '\n';
        return 2;
    }
    const std::string claimant = argv[3];
    const model::Date as_of = date_arg(argv[4]);
    const model::Date from = date_arg(argv[5]);
    const model::Date to = date_arg(argv[6]);

    query::ClaimFilter one_metric;
    one_metric.metric = metric;
    query::ClaimFilter one_series = one_metric;
    one_series.claimant = claimant;
    query::ClaimFilter period = one_metric;
    period.from = from;
    period.to = to;

    std::size_t rows = 0;
    const double as_of_ms = median_ms(
        51, [&] { return query::latest_per_series(db, one_metric, as_of).size(); }, rows);
    std::cout << fmt::format("as-of query ({} as of {}): {:.2f} ms median of 51, {} series\n",
                             argv[2], argv[4], as_of_ms, rows);

    std::size_t window_rows = 0;
    const double window_ms = median_ms(
        3, [&] { return query::latest_as_of(db, one_metric, as_of).size(); }, window_rows);
    std::cout << fmt::format("  for comparison, claim_query's latest_as_of (window function over "
                             "the metric): {:.1f} ms median of 3, {} series{}\n",
                             window_ms, window_rows,
                             window_rows == rows ? "" : " (DIFFERENT COUNT)");

    const double series_ms = median_ms(
        31, [&] { return query::series_history(db, one_series).size(); }, rows);
    std::cout << fmt::format(
        "--series ({}, claimant {}): {:.2f} ms median of 31, {} dated figures\n", argv[2], claimant,
        series_ms, rows);

    query::ClaimFilter one_population = one_series;
    one_population.population = "";
    std::size_t one_rows = 0;
    const double one_ms = median_ms(
        31, [&] { return query::series_history(db, one_population).size(); }, one_rows);
    std::cout << fmt::format(
        "  the same with --population '' (one series): {:.2f} ms median of 31, {} "
        "dated figures\n",
        one_ms, one_rows);

    std::size_t claims = 0;
    std::size_t bytes = 0;
    const std::string html_path = std::string(argv[1]) + ".report.html";
    const double report_ms = median_ms(
        5,
        [&] {
            const auto records = query::find_claims(db, period);
            claims = records.size();
            reports::ReportOptions options;
            options.metric = *metric;
            options.from = from;
            options.to = to;
            const auto report = reports::build_comparison_report(records, options);
            // To a file, as `tracker report -o` writes it.
            std::ofstream out(html_path, std::ios::binary | std::ios::trunc);
            reports::render_html(report, out);
            out.close();
            bytes = std::filesystem::file_size(html_path);
            return bytes;
        },
        bytes);
    std::cout << fmt::format("HTML report ({} from {} to {}): {:.0f} ms median of 5, {} claims, "
                             "{:.1f} MB of HTML\n",
                             argv[2], argv[5], argv[6], report_ms, claims, bytes / 1e6);

    {
        // One more run, timed phase by phase.
        using Clock = std::chrono::steady_clock;
        const auto ms = [](Clock::time_point a, Clock::time_point b) {
            return std::chrono::duration<double, std::milli>(b - a).count();
        };
        const auto t0 = Clock::now();
        const auto records = query::find_claims(db, period);
        const auto t1 = Clock::now();
        reports::ReportOptions options;
        options.metric = *metric;
        options.from = from;
        options.to = to;
        const auto report = reports::build_comparison_report(records, options);
        const auto t2 = Clock::now();
        std::ofstream out(html_path, std::ios::binary | std::ios::trunc);
        reports::render_html(report, out);
        out.close();
        const auto t3 = Clock::now();
        std::cout << fmt::format("  phases: read {:.0f} ms, build {:.0f} ms, render {:.0f} ms; {} "
                                 "series, {} timeline rows, {} disagreements, {} checks\n",
                                 ms(t0, t1), ms(t1, t2), ms(t2, t3), report.series.size(),
                                 report.timeline.size(), report.disagreements.size(),
                                 report.checks.size());
    }

    std::cout << "\nEXPLAIN QUERY PLAN of the series statements (claimant " << claimant << "):\n";
    for (const std::string& line : query::explain_series_queries(db, one_series))
        std::cout << "  " << line << '\n';
    std::cout << "\nEXPLAIN QUERY PLAN of the report's read (claim_query's find_claims shape, one "
                 "metric over a period):\n";
    explain(db, "report claims",
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id JOIN claimants k ON "
            "k.id = c.claimant_id WHERE a.superseded_by IS NULL AND c.metric = 'killed' AND "
            "c.as_of >= '2022-01-01' AND c.as_of <= '2022-04-30' ORDER BY c.as_of, k.name, "
            "c.population, c.value, c.id");

    const bool fast = as_of_ms < 5 && series_ms < 20 && report_ms < 1000;
    std::cout << "\ntargets: as-of < 5 ms, --series < 20 ms, report < 1000 ms: "
              << (fast ? "met" : "NOT MET") << '\n';
    return fast ? 0 : 1;
}
