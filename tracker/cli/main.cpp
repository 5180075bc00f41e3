#include "tracker/cli/run.hpp"

int main(int argc, char** argv) { return tracker::cli::run(argc, argv); }
