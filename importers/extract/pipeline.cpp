#include "importers/extract/pipeline.hpp"

#include "importers/extract/claimants.hpp"
#include "importers/extract/dates.hpp"
#include "importers/extract/lookup.hpp"
#include "importers/extract/merge.hpp"
#include "importers/extract/metrics.hpp"
#include "importers/extract/numbers.hpp"
#include "importers/extract/qualifiers.hpp"
#include "importers/extract/sentences.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace tracker::extract {

namespace {

bool continuation_byte(std::string_view body, std::size_t at) {
    return at < body.size() && (static_cast<unsigned char>(body[at]) & 0xC0) == 0x80;
}

// The sentence as evidence; a span longer than k_max_evidence_bytes is not
// a sentence but run-on text, and keeps only a window around the figure.
std::string evidence(std::string_view body, std::size_t sentence_start, std::size_t sentence_end,
                     std::size_t figure_start, std::size_t figure_end, std::string_view sentence) {
    if (sentence.size() <= k_max_evidence_bytes) return std::string(sentence);
    std::size_t half = k_max_evidence_bytes / 2;
    std::size_t from = figure_start > sentence_start + half ? figure_start - half : sentence_start;
    std::size_t to = std::min(sentence_end, figure_end + half);
    while (from > sentence_start && continuation_byte(body, from))
        --from;
    while (to < sentence_end && continuation_byte(body, to))
        ++to;
    return std::string(body.substr(from, to - from));
}

// Labels that open a line linking to other content ("Read more: Who were
// the six hostages?", "WATCH | 40 killed in a strike"): the line is a link,
// not reporting, and its numbers are another story's headline. Two words at
// most; an empty second word means a one-word label.
constexpr std::array<std::array<std::string_view, 2>, 9> k_teaser_labels{{{"read", "more"},
                                                                          {"read", "also"},
                                                                          {"also", "read"},
                                                                          {"see", "also"},
                                                                          {"related", ""},
                                                                          {"watch", ""},
                                                                          {"listen", ""},
                                                                          {"recommended", ""},
                                                                          {"more", ""}}};

// A paragraph that opens with a teaser label and ':' or '|'.
bool is_link_teaser(const TokenizedSentence& s) {
    if (!s.starts_paragraph) return false;
    for (const auto& label : k_teaser_labels) {
        const std::size_t words = label[1].empty() ? 1 : 2;
        if (s.word(0) != label[0] || (words == 2 && s.word(1) != label[1])) continue;
        const std::string_view mark = s.word(words);
        if (mark == ":" || mark == "|") return true;
    }
    return false;
}

} // namespace

Extraction extract_claims(const model::Article& article, const lexicon::Lexicon& lexicon) {
    if (!article.published) throw std::invalid_argument("article has no publication date");
    const model::Date published = *article.published;
    std::string_view body = article.body;
    Extraction result;
    ClaimantResolver claimants(lexicon, article.outlet);
    DuplicateFilter duplicates; // claims are merged as they are found
    const DetentionArticle detention_article(body);
    // The sentence's numbers, and the previous sentence's, which hold its
    // last claim (`last_figure`): a pointer to it, not a copy of its strings.
    std::vector<Candidate> candidates;
    std::vector<Candidate> previous_candidates;
    const Candidate* last_figure = nullptr;
    TokenizedSentence
        sentence; // reused: its buffers keep their memory from one sentence to the next
    SentenceSplitter splitter(body);
    for (SentenceSpan span; splitter.next(span);) {
        tokenize_sentence_into(sentence, body, span.start, span.end);
        sentence.starts_paragraph = span.starts_paragraph;
        annotate_sentence(sentence, lexicon);
        std::swap(candidates, previous_candidates);       // last_figure stays valid
        find_numbers_into(candidates, sentence, lexicon); // keeps the vector's memory
        if (is_link_teaser(sentence)) {
            // Nothing of it counts, nor is it a source for later sentences.
            for (Candidate& c : candidates)
                if (c.reject.empty()) c.reject = "link teaser";
        } else if (candidates.empty()) {
            // Still read attributions, for later back-references.
            claimants.assign(body, sentence, candidates);
            last_figure = nullptr;
            continue;
        } else {
            assign_qualifiers(sentence, candidates, lexicon);
            assign_metrics(sentence, candidates, lexicon, detention_article, last_figure);
            auto attributions = claimants.assign(body, sentence, candidates);
            assign_dates(sentence, candidates, published, attributions);
        }
        std::string_view text = body.substr(span.start, span.end - span.start);
        last_figure = nullptr;
        for (const Candidate& c : candidates)
            if (c.reject.empty()) last_figure = &c;
        for (Candidate& c : candidates) {
            std::size_t start = sentence.tokens[c.first].start;
            std::size_t end = sentence.tokens[c.last].end;
            if (!c.reject.empty()) {
                if (result.rejected.size() < k_max_rejected) {
                    result.rejected.push_back(
                        RejectedNumber{std::string(body.substr(start, end - start)), start, end,
                                       c.reject, span.start, span.end});
                } else {
                    ++result.more_rejected;
                }
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
            if (!duplicates.first(claim)) continue; // the first occurrence is kept
            claim.sentence = evidence(body, span.start, span.end, start, end, text);
            claim.span_start = start;
            claim.span_end = end;
            claim.rule = std::move(c.reasons); // read by nothing after this
            result.claims.push_back(std::move(claim));
        }
    }
    return result;
}

} // namespace tracker::extract
