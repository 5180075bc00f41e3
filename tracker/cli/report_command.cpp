#include "tracker/cli/commands.hpp"

namespace tracker::cli {

void add_report_command(CLI::App&, int&) {}

} // namespace tracker::cli
