// Planted: pure code that includes storage and SQLCipher and writes SQL (3 breaches).
#include "storage/pg/PgConnection.h"
#include <sqlcipher/sqlite3.h>

auto controlInsert = QStringLiteral("  INSERT INTO x VALUES (1)");
