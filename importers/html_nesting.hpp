// A cheap guard against markup nested so deep that parsing it would take
// minutes: gumbo checks the stack of open elements at every tag, so its time
// grows with the square of the depth (100,000 nested <div>s take ~45 s).
#pragma once

#include <cstddef>
#include <string_view>

namespace tracker::importers {

// Deeper than any real page (news pages nest a few dozen levels); at this
// depth gumbo still parses in a fraction of a second.
inline constexpr std::size_t k_max_html_nesting = 4000;

// Whether the elements of `html` nest deeper than `limit`, judged by one
// linear scan of its tags: void and self-closed elements, and those HTML
// closes by itself when the next one starts (<p>, <li>, <td>...), do not
// count; comments, doctypes and the text of <script>, <style> and the like
// are skipped. An estimate by design: it only has to tell hostile markup
// from pages.
bool html_nests_deeper_than(std::string_view html, std::size_t limit = k_max_html_nesting);

} // namespace tracker::importers
