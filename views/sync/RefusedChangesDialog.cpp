#include "RefusedChangesDialog.h"

#include "DialogSeam.h"
#include "sync/RefusedChanges.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

enum Column { What, Reason, Queued, Attempts, ColumnCount };
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kConflictRole = Qt::UserRole + 2;
constexpr int kDiscardableRole = Qt::UserRole + 3;

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("verdict"))
        return RefusedChangesDialog::tr("Verdict");
    if (kind == QLatin1String("verdict_undo"))
        return RefusedChangesDialog::tr("Undone verdict");
    if (kind == QLatin1String("ledger_upsert"))
        return RefusedChangesDialog::tr("Ledger entry change");
    if (kind == QLatin1String("ledger_approve"))
        return RefusedChangesDialog::tr("Ledger approval");
    if (kind == QLatin1String("audit"))
        return RefusedChangesDialog::tr("Audit event");
    return kind;
}

} // namespace

RefusedChangesDialog::RefusedChangesDialog(sync::RefusedChangeQueue *queue, QWidget *parent)
    : QDialog(parent), m_queue(queue), m_table(new QTableWidget(0, ColumnCount, this)), m_empty(new QLabel(this)),
      m_status(new QLabel(this)), m_retry(new QPushButton(tr("&Retry"), this)),
      m_discard(new QPushButton(tr("&Discard…"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("refusedChangesDialog"));
    setWindowTitle(tr("Changes needing attention"));
    resize(820, 380);
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The server refused these changes. They stay on this computer and are not sent again "
                                "until you retry them. Retry after the cause is fixed (for example once your role "
                                "allows the change); discard a change you no longer want to send."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_table->setObjectName(QStringLiteral("refusedChanges"));
    m_table->setAccessibleName(tr("Refused changes"));
    m_table->setHorizontalHeaderLabels({tr("Change"), tr("Server's reason"), tr("Queued"), tr("Attempts")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the list for the buttons
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    m_table->setColumnWidth(What, 200);
    m_table->setWordWrap(true);
    v->addWidget(m_table, 1);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setText(tr("Nothing needs attention: every change was accepted or is still waiting to be sent."));
    m_empty->setAlignment(Qt::AlignCenter);
    v->addWidget(m_empty);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setToolTip(tr("Send the selected change again at the next sync"));
    m_discard->setObjectName(QStringLiteral("discard"));
    m_discard->setToolTip(tr("Stop sending the selected change (this computer only)"));
    m_close->setObjectName(QStringLiteral("close"));
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    v->addLayout(buttons);
    setTabOrder(m_table, m_retry);
    setTabOrder(m_retry, m_discard);
    setTabOrder(m_discard, m_close);

    connect(m_retry, &QPushButton::clicked, this, [this] { retrySelected(); });
    connect(m_discard, &QPushButton::clicked, this, [this] { discardSelected(); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RefusedChangesDialog::updateButtons);
    reload();
    m_table->setFocus();
}

void RefusedChangesDialog::reload()
{
    const QString keep = selectedId();
    m_table->setRowCount(0);
    auto list = m_queue->list();
    if (!list.ok()) {
        showStatus(list.error().message, true);
        return;
    }
    int select = 0;
    for (const sync::RefusedChange &c : list.value()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *what = new QTableWidgetItem(kindLabel(c.kind));
        what->setData(kIdRole, c.id);
        what->setData(kConflictRole, c.conflict);
        what->setData(kDiscardableRole, c.discardable);
        what->setToolTip(c.entityId);
        m_table->setItem(row, What, what);
        const QString reason =
            c.conflict ? tr("Conflict: the entry changed on the server since this edit. Resolve it on the Recovery "
                            "ledger page (Ctrl+5).")
                       : c.reason;
        auto *why = new QTableWidgetItem(reason);
        why->setToolTip(reason);
        m_table->setItem(row, Reason, why);
        m_table->setItem(row, Queued,
                         new QTableWidgetItem(QLocale().toString(c.queuedAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, Attempts, new QTableWidgetItem(QLocale().toString(c.attempts)));
        if (c.id == keep)
            select = row;
    }
    m_table->resizeRowsToContents();
    const bool any = m_table->rowCount() > 0;
    m_table->setVisible(any);
    m_empty->setVisible(!any);
    if (any)
        m_table->setCurrentCell(select, 0);
    updateButtons();
}

QString RefusedChangesDialog::selectedId() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, What) ? m_table->item(row, What)->data(kIdRole).toString() : QString();
}

void RefusedChangesDialog::updateButtons()
{
    const int row = m_table->currentRow();
    const bool any = row >= 0 && m_table->item(row, What);
    const bool conflict = any && m_table->item(row, What)->data(kConflictRole).toBool();
    m_retry->setEnabled(any && !conflict);
    m_retry->setToolTip(conflict ? tr("A conflict is resolved on the Recovery ledger page: retrying it as it is "
                                      "would conflict again")
                                 : tr("Send the selected change again at the next sync"));
    const bool discardable = any && m_table->item(row, What)->data(kDiscardableRole).toBool();
    m_discard->setEnabled(discardable);
    m_discard->setToolTip(any && !discardable ? tr("Audit events are never discarded: retry once the cause is fixed")
                                              : tr("Stop sending the selected change (this computer only)"));
}

void RefusedChangesDialog::showStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e") : QStringLiteral("color:#2f6f3e"));
    m_status->setText(text);
}

bool RefusedChangesDialog::retrySelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return false;
    if (Status st = m_queue->retry(id); !st.ok()) {
        showStatus(st.error().message, true);
        reload();
        return false;
    }
    reload();
    showStatus(tr("Queued again: it is sent at the next sync."), false);
    emit changed();
    return true;
}

bool RefusedChangesDialog::discardSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return false;
    const auto answer = widgets::MessageBox::question(
        this, tr("Discard change"),
        tr("Discard this change? It will not be sent to the server. What this computer shows stays as it is until "
           "the server's version arrives."));
    if (answer != QMessageBox::Yes)
        return false;
    if (Status st = m_queue->discard(id); !st.ok()) {
        showStatus(st.error().message, true);
        reload();
        return false;
    }
    reload();
    showStatus(tr("Change discarded."), false);
    emit changed();
    return true;
}

} // namespace upstream::views
