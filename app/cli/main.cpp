// upstream: the headless command line over the same core (SPEC section 9).
#include "CliApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return upstream::cli::run(app.arguments());
}
