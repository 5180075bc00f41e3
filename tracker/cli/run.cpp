#include "tracker/cli/run.hpp"

#include "tracker/cli/commands.hpp"
#include "tracker/store/database.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>

namespace tracker::cli {

std::string default_database_path() {
    if (const char* env = std::getenv("TRACKER_DB"); env && *env) return env;
    return "tracker.db";
}

void add_database_option(CLI::App& command, std::string& path) {
    path = default_database_path();
    command.add_option("--db", path, "SQLite database (default: $TRACKER_DB, else ./tracker.db)");
}

int run(int argc, char** argv) {
    CLI::App app{"tracker: follow the figures in war reporting (killed, injured, hostages, "
                 "detained, displaced...) across sources and dates"};
    app.name("tracker");
    app.set_version_flag("--version", std::string("tracker ") + TRACKER_VERSION);
    app.require_subcommand(1);
    int exit_status = k_exit_ok;
    add_import_command(app, exit_status);
    add_extract_command(app, exit_status);
    add_export_command(app, exit_status);
    add_query_command(app, exit_status);
    add_report_command(app, exit_status);
    add_articles_command(app, exit_status);
    add_importers_command(app, exit_status);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : k_exit_error;
    } catch (const store::StoreError& e) {
        std::cerr << "tracker: " << e.what() << '\n';
        return k_exit_error;
    } catch (const std::exception& e) {
        std::cerr << "tracker: " << e.what() << '\n';
        return k_exit_error;
    }
    return exit_status;
}

} // namespace tracker::cli
