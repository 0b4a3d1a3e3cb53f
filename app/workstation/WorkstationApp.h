#pragma once

namespace upstream::app {
// Parses the command line, builds the application and runs it. Returns the process exit code.
int runWorkstation(int argc, char *argv[]);
} // namespace upstream::app
