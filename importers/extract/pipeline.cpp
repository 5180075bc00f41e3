#include "importers/extract/pipeline.hpp"

#include "importers/extract/claimants.hpp"
#include "importers/extract/dates.hpp"
#include "importers/extract/merge.hpp"
#include "importers/extract/metrics.hpp"
#include "importers/extract/numbers.hpp"
#include "importers/extract/qualifiers.hpp"
#include "importers/extract/sentences.hpp"

#include <stdexcept>

namespace tracker::extract {

namespace {

std::string join_reasons(const std::vector<std::string>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r;
    return out;
}

} // namespace

Extraction extract_claims(const model::Article& article, const lexicon::Lexicon& lexicon) {
    if (!article.published) throw std::invalid_argument("article has no publication date");
    const model::Date published = *article.published;
    std::string_view body = article.body;
    Extraction result;
    ClaimantResolver claimants(lexicon, article.outlet);
    const bool detention_article = is_detention_article(body);
    std::optional<Candidate> last_figure;  // the previous sentence's last claim
    for (const SentenceSpan& span : split_sentences(body)) {
        TokenizedSentence sentence = tokenize_sentence(body, span.start, span.end);
        sentence.starts_paragraph = span.starts_paragraph;
        std::vector<Candidate> candidates = find_numbers(sentence, lexicon);
        if (candidates.empty()) {
            // Still read attributions, for later back-references.
            claimants.assign(body, sentence, candidates);
            last_figure.reset();
            continue;
        }
        assign_qualifiers(sentence, candidates, lexicon);
        assign_metrics(sentence, candidates, lexicon, detention_article,
                       last_figure ? &*last_figure : nullptr);
        auto attributions = claimants.assign(body, sentence, candidates);
        assign_dates(sentence, candidates, published, attributions);
        std::string text(body.substr(span.start, span.end - span.start));
        last_figure.reset();
        for (const Candidate& c : candidates)
            if (c.reject.empty()) last_figure = c;
        for (const Candidate& c : candidates) {
            std::size_t start = sentence.tokens[c.first].start;
            std::size_t end = sentence.tokens[c.last].end;
            if (!c.reject.empty()) {
                result.rejected.push_back(
                    RejectedNumber{std::string(body.substr(start, end - start)), start, end, c.reject, text});
                continue;
            }
            model::Claim claim;
            claim.metric = *c.metric;
            claim.value = c.value;
            claim.qualifier = c.qualifier;
            model::set_bounds(claim, c.range_high);
            claim.population = c.population;
            claim.claimant = c.claimant;
            claim.as_of = c.as_of.value_or(published);
            claim.sentence = text;
            claim.span_start = start;
            claim.span_end = end;
            claim.rule = join_reasons(c.reasons);
            result.claims.push_back(std::move(claim));
        }
    }
    result.claims = merge_duplicates(std::move(result.claims));
    return result;
}

} // namespace tracker::extract
