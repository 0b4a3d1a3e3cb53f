// Compiled only by tst_domain_cannot_include_storage, which expects this to FAIL with "No such file": the pure core's
// include root (models/domain) must not make storage headers reachable.
#include "storage/cache/LocalCache.h"

int storageProbe()
{
    return 0;
}
