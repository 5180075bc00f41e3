#include "reports/markdown_renderer.hpp"

#include "reports/comparison_report.hpp"
#include "reports/number_format.hpp"
#include "reports/text_escape.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <vector>

namespace tracker::reports {

namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    }
    return true;
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string citation_refs(const std::vector<int>& numbers) {
    std::string out = "[";
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        if (i > 0) out += ", ";
        out += std::to_string(numbers[i]);
    }
    out += "]";
    return out;
}

std::string figure_text(const Figure& figure) {
    return format_figure(figure.qualifier, figure.value, figure.high);
}

std::string cited_text(const CitedFigure& cited) {
    return figure_text(cited.figure) + " " + citation_refs({cited.citation});
}

std::string population_text(std::string_view population) {
    return population.empty() ? std::string("(unspecified)") : escape_markdown(population);
}

void table_row(std::ostream& out, const std::vector<std::string>& cells) {
    out << '|';
    for (const std::string& cell : cells)
        out << ' ' << cell << " |";
    out << '\n';
}

std::string selection_text(const Selection& selection) {
    std::vector<std::string> parts;
    if (selection.population)
        parts.push_back("population " + population_text(*selection.population));
    if (selection.from) parts.push_back("as of from " + iso_date(*selection.from));
    if (selection.to) parts.push_back("as of to " + iso_date(*selection.to));
    if (selection.claimants) {
        std::string names;
        for (const std::string& name : *selection.claimants)
            names += (names.empty() ? "" : ", ") + escape_markdown(name);
        parts.push_back("claimants " + (names.empty() ? std::string("(none matched)") : names));
    }
    if (selection.outlet) parts.push_back("outlet " + escape_markdown(*selection.outlet));
    if (selection.conflict) parts.push_back("conflict " + escape_markdown(*selection.conflict));
    if (selection.series_key == SeriesKey::outlet) parts.push_back("one series per outlet");
    if (selection.window_days > 1)
        parts.push_back(fmt::format("disagreements within {}-day windows", selection.window_days));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "; " : "") + parts[i];
    return out;
}

void render_counts(std::optional<model::Date> first, std::optional<model::Date> last,
                   std::size_t claims, std::size_t sources, std::size_t articles,
                   std::ostream& out) {
    if (claims == 0) {
        out << "No claims match.\n\n";
        return;
    }
    out << "Period covered: " << iso_date(*first) << " to " << iso_date(*last) << " — "
        << plural(claims, "claim", "claims") << " from " << plural(sources, "source", "sources")
        << " in " << plural(articles, "article", "articles") << ".\n\n";
}

void render_selection(const Selection& selection, std::ostream& out) {
    const std::string text = selection_text(selection);
    if (!text.empty()) out << "Selection: " << text << ".\n\n";
}

void render_latest_table(const std::vector<Series>& series, const std::vector<LatestRow>& latest,
                         std::ostream& out) {
    if (latest.empty()) {
        out << "No figures.\n\n";
        return;
    }
    table_row(out, {"Series", "Latest", "As of", "Previous", "Previous as of", "Change",
                    "First in period", "First as of", "Change since first"});
    out << "|---|---:|---|---:|---|---:|---:|---|---:|\n";
    for (const LatestRow& row : latest) {
        const std::string none = "n/a";
        table_row(out, {escape_markdown(series[row.series].label), cited_text(row.latest),
                        iso_date(row.latest.as_of), row.previous ? cited_text(*row.previous) : none,
                        row.previous ? iso_date(row.previous->as_of) : none,
                        row.change ? format_change(*row.change) : none,
                        row.first ? cited_text(*row.first) : none,
                        row.first ? iso_date(row.first->as_of) : none,
                        row.change_since_first ? format_change(*row.change_since_first) : none});
    }
    out << '\n';
}

void render_timeline(const ComparisonReport& report, std::ostream& out) {
    out << "## Timeline\n\n";
    if (report.timeline.empty()) {
        out << "No figures.\n\n";
        return;
    }
    std::vector<std::string> header{"As of"};
    std::string rule = "|---|";
    for (const Series& series : report.series) {
        header.push_back(escape_markdown(series.label));
        rule += "---:|";
    }
    table_row(out, header);
    out << rule << '\n';
    for (const TimelineRow& row : report.timeline) {
        std::vector<std::string> cells{iso_date(row.as_of)};
        for (const std::vector<CellFigure>& cell : row.cells) {
            std::string text;
            for (std::size_t i = 0; i < cell.size(); ++i) {
                if (i > 0) text += " / ";
                text += figure_text(cell[i].figure) + " " + citation_refs(cell[i].citations);
            }
            cells.push_back(std::move(text));
        }
        table_row(out, cells);
    }
    out << '\n';
}

void render_disagreements(const ComparisonReport& report, std::ostream& out) {
    out << "## Disagreements\n\n";
    if (report.disagreements.empty()) {
        out << (report.selection.window_days > 1
                    ? "No two sources disagreed within the same window.\n\n"
                    : "No two sources disagreed on the same date.\n\n");
        return;
    }
    table_row(out, {"As of", "Population", "Lowest", "Highest", "Difference", "Ratio", "Bounds"});
    out << "|---|---|---|---|---:|---:|---|\n";
    const auto side_text = [&](const DisagreementSide& side) {
        return escape_markdown(side.claimant) + ": " + cited_text(side.figure);
    };
    for (const Disagreement& row : report.disagreements) {
        const std::string when = row.window_start == row.as_of
                                     ? iso_date(row.as_of)
                                     : iso_date(row.window_start) + " to " + iso_date(row.as_of);
        table_row(out, {when, population_text(row.population), side_text(row.lowest),
                        side_text(row.highest), format_thousands(row.difference),
                        row.ratio ? format_ratio(*row.ratio) : std::string("n/a"),
                        row.bounds_compatible ? "compatible" : "incompatible"});
    }
    out << '\n';
}

void render_checks(const std::vector<CheckFinding>& checks, std::ostream& out) {
    out << "## Consistency checks\n\n";
    if (checks.empty()) {
        out << "No inconsistencies found.\n\n";
        return;
    }
    for (const CheckFinding& check : checks) {
        out << "- **" << check_title(check.kind) << "** — " << escape_markdown(check.claimant);
        if (!check.population.empty()) out << " (" << escape_markdown(check.population) << ")";
        out << ", " << escape_markdown(metric_label(check.metric)) << ", " << iso_date(check.as_of)
            << ": " << escape_markdown(check.message) << ' ' << citation_refs(check.citations)
            << '\n';
    }
    out << '\n';
}

void render_citations(const std::vector<Citation>& citations, std::ostream& out) {
    out << "## Citations\n\n";
    if (citations.empty()) {
        out << "None.\n";
        return;
    }
    for (const Citation& citation : citations) {
        out << "- [" << citation.number << "] "
            << (citation.outlet.empty() ? "(unknown outlet)" : escape_markdown(citation.outlet))
            << ", "
            << (citation.title.empty() ? "(untitled)"
                                       : "\"" + escape_markdown(citation.title) + "\"")
            << ", published " << iso_date(citation.published) << ", "
            << markdown_autolink(citation.url).value_or("(no link)");
        if (!citation.sentence.empty()) out << " — \"" << escape_markdown(citation.sentence) << '"';
        out << '\n';
    }
}

} // namespace

std::string escape_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            // A newline would end a table row or a list item early.
            out.push_back(' ');
            continue;
        }
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '~':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '@': // email autolinks
            out.push_back('\\');
            out.push_back(c);
            continue;
        case ':':
            // "http://evil.example" would become a link under GFM's extended
            // autolinks; escaped slashes stop "://" from matching.
            out.push_back(c);
            if (text.substr(i + 1, 2) == "//") {
                out += "\\/\\/";
                i += 2;
            }
            continue;
        case '.':
            // Same for "www.evil.example".
            if (i >= 3 && starts_with_ci(text.substr(i - 3), "www")) out.push_back('\\');
            out.push_back(c);
            continue;
        default: out.push_back(c);
        }
    }
    return out;
}

std::optional<std::string> markdown_autolink(std::string_view url) {
    std::optional<std::string> safe = sanitized_http_url(url);
    if (!safe) return std::nullopt;
    return "<" + *safe + ">";
}

void render_markdown(const ComparisonReport& report, std::ostream& out) {
    out << "# " << escape_markdown(report.metric_label) << " — comparison report\n\n";
    render_counts(report.first_as_of, report.last_as_of, report.claim_count, report.source_count,
                  report.article_count, out);
    render_selection(report.selection, out);
    out << "## Latest figures\n\n";
    render_latest_table(report.series, report.latest, out);
    render_timeline(report, out);
    render_disagreements(report, out);
    render_checks(report.checks, out);
    render_citations(report.citations, out);
}

void render_markdown(const OverviewReport& report, std::ostream& out) {
    out << "# Overview — latest figures by metric\n\n";
    render_counts(report.first_as_of, report.last_as_of, report.claim_count, report.source_count,
                  report.article_count, out);
    render_selection(report.selection, out);
    for (const OverviewSection& section : report.sections) {
        out << "## " << escape_markdown(section.metric_label) << "\n\n";
        out << plural(section.claim_count, "claim", "claims") << " from "
            << plural(section.source_count, "source", "sources") << ", "
            << iso_date(*section.first_as_of) << " to " << iso_date(*section.last_as_of) << ".\n\n";
        render_latest_table(section.series, section.latest, out);
    }
    render_checks(report.checks, out);
    render_citations(report.citations, out);
}

} // namespace tracker::reports
