// Planted: a service that writes two statements and includes a GUI header (3 breaches). The near misses below must not
// count.
#include <QtWidgets/QLabel>

auto controlKey = QStringLiteral("PRAGMA key");
const char *controlBegin = "BEGIN";

// Near misses: user text, a word list, a certificate marker, a longer word.
auto controlLabel = tr("Delete the entry");
const char *controlWords[] = {"plan", "select", "delete"};
const char *controlPem = "-----BEGIN CERTIFICATE-----";
const char *controlState = "SELECTED";
