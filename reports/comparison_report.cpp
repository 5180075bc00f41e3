#include "reports/comparison_report.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace tracker::reports {

namespace {

using model::ClaimRecord;
using model::Date;
using model::Qualifier;

bool equal_ascii_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

bool selected(const ClaimRecord& record, const ReportOptions& options) {
    const model::Claim& claim = record.claim;
    if (claim.metric != options.metric) return false;
    if (options.population && !equal_ascii_ci(claim.population, *options.population)) return false;
    if (options.from && claim.as_of < *options.from) return false;
    if (options.to && claim.as_of > *options.to) return false;
    return true;
}

// The bounds the qualifier implies, taking the claim's own bounds where it
// has them: claims built by hand or imported from tables may leave them unset.
Figure figure_of(const model::Claim& claim) {
    Figure figure;
    figure.value = claim.value;
    figure.qualifier = claim.qualifier;
    switch (claim.qualifier) {
    case Qualifier::exact:
    case Qualifier::approx:
        figure.low = claim.value;
        figure.high = claim.value;
        break;
    case Qualifier::at_least: figure.low = claim.low.value_or(claim.value); break;
    case Qualifier::at_most: figure.high = claim.high.value_or(claim.value); break;
    case Qualifier::range:
        figure.low = claim.low.value_or(claim.value);
        figure.high = claim.high;
        break;
    }
    return figure;
}

// Among claims of one series on one date, whether `a` is the one to report
// rather than `b`: the most recently published article, then the larger
// value, then the claim stored last (higher id): the as-of query's rule, so
// the report and `query --as-of` never pick different claims.
bool preferred(const ClaimRecord* a, const ClaimRecord* b) {
    if (a->article.published != b->article.published)
        return a->article.published > b->article.published;
    if (a->claim.value != b->claim.value) return a->claim.value > b->claim.value;
    if (a->id != b->id) return a->id > b->id;
    return a < b; // same id twice: only input order is left
}

const ClaimRecord* pick(const std::vector<const ClaimRecord*>& claims) {
    return *std::min_element(claims.begin(), claims.end(), preferred);
}

// Order of claims inside one timeline cell: by figure, so that equal figures
// are adjacent and merge, then by claim id.
bool cell_order(const ClaimRecord* a, const ClaimRecord* b) {
    const Figure fa = figure_of(a->claim);
    const Figure fb = figure_of(b->claim);
    constexpr auto k_open_low = std::numeric_limits<std::int64_t>::min();
    constexpr auto k_open_high = std::numeric_limits<std::int64_t>::max();
    const auto key = [&](const Figure& f) {
        return std::tuple(f.value, static_cast<int>(f.qualifier), f.low.value_or(k_open_low),
                          f.high.value_or(k_open_high));
    };
    if (key(fa) != key(fb)) return key(fa) < key(fb);
    if (a->id != b->id) return a->id < b->id;
    return a < b;
}

struct SeriesClaims {
    std::map<Date, std::vector<const ClaimRecord*>> by_date;
};

// Whether a single number can satisfy every figure: the highest lower bound
// does not exceed the lowest upper bound (open bounds do not constrain).
bool bounds_compatible(const std::vector<Figure>& figures) {
    std::int64_t max_low = std::numeric_limits<std::int64_t>::min();
    std::int64_t min_high = std::numeric_limits<std::int64_t>::max();
    for (const Figure& figure : figures) {
        if (figure.low) max_low = std::max(max_low, *figure.low);
        if (figure.high) min_high = std::min(min_high, *figure.high);
    }
    return max_low <= min_high;
}

} // namespace

std::string_view metric_label(model::Metric metric) {
    switch (metric) {
    case model::Metric::killed: return "Killed";
    case model::Metric::injured: return "Injured";
    case model::Metric::missing: return "Missing";
    case model::Metric::hostages_taken: return "Hostages taken";
    case model::Metric::hostages_held: return "Hostages held";
    case model::Metric::hostages_released: return "Hostages released";
    case model::Metric::hostages_killed: return "Hostages killed";
    case model::Metric::detained: return "Detained";
    case model::Metric::prisoners_released: return "Prisoners released";
    case model::Metric::casualties: return "Casualties";
    case model::Metric::displaced: return "Displaced";
    }
    return "Killed";
}

ComparisonReport build_comparison_report(const std::vector<ClaimRecord>& claims,
                                         const ReportOptions& options) {
    ComparisonReport report;
    report.metric = options.metric;
    report.metric_label = std::string(metric_label(options.metric));
    report.population = options.population;
    report.from = options.from;
    report.to = options.to;

    // Group the selected claims by series; the map's key order is the
    // column order (claimant, then population, byte-wise).
    std::map<std::pair<std::string, std::string>, SeriesClaims> grouped;
    std::set<Date> dates;
    std::set<std::string> claimants;
    std::set<std::int64_t> articles;
    for (const ClaimRecord& record : claims) {
        if (!selected(record, options)) continue;
        const model::Claim& claim = record.claim;
        grouped[{claim.claimant, claim.population}].by_date[claim.as_of].push_back(&record);
        dates.insert(claim.as_of);
        claimants.insert(claim.claimant);
        articles.insert(record.article.id);
        ++report.claim_count;
    }
    report.source_count = claimants.size();
    report.article_count = articles.size();
    if (!dates.empty()) {
        report.first_as_of = *dates.begin();
        report.last_as_of = *dates.rbegin();
    }

    std::vector<const SeriesClaims*> series_claims;
    for (const auto& [key, data] : grouped) {
        Series series;
        series.claimant = key.first;
        series.population = key.second;
        // With a fixed population every column shares it: the header says it once.
        series.label = options.population || key.second.empty()
                           ? key.first
                           : key.first + " (" + key.second + ")";
        report.series.push_back(std::move(series));
        series_claims.push_back(&data);
    }

    // Timeline first: citation numbers follow first appearance in it.
    std::unordered_map<const ClaimRecord*, int> citation_of;
    for (Date day : dates) {
        TimelineRow row;
        row.as_of = day;
        row.cells.resize(series_claims.size());
        for (std::size_t s = 0; s < series_claims.size(); ++s) {
            auto found = series_claims[s]->by_date.find(day);
            if (found == series_claims[s]->by_date.end()) continue;
            std::vector<const ClaimRecord*> cell_claims = found->second;
            std::sort(cell_claims.begin(), cell_claims.end(), cell_order);
            std::vector<CellFigure>& cell = row.cells[s];
            for (const ClaimRecord* record : cell_claims) {
                const Figure figure = figure_of(record->claim);
                if (cell.empty() || !(cell.back().figure == figure))
                    cell.push_back(CellFigure{figure, {}});
                const int number = static_cast<int>(report.citations.size()) + 1;
                citation_of[record] = number;
                cell.back().citations.push_back(number);
                report.citations.push_back(Citation{
                    number, record->id, record->article.outlet, record->article.title,
                    record->article.url, record->article.published, record->claim.sentence});
            }
        }
        report.timeline.push_back(std::move(row));
    }

    const auto cited = [&](const ClaimRecord* record) {
        return CitedFigure{figure_of(record->claim), record->claim.as_of, record->id,
                           citation_of.at(record)};
    };

    for (std::size_t s = 0; s < series_claims.size(); ++s) {
        const auto& by_date = series_claims[s]->by_date;
        LatestRow row;
        row.series = s;
        auto last = by_date.rbegin();
        row.latest = cited(pick(last->second));
        if (auto before = std::next(last); before != by_date.rend()) {
            row.previous = cited(pick(before->second));
            row.change = row.latest.figure.value - row.previous->figure.value;
        }
        report.latest.push_back(std::move(row));
    }

    for (Date day : dates) {
        // Series speaking that day, grouped by population (map: sorted).
        std::map<std::string, std::vector<DisagreementSide>> by_population;
        for (std::size_t s = 0; s < series_claims.size(); ++s) {
            auto found = series_claims[s]->by_date.find(day);
            if (found == series_claims[s]->by_date.end()) continue;
            by_population[report.series[s].population].push_back(
                DisagreementSide{s, cited(pick(found->second))});
        }
        for (auto& [population, sides] : by_population) {
            if (sides.size() < 2) continue;
            // Sides are in series order, so ties go to the earlier series.
            const auto by_value = [](const DisagreementSide& a, const DisagreementSide& b) {
                return a.figure.figure.value < b.figure.figure.value;
            };
            const DisagreementSide lowest = *std::min_element(sides.begin(), sides.end(), by_value);
            // min_element with a reversed comparison keeps the first of equal
            // maxima (max_element would keep the last).
            const DisagreementSide highest =
                *std::min_element(sides.begin(), sides.end(),
                                  [](const DisagreementSide& a, const DisagreementSide& b) {
                                      return a.figure.figure.value > b.figure.figure.value;
                                  });
            if (lowest.figure.figure.value == highest.figure.figure.value) continue;

            Disagreement row;
            row.as_of = day;
            row.population = population;
            row.series_count = sides.size();
            row.lowest = lowest;
            row.highest = highest;
            row.difference = highest.figure.figure.value - lowest.figure.figure.value;
            if (lowest.figure.figure.value != 0)
                row.ratio = static_cast<double>(highest.figure.figure.value) /
                            static_cast<double>(lowest.figure.figure.value);
            std::vector<Figure> figures;
            for (const DisagreementSide& side : sides)
                figures.push_back(side.figure.figure);
            row.bounds_compatible = bounds_compatible(figures);
            report.disagreements.push_back(std::move(row));
        }
    }

    return report;
}

} // namespace tracker::reports
