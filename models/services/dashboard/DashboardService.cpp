#include "DashboardService.h"

namespace upstream::dashboard {

DashboardService::DashboardService(std::shared_ptr<storage::LocalCache> cache, const QString &operatorName,
                                   const QString &workstation)
    : m_cache(std::move(cache)), m_triage(std::make_unique<TriageService>(m_cache.get(), operatorName, workstation))
{
}

DashboardService::~DashboardService() = default;

Result<DashboardData> DashboardService::load(const QString &product, const QString &metric, const QDate &today) const
{
    return loadDashboard(*m_cache, product, metric, today);
}

Result<LedgerTiles> DashboardService::ledgerTiles(const QString &product, const QDate &today) const
{
    return dashboard::ledgerTiles(*m_cache, product, today);
}

Status DashboardService::refreshAlertStatus(SignalRows &rows, const QStringList &alertIds, const QDate &today) const
{
    return dashboard::refreshAlertStatus(*m_cache, rows, alertIds, today);
}

Result<SignalDetail> DashboardService::signalDetail(const QString &signalId) const
{
    return loadSignalDetail(*m_cache, signalId);
}

} // namespace upstream::dashboard
