#include "DashboardService.h"

#include "storage/cache/LocalCache.h"

namespace upstream::dashboard {

DashboardService::DashboardService(std::shared_ptr<storage::LocalCache> cache, const QString &operatorName,
                                   const QString &workstation)
    : m_cache(std::move(cache)), m_reader(makeError(ErrorCode::Internal, QString())),
      m_triage(std::make_unique<TriageService>(m_cache.get(), operatorName, workstation))
{
    auto reader = m_cache->openAnotherConnection();
    if (reader.ok())
        m_reader = std::make_unique<storage::LocalCache>(std::move(reader.value()));
    else
        m_reader = reader.error();
}

DashboardService::~DashboardService() = default; // closes the reading connection and wipes its copy of the key

Result<DashboardData> DashboardService::load(const QString &product, const QString &metric, const QDate &today) const
{
    if (!m_reader.ok())
        return m_reader.error();
    return loadDashboard(*m_reader.value(), product, metric, today);
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
