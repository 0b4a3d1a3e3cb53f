#pragma once
// SyntheticSignals: fills a local cache with realistic, entirely synthetic signals, alerts, judgments and ledger
// entries for the three products — for the tests and the benchmarks only (the product fills its caches from the
// engines' output), so it lives in the test support library and writes the cache tables itself. Payer names, groups
// and reasons are invented; nothing comes from real claims.
//
// Contract: deterministic for a given seed and as-of date; writes in one transaction (all or nothing); the figures
// follow SPEC 6 (windows, severity bands, confidence and dollars formulas), and the evidence JSON has the shape
// documented in SignalEvidence.h.
#include "core/Result.h"

#include <QDate>
#include <QString>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::dashboard {

inline const QString kDriftWatch = QStringLiteral("driftwatch");
inline const QString kDenialScope = QStringLiteral("denialscope");
inline const QString kDelayGuard = QStringLiteral("delayguard");

struct SyntheticOptions {
    QDate asOf = QDate(2026, 11, 16);
    int driftWatch = 120, denialScope = 90, delayGuard = 40; // signals per product
    unsigned seed = 20261116;
    bool fullEvidence = true;  // daily series and breakdown; off for million-row benchmarks
    double judgedShare = 0.15; // share of alerts that already carry a verdict (gives context badges)
    int payerCount = 12;       // > 12 adds numbered synthetic payers
    QString operatorName = QStringLiteral("demo.analyst");
};

Status fillSyntheticSignals(storage::LocalCache &cache, const SyntheticOptions &options = {});

} // namespace upstream::dashboard
