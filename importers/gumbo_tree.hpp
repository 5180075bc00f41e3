// One parse of an HTML document by gumbo, and the memory it lives in.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace tracker::importers {

class GumboArena;

// The parsed document. The tree refers into the parsed text (original_text),
// which must outlive it.
class GumboTree {
  public:
    GumboTree();
    GumboTree(GumboTree&& other) noexcept;
    GumboTree& operator=(GumboTree&& other) noexcept;
    GumboTree(const GumboTree&) = delete;
    GumboTree& operator=(const GumboTree&) = delete;
    ~GumboTree();

    const GumboOutput* get() const { return m_output; }

    friend GumboTree parse_gumbo(std::string_view html);

  private:
    void release();

    GumboOutput* m_output = nullptr;
    std::unique_ptr<GumboArena> m_arena; // null: the tree was allocated with malloc
};

// Pages up to this size are parsed into an arena: gumbo makes a great many
// small allocations and frees each of them again, and an arena makes both
// nearly free (the whole arena goes at once). An arena never reuses what gumbo
// frees during the parse, so larger input is parsed with malloc, keeping
// memory proportional to the page.
inline constexpr std::size_t k_max_arena_page_bytes = 2u << 20;

// Parses `html` as a whole document (parse errors are not recorded).
GumboTree parse_gumbo(std::string_view html);

} // namespace tracker::importers
