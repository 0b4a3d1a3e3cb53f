#pragma once
// The local demo workspace: an encrypted workspace like any other, in its own folder, protected by a fixed and
// documented password (README, docs) so that `upstream-workstation --demo` opens without prompting. It holds only
// synthetic data.
#include "core/Result.h"

#include <QString>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::workspace {

inline constexpr const char *kDemoPassword = "upstream-demo-workspace";

// Fills a freshly created demo workspace with synthetic claims' aggregates, signals, alerts and ledger entries.
Status populateDemoWorkspace(storage::LocalCache &cache);

} // namespace upstream::workspace
