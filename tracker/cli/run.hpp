// The command-line entry point: parses arguments and runs one subcommand.
#pragma once

namespace tracker::cli {

// Returns the process exit status.
int run(int argc, char** argv);

} // namespace tracker::cli
