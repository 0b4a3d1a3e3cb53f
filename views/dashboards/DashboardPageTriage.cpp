// DashboardPage, part two: keyboard triage, verdicts, undo, the deep dive and the ledger offer.
#include "DashboardPage.h"

#include "dashboards/TriagePanel.h"
#include "deepdive/DeepDiveDialog.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>

namespace upstream::views {
using dashboard::SignalTableModel;

bool DashboardPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search) {
        // Escape or Down hands the keyboard back to the queue.
        if (key->key() == Qt::Key_Escape || key->key() == Qt::Key_Down) {
            m_table->setFocus();
            return true;
        }
        return false;
    }
    if (watched != m_table)
        return QWidget::eventFilter(watched, event);
    const auto mods = key->modifiers() & ~Qt::KeypadModifier;
    if (key->matches(QKeySequence::Undo)) {
        undo();
        return true;
    }
    if (key->matches(QKeySequence::Redo)) {
        redo();
        return true;
    }
    if (mods & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (key->key()) {
    case Qt::Key_J: moveCurrent(+1, mods & Qt::ShiftModifier); return true;
    case Qt::Key_K: moveCurrent(-1, mods & Qt::ShiftModifier); return true;
    case Qt::Key_R: applyVerdict(QStringLiteral("real")); return true;
    case Qt::Key_N: applyVerdict(QStringLiteral("noise")); return true;
    case Qt::Key_F: applyVerdict(QStringLiteral("needs_followup")); return true;
    case Qt::Key_L:
        if (!m_panel->offeredAlert().isEmpty())
            openLedgerEntry(m_panel->offeredAlert());
        return true;
    case Qt::Key_Slash: m_search->setFocus(); return true;
    case Qt::Key_Return:
    case Qt::Key_Enter: openDeepDive(); return true;
    default: break;
    }
    return false;
}

void DashboardPage::moveCurrent(int delta, bool extend)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int from = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    const int to = std::clamp(from + delta, 0, rows - 1);
    const QModelIndex target = m_model->index(to, 0);
    const auto flags = extend ? QItemSelectionModel::Select | QItemSelectionModel::Rows
                              : QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    m_table->selectionModel()->setCurrentIndex(target, flags);
    m_table->scrollTo(target);
    m_panel->withdrawLedgerOffer();
}

QStringList DashboardPage::selectedAlertIds() const
{
    QStringList ids;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &i : rows) {
        const QString id = i.siblingAtColumn(0).data(SignalTableModel::AlertIdRole).toString();
        if (!id.isEmpty())
            ids << id;
    }
    return ids;
}

void DashboardPage::applyVerdict(const QString &verdict)
{
    if (!m_triage)
        return;
    // A key pressed on a read-only queue: say so (the panel shows the reason), write nothing.
    if (m_panel->isReadOnly()) {
        m_panel->setTranslatedMessage([] { return tr("Read-only: your role cannot record verdicts."); });
        return;
    }
    const QStringList ids = selectedAlertIds();
    if (ids.isEmpty()) {
        m_panel->setTranslatedMessage(
            [] { return tr("The selected signal did not become an alert: there is nothing to triage."); });
        return;
    }
    const Status st = m_triage->apply(ids, {verdict, m_panel->reasonCode(), m_panel->notes()});
    if (!st.ok()) {
        showError(st.error().message);
        return;
    }
    m_panel->clearInput();
    afterTriage(ids);
    m_panel->setTranslatedMessage(
        [n = ids.size()] { return n == 1 ? tr("Verdict recorded.") : tr("Verdict recorded on %1 alerts.").arg(n); });
    if (verdict == QLatin1String("real") && ids.size() == 1)
        m_panel->offerLedgerEntry(ids.front());
    else
        m_panel->withdrawLedgerOffer();
    // One alert at a time: move on to the next one, the way a queue is cleared.
    if (ids.size() == 1) {
        const QString offered = m_panel->offeredAlert();
        moveCurrent(+1, false);
        if (!offered.isEmpty())
            m_panel->offerLedgerEntry(offered);
    }
}

void DashboardPage::undo()
{
    if (!m_triage || !m_triage->canUndo())
        return;
    const QStringList ids = m_triage->lastAlertIds();
    if (const Status st = m_triage->undoLast(); !st.ok()) {
        showError(st.error().message);
        return;
    }
    afterTriage(ids);
    m_panel->withdrawLedgerOffer();
    m_panel->setTranslatedMessage([] { return tr("Last verdict undone."); });
    if (ids.size() == 1)
        selectAlert(ids.front());
}

void DashboardPage::redo()
{
    if (!m_triage || !m_triage->canRedo())
        return;
    const QStringList ids = m_triage->nextRedoAlertIds();
    if (const Status st = m_triage->redoLast(); !st.ok()) {
        showError(st.error().message);
        return;
    }
    afterTriage(ids);
    m_panel->setTranslatedMessage([n = ids.size()] {
        return n == 1 ? tr("Verdict recorded again.") : tr("Verdict recorded again on %1 alerts.").arg(n);
    });
    if (ids.size() == 1)
        selectAlert(ids.front());
}

void DashboardPage::afterTriage(const QStringList &alertIds)
{
    if (const Status st = m_service->refreshAlertStatus(m_model->mutableRows(), alertIds, m_today); !st.ok())
        showError(st.error().message);
    m_model->rowsChangedInPlace();
    refreshSummary();
    m_panel->setUndoRedoAvailable(m_triage && m_triage->canUndo(), m_triage && m_triage->canRedo());
}

void DashboardPage::selectAlert(const QString &alertId)
{
    const int row = m_model->viewRowOfAlert(alertId);
    if (row < 0)
        return;
    const QModelIndex i = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(i);
}

DeepDiveDialog *DashboardPage::deepDive() const
{
    return m_deepDive.data();
}

void DashboardPage::openDeepDive()
{
    if (!m_service || !m_table->currentIndex().isValid())
        return;
    const QString signalId = m_table->currentIndex().siblingAtColumn(0).data(SignalTableModel::SignalIdRole).toString();
    auto detail = m_service->signalDetail(signalId);
    if (!detail.ok()) {
        showError(detail.error().message);
        return;
    }
    if (m_deepDive)
        m_deepDive->close();
    m_deepDive = new DeepDiveDialog(std::move(detail.value()), this);
    m_deepDive->setAttribute(Qt::WA_DeleteOnClose);
    // Back to the queue where we left it.
    connect(m_deepDive, &QDialog::finished, this, [this] { m_table->setFocus(); });
    connect(m_deepDive, &DeepDiveDialog::evidenceExported, this, [this](const QString &id, const QString &format) {
        if (m_triage)
            (void)m_triage->recordExport(id, format);
    });
    m_deepDive->open(); // window-modal and non-blocking: tests and the idle lock can always close it
}

void DashboardPage::openLedgerEntry(const QString &alertId)
{
    if (!m_triage)
        return;
    auto entry = m_triage->openLedgerEntry(alertId);
    if (!entry.ok()) {
        showError(entry.error().message);
        return;
    }
    m_panel->withdrawLedgerOffer();
    m_panel->setTranslatedMessage([] { return tr("Recovery-ledger entry opened."); });
    refreshLedger();
    emit ledgerEntryOpened(entry.value());
}

} // namespace upstream::views
