// upstream-workstation: the desktop application. Wiring only; see views/ for the screens.
#include "WorkstationApp.h"

#include "logging/CrashHandler.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    // First: a crash anywhere after this leaves a PHI-free note in the log folder (once log::init has named it).
    upstream::crash::install("upstream-workstation");
    return upstream::app::runWorkstation(argc, argv);
}
