#!/usr/bin/env python3
"""Generate a folder of news articles, plain text and saved web pages, for
the import benchmark (bench/import_throughput.sh) and the import tests.

Each article is a body of paragraphs built from this file's own sentence
templates: figure sentences (claims with claimants, qualifiers, populations,
weekdays) mixed with numberless filler and distractor numbers. An article is
written either as a plain-text file with a `Key: value` header
(shared/spec/claims.md) or as a saved HTML page that wraps the same kind of
text in realistic page boilerplate: a head with meta tags, OpenGraph,
JSON-LD NewsArticle metadata, stylesheets and scripts; a navigation bar; a
share bar; related-article asides; a comments section; a footer; analytics
scripts.

Files go into nested folders outlet/YYYY-MM/ so that an import walks a real
tree. The output depends only on --seed, --articles and --html-fraction:
article i is made from its own random stream.

Usage:
    generate_import_corpus.py OUT --articles 20000 [--seed 1] [--html-fraction 0.5]
                              [--flat]
Prints "files BYTES" (the count and total size written) on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys

OUTLETS = ["Harbour Gazette", "Northline Wire", "Lantern Daily", "Cedar Street Journal",
           "Atlas Dispatch", "Riverbend Herald", "Compass News", "Saltmarsh Tribune",
           "Morning Ledger", "Granite Observer", "Bluewater Times", "Kestrel Media"]
CLAIMANTS = ["the Gaza Health Ministry", "the Israeli military", "the IDF", "Hamas",
             "UNRWA", "the United Nations", "OCHA", "the Palestinian Red Crescent",
             "Israeli officials", "the World Health Organization", "the Red Cross",
             "the Prime Minister's Office", "Qatar's foreign ministry", "Egyptian officials"]
PLACES = ["Gaza City", "Khan Younis", "Rafah", "Deir al-Balah", "Jabalia", "Nuseirat",
          "Beit Hanoun", "the northern Gaza Strip", "the West Bank", "Jenin", "Tulkarm",
          "southern Israel", "Sderot", "Ashkelon", "the Kerem Shalom crossing"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
POPULATIONS = ["Palestinians", "Israelis", "children", "women", "civilians", "people",
               "soldiers", "foreigners", "aid workers", "journalists"]
QUALIFIERS = ["", "", "", "at least ", "more than ", "about ", "nearly ", "up to ",
              "an estimated ", "over "]
REPORTERS = ["Amira Haddad", "Daniel Kowalczyk", "Olena Petrenko", "Samir Barakat",
             "Ruth Shapiro", "Kwame Mensah", "Ingrid Lindqvist", "Tariq Rahimi"]
TOPICS = ["Death toll rises", "Hostage talks", "Aid convoy", "Ceasefire hopes",
          "Hospital strike", "Displacement grows", "Prisoner exchange", "Border crossing",
          "Ground operation", "Humanitarian pause", "Evacuation orders", "Casualty count"]

FIGURE_TEMPLATES = [
    "{claimant_cap} said on {weekday} that {q}{n} {pop} had been killed since October 7.",
    "According to {claimant}, {q}{n} {pop} have been wounded in {place}.",
    "{claimant_cap} says {q}{n} people are still held captive in Gaza.",
    "{q_cap}{n} {pop} were killed in strikes on {place}, {claimant} said {weekday}.",
    "The death toll in {place} has passed {n}, {claimant} reported.",
    "{claimant_cap} said {q}{n} hostages were released on {weekday}.",
    "{q_cap}{n} people remain missing under the rubble, according to {claimant}.",
    "{claimant_cap} estimated that {q}{n} people had been displaced from their homes.",
    "{claimant_cap} said {n} prisoners were freed in exchange for {small} hostages.",
    "In a statement on {weekday}, {claimant} said {q}{n} {pop} had died.",
]
FILLER_TEMPLATES = [
    "Residents of {place} described long queues for bread and water as fuel ran low.",
    "Aid agencies warned that the situation in {place} was deteriorating by the hour.",
    "The claims could not be independently verified by {outlet}.",
    "Diplomats in Cairo and Doha continued talks late into the night, officials said.",
    "Phone and internet links in {place} went down again and were restored hours later.",
    "Families gathered outside the hospital in {place}, waiting for news of relatives.",
    "{small} trucks carrying food and medicine crossed into Gaza through Rafah.",
    "Prices in the markets of {place} have risen {small} percent in a week, traders said.",
    "The United Nations Security Council was due to meet again on {weekday}.",
    "Witnesses said the strikes began shortly after midnight and lasted for hours.",
    "Doctors described operating by the light of mobile phones after the power failed.",
    "The crossing was closed for {small} days before reopening under inspection.",
    "Schools run by the agency are now sheltering families who fled {place}.",
    "Negotiators said any deal would depend on guarantees from both sides.",
]


def number(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 45000)])
    return f"{n:,}"


def fill(template: str, rng: random.Random, outlet: str) -> str:
    claimant = rng.choice(CLAIMANTS)
    q = rng.choice(QUALIFIERS)
    return template.format(
        claimant=claimant, claimant_cap=claimant[0].upper() + claimant[1:],
        q=q, q_cap=(q[0].upper() + q[1:]) if q else "", n=number(rng),
        pop=rng.choice(POPULATIONS), place=rng.choice(PLACES), weekday=rng.choice(WEEKDAYS),
        small=rng.randint(3, 60), outlet=outlet)


def paragraphs(rng: random.Random, outlet: str) -> list[str]:
    out = []
    for _ in range(rng.randint(6, 14)):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            pool = FIGURE_TEMPLATES if rng.random() < 0.3 else FILLER_TEMPLATES
            sentences.append(fill(rng.choice(pool), rng, outlet))
        out.append(" ".join(sentences))
    return out


def escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def html_page(title: str, outlet: str, url: str, published: dt.date, byline: str,
              body: list[str], rng: random.Random) -> str:
    stamp = f"{published.isoformat()}T{rng.randint(5, 22):02}:{rng.randint(0, 59):02}:00Z"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": stamp, "dateModified": stamp, "url": url,
          "author": [{"@type": "Person", "name": byline}],
          "publisher": {"@type": "Organization", "name": outlet,
                        "logo": {"@type": "ImageObject", "url": url.split("/20")[0] + "/logo.png"}}}
    nav = "".join(f'<li><a href="/{s.lower()}/">{s}</a></li>'
                  for s in ["World", "Middle East", "Politics", "Business", "Opinion", "Video"])
    related = "".join(
        f'<li><a href="/world/{published.year}/{rng.randint(1, 12):02}/{rng.randint(1, 28):02}/'
        f'story-{rng.randint(1000, 99999)}">{escape(rng.choice(TOPICS))}: what we know</a></li>'
        for _ in range(5))
    comments = "".join(
        f'<li class="comment"><span class="author">reader{rng.randint(1, 9999)}</span>'
        f'<p>{escape(rng.choice(FILLER_TEMPLATES).format(place=rng.choice(PLACES), outlet=outlet, small=3, weekday="Monday"))}</p></li>'
        for _ in range(rng.randint(2, 6)))
    paras = "\n".join(f"      <p>{escape(p)}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(title)} | {escape(outlet)}</title>
  <meta name="description" content="{escape(body[0][:150])}">
  <meta property="og:site_name" content="{escape(outlet)}">
  <meta property="og:title" content="{escape(title)}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{escape(url)}">
  <meta property="article:published_time" content="{stamp}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="canonical" href="{escape(url)}">
  <link rel="stylesheet" href="/static/css/site.{rng.randint(10**6, 10**7)}.css">
  <style>body{{font-family:Georgia,serif;margin:0}}.share-bar{{display:flex;gap:8px}}
  .site-nav ul{{list-style:none;display:flex}}.comments{{border-top:1px solid #ddd}}</style>
  <script type="application/ld+json">{json.dumps(ld)}</script>
  <script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}
  gtag('js',new Date());gtag('config','G-{rng.randint(10**8, 10**9)}');</script>
</head>
<body class="article-page">
  <header class="site-header">
    <a class="logo" href="/">{escape(outlet)}</a>
    <nav class="site-nav" aria-label="Sections"><ul>{nav}</ul></nav>
    <form class="search" action="/search"><input name="q" placeholder="Search"></form>
  </header>
  <main>
    <article class="story">
      <h1 class="headline">{escape(title)}</h1>
      <p class="byline">By <a rel="author" href="/people/{byline.lower().replace(' ', '-')}">{escape(byline)}</a>
        <time datetime="{stamp}">{published.strftime('%B %d, %Y')}</time></p>
      <div class="share-bar"><a href="#">Share</a><a href="#">Post</a><a href="#">Email</a><a href="#">Print</a></div>
      <figure><img src="/img/{rng.randint(10**5, 10**6)}.jpg" alt="Smoke rises over {escape(rng.choice(PLACES))}">
        <figcaption>Smoke rises over {escape(rng.choice(PLACES))}. Photo: Agency</figcaption></figure>
{paras}
    </article>
    <aside class="related"><h2>Related</h2><ul>{related}</ul></aside>
    <section class="comments" id="comments"><h2>Comments</h2><ol>{comments}</ol></section>
  </main>
  <footer class="site-footer">
    <p>&copy; {published.year} {escape(outlet)}. All rights reserved.</p>
    <ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul>
  </footer>
  <script src="/static/js/app.{rng.randint(10**6, 10**7)}.js" defer></script>
  <script>(function(){{var s=document.createElement('script');s.src='/metrics.js';s.async=true;
  document.body.appendChild(s);}})();</script>
</body>
</html>
"""


def text_article(title: str, outlet: str, url: str, published: dt.date, body: list[str]) -> str:
    header = f"Title: {title}\nOutlet: {outlet}\nURL: {url}\nPublished: {published.isoformat()}\n\n"
    return header + "\n\n".join(body) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--html-fraction", type=float, default=0.5)
    parser.add_argument("--flat", action="store_true", help="all files in OUT, no subfolders")
    args = parser.parse_args()

    start = dt.date(2023, 10, 8)
    total = 0
    made = set()
    for i in range(args.articles):
        rng = random.Random(f"{args.seed}:{i}")
        outlet = rng.choice(OUTLETS)
        slug = outlet.lower().replace(" ", "-")
        published = start + dt.timedelta(days=rng.randint(0, 300))
        title = f"{rng.choice(TOPICS)} in {rng.choice(PLACES)} ({i})"
        url = f"https://www.example.org/{slug}/{published.year}/{published.month:02}/{published.day:02}/story-{i}"
        body = paragraphs(rng, outlet)
        html = rng.random() < args.html_fraction
        folder = args.out if args.flat else os.path.join(args.out, slug, f"{published:%Y-%m}")
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        name = f"{published.isoformat()}-story-{i:06}.{'html' if html else 'txt'}"
        content = (html_page(title, outlet, url, published, rng.choice(REPORTERS), body, rng) if html
                   else text_article(title, outlet, url, published, body))
        data = content.encode("utf-8")
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        total += len(data)
    print(args.articles, total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
