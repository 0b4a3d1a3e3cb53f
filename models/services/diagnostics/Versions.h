#pragma once
// Versions of the application and the libraries it runs on (About dialog, --version, support requests).
#include <QString>

namespace upstream::versions {
QString app();
QString qt();
QString libpq();
QString sqlcipher();
// "Upstream Workstation 0.1.0 (Qt 6.4.2, libpq 15.18, SQLCipher 4.6.1 community)"
QString summary();
} // namespace upstream::versions
