// Reads feed files, RSS 2.0 (RSS 1.0 too) and Atom, into one article per
// item or entry, with a real XML parser (libxml2): no network, no external
// DTD, no expansion of entities the feed declares itself.
//
// An item's article:
// - path: "<file>#<n>", n the item's position in the file counting from 1
//   ("news.xml#3"), so that each item has a name of its own in listings and
//   messages; the item's link is its URL, which is what identifies the
//   article across feed snapshots (the same link with changed text is a new
//   revision);
// - title: <title>, markup reduced to text;
// - url: RSS <link> (else a permalink <guid>), Atom <link rel="alternate">;
// - published: RSS <pubDate> (RFC 822: "Tue, 24 Oct 2023 08:00:00 GMT") or
//   <dc:date>; Atom <published>, else <updated>;
// - body: RSS <content:encoded>, else <description>; Atom <content>, else
//   <summary>; HTML in them reduced to text by the HTML reader's extraction;
// - outlet: the channel's (feed's) <title>.
//
// A bad item (no date, an unparseable date, no text) rejects the file as
// "file:line: item n: reason", or with skip_bad_rows is left out with that
// line as a warning. --outlet and --published apply to every item; --title
// and --url would give every item the same one, so they are ignored with a
// warning.
#pragma once

#include "importers/reader.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace tracker::importers {

// Reads a feed already in memory; `path` is recorded as given.
ReaderResult read_feed(const std::string& path, std::string_view content,
                       const ReaderOptions& options);

// The feed reader (.rss, .atom, or .xml and other files whose root element
// is <rss>, <feed> or <rdf:RDF>), for the reader list.
std::unique_ptr<Reader> make_feed_reader();

} // namespace tracker::importers
