#include "reports/comparison_report.hpp"

#include "reports/claim_rules.hpp"
#include "reports/consistency_checks.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace tracker::reports {

namespace {

using model::ClaimRecord;
using model::Date;
using model::Metric;

bool is_hostage_metric(Metric metric) {
    return metric == Metric::hostages_taken || metric == Metric::hostages_held ||
           metric == Metric::hostages_released || metric == Metric::hostages_killed;
}

// Every selection but the metric.
bool selected(const ClaimRecord& record, const ReportOptions& options) {
    const model::Claim& claim = record.claim;
    if (options.population && !equal_ascii_ci(claim.population, *options.population)) return false;
    if (options.from && claim.as_of < *options.from) return false;
    if (options.to && claim.as_of > *options.to) return false;
    if (options.outlet && !equal_ascii_ci(record.article.outlet, *options.outlet)) return false;
    if (options.conflict && !equal_ascii_ci(record.article.conflict, *options.conflict))
        return false;
    if (options.claimants) {
        const auto& names = *options.claimants;
        if (std::none_of(names.begin(), names.end(), [&](const std::string& name) {
                return equal_ascii_ci(name, claim.claimant);
            }))
            return false;
    }
    return true;
}

Selection selection_of(const ReportOptions& options) {
    Selection selection;
    selection.series_key = options.series_key;
    selection.population = options.population;
    selection.from = options.from;
    selection.to = options.to;
    selection.claimants = options.claimants;
    selection.outlet = options.outlet;
    selection.conflict = options.conflict;
    selection.window_days = std::max(1, options.window_days);
    return selection;
}

const ClaimRecord* pick(const std::vector<const ClaimRecord*>& claims) {
    return *std::min_element(
        claims.begin(), claims.end(),
        [](const ClaimRecord* a, const ClaimRecord* b) { return preferred(*a, *b); });
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
    return a->id < b->id;
}

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

// Hands out citation numbers in order of first request; one per claim.
class CitationBook {
  public:
    CitationBook(std::vector<Citation>& citations, std::size_t expected) : m_citations(citations) {
        m_citations.reserve(expected);
        m_numbers.reserve(expected);
    }

    int cite(const ClaimRecord& record) {
        auto [slot, inserted] = m_numbers.try_emplace(record.id, 0);
        if (!inserted) return slot->second;
        const int number = static_cast<int>(m_citations.size()) + 1;
        slot->second = number;
        Citation citation;
        citation.number = number;
        citation.claim_id = record.id;
        citation.metric = record.claim.metric;
        citation.claimant = record.claim.claimant;
        citation.population = record.claim.population;
        citation.figure = figure_of(record.claim);
        citation.as_of = record.claim.as_of;
        citation.outlet = record.article.outlet;
        citation.title = record.article.title;
        citation.url = record.article.url;
        citation.published = record.article.published;
        citation.sentence = record.claim.sentence;
        m_citations.push_back(std::move(citation));
        return number;
    }

    CitedFigure cited(const ClaimRecord& record) {
        return CitedFigure{figure_of(record.claim), record.claim.as_of, record.id, cite(record)};
    }

  private:
    std::vector<Citation>& m_citations;
    // By claim id: a claim given twice (same id) is one citation.
    std::unordered_map<std::int64_t, int> m_numbers;
};

using ByDate = std::map<Date, std::vector<const ClaimRecord*>>;

// One metric's series, latest figures, timeline and disagreements.
struct MetricPart {
    std::optional<Date> first_as_of;
    std::optional<Date> last_as_of;
    std::size_t claim_count = 0;
    std::size_t source_count = 0;
    std::size_t article_count = 0;
    std::vector<Series> series;
    std::vector<LatestRow> latest;
    std::vector<TimelineRow> timeline;
    std::vector<Disagreement> disagreements;
};

void add_disagreements(MetricPart& part, const std::vector<const ClaimRecord*>& claims,
                       const std::unordered_map<std::int64_t, std::size_t>& series_of_claim,
                       int window_days, CitationBook& book) {
    if (!part.first_as_of) return;
    const Date origin = *part.first_as_of;
    // window index -> (population, claimant) -> that claimant's claims by
    // date. Views into the records, which outlive the report's building.
    std::map<long, std::map<std::pair<std::string_view, std::string_view>, ByDate>> windows;
    for (const ClaimRecord* record : claims) {
        const long index = (record->claim.as_of - origin).count() / window_days;
        windows[index][{record->claim.population, record->claim.claimant}][record->claim.as_of]
            .push_back(record);
    }
    for (const auto& [index, speakers] : windows) {
        // Claimants speaking in the window, grouped by population (sorted).
        std::map<std::string_view, std::vector<DisagreementSide>> by_population;
        for (const auto& [key, by_date] : speakers) {
            const ClaimRecord* chosen = pick(by_date.rbegin()->second);
            by_population[key.first].push_back(DisagreementSide{
                std::string(key.second), series_of_claim.at(chosen->id), book.cited(*chosen)});
        }
        for (auto& [population, sides] : by_population) {
            if (sides.size() < 2) continue;
            // Sides are in claimant order, so ties go to the earlier claimant.
            const DisagreementSide& lowest =
                *std::min_element(sides.begin(), sides.end(), [](const auto& a, const auto& b) {
                    return a.figure.figure.value < b.figure.figure.value;
                });
            // min_element with a reversed comparison keeps the first of equal maxima.
            const DisagreementSide& highest =
                *std::min_element(sides.begin(), sides.end(), [](const auto& a, const auto& b) {
                    return a.figure.figure.value > b.figure.figure.value;
                });
            if (lowest.figure.figure.value == highest.figure.figure.value) continue;

            Disagreement row;
            row.window_start = origin + date::days{index * window_days};
            row.as_of = row.window_start + date::days{window_days - 1};
            row.population = std::string(population);
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
            part.disagreements.push_back(std::move(row));
        }
    }
}

// `claims` are the selected claims of one metric.
MetricPart build_part(const std::vector<const ClaimRecord*>& claims, const ReportOptions& options,
                      CitationBook& book) {
    MetricPart part;
    // Group by series; the map's key order is the column order (name, then
    // population, byte-wise).
    // Views into the records, which outlive the report's building.
    std::map<std::pair<std::string_view, std::string_view>, ByDate> grouped;
    std::set<Date> dates;
    std::set<std::string_view> claimants;
    std::unordered_set<std::int64_t> articles;
    for (const ClaimRecord* record : claims) {
        const model::Claim& claim = record->claim;
        const std::string_view name =
            options.series_key == SeriesKey::outlet ? record->article.outlet : claim.claimant;
        grouped[{name, claim.population}][claim.as_of].push_back(record);
        dates.insert(claim.as_of);
        claimants.insert(claim.claimant);
        articles.insert(record->article.id);
    }
    part.claim_count = claims.size();
    part.source_count = claimants.size();
    part.article_count = articles.size();
    if (!dates.empty()) {
        part.first_as_of = *dates.begin();
        part.last_as_of = *dates.rbegin();
    }

    std::vector<ByDate*> series_claims;
    std::unordered_map<std::int64_t, std::size_t> series_of_claim;
    series_of_claim.reserve(claims.size());
    for (auto& [key, by_date] : grouped) {
        Series series;
        series.name = std::string(key.first);
        series.population = std::string(key.second);
        std::string name = series.name;
        if (name.empty())
            name =
                options.series_key == SeriesKey::outlet ? "(unknown outlet)" : "(unknown claimant)";
        // With a fixed population every column shares it: the header says it once.
        series.label =
            options.population || key.second.empty() ? name : name + " (" + series.population + ")";
        for (auto& [day, day_claims] : by_date) {
            std::sort(day_claims.begin(), day_claims.end(), cell_order);
            for (const ClaimRecord* record : day_claims)
                series_of_claim[record->id] = part.series.size();
        }
        part.series.push_back(std::move(series));
        series_claims.push_back(&by_date);
    }

    // Timeline first: citation numbers follow first appearance in it.
    for (Date day : dates) {
        TimelineRow row;
        row.as_of = day;
        row.cells.resize(series_claims.size());
        for (std::size_t s = 0; s < series_claims.size(); ++s) {
            auto found = series_claims[s]->find(day);
            if (found == series_claims[s]->end()) continue;
            const ClaimRecord* chosen = pick(found->second);
            std::vector<CellFigure>& cell = row.cells[s];
            for (const ClaimRecord* record : found->second) {
                const CitedFigure cited = book.cited(*record);
                if (cell.empty() || !(cell.back().figure == cited.figure))
                    cell.push_back(CellFigure{cited.figure, {}});
                cell.back().citations.push_back(cited.citation);
                part.series[s].points.push_back(SeriesPoint{cited, record == chosen, false});
            }
        }
        part.timeline.push_back(std::move(row));
    }
    // Points were appended date by date across series: already in date order
    // within each series.

    for (std::size_t s = 0; s < series_claims.size(); ++s) {
        const ByDate& by_date = *series_claims[s];
        LatestRow row;
        row.series = s;
        auto last = by_date.rbegin();
        row.latest = book.cited(*pick(last->second));
        if (auto before = std::next(last); before != by_date.rend()) {
            row.previous = book.cited(*pick(before->second));
            row.change = row.latest.figure.value - row.previous->figure.value;
            row.first = book.cited(*pick(by_date.begin()->second));
            row.change_since_first = row.latest.figure.value - row.first->figure.value;
        }
        part.latest.push_back(std::move(row));
    }

    add_disagreements(part, claims, series_of_claim, std::max(1, options.window_days), book);
    return part;
}

// Runs the checks, keeps the findings `keep` accepts, cites their claims and
// marks the points they name.
template <typename Keep>
std::vector<CheckFinding> checks_for(const std::vector<const ClaimRecord*>& claims, Keep keep,
                                     CitationBook& book, std::vector<Series*> series) {
    std::unordered_map<std::int64_t, const ClaimRecord*> by_id;
    for (const ClaimRecord* record : claims)
        by_id.emplace(record->id, record);
    std::vector<CheckFinding> findings;
    std::unordered_set<std::int64_t> flagged;
    for (CheckFinding& finding : run_consistency_checks(claims)) {
        if (!keep(finding)) continue;
        for (std::int64_t id : finding.claim_ids) {
            finding.citations.push_back(book.cite(*by_id.at(id)));
            flagged.insert(id);
        }
        findings.push_back(std::move(finding));
    }
    for (Series* one : series)
        for (SeriesPoint& point : one->points)
            point.flagged = flagged.count(point.figure.claim_id) > 0;
    return findings;
}

} // namespace

std::string_view to_string(SeriesKey key) {
    return key == SeriesKey::outlet ? "outlet" : "claimant";
}

std::optional<SeriesKey> parse_series_key(std::string_view text) {
    if (text == "claimant") return SeriesKey::claimant;
    if (text == "outlet") return SeriesKey::outlet;
    return std::nullopt;
}

std::string_view to_string(CheckKind kind) {
    switch (kind) {
    case CheckKind::cumulative_decrease: return "cumulative_decrease";
    case CheckKind::hostage_accounting: return "hostage_accounting";
    case CheckKind::jump: return "jump";
    case CheckKind::dated_after_publication: return "dated_after_publication";
    }
    return "jump";
}

std::string_view check_title(CheckKind kind) {
    switch (kind) {
    case CheckKind::cumulative_decrease: return "Cumulative count went down";
    case CheckKind::hostage_accounting: return "Hostage accounting does not add up";
    case CheckKind::jump: return "Jump of more than ten times";
    case CheckKind::dated_after_publication: return "Dated after publication";
    }
    return "Check";
}

std::string_view metric_label(Metric metric) {
    switch (metric) {
    case Metric::killed: return "Killed";
    case Metric::injured: return "Injured";
    case Metric::missing: return "Missing";
    case Metric::hostages_taken: return "Hostages taken";
    case Metric::hostages_held: return "Hostages held";
    case Metric::hostages_released: return "Hostages released";
    case Metric::hostages_killed: return "Hostages killed";
    case Metric::detained: return "Detained";
    case Metric::prisoners_released: return "Prisoners released";
    case Metric::casualties: return "Casualties";
    case Metric::displaced: return "Displaced";
    }
    return "Killed";
}

std::vector<Metric> metrics_read_by_report(Metric metric) {
    if (!is_hostage_metric(metric)) return {metric};
    std::vector<Metric> metrics{metric};
    for (Metric other : {Metric::hostages_taken, Metric::hostages_held, Metric::hostages_released,
                         Metric::hostages_killed})
        if (other != metric) metrics.push_back(other);
    return metrics;
}

ComparisonReport build_comparison_report(const std::vector<ClaimRecord>& claims,
                                         const ReportOptions& options) {
    ComparisonReport report;
    report.metric = options.metric;
    report.metric_label = std::string(metric_label(options.metric));
    report.selection = selection_of(options);

    const std::vector<Metric> read = metrics_read_by_report(options.metric);
    std::vector<const ClaimRecord*> metric_claims;
    std::vector<const ClaimRecord*> check_claims;
    for (const ClaimRecord& record : claims) {
        if (std::find(read.begin(), read.end(), record.claim.metric) == read.end()) continue;
        if (!selected(record, options)) continue;
        check_claims.push_back(&record);
        if (record.claim.metric == options.metric) metric_claims.push_back(&record);
    }

    CitationBook book(report.citations, check_claims.size());
    MetricPart part = build_part(metric_claims, options, book);
    report.first_as_of = part.first_as_of;
    report.last_as_of = part.last_as_of;
    report.claim_count = part.claim_count;
    report.source_count = part.source_count;
    report.article_count = part.article_count;
    report.series = std::move(part.series);
    report.latest = std::move(part.latest);
    report.timeline = std::move(part.timeline);
    report.disagreements = std::move(part.disagreements);

    std::unordered_set<std::int64_t> own;
    for (const ClaimRecord* record : metric_claims)
        own.insert(record->id);
    std::vector<Series*> series;
    for (Series& one : report.series)
        series.push_back(&one);
    report.checks = checks_for(
        check_claims,
        [&](const CheckFinding& finding) {
            return std::any_of(finding.claim_ids.begin(), finding.claim_ids.end(),
                               [&](std::int64_t id) { return own.count(id) > 0; });
        },
        book, series);
    return report;
}

OverviewReport build_overview_report(const std::vector<ClaimRecord>& claims,
                                     const ReportOptions& options) {
    OverviewReport report;
    report.selection = selection_of(options);

    std::map<Metric, std::vector<const ClaimRecord*>> by_metric;
    std::vector<const ClaimRecord*> all;
    std::set<Date> dates;
    std::set<std::string> claimants;
    std::set<std::int64_t> articles;
    for (const ClaimRecord& record : claims) {
        if (!selected(record, options)) continue;
        by_metric[record.claim.metric].push_back(&record);
        all.push_back(&record);
        dates.insert(record.claim.as_of);
        claimants.insert(record.claim.claimant);
        articles.insert(record.article.id);
    }
    report.claim_count = all.size();
    report.source_count = claimants.size();
    report.article_count = articles.size();
    if (!dates.empty()) {
        report.first_as_of = *dates.begin();
        report.last_as_of = *dates.rbegin();
    }

    CitationBook book(report.citations, all.size());
    for (Metric metric : model::k_all_metrics) {
        auto found = by_metric.find(metric);
        if (found == by_metric.end()) continue;
        MetricPart part = build_part(found->second, options, book);
        OverviewSection section;
        section.metric = metric;
        section.metric_label = std::string(metric_label(metric));
        section.first_as_of = part.first_as_of;
        section.last_as_of = part.last_as_of;
        section.claim_count = part.claim_count;
        section.source_count = part.source_count;
        section.series = std::move(part.series);
        section.latest = std::move(part.latest);
        report.sections.push_back(std::move(section));
    }
    std::vector<Series*> series;
    for (OverviewSection& section : report.sections)
        for (Series& one : section.series)
            series.push_back(&one);
    report.checks = checks_for(
        all, [](const CheckFinding&) { return true; }, book, series);
    return report;
}

} // namespace tracker::reports
