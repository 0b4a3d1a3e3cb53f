#include "ConnectionState.h"

#include <QCoreApplication>

namespace upstream::sync {

QString describe(ConnectionState state)
{
    switch (state) {
    case ConnectionState::LocalWorkspace: return QCoreApplication::translate("ConnectionState", "Local workspace");
    case ConnectionState::Offline:
        return QCoreApplication::translate("ConnectionState", "Offline — changes are queued");
    case ConnectionState::Connecting: return QCoreApplication::translate("ConnectionState", "Connecting…");
    case ConnectionState::Online: return QCoreApplication::translate("ConnectionState", "Online");
    case ConnectionState::Syncing: return QCoreApplication::translate("ConnectionState", "Syncing…");
    case ConnectionState::AuthFailed: return QCoreApplication::translate("ConnectionState", "Sign-in required");
    case ConnectionState::CertificateRejected:
        return QCoreApplication::translate("ConnectionState", "Server certificate rejected");
    case ConnectionState::ServerTooNew:
        return QCoreApplication::translate("ConnectionState", "Server is newer — update the workstation");
    }
    return {};
}

bool isConnected(ConnectionState state)
{
    return state == ConnectionState::Online || state == ConnectionState::Syncing;
}

ConnectionStatus::ConnectionStatus(QObject *parent) : QObject(parent) {}

void ConnectionStatus::setState(ConnectionState state, const QString &detail)
{
    if (state == m_state && detail == m_detail)
        return;
    m_state = state;
    m_detail = detail;
    emit stateChanged(state, detail);
}

} // namespace upstream::sync
