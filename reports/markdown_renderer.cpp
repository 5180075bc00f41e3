#include "reports/markdown_renderer.hpp"

#include "reports/number_format.hpp"

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

void render_summary(const ComparisonReport& report, std::ostream& out) {
    out << "# " << escape_markdown(report.metric_label) << " — comparison report\n\n";
    if (report.claim_count == 0) {
        out << "No claims match.\n\n";
    } else {
        out << "Period covered: " << model::format_date(*report.first_as_of) << " to "
            << model::format_date(*report.last_as_of) << " — "
            << plural(report.claim_count, "claim", "claims") << " from "
            << plural(report.source_count, "source", "sources") << " in "
            << plural(report.article_count, "article", "articles") << ".\n\n";
    }
    std::vector<std::string> selection;
    if (report.population) selection.push_back("population " + population_text(*report.population));
    if (report.from) selection.push_back("as of from " + model::format_date(*report.from));
    if (report.to) selection.push_back("as of to " + model::format_date(*report.to));
    if (!selection.empty()) {
        out << "Selection: ";
        for (std::size_t i = 0; i < selection.size(); ++i)
            out << (i ? "; " : "") << selection[i];
        out << ".\n\n";
    }
}

void render_latest(const ComparisonReport& report, std::ostream& out) {
    out << "## Latest figures\n\n";
    if (report.latest.empty()) {
        out << "No figures.\n\n";
        return;
    }
    table_row(out, {"Series", "Latest", "As of", "Previous", "Previous as of", "Change"});
    out << "|---|---:|---|---:|---|---:|\n";
    for (const LatestRow& row : report.latest) {
        const std::string none = "n/a";
        table_row(out, {escape_markdown(report.series[row.series].label), cited_text(row.latest),
                        model::format_date(row.latest.as_of),
                        row.previous ? cited_text(*row.previous) : none,
                        row.previous ? model::format_date(row.previous->as_of) : none,
                        row.change ? format_change(*row.change) : none});
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
        std::vector<std::string> cells{model::format_date(row.as_of)};
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
        out << "No two sources disagreed on the same date.\n\n";
        return;
    }
    table_row(out, {"As of", "Population", "Lowest", "Highest", "Difference", "Ratio", "Bounds"});
    out << "|---|---|---|---|---:|---:|---|\n";
    const auto side_text = [&](const DisagreementSide& side) {
        return escape_markdown(report.series[side.series].claimant) + ": " +
               cited_text(side.figure);
    };
    for (const Disagreement& row : report.disagreements) {
        table_row(out,
                  {model::format_date(row.as_of), population_text(row.population),
                   side_text(row.lowest), side_text(row.highest), format_thousands(row.difference),
                   row.ratio ? format_ratio(*row.ratio) : std::string("n/a"),
                   row.bounds_compatible ? "compatible" : "incompatible"});
    }
    out << '\n';
}

void render_citations(const ComparisonReport& report, std::ostream& out) {
    out << "## Citations\n\n";
    if (report.citations.empty()) {
        out << "None.\n";
        return;
    }
    for (const Citation& citation : report.citations) {
        out << "- [" << citation.number << "] "
            << (citation.outlet.empty() ? "(unknown outlet)" : escape_markdown(citation.outlet))
            << ", "
            << (citation.title.empty() ? "(untitled)"
                                       : "\"" + escape_markdown(citation.title) + "\"")
            << ", published " << model::format_date(citation.published) << ", "
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
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front())))
        url.remove_prefix(1);
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back())))
        url.remove_suffix(1);
    std::size_t scheme_length = 0;
    if (starts_with_ci(url, "https://"))
        scheme_length = 8;
    else if (starts_with_ci(url, "http://"))
        scheme_length = 7;
    if (scheme_length == 0 || url.size() == scheme_length) return std::nullopt;

    // RFC 3986 unreserved and reserved characters, plus '%' for escapes
    // already present; everything else is percent-encoded.
    constexpr std::string_view k_url_punctuation = "-._~:/?#[]@!$&'()*+,;=%";
    std::string out = "<";
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80) {
            out.push_back(c);
        } else if (k_url_punctuation.find(c) != std::string_view::npos) {
            out.push_back(c);
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned>(byte));
        }
    }
    out += ">";
    return out;
}

void render_markdown(const ComparisonReport& report, std::ostream& out) {
    render_summary(report, out);
    render_latest(report, out);
    render_timeline(report, out);
    render_disagreements(report, out);
    render_citations(report, out);
}

} // namespace tracker::reports
