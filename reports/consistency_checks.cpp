#include "reports/consistency_checks.hpp"

#include "reports/claim_rules.hpp"
#include "reports/comparison_report.hpp"
#include "reports/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

namespace tracker::reports {

namespace {

using model::ClaimRecord;
using model::Date;
using model::Metric;

std::string figure_text(const Figure& figure) {
    return format_figure(figure.qualifier, figure.value, figure.high);
}

// The parts of a hostage accounting, as the message names them.
std::string_view part_name(Metric metric) {
    switch (metric) {
    case Metric::hostages_held: return "held";
    case Metric::hostages_released: return "released";
    case Metric::hostages_killed: return "killed in captivity";
    default: return model::to_string(metric);
    }
}

// Claims of one (metric, claimant, population) series, by date: on each date
// the claim the latest-figure rule picks. Keys are views into the records or
// into `lowered`.
using SeriesKey3 = std::tuple<Metric, std::string_view, std::string_view>;
using ChosenByDate = std::map<Date, const ClaimRecord*>;

std::map<SeriesKey3, ChosenByDate> chosen_per_series(const std::vector<const ClaimRecord*>& claims,
                                                     std::deque<std::string>& lowered) {
    std::map<SeriesKey3, ChosenByDate> series;
    for (const ClaimRecord* record : claims) {
        const model::Claim& claim = record->claim;
        // Populations compare case-insensitively, as the database does.
        std::string_view population = claim.population;
        if (std::any_of(population.begin(), population.end(),
                        [](char c) { return c >= 'A' && c <= 'Z'; })) {
            std::string lower(population);
            for (char& c : lower)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            population = lowered.emplace_back(std::move(lower));
        }
        auto& slot = series[{claim.metric, claim.claimant, population}][claim.as_of];
        if (slot == nullptr || preferred(*record, *slot)) slot = record;
    }
    return series;
}

CheckFinding finding(CheckKind kind, const ClaimRecord& record,
                     std::vector<const ClaimRecord*> involved, std::string message) {
    CheckFinding out;
    out.kind = kind;
    out.metric = record.claim.metric;
    out.claimant = record.claim.claimant;
    out.population = record.claim.population;
    out.as_of = record.claim.as_of;
    for (const ClaimRecord* claim : involved)
        out.claim_ids.push_back(claim->id);
    out.message = std::move(message);
    return out;
}

void check_dates(const std::vector<const ClaimRecord*>& claims, std::vector<CheckFinding>& out) {
    for (const ClaimRecord* record : claims) {
        if (record->claim.as_of <= record->article.published) continue;
        out.push_back(finding(CheckKind::dated_after_publication, *record, {record},
                              fmt::format("Dated {}, after its article was published on {}.",
                                          iso_date(record->claim.as_of),
                                          iso_date(record->article.published))));
    }
}

void check_series(const std::map<SeriesKey3, ChosenByDate>& series,
                  std::vector<CheckFinding>& out) {
    for (const auto& [key, by_date] : series) {
        const Metric metric = std::get<0>(key);
        const ClaimRecord* previous = nullptr;
        for (const auto& [day, record] : by_date) {
            if (previous != nullptr) {
                const Figure before = figure_of(previous->claim);
                const Figure now = figure_of(record->claim);
                const std::string from_text =
                    fmt::format("{} on {}", figure_text(before), iso_date(previous->claim.as_of));
                const std::string to_text =
                    fmt::format("{} on {}", figure_text(now), iso_date(day));
                // Certainly lower: even the highest number the new figure
                // allows is below the lowest the previous one allowed.
                if (model::is_cumulative(metric) && now.high && before.low &&
                    *now.high < *before.low) {
                    out.push_back(finding(
                        CheckKind::cumulative_decrease, *record, {previous, record},
                        fmt::format("{} fell from {} to {}, but it is a cumulative count: it "
                                    "should not go down.",
                                    metric_label(metric), from_text, to_text)));
                }
                const auto a = static_cast<double>(before.value);
                const auto b = static_cast<double>(now.value);
                if (a > 0 && b > 0 && (b > a * k_jump_factor || a > b * k_jump_factor)) {
                    const bool up = b > a;
                    out.push_back(finding(
                        CheckKind::jump, *record, {previous, record},
                        fmt::format("{} {} from {} to {}: {} {} than the previous figure.",
                                    metric_label(metric), up ? "rose" : "fell", from_text, to_text,
                                    up ? "×" + format_ratio(b / a) : "÷" + format_ratio(a / b),
                                    up ? "larger" : "smaller")));
                }
            }
            previous = record;
        }
    }
}

// Hostages taken should equal held + released + killed in captivity. Each
// figure is an interval (its bounds); a part the claimant did not give that
// day counts as anything from 0 up. Flags when the parts' lowest possible sum
// exceeds the highest possible total, or (all parts given) their highest
// possible sum falls short of the lowest possible total.
void check_hostages(const std::map<SeriesKey3, ChosenByDate>& series,
                    std::vector<CheckFinding>& out) {
    constexpr std::array k_parts{Metric::hostages_held, Metric::hostages_released,
                                 Metric::hostages_killed};
    for (const auto& [key, by_date] : series) {
        if (std::get<0>(key) != Metric::hostages_taken) continue;
        const std::string_view claimant = std::get<1>(key);
        const std::string_view population = std::get<2>(key);
        for (const auto& [day, taken_record] : by_date) {
            std::vector<const ClaimRecord*> involved{taken_record};
            std::vector<std::string> terms;
            std::int64_t low_sum = 0;
            // The parts' highest possible sum; open when a given part has no upper bound.
            std::int64_t high_sum = 0;
            bool high_open = false;
            std::size_t present = 0;
            for (Metric part : k_parts) {
                const ClaimRecord* record = nullptr;
                if (auto found = series.find({part, claimant, population}); found != series.end())
                    if (auto on_day = found->second.find(day); on_day != found->second.end())
                        record = on_day->second;
                if (record == nullptr) continue; // counts as anything from 0 up
                ++present;
                involved.push_back(record);
                const Figure figure = figure_of(record->claim);
                low_sum += figure.low.value_or(0);
                if (figure.high)
                    high_sum += *figure.high;
                else
                    high_open = true;
                terms.push_back(fmt::format("{} {}", part_name(part), figure_text(figure)));
            }
            if (present == 0) continue;
            const Figure taken = figure_of(taken_record->claim);
            std::string sum;
            std::string verdict;
            if (taken.high && low_sum > *taken.high) {
                sum = !high_open && high_sum == low_sum ? format_thousands(low_sum)
                                                        : "at least " + format_thousands(low_sum);
                verdict = "more than";
            } else if (present == k_parts.size() && !high_open && taken.low &&
                       high_sum < *taken.low) {
                sum = high_sum == low_sum ? format_thousands(high_sum)
                                          : "at most " + format_thousands(high_sum);
                verdict = "fewer than";
            } else {
                continue;
            }
            std::string parts;
            for (std::size_t i = 0; i < terms.size(); ++i)
                parts += (i ? " + " : "") + terms[i];
            out.push_back(
                finding(CheckKind::hostage_accounting, *taken_record, involved,
                        fmt::format("Hostages taken: {} on {}, but {}{} is {} that.",
                                    figure_text(taken), iso_date(day), parts,
                                    present == 1 ? std::string() : " = " + sum, verdict)));
        }
    }
}

} // namespace

std::vector<CheckFinding> run_consistency_checks(const std::vector<const ClaimRecord*>& claims) {
    std::vector<CheckFinding> findings;
    std::deque<std::string> lowered;
    const auto series = chosen_per_series(claims, lowered);
    check_series(series, findings);
    check_hostages(series, findings);
    check_dates(claims, findings);
    std::sort(findings.begin(), findings.end(), [](const CheckFinding& a, const CheckFinding& b) {
        const auto key = [](const CheckFinding& f) {
            return std::tie(f.kind, f.as_of, f.metric, f.claimant, f.population, f.claim_ids);
        };
        return key(a) < key(b);
    });
    return findings;
}

} // namespace tracker::reports
