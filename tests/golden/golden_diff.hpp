// Shared by the golden-file tests: reading a file whole, and describing how
// an output differs from its golden file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tracker::golden {

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

// A short diff-ish description: paths, the first differing line, and up to a
// few lines after it from both sides; `accept_filter` is the tracker_tests
// filter that regenerates these golden files.
inline std::string describe_mismatch(const std::filesystem::path& expected_path,
                                     const std::filesystem::path& actual_path,
                                     const std::string& expected, const std::string& actual,
                                     const std::string& accept_filter) {
    const auto expected_lines = split_lines(expected);
    const auto actual_lines = split_lines(actual);
    std::size_t first = 0;
    while (first < expected_lines.size() && first < actual_lines.size() &&
           expected_lines[first] == actual_lines[first])
        ++first;
    std::ostringstream message;
    message << "golden mismatch\n--- expected: " << expected_path.string()
            << "\n+++ actual:   " << actual_path.string() << "\nfirst difference at line "
            << first + 1 << ":\n";
    constexpr std::size_t k_context = 5;
    for (std::size_t i = first; i < first + k_context; ++i) {
        const bool in_expected = i < expected_lines.size();
        const bool in_actual = i < actual_lines.size();
        if (in_expected && in_actual && expected_lines[i] == actual_lines[i]) {
            message << " " << expected_lines[i] << "\n";
            continue;
        }
        if (in_expected) message << "-" << expected_lines[i] << "\n";
        if (in_actual) message << "+" << actual_lines[i] << "\n";
    }
    if (expected_lines.size() == actual_lines.size() && first == expected_lines.size())
        message << "(lines equal; difference in line endings or the final newline)\n";
    message << "see: diff -u '" << expected_path.string() << "' '" << actual_path.string()
            << "'\nto accept the new output: TRACKER_UPDATE_GOLDEN=1 tracker_tests \""
            << accept_filter << "\"";
    return message.str();
}

} // namespace tracker::golden
