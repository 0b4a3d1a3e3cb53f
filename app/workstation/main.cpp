// upstream-workstation: the desktop application. Wiring only; see views/ for the screens.
#include "WorkstationApp.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    return upstream::app::runWorkstation(argc, argv);
}
