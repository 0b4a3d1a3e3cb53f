// The control for the two include probes: a domain header compiles against upstream_domain, so when a probe fails
// it failed on the header it names, not on the set-up (tst_domain_include_probe_control_compiles).
#include "claims/ClaimRow.h"

int domainProbe()
{
    return 0;
}
