#pragma once
// The local demo workspace: an encrypted workspace like any other, in its own folder, protected by a fixed and
// documented password (README, docs) so that `upstream-workstation --demo` opens without prompting. It holds only
// synthetic data.
#include "core/Result.h"
#include "demo/DemoDataGenerator.h"

#include <QDate>
#include <QString>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::workspace {

inline constexpr const char *kDemoPassword = "upstream-demo-workspace";

// The demo's claim export: a live export taken on `exportedOn` (default today), whose planted changes are aimed
// at that day. Its own as-of date is the export day, so every product has signals whatever the calendar says
// (the data depends on the date only through the weekday; tests prove all seven).
demo::DemoConfig demoWorkspaceConfig(QDate exportedOn = QDate::currentDate());

// Fills a freshly created demo workspace with synthetic claims' aggregates, signals, alerts and ledger entries,
// computed at the data's own as-of date.
Status populateDemoWorkspace(storage::LocalCache &cache, QDate exportedOn = QDate::currentDate());

} // namespace upstream::workspace
