#include "reports/html_renderer.hpp"

#include "reports/comparison_report.hpp"
#include "reports/number_format.hpp"
#include "reports/svg_chart.hpp"
#include "reports/text_escape.hpp"

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace tracker::reports {

namespace {

// Everything the page needs to look right on a screen, a phone and paper.
constexpr std::string_view k_style = R"css(
:root{--fg:#1b1b1b;--muted:#5a5a5a;--line:#d4d4d4;--head:#f3f3f3;--link:#0b57a4;--warn:#a00000;--warn-bg:#fff4f4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--fg);background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans","Liberation Sans",Arial,sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0 .75rem}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
p{margin:.5rem 0}
a{color:var(--link)}
.summary,.selection,.note{color:var(--muted)}
nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0}
table{border-collapse:collapse;font-size:.92rem;min-width:100%}
th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.date{white-space:nowrap}
.fig{font-variant-numeric:tabular-nums;white-space:nowrap}
a.ref{text-decoration:none;font-size:.78em;vertical-align:super;margin-left:.1em;white-space:nowrap}
.swatch{display:inline-block;vertical-align:middle;margin-right:.35em}
figure.chart-figure{margin:.75rem 0}
.chart-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
svg.chart{display:block;width:100%;min-width:36rem;max-width:62rem;height:auto;background:#fff}
svg.chart a.marker:hover circle,svg.chart a.marker:focus circle{stroke:#000;stroke-width:2}
figcaption{font-size:.9rem}
ul.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.4rem}
ul.key{list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;color:var(--muted);font-size:.85rem}
ul.checks{padding-left:1.2rem}
ul.checks li{margin:.35rem 0}
.check-kind{color:var(--warn);font-weight:600}
.checks-box{border-left:4px solid var(--warn);background:var(--warn-bg);padding:.5rem .9rem;margin:.5rem 0}
.ok{color:#1d6b2f}
ol.citations{list-style:none;padding:0}
ol.citations li{margin:.5rem 0;padding:.2rem .3rem;overflow-wrap:anywhere}
ol.citations .num{font-weight:600;margin-right:.3em}
ol.citations q{color:#333}
:target{background:#fff3bf}
@media (max-width:40rem){
  body{font-size:15px}
  main{padding:.6rem .7rem 2rem}
  h1{font-size:1.35rem}
  h2{font-size:1.15rem}
  th,td{padding:.3rem .4rem}
  table.latest td:first-child,table.disagreements td{min-width:8.5rem}
}
@media print{
  @page{margin:1.5cm}
  body{font-size:10pt;color:#000}
  main{max-width:none;padding:0}
  nav{display:none}
  a{color:inherit;text-decoration:none}
  h2{break-after:avoid}
  figure,tr,ol.citations li,ul.checks li{break-inside:avoid}
  .table-wrap,.chart-wrap{overflow:visible}
  svg.chart{min-width:0}
  thead th{position:static}
  table{font-size:7.5pt;width:100%;min-width:0}
  th,td{padding:.15rem .25rem;white-space:normal}
  td.num,th.num{white-space:normal}
  ol.citations a[href^="http"]::after{content:" <" attr(href) ">";word-break:break-all}
  :target{background:none}
}
)css";

// The page being written: pieces are appended to a buffer that goes to the
// stream whenever it grows past a megabyte, so a report of 100,000 claims
// never holds its whole text in memory twice.
class Page {
  public:
    explicit Page(std::ostream& out) : m_stream(out) { m_out.reserve(k_flush_bytes + 64 * 1024); }
    ~Page() = default;
    Page(const Page&) = delete;
    Page& operator=(const Page&) = delete;

    void raw(std::string_view text) {
        m_out.append(text);
        flush_if_full();
    }
    void text(std::string_view text) {
        append_html_escaped(m_out, text);
        flush_if_full();
    }
    // For writers that append directly; call flush_if_full() after them.
    std::string& buffer() { return m_out; }

    void flush_if_full() {
        if (m_out.size() >= k_flush_bytes) flush();
    }
    void flush() {
        m_stream.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
        m_out.clear();
    }

    void ref(int number) {
        fmt::format_to(std::back_inserter(m_out), "<a class=\"ref\" href=\"#cite-{0}\">[{0}]</a>",
                       number);
    }

    void figure(const Figure& figure) {
        raw("<span class=\"fig\">");
        text(format_figure(figure.qualifier, figure.value, figure.high));
        raw("</span>");
    }

    void cited(const CitedFigure& cited) {
        figure(cited.figure);
        ref(cited.citation);
    }

  private:
    static constexpr std::size_t k_flush_bytes = 1 << 20;
    std::ostream& m_stream;
    std::string m_out;
};

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

void head(Page& page, std::string_view title) {
    page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
             "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
             "<meta name=\"referrer\" content=\"no-referrer\">\n"
             "<meta name=\"generator\" content=\"tracker\">\n<title>");
    page.text(title);
    page.raw("</title>\n<style>");
    page.raw(k_style);
    page.raw("</style>\n</head>\n<body>\n<main>\n");
}

void foot(Page& page) {
    page.raw("</main>\n</body>\n</html>\n");
}

void counts(Page& page, std::optional<model::Date> first, std::optional<model::Date> last,
            std::size_t claims, std::size_t sources, std::size_t articles) {
    page.raw("<p class=\"summary\">");
    if (claims == 0) {
        page.raw("No claims match.");
    } else {
        page.text(fmt::format("Period covered: {} to {} \u2014 {} from {} in {}.", iso_date(*first),
                              iso_date(*last), plural(claims, "claim", "claims"),
                              plural(sources, "source", "sources"),
                              plural(articles, "article", "articles")));
    }
    page.raw("</p>\n");
}

void selection(Page& page, const Selection& selection) {
    std::vector<std::string> parts;
    if (selection.population)
        parts.push_back("population " + (selection.population->empty()
                                             ? std::string("(unspecified)")
                                             : *selection.population));
    if (selection.from) parts.push_back("as of from " + iso_date(*selection.from));
    if (selection.to) parts.push_back("as of to " + iso_date(*selection.to));
    if (selection.claimants) {
        std::string names;
        for (const std::string& name : *selection.claimants)
            names += (names.empty() ? "" : ", ") + name;
        parts.push_back("claimants " + (names.empty() ? std::string("(none matched)") : names));
    }
    if (selection.outlet) parts.push_back("outlet " + *selection.outlet);
    if (selection.conflict) parts.push_back("conflict " + *selection.conflict);
    if (selection.series_key == SeriesKey::outlet) parts.push_back("one series per outlet");
    if (selection.window_days > 1)
        parts.push_back(fmt::format("disagreements within {}-day windows", selection.window_days));
    if (parts.empty()) return;
    std::string text = "Selection: ";
    for (std::size_t i = 0; i < parts.size(); ++i)
        text += (i ? "; " : "") + parts[i];
    page.raw("<p class=\"selection\">");
    page.text(text + ".");
    page.raw("</p>\n");
}

void swatch(Page& page, std::size_t index) {
    page.raw(
        fmt::format("<svg class=\"swatch\" width=\"28\" height=\"10\" aria-hidden=\"true\">"
                    "<line x1=\"1\" y1=\"5\" x2=\"27\" y2=\"5\" stroke=\"{}\" stroke-width=\"3\"",
                    series_color(index)));
    if (!series_dash(index).empty())
        page.raw(fmt::format(" stroke-dasharray=\"{}\"", series_dash(index)));
    page.raw("/></svg>");
}

void key(Page& page) {
    page.raw(
        "<ul class=\"key\">"
        "<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" "
        "r=\"4\" "
        "fill=\"#555\"/></svg> exact</li>"
        "<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><path d=\"M6 1l5 5l-5 5l-5 -5z\" "
        "fill=\"#555\"/></svg> approximate</li>"
        "<li><svg width=\"12\" height=\"22\" aria-hidden=\"true\"><path d=\"M6 12V2M2.5 6L6 2L9.5 "
        "6\" "
        "fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/><path d=\"M6 12l5 8h-10z\" "
        "fill=\"#fff\" "
        "stroke=\"#555\" stroke-width=\"1.5\"/></svg> at least (a lower bound)</li>"
        "<li><svg width=\"12\" height=\"22\" aria-hidden=\"true\"><path d=\"M6 10V20M2.5 16L6 "
        "20L9.5 16\" "
        "fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/><path d=\"M6 10l5 -8h-10z\" "
        "fill=\"#fff\" "
        "stroke=\"#555\" stroke-width=\"1.5\"/></svg> at most (an upper bound)</li>"
        "<li><svg width=\"12\" height=\"22\" aria-hidden=\"true\"><path d=\"M6 2V18M2 2H10M2 "
        "18H10\" "
        "fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/><rect x=\"2.5\" y=\"14.5\" "
        "width=\"7\" "
        "height=\"7\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"1.5\"/></svg> range (low to "
        "high)</li>"
        "<li><svg width=\"18\" height=\"18\" aria-hidden=\"true\"><circle cx=\"9\" cy=\"9\" "
        "r=\"7\" "
        "fill=\"none\" stroke=\"#C00000\" stroke-width=\"2\"/></svg> flagged by a consistency "
        "check</li>"
        "</ul>");
}

void chart(Page& page, std::string_view metric_label, const std::vector<Series>& series,
           const std::vector<Citation>& citations) {
    bool any = false;
    for (const Series& one : series)
        any = any || !one.points.empty();
    if (!any) return;
    page.raw("<figure class=\"chart-figure\">\n<div class=\"chart-wrap\">");
    append_svg_chart(page.buffer(), metric_label, series, citations, ChartGeometry{},
                     [&](std::string&) { page.flush(); });
    page.flush_if_full();
    page.raw("</div>\n<figcaption>\n<ul class=\"legend\">");
    for (std::size_t s = 0; s < series.size(); ++s) {
        page.raw(fmt::format("<li data-series=\"{}\">", s));
        swatch(page, s);
        page.text(series[s].label);
        page.raw("</li>");
    }
    page.raw("</ul>\n");
    key(page);
    page.raw(
        "<p class=\"note\">Each marker is one claim and links to its citation; hover or tap it "
        "for the value, claimant, date and source. A line steps through the figure chosen on "
        "each date (the most recently published article, then the larger value).</p>\n"
        "</figcaption>\n</figure>\n");
}

void latest_table(Page& page, const std::vector<Series>& series,
                  const std::vector<LatestRow>& latest) {
    if (latest.empty()) {
        page.raw("<p>No figures.</p>\n");
        return;
    }
    page.raw("<div class=\"table-wrap\"><table class=\"latest\">\n<thead><tr><th>Series</th>"
             "<th class=\"num\">Latest</th><th>As of</th><th class=\"num\">Previous</th>"
             "<th>Previous as of</th><th class=\"num\">Change</th>"
             "<th class=\"num\">First in period</th><th>First as of</th>"
             "<th class=\"num\">Change since first</th></tr></thead>\n<tbody>\n");
    for (const LatestRow& row : latest) {
        page.raw("<tr><td>");
        swatch(page, row.series);
        page.text(series[row.series].label);
        page.raw("</td><td class=\"num\">");
        page.cited(row.latest);
        page.raw("</td><td class=\"date\">");
        page.raw(iso_date(row.latest.as_of));
        page.raw("</td><td class=\"num\">");
        if (row.previous)
            page.cited(*row.previous);
        else
            page.raw("n/a");
        page.raw("</td><td class=\"date\">");
        page.raw(row.previous ? iso_date(row.previous->as_of) : "n/a");
        page.raw("</td><td class=\"num\">");
        page.text(row.change ? format_change(*row.change) : "n/a");
        page.raw("</td><td class=\"num\">");
        if (row.first)
            page.cited(*row.first);
        else
            page.raw("n/a");
        page.raw("</td><td class=\"date\">");
        page.raw(row.first ? iso_date(row.first->as_of) : "n/a");
        page.raw("</td><td class=\"num\">");
        page.text(row.change_since_first ? format_change(*row.change_since_first) : "n/a");
        page.raw("</td></tr>\n");
    }
    page.raw("</tbody></table></div>\n");
}

void checks(Page& page, const std::vector<CheckFinding>& findings) {
    page.raw("<section id=\"checks\">\n<h2>Consistency checks</h2>\n");
    if (findings.empty()) {
        page.raw("<p class=\"ok\">No inconsistencies found.</p>\n</section>\n");
        return;
    }
    page.raw(
        fmt::format("<div class=\"checks-box\"><p>{} that cannot all be right; the markers "
                    "concerned are ringed in red.</p>\n<ul class=\"checks\">\n",
                    plural(findings.size(), "finding names figures", "findings name figures")));
    for (const CheckFinding& finding : findings) {
        page.raw(fmt::format("<li class=\"check\" data-check=\"{}\"><span class=\"check-kind\">",
                             to_string(finding.kind)));
        page.text(check_title(finding.kind));
        page.raw("</span> \u2014 ");
        page.text(finding.claimant);
        if (!finding.population.empty()) page.text(" (" + finding.population + ")");
        page.text(fmt::format(", {}, {}: ", metric_label(finding.metric), iso_date(finding.as_of)));
        page.text(finding.message);
        for (int number : finding.citations)
            page.ref(number);
        page.raw("</li>\n");
    }
    page.raw("</ul></div>\n</section>\n");
}

void timeline(Page& page, const ComparisonReport& report) {
    page.raw("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if (report.timeline.empty()) {
        page.raw("<p>No figures.</p>\n</section>\n");
        return;
    }
    page.raw("<div class=\"table-wrap\"><table class=\"timeline\">\n<thead><tr><th>As of</th>");
    for (const Series& series : report.series) {
        page.raw("<th class=\"num\">");
        page.text(series.label);
        page.raw("</th>");
    }
    page.raw("</tr></thead>\n<tbody>\n");
    for (const TimelineRow& row : report.timeline) {
        page.raw("<tr><td class=\"date\">");
        page.raw(iso_date(row.as_of));
        page.raw("</td>");
        for (const std::vector<CellFigure>& cell : row.cells) {
            page.raw("<td class=\"num\">");
            for (std::size_t i = 0; i < cell.size(); ++i) {
                if (i > 0) page.raw(" / ");
                page.figure(cell[i].figure);
                for (int number : cell[i].citations)
                    page.ref(number);
            }
            page.raw("</td>");
        }
        page.raw("</tr>\n");
    }
    page.raw("</tbody></table></div>\n</section>\n");
}

void disagreements(Page& page, const ComparisonReport& report) {
    page.raw("<section id=\"disagreements\">\n<h2>Disagreements</h2>\n");
    if (report.disagreements.empty()) {
        page.raw(report.selection.window_days > 1
                     ? "<p>No two sources disagreed within the same window.</p>\n</section>\n"
                     : "<p>No two sources disagreed on the same date.</p>\n</section>\n");
        return;
    }
    page.raw("<div class=\"table-wrap\"><table class=\"disagreements\">\n<thead><tr><th>As of</th>"
             "<th>Population</th><th>Lowest</th><th>Highest</th><th class=\"num\">Difference</th>"
             "<th class=\"num\">Ratio</th><th>Bounds</th></tr></thead>\n<tbody>\n");
    const auto side = [&](const DisagreementSide& one) {
        page.text(one.claimant);
        page.raw(": ");
        page.cited(one.figure);
    };
    for (const Disagreement& row : report.disagreements) {
        page.raw("<tr><td class=\"date\">");
        page.raw(row.window_start == row.as_of
                     ? iso_date(row.as_of)
                     : iso_date(row.window_start) + " to " + iso_date(row.as_of));
        page.raw("</td><td>");
        page.text(row.population.empty() ? std::string("(unspecified)") : row.population);
        page.raw("</td><td>");
        side(row.lowest);
        page.raw("</td><td>");
        side(row.highest);
        page.raw("</td><td class=\"num\">");
        page.text(format_thousands(row.difference));
        page.raw("</td><td class=\"num\">");
        page.raw(row.ratio ? "\u00d7" + format_ratio(*row.ratio) : std::string("n/a"));
        page.raw("</td><td>");
        page.raw(row.bounds_compatible ? "compatible" : "incompatible");
        page.raw("</td></tr>\n");
    }
    page.raw("</tbody></table></div>\n</section>\n");
}

void citations(Page& page, const std::vector<Citation>& list) {
    page.raw("<section id=\"citations\">\n<h2>Citations</h2>\n");
    if (list.empty()) {
        page.raw("<p>None.</p>\n</section>\n");
        return;
    }
    page.raw("<ol class=\"citations\">\n");
    for (const Citation& citation : list) {
        fmt::format_to(std::back_inserter(page.buffer()),
                       "<li id=\"cite-{0}\"><span class=\"num\">[{0}]</span> ", citation.number);
        page.raw("<span class=\"claim\">");
        page.text(citation.claimant.empty() ? std::string("(unknown claimant)")
                                            : citation.claimant);
        if (!citation.population.empty()) page.text(" (" + citation.population + ")");
        page.raw(": ");
        page.figure(citation.figure);
        page.text(
            fmt::format(" {}, as of {}", metric_label(citation.metric), iso_date(citation.as_of)));
        page.raw("</span> \u2014 <cite>");
        page.text(citation.outlet.empty() ? std::string("(unknown outlet)") : citation.outlet);
        page.raw("</cite>, ");
        const std::optional<std::string> url = sanitized_http_url(citation.url);
        const std::string title =
            citation.title.empty() ? std::string("(untitled)") : citation.title;
        if (url) {
            page.raw("\u201c<a href=\"");
            page.text(*url);
            page.raw("\" rel=\"noopener noreferrer\">");
            page.text(title);
            page.raw("</a>\u201d");
        } else {
            page.raw("\u201c");
            page.text(title);
            page.raw("\u201d (no link)");
        }
        page.raw(", published ");
        page.raw(iso_date(citation.published));
        if (!citation.sentence.empty()) {
            page.raw(" \u2014 <q>");
            page.text(citation.sentence);
            page.raw("</q>");
        }
        page.raw("</li>\n");
    }
    page.raw("</ol>\n</section>\n");
}

} // namespace

void render_html(const ComparisonReport& report, std::ostream& out) {
    Page page(out);
    const std::string title = report.metric_label + " \u2014 comparison report";
    head(page, title);
    page.raw("<header>\n<h1>");
    page.text(title);
    page.raw("</h1>\n");
    counts(page, report.first_as_of, report.last_as_of, report.claim_count, report.source_count,
           report.article_count);
    selection(page, report.selection);
    page.raw(
        "<nav><ul><li><a href=\"#latest\">Latest figures</a></li><li><a href=\"#checks\">"
        "Consistency checks</a></li><li><a href=\"#timeline\">Timeline</a></li><li><a "
        "href=\"#disagreements\">Disagreements</a></li><li><a href=\"#citations\">Citations</a>"
        "</li></ul></nav>\n</header>\n");
    page.raw(fmt::format("<section id=\"chart\" data-metric=\"{}\">\n",
                         model::to_string(report.metric)));
    chart(page, report.metric_label, report.series, report.citations);
    page.raw("</section>\n<section id=\"latest\">\n<h2>Latest figures</h2>\n");
    latest_table(page, report.series, report.latest);
    page.raw("</section>\n");
    checks(page, report.checks);
    timeline(page, report);
    disagreements(page, report);
    citations(page, report.citations);
    foot(page);
    page.flush();
}

void render_html(const OverviewReport& report, std::ostream& out) {
    Page page(out);
    const std::string title = "Overview \u2014 latest figures by metric";
    head(page, title);
    page.raw("<header>\n<h1>");
    page.text(title);
    page.raw("</h1>\n");
    counts(page, report.first_as_of, report.last_as_of, report.claim_count, report.source_count,
           report.article_count);
    selection(page, report.selection);
    page.raw("<nav><ul>");
    for (const OverviewSection& section : report.sections) {
        page.raw(fmt::format("<li><a href=\"#metric-{}\">", model::to_string(section.metric)));
        page.text(section.metric_label);
        page.raw("</a></li>");
    }
    page.raw("<li><a href=\"#checks\">Consistency checks</a></li><li><a href=\"#citations\">"
             "Citations</a></li></ul></nav>\n</header>\n");
    for (const OverviewSection& section : report.sections) {
        page.raw(
            fmt::format("<section class=\"metric\" id=\"metric-{0}\" data-metric=\"{0}\">\n<h2>",
                        model::to_string(section.metric)));
        page.text(section.metric_label);
        page.raw("</h2>\n<p class=\"summary\">");
        page.text(fmt::format("{} from {}, {} to {}.",
                              plural(section.claim_count, "claim", "claims"),
                              plural(section.source_count, "source", "sources"),
                              iso_date(*section.first_as_of), iso_date(*section.last_as_of)));
        page.raw("</p>\n");
        chart(page, section.metric_label, section.series, report.citations);
        latest_table(page, section.series, section.latest);
        page.raw("</section>\n");
    }
    if (report.sections.empty()) page.raw("<p>No figures.</p>\n");
    checks(page, report.checks);
    citations(page, report.citations);
    foot(page);
    page.flush();
}

} // namespace tracker::reports
