#include "ConnectionStatusLabel.h"

#include <QEvent>

namespace upstream::widgets {
namespace {

QString colourFor(sync::ConnectionState state)
{
    using S = sync::ConnectionState;
    switch (state) {
    case S::Online:
    case S::LocalWorkspace: return QStringLiteral("#2e7d32");
    case S::Syncing:
    case S::Connecting: return QStringLiteral("#1565c0");
    case S::Offline: return QStringLiteral("#ef6c00");
    case S::AuthFailed:
    case S::CertificateRejected:
    case S::ServerTooNew: return QStringLiteral("#c62828");
    }
    return QStringLiteral("#666666");
}

} // namespace

ConnectionStatusLabel::ConnectionStatusLabel(sync::ConnectionStatus *status, QWidget *parent)
    : QLabel(parent), m_status(status)
{
    setTextFormat(Qt::RichText);
    connect(status, &sync::ConnectionStatus::stateChanged, this, &ConnectionStatusLabel::show);
    retranslateUi();
}

void ConnectionStatusLabel::retranslateUi()
{
    setAccessibleName(tr("Connection state"));
    show(m_status->state(), m_status->detail()); // sync::describe() names the state in the current language
}

void ConnectionStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLabel::changeEvent(event);
}

void ConnectionStatusLabel::show(sync::ConnectionState state, const QString &detail)
{
    setText(QStringLiteral("<span style='color:%1'>&#9679;</span>&nbsp;%2")
                .arg(colourFor(state), sync::describe(state).toHtmlEscaped()));
    setToolTip(detail);
}

} // namespace upstream::widgets
