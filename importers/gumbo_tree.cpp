#include "importers/gumbo_tree.hpp"

#include <algorithm>
#include <new>
#include <utility>
#include <vector>

namespace tracker::importers {

// A bump allocator: blocks that only grow, freed all together.
class GumboArena {
  public:
    static void* allocate(void* self, std::size_t size) {
        return static_cast<GumboArena*>(self)->take(size);
    }
    static void deallocate(void*, void*) {} // everything goes with the arena

  private:
    static constexpr std::size_t k_alignment = alignof(std::max_align_t);
    static constexpr std::size_t k_first_block = 64u << 10;

    void* take(std::size_t size) {
        size = (size + k_alignment - 1) / k_alignment * k_alignment;
        if (size > m_left) {
            // Blocks double, so a big page needs few of them; a request
            // larger than the next block gets a block of its own size.
            m_next_block = m_blocks.empty() ? k_first_block : m_next_block * 2;
            const std::size_t block = std::max(size, m_next_block);
            m_blocks.push_back(std::make_unique<Storage[]>(block / sizeof(Storage) + 1));
            m_cursor = reinterpret_cast<char*>(m_blocks.back().get());
            m_left = block;
        }
        void* result = m_cursor;
        m_cursor += size;
        m_left -= size;
        return result;
    }

    struct alignas(k_alignment) Storage {
        char bytes[k_alignment];
    };
    std::vector<std::unique_ptr<Storage[]>> m_blocks;
    char* m_cursor = nullptr;
    std::size_t m_left = 0;
    std::size_t m_next_block = 0;
};

GumboTree::GumboTree(GumboTree&& other) noexcept
    : m_output(std::exchange(other.m_output, nullptr)), m_arena(std::move(other.m_arena)) {}

GumboTree& GumboTree::operator=(GumboTree&& other) noexcept {
    if (this != &other) {
        release();
        m_output = std::exchange(other.m_output, nullptr);
        m_arena = std::move(other.m_arena);
    }
    return *this;
}

GumboTree::GumboTree() = default;

GumboTree::~GumboTree() {
    release();
}

void GumboTree::release() {
    // An arena tree is freed with its arena; gumbo frees a malloc'd one.
    if (m_output && !m_arena) gumbo_destroy_output(&kGumboDefaultOptions, m_output);
    m_output = nullptr;
    m_arena.reset();
}

GumboTree parse_gumbo(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // parse errors are never read; recording them costs time and memory
    GumboTree tree;
    if (html.size() <= k_max_arena_page_bytes) {
        tree.m_arena = std::make_unique<GumboArena>();
        options.allocator = &GumboArena::allocate;
        options.deallocator = &GumboArena::deallocate;
        options.userdata = tree.m_arena.get();
    }
    tree.m_output = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!tree.m_output) throw std::bad_alloc();
    return tree;
}

} // namespace tracker::importers
