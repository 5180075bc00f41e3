// Unit tests of the extraction pipeline as a whole (importers/extract/pipeline.hpp)
// and of the stages it starts with: sentence splitting, tokenizing and the
// merging of repeated claims.

#include "importers/extract/lookup.hpp"
#include "importers/extract/merge.hpp"
#include "importers/extract/pipeline.hpp"
#include "importers/extract/sentences.hpp"
#include "importers/extract/tokens.hpp"
#include "importers/lexicon/lexicon.hpp"
#include "tracker/model/article.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

using tracker::extract::Extraction;
using tracker::lexicon::Lexicon;
using tracker::model::Article;
using tracker::model::Claim;
using tracker::model::Metric;
using tracker::model::Qualifier;

Article make_article(const std::string& body, const char* published = "2023-10-21",
                     const std::string& outlet = "Test Wire") {
    Article article;
    article.outlet = outlet;
    article.published = tracker::model::parse_iso_date(published);
    REQUIRE(article.published.has_value());
    article.body = body;
    return article;
}

Extraction run(const std::string& body, const char* published = "2023-10-21") {
    return tracker::extract::extract_claims(make_article(body, published), Lexicon::builtin());
}

std::string describe(const std::vector<Claim>& claims) {
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "null"; };
    std::string out = std::to_string(claims.size()) + " claim(s):";
    for (const auto& c : claims)
        out += "\n  " + std::string(tracker::model::to_string(c.metric)) + " " +
               std::to_string(c.value) + " " + std::string(tracker::model::to_string(c.qualifier)) +
               " [" + opt(c.low) + ", " + opt(c.high) + "] pop='" + c.population + "' claimant='" +
               c.claimant + "' as_of=" + tracker::model::format_date(c.as_of);
    return out;
}

const Claim* claim_with_value(const std::vector<Claim>& claims, std::int64_t value) {
    const Claim* found = nullptr;
    for (const auto& c : claims)
        if (c.value == value) {
            REQUIRE(found == nullptr);
            found = &c;
        }
    return found;
}

std::vector<std::string> sentence_texts(std::string_view body) {
    std::vector<std::string> out;
    for (const auto& s : tracker::extract::split_sentences(body))
        out.emplace_back(body.substr(s.start, s.end - s.start));
    return out;
}

} // namespace

// ---------------------------------------------------------------- sentences and tokens

TEST_CASE("pipeline: sentences end at a full stop before a capital", "[pipeline]") {
    auto texts =
        sentence_texts("Medics said 45 people were killed. The army said 3 soldiers died.");
    REQUIRE(texts.size() == 2);
    CHECK(texts[0] == "Medics said 45 people were killed.");
    CHECK(texts[1] == "The army said 3 soldiers died.");
}

TEST_CASE("pipeline: abbreviations do not end a sentence ('Oct.', 'U.S.', 'Mr.')", "[pipeline]") {
    auto texts = sentence_texts("On Oct. 12 the U.S. envoy met Mr. Levi in Cairo. Talks went on.");
    REQUIRE(texts.size() == 2);
    CHECK(texts[0] == "On Oct. 12 the U.S. envoy met Mr. Levi in Cairo.");
}

TEST_CASE("pipeline: every line break ends a sentence and starts a paragraph", "[pipeline]") {
    std::string_view body =
        "Headline with 45 dead\nFirst paragraph here. Second sentence.\n\nNew one.";
    auto spans = tracker::extract::split_sentences(body);
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].starts_paragraph);
    CHECK(spans[1].starts_paragraph);
    CHECK_FALSE(spans[2].starts_paragraph);
    CHECK(spans[3].starts_paragraph);
    CHECK(body.substr(spans[0].start, spans[0].end - spans[0].start) == "Headline with 45 dead");
}

TEST_CASE("pipeline: a decimal point does not end a sentence", "[pipeline]") {
    auto texts = sentence_texts("The agency said 1.4 million people had fled. More followed.");
    REQUIRE(texts.size() == 2);
    CHECK(texts[0] == "The agency said 1.4 million people had fled.");
}

TEST_CASE("pipeline: tokens carry body offsets, folded forms and kinds", "[pipeline]") {
    std::string_view body = "Intro. The Hamas-run ministry's count: 7,028 dead.";
    std::size_t start = body.find("The");
    auto sentence = tracker::extract::tokenize_sentence(body, start, body.size());
    REQUIRE(sentence.tokens.size() == sentence.words.size());
    std::vector<std::string> words(sentence.words.begin(), sentence.words.end());
    CHECK(words == std::vector<std::string>{"the", "hamas-run", "ministry", "'s", "count", ":",
                                            "7,028", "dead", "."});
    const auto& number = sentence.tokens[6];
    CHECK(number.kind == tracker::extract::TokenKind::number);
    CHECK(body.substr(number.start, number.end - number.start) == "7,028");
    CHECK(sentence.tokens[0].capitalized);
    CHECK_FALSE(sentence.tokens[2].capitalized);
    CHECK(sentence.tokens[5].kind == tracker::extract::TokenKind::punct);
}

TEST_CASE("pipeline: a typographic apostrophe possessive splits like a plain one", "[pipeline]") {
    std::string_view body = "Monday\xE2\x80\x99s statement";
    auto sentence = tracker::extract::tokenize_sentence(body, 0, body.size());
    std::vector<std::string> words(sentence.words.begin(), sentence.words.end());
    CHECK(words == std::vector<std::string>{"monday", "'s", "statement"});
}

// ---------------------------------------------------------------- whole articles

TEST_CASE("pipeline: a claim carries every field and its span in the body", "[pipeline]") {
    std::string body =
        "Intro line without figures.\n\n"
        "The Gaza Health Ministry said on Friday that at least 7,028 Palestinians had been "
        "killed.";
    auto result = run(body);
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 1);
    const Claim& c = result.claims[0];
    CHECK(c.metric == Metric::killed);
    CHECK(c.value == 7028);
    CHECK(c.qualifier == Qualifier::at_least);
    CHECK(c.low == std::optional<std::int64_t>(7028));
    CHECK_FALSE(c.high.has_value());
    CHECK(c.population == "palestinians");
    CHECK(c.claimant == "Gaza Health Ministry");
    CHECK(tracker::model::format_date(c.as_of) == "2023-10-20");
    CHECK(body.substr(c.span_start, c.span_end - c.span_start) == "7,028");
    CHECK(c.sentence ==
          "The Gaza Health Ministry said on Friday that at least 7,028 Palestinians had been "
          "killed.");
    CHECK_FALSE(c.rule.empty());
}

TEST_CASE("pipeline: a figure with a scale spans the number and its scale word", "[pipeline]") {
    std::string body = "The agency said 1.4 million people had fled their homes.";
    auto result = run(body);
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 1);
    const Claim& c = result.claims[0];
    CHECK(body.substr(c.span_start, c.span_end - c.span_start) == "1.4 million");
}

TEST_CASE("pipeline: claims come in body order", "[pipeline]") {
    auto result = run("The IDF said 203 hostages were being held.\n\n"
                      "Medics said 4,385 people have been killed and 13,500 wounded.\n\n"
                      "The agency said 1.4 million people had fled their homes.");
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 4);
    CHECK(result.claims[0].value == 203);
    CHECK(result.claims[1].value == 4385);
    CHECK(result.claims[2].value == 13500);
    CHECK(result.claims[3].value == 1400000);
    for (std::size_t i = 1; i < result.claims.size(); ++i)
        CHECK(result.claims[i - 1].span_start < result.claims[i].span_start);
}

TEST_CASE("pipeline: the same claim repeated in two sentences is one claim", "[pipeline]") {
    auto result = run("Medics said 4,385 people have been killed.\n\n"
                      "Medics said 4,385 people have been killed in the strikes so far.");
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 1);
    CHECK(result.claims[0].value == 4385);
    // The first occurrence is kept.
    CHECK(result.claims[0].span_start < 20);
}

TEST_CASE("pipeline: the same number with a different claimant is two claims", "[pipeline]") {
    auto result = run("Medics said 4,385 people have been killed.\n\n"
                      "The IDF said 4,385 people have been killed.");
    INFO(describe(result.claims));
    CHECK(result.claims.size() == 2);
}

TEST_CASE("pipeline: the same number with a different date is two claims", "[pipeline]") {
    auto result = run("Medics said on Friday that 4,385 people have been killed.\n\n"
                      "Medics said on Thursday that 4,385 people have been killed.");
    INFO(describe(result.claims));
    CHECK(result.claims.size() == 2);
}

TEST_CASE("pipeline: merge_duplicates keeps the first of equal claims", "[pipeline]") {
    Claim a;
    a.metric = Metric::killed;
    a.value = 12;
    a.claimant = "Test Wire";
    a.as_of = *tracker::model::parse_iso_date("2023-10-21");
    tracker::model::set_bounds(a);
    a.span_start = 5;
    Claim b = a;
    b.span_start = 50;
    Claim c = a;
    c.population = "children";
    auto merged = tracker::extract::merge_duplicates({a, b, c});
    REQUIRE(merged.size() == 2);
    CHECK(merged[0].span_start == 5);
    CHECK(merged[1].population == "children");
}

TEST_CASE("pipeline: DuplicateFilter lets a key through once, whatever the other fields",
          "[pipeline]") {
    Claim a;
    a.metric = Metric::killed;
    a.value = 12;
    a.as_of = *tracker::model::parse_iso_date("2023-10-21");
    tracker::model::set_bounds(a);
    tracker::extract::DuplicateFilter filter;
    CHECK(filter.first(a));
    Claim b = a;
    b.sentence = "another sentence";
    b.span_start = 99;
    CHECK_FALSE(filter.first(b));
    Claim c = a;
    c.claimant = "Test Wire";
    CHECK(filter.first(c));
    Claim d = a;
    d.qualifier = Qualifier::at_least;
    tracker::model::set_bounds(d);
    CHECK(filter.first(d));
    CHECK_FALSE(filter.first(d));
}

TEST_CASE("pipeline: an article repeating its figures keeps each claim once, the first occurrence",
          "[pipeline]") {
    std::string block = "Medics said 45 people were killed on Friday.\n\n";
    std::string body;
    for (int i = 0; i < 500; ++i)
        body += block;
    auto result = run(body);
    REQUIRE(result.claims.size() == 1);
    CHECK(result.claims[0].span_start == block.find("45"));
}

TEST_CASE("pipeline: SentenceSplitter gives the sentences one at a time, long spans cut",
          "[pipeline]") {
    std::string body = "First line. Second one!\n\n";
    for (int i = 0; i < 3000; ++i)
        body += "word, ";
    body += "end\nLast.";
    std::vector<tracker::extract::SentenceSpan> streamed;
    tracker::extract::SentenceSplitter splitter(body);
    for (tracker::extract::SentenceSpan span; splitter.next(span);)
        streamed.push_back(span);
    tracker::extract::SentenceSpan after;
    CHECK_FALSE(splitter.next(after));
    REQUIRE(streamed.size() >= 7);
    CHECK(body.substr(streamed[0].start, streamed[0].end - streamed[0].start) == "First line.");
    CHECK(body.substr(streamed[1].start, streamed[1].end - streamed[1].start) == "Second one!");
    CHECK(body.substr(streamed.back().start) == "Last.");
    CHECK(streamed[2].starts_paragraph);
    for (std::size_t i = 2; i + 1 < streamed.size(); ++i) {
        CHECK(streamed[i].end - streamed[i].start <= tracker::extract::k_max_sentence_bytes);
        if (i > 2 && i + 2 < streamed.size()) CHECK_FALSE(streamed[i].starts_paragraph);
    }
    auto whole = tracker::extract::split_sentences(body);
    REQUIRE(whole.size() == streamed.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(whole[i].start == streamed[i].start);
        CHECK(whole[i].end == streamed[i].end);
    }
}

TEST_CASE("pipeline: a headline line in the body is read", "[pipeline]") {
    auto result = run("Gaza toll tops 5,000 as strikes go on\n\n"
                      "Strikes continued overnight across the territory.");
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 1);
    CHECK(result.claims[0].value == 5000);
    CHECK(result.claims[0].metric == Metric::killed);
}

TEST_CASE("pipeline: the Title field is not read", "[pipeline]") {
    Article article = make_article("Strikes continued overnight across the territory.");
    article.title = "Medics say 5,000 people have been killed";
    auto result = tracker::extract::extract_claims(article, Lexicon::builtin());
    INFO(describe(result.claims));
    CHECK(result.claims.empty());
}

TEST_CASE("pipeline: rejected numbers are listed with their reason", "[pipeline]") {
    std::string body = "Gunmen crossed the fence on October 7 and killed 1,200 people.";
    auto result = run(body);
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 1);
    REQUIRE(result.rejected.size() == 1);
    CHECK(result.rejected[0].text == "7");
    CHECK_FALSE(result.rejected[0].reason.empty());
    CHECK(body.substr(result.rejected[0].span_start,
                      result.rejected[0].span_end - result.rejected[0].span_start) == "7");
    CHECK(body.substr(result.rejected[0].sentence_start,
                      result.rejected[0].sentence_end - result.rejected[0].sentence_start) == body);
}

TEST_CASE("pipeline: an article without a publication date is refused", "[pipeline]") {
    Article article = make_article("Medics said 45 people were killed.");
    article.published.reset();
    CHECK_THROWS_AS(tracker::extract::extract_claims(article, Lexicon::builtin()),
                    std::invalid_argument);
}

TEST_CASE("pipeline: an empty body has no claims", "[pipeline]") {
    auto result = run("");
    CHECK(result.claims.empty());
    CHECK(result.rejected.empty());
}

TEST_CASE("pipeline: a short article end to end", "[pipeline]") {
    // Published Saturday 2023-10-21.
    auto result =
        run("Hamas frees captives as Gaza toll climbs\n"
            "\n"
            "Hamas released two American hostages on Friday, the group said. It said it was "
            "still holding about 200 captives.\n"
            "\n"
            "The Israeli military said 1,400 people were killed in the October 7 attack, "
            "including more than 300 soldiers.\n"
            "\n"
            "Strikes on Gaza have killed 4,137 people, according to the Gaza Health Ministry.");
    INFO(describe(result.claims));

    const Claim* freed = claim_with_value(result.claims, 2);
    REQUIRE(freed != nullptr);
    CHECK(freed->metric == Metric::hostages_released);
    CHECK(freed->population == "americans");
    CHECK(freed->claimant == "Hamas");
    CHECK(tracker::model::format_date(freed->as_of) == "2023-10-20");

    const Claim* held = claim_with_value(result.claims, 200);
    REQUIRE(held != nullptr);
    CHECK(held->metric == Metric::hostages_held);
    CHECK(held->qualifier == Qualifier::approx);
    CHECK(held->claimant == "Hamas");
    CHECK(tracker::model::format_date(held->as_of) == "2023-10-21");

    const Claim* israel = claim_with_value(result.claims, 1400);
    REQUIRE(israel != nullptr);
    CHECK(israel->metric == Metric::killed);
    CHECK(israel->claimant == "Israel Defense Forces");

    const Claim* soldiers = claim_with_value(result.claims, 300);
    REQUIRE(soldiers != nullptr);
    CHECK(soldiers->metric == Metric::killed);
    CHECK(soldiers->qualifier == Qualifier::at_least);
    CHECK(soldiers->population == "soldiers");

    const Claim* gaza = claim_with_value(result.claims, 4137);
    REQUIRE(gaza != nullptr);
    CHECK(gaza->metric == Metric::killed);
    CHECK(gaza->claimant == "Gaza Health Ministry");
    CHECK(tracker::model::format_date(gaza->as_of) == "2023-10-21");

    CHECK(claim_with_value(result.claims, 7) == nullptr);
}

TEST_CASE("pipeline: a reused sentence buffer tokenizes as a fresh one", "[pipeline]") {
    const std::string body =
        "A very long first sentence with \xE2\x80\x99quotes\xE2\x80\x99 and Hamas\xE2\x80\x99s "
        "4\xC2\xA0"
        "500 figures, U.S. officials said. Short one. 7,028 people were killed on Oct. 12!";
    tracker::extract::TokenizedSentence reused;
    for (const auto& span : tracker::extract::split_sentences(body)) {
        tracker::extract::tokenize_sentence_into(reused, body, span.start, span.end);
        auto fresh = tracker::extract::tokenize_sentence(body, span.start, span.end);
        REQUIRE(reused.tokens.size() == fresh.tokens.size());
        CHECK(reused.words == fresh.words);
        for (std::size_t k = 0; k < fresh.tokens.size(); ++k) {
            CHECK(reused.tokens[k].start == fresh.tokens[k].start);
            CHECK(reused.tokens[k].end == fresh.tokens[k].end);
            CHECK(reused.tokens[k].kind == fresh.tokens[k].kind);
        }
    }
}

TEST_CASE("pipeline: per-token lexicon info matches every phrase table as match() does",
          "[pipeline]") {
    const Lexicon& lexicon = Lexicon::builtin();
    std::string body =
        "GAZA (Test Wire) - The Gaza Health Ministry said on Monday that at least 5,087 "
        "Palestinians had been killed, including 2,055 children, according to Hamas officials; "
        "the Israeli military said about 200 hostages were taken, and two soldiers died. "
        "More than 1.4 million people have been displaced, UNRWA said, citing its own count of "
        "30 tanks and $5 million in aid.";
    tracker::extract::TokenizedSentence s;
    tracker::extract::tokenize_sentence_into(s, body, 0, body.size());
    CHECK(s.info.empty());
    tracker::extract::annotate_sentence(s, lexicon);
    REQUIRE(s.info.size() == s.words.size());
    using tracker::extract::lookup;
    using tracker::lexicon::WordInfo;
    std::size_t hits = 0;
    for (std::size_t k = 0; k <= s.words.size() + 1; ++k) {
        INFO(k);
        auto same = [&](const auto& table, std::uint32_t WordInfo::*list) {
            const auto* a = table.match(s.words, k);
            const auto* b = lookup(table, list, s, k);
            CHECK(a == b);
            hits += a != nullptr;
        };
        same(lexicon.metric_terms, &WordInfo::metric);
        same(lexicon.population_terms, &WordInfo::population);
        same(lexicon.claimant_aliases, &WordInfo::alias);
        same(lexicon.attribution_cues, &WordInfo::attribution);
        same(lexicon.qualifier_cues, &WordInfo::qualifier);
        same(lexicon.non_people, &WordInfo::non_people);
        if (k < s.words.size())
            CHECK((s.info[k] == nullptr) == (lexicon.word_info(s.words[k]) == nullptr));
    }
    CHECK(hits >= 10);
}

// ---------------------------------------------------------------- link teasers

TEST_CASE("pipeline: a line that links to another story ('Read more:', 'WATCH |') holds no claim",
          "[pipeline]") {
    const Extraction result = run("Rescuers said nine people died when the bridge fell.\n"
                                  "Read more: How 14 villages were cut off by the floods\n"
                                  "WATCH | Medics say 23 were hurt in the second collapse\n"
                                  "Related: 31 families still wait for news");
    INFO(describe(result.claims));
    REQUIRE(result.claims.size() == 1);
    CHECK(result.claims[0].value == 9);
    std::vector<std::string> reasons;
    for (const auto& rejected : result.rejected)
        if (rejected.reason == "link teaser") reasons.push_back(rejected.text);
    CHECK(reasons == std::vector<std::string>{"14", "23", "31"});
}

TEST_CASE("pipeline: a teaser label inside a sentence or without its mark is prose", "[pipeline]") {
    // Not at the start of a line, or no ':' or '|' after the label.
    const Extraction result = run("Officials said 40 people were killed. Watch: the ministry "
                                  "said 12 people had died.\n"
                                  "Related deaths rose to 17, the ministry said.");
    INFO(describe(result.claims));
    CHECK(claim_with_value(result.claims, 40) != nullptr);
    CHECK(claim_with_value(result.claims, 12) != nullptr);
    CHECK(claim_with_value(result.claims, 17) != nullptr);
}

// ---------------------------------------------------------------- interviewees

TEST_CASE("pipeline: the people a study interviewed are its sample, not a count", "[pipeline]") {
    const auto rejected_as = [](const Extraction& result, const std::string& text) {
        for (const auto& r : result.rejected)
            if (r.text == text) return r.reason;
        return std::string("<not rejected>");
    };
    const Extraction report = run("The monitors based their findings on interviews with more "
                                  "than 400 freed detainees, and said 75 of them had been "
                                  "tortured.");
    INFO(describe(report.claims));
    CHECK(rejected_as(report, "400") == "interviewees");
    CHECK(claim_with_value(report.claims, 400) == nullptr);
    CHECK(rejected_as(run("Researchers interviewed 260 displaced families in the camps."), "260") ==
          "interviewees");
    CHECK(rejected_as(run("The agency surveyed some 1,300 people who had fled the city."),
                      "1,300") == "interviewees");
    // Witnesses who were interviewed are a source, and their figure stands.
    const Extraction witnesses =
        run("Witnesses interviewed by the agency said 18 people were killed.");
    INFO(describe(witnesses.claims));
    REQUIRE(witnesses.claims.size() == 1);
    CHECK(witnesses.claims[0].value == 18);
}
