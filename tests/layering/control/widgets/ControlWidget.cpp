// Planted: a widget with libpq and a raw-string statement (2 breaches).
#include <libpq-fe.h>

const char *controlUpdate = R"(UPDATE t SET x = 1)";
