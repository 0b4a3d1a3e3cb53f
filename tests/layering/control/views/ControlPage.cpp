// Planted: a screen that reaches the cache and runs SQL itself (3 breaches).
#include "storage/cache/LocalCache.h"
#include <QSqlQuery>

const char *controlQuery = "SELECT 1";
