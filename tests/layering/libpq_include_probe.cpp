// Compiled only by tst_domain_cannot_include_libpq, which expects this to FAIL with "No such file": linking the pure
// core must not bring libpq's headers.
#include <libpq-fe.h>

int libpqProbe()
{
    return 0;
}
