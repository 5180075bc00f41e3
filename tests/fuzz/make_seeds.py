#!/usr/bin/env python3
"""Builds the seed corpora of the fuzz targets from sample_articles/ and the
test fixtures (and the dev corpus in ../shared when it is there).

    make_seeds.py <source-dir> <output-dir>

Writes <output-dir>/<target>/<name> files, one directory per fuzz target
(tests/fuzz/CMakeLists.txt), replacing what was there. The output belongs
in the build tree; it is generated, never committed.
"""
import hashlib
import pathlib
import re
import shutil
import sys

MAX_SEED = 64 * 1024


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src = pathlib.Path(sys.argv[1]).resolve()
    out = pathlib.Path(sys.argv[2])
    tests = src / "tests"
    corpus = (src / ".." / "shared" / "corpus" / "dev").resolve()

    def files(*patterns, roots=(tests,)):
        found = []
        for root in roots:
            for pattern in patterns:
                found += [p for p in root.rglob(pattern) if p.is_file()]
        return sorted(set(found))

    articles = sorted((src / "sample_articles").glob("*.txt"))
    if corpus.is_dir():
        articles += sorted(corpus.glob("*.txt"))
    text_files = files("*.txt") + articles
    seeds = {
        "text_reader": [p.read_bytes() for p in text_files],
        "html_reader": [p.read_bytes() for p in files("*.html", "*.htm")],
        "feed_reader": [p.read_bytes() for p in files("*.xml", "*.rss", "*.atom")],
        "csv_table": [p.read_bytes() for p in files("*.csv")],
        "json_table": [p.read_bytes() for p in files("*.json")],
        "pipeline": [p.read_bytes() for p in text_files],
        "numbers": [],
        "dates": [],
    }
    # One sentence-sized line per seed for the stage targets; the dates
    # target's first line is the article's publication date.
    for path in articles:
        text = path.read_text(encoding="utf-8", errors="replace")
        published = re.search(r"^(?:Published|Date):\s*(\S+)", text, re.M | re.I)
        day = published.group(1) if published else "2023-10-27"
        for line in text.splitlines():
            line = line.strip()
            if not line or re.match(r"^[A-Za-z]+:\s", line) and len(line) < 200:
                continue
            data = line.encode("utf-8")
            seeds["numbers"].append(data)
            if re.search(r"(?i)day|yesterday|today|night|morning|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
                         line):
                seeds["dates"].append(day.encode() + b"\n" + data)
    # Dates in the forms the web date parser knows, for the first line.
    for first in (b"Tue, 24 Oct 2023 08:00:00 GMT", b"October 24, 2023", b"24 October 23",
                  b"2023-10-24T08:00:00+03:00", b"0000-01-01", b"9999-12-31"):
        seeds["dates"].append(first + b"\nHamas said on Monday, October 23, that 220 people were held.")

    for target, contents in seeds.items():
        directory = out / target
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        for data in contents:
            data = data[:MAX_SEED]
            if not data:
                continue
            (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(list(directory.iterdir()))} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
