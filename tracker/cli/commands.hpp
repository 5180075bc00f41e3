// The subcommands of `tracker`: each adds itself to the CLI11 app and sets
// the exit status when it runs.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tracker::cli {

// The database a command uses: --db, else $TRACKER_DB, else ./tracker.db.
std::string default_database_path();
void add_database_option(CLI::App& command, std::string& path);

// Exit statuses: 0 success, 1 some input failed, 2 usage or fatal error.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_input_failed = 1;
inline constexpr int k_exit_error = 2;

void add_import_command(CLI::App& app, int& exit_status);
void add_extract_command(CLI::App& app, int& exit_status);
void add_export_command(CLI::App& app, int& exit_status);
void add_query_command(CLI::App& app, int& exit_status);
void add_report_command(CLI::App& app, int& exit_status);
void add_articles_command(CLI::App& app, int& exit_status);
void add_importers_command(CLI::App& app, int& exit_status);

} // namespace tracker::cli
