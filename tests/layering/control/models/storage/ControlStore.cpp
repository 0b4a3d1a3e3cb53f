// Planted: storage may hold SQL (not a breach) but no GUI header (1 breach).
#include <QPixmap>

const char *controlSelect = "SELECT 1";
