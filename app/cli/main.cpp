// upstream: the headless command line over the same core (SPEC section 9).
#include "CliApp.h"

#include "logging/CrashHandler.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // First: a crash anywhere after this leaves a PHI-free note in the log folder (once log::init has named it).
    upstream::crash::install("upstream");
    QCoreApplication app(argc, argv);
    return upstream::cli::run(app.arguments());
}
