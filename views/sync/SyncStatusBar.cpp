#include "SyncStatusBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace upstream::views {

SyncStatusBar::SyncStatusBar(QWidget *parent)
    : QWidget(parent), m_queued(new QLabel(this)), m_attention(new QToolButton(this)), m_lastSync(new QLabel(this)),
      m_syncNow(new QToolButton(this))
{
    setObjectName(QStringLiteral("syncStatusBar"));
    auto *h = new QHBoxLayout(this);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(10);
    m_queued->setObjectName(QStringLiteral("queuedChanges"));
    m_attention->setObjectName(QStringLiteral("changesNeedingAttention"));
    m_attention->setStyleSheet(QStringLiteral("color:#b3261e;font-weight:600"));
    m_attention->setAutoRaise(true);
    m_attention->setVisible(false);
    m_lastSync->setObjectName(QStringLiteral("lastSync"));
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_syncNow->setAutoRaise(true);
    h->addWidget(m_queued);
    h->addWidget(m_attention);
    h->addWidget(m_lastSync);
    h->addWidget(m_syncNow);
    connect(m_syncNow, &QToolButton::clicked, this, &SyncStatusBar::syncNowRequested);
    connect(m_attention, &QToolButton::clicked, this, &SyncStatusBar::attentionRequested);
    retranslateUi();
}

void SyncStatusBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SyncStatusBar::retranslateUi()
{
    m_queued->setAccessibleName(tr("Queued changes"));
    m_attention->setAccessibleName(tr("Changes needing attention"));
    m_attention->setToolTip(tr("Changes the server refused: see why, then retry or discard them"));
    m_lastSync->setAccessibleName(tr("Last sync"));
    m_syncNow->setText(tr("Sync now"));
    setSyncAvailable(m_unavailableReason);
    setCounts(m_queuedCount, m_refusedCount);
    setLastSync(m_lastSyncAt);
}

// The reason comes worded by the caller, who words it again on a language change.
void SyncStatusBar::setSyncAvailable(const QString &unavailableReason)
{
    m_unavailableReason = unavailableReason;
    m_syncNow->setEnabled(unavailableReason.isEmpty());
    m_syncNow->setToolTip(unavailableReason.isEmpty() ? tr("Send queued changes and fetch the server's (F5)")
                                                      : unavailableReason);
    // Without a server nothing is ever sent: a count of queued audit events would only grow (and differ between
    // two runs of the same screen). Only the greyed-out "Sync now" and its reason remain.
    m_queued->setVisible(unavailableReason.isEmpty());
    m_lastSync->setVisible(unavailableReason.isEmpty());
}

void SyncStatusBar::setCounts(int queued, int refused)
{
    m_queuedCount = queued;
    m_refusedCount = refused;
    m_queued->setText(queued == 0   ? tr("Nothing waiting to sync")
                      : queued == 1 ? tr("1 change queued")
                                    : tr("%1 changes queued").arg(QLocale().toString(queued)));
    m_attention->setText(refused == 1 ? tr("1 change needs attention")
                                      : tr("%1 changes need attention").arg(QLocale().toString(refused)));
    m_attention->setVisible(refused > 0);
}

void SyncStatusBar::setLastSync(const QDateTime &finishedAt)
{
    m_lastSyncAt = finishedAt;
    m_lastSync->setText(
        finishedAt.isValid()
            ? tr("Last sync %1").arg(QLocale().toString(finishedAt.toLocalTime().time(), QLocale::ShortFormat))
            : tr("Not synced yet"));
    m_lastSync->setToolTip(finishedAt.isValid() ? QLocale().toString(finishedAt.toLocalTime(), QLocale::LongFormat)
                                                : QString());
}

QString SyncStatusBar::queuedText() const
{
    return m_queued->text();
}

} // namespace upstream::views
