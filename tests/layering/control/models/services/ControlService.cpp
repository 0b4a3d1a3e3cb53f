// Planted: a service that writes two statements (2 breaches). The near misses below must not count.
auto controlKey = QStringLiteral("PRAGMA key");
const char *controlBegin = "BEGIN";

// Near misses: user text, a word list, a certificate marker, a longer word.
auto controlLabel = tr("Delete the entry");
const char *controlWords[] = {"plan", "select", "delete"};
const char *controlPem = "-----BEGIN CERTIFICATE-----";
const char *controlState = "SELECTED";
