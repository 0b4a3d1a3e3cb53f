#pragma once
// DashboardService: what one dashboard screen asks of the open workspace — its data read in one go (meant for a
// worker thread), the ledger totals strip, the alerts' states after a verdict, a signal's evidence for the deep dive,
// and the triage service that records verdicts. The screen holds this service and never the cache: the service owns
// the cache handle (shared with the session, which closes the cache at lock or sign-out — the screen drops the
// service first, see DashboardPage::unbind).
//
// Threading: a connection per thread. load() reads through the service's own second connection to the cache file
// (opened on the constructing thread, closed with the service), so it may run on a worker while the GUI thread
// calls the rest on the session's connection; WAL lets the two read side by side. One load at a time: the screen
// starts the next one only after the last has returned (DashboardPage::reload).
// Failure modes: cache errors are returned as they come (see DashboardSummary.h, SignalRows.h, SignalEvidence.h,
// TriageService.h).
#include "core/Result.h"
#include "dashboard/DashboardSummary.h"
#include "dashboard/SignalEvidence.h"
#include "dashboard/SignalRows.h"
#include "dashboard/TriageService.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <memory>

namespace upstream::storage {
class LocalCache;
}

namespace upstream::dashboard {

class DashboardService {
public:
    // The verdicts are recorded as `operatorName` on `workstation`.
    DashboardService(std::shared_ptr<storage::LocalCache> cache, const QString &operatorName,
                     const QString &workstation);
    ~DashboardService();
    DashboardService(const DashboardService &) = delete;
    DashboardService &operator=(const DashboardService &) = delete;

    // Everything the dashboard of `product` shows (dashboard::loadDashboard); `metric` is its trend's. Fails with
    // the reason when the service's reading connection could not be opened (the cache was locked).
    Result<DashboardData> load(const QString &product, const QString &metric, const QDate &today) const;
    Result<LedgerTiles> ledgerTiles(const QString &product, const QDate &today) const;
    // After a verdict or an undo: the given alerts' status and suppression again, and their similar rows' badges.
    Status refreshAlertStatus(SignalRows &rows, const QStringList &alertIds, const QDate &today) const;
    Result<SignalDetail> signalDetail(const QString &signalId) const;
    // Verdicts, undo/redo, ledger entries and export audits; its undo history lives as long as this service.
    TriageService &triage() { return *m_triage; }

private:
    std::shared_ptr<storage::LocalCache> m_cache;          // the session's connection: GUI thread
    Result<std::unique_ptr<storage::LocalCache>> m_reader; // load()'s own connection, one thread at a time
    std::unique_ptr<TriageService> m_triage;
};

} // namespace upstream::dashboard
