#include "LedgerHistoryView.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace upstream::views {

LedgerHistoryView::LedgerHistoryView(ledger::LedgerRepository *repository, const ledger::LedgerEntry &entry,
                                     QWidget *parent)
    : QDialog(parent), m_model(new ledger::LedgerHistoryModel(this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("ledgerHistoryView"));
    setWindowTitle(tr("Change history"));
    resize(820, 480);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(this);
    title->setTextFormat(Qt::PlainText);
    title->setText(tr("Change history — %1, %2").arg(entry.payer, ledger::productLabel(entry.product)));
    title->setStyleSheet(QStringLiteral("font-size:15pt;font-weight:600"));
    layout->addWidget(title);
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setStyleSheet(QStringLiteral("color:#52606d"));
    layout->addWidget(m_summary);

    auto history = repository->history(entry.id);
    if (history.ok()) {
        m_model->setHistory(history.value());
        m_summary->setText(
            tr("%n saved change(s); current version %1.", nullptr, m_model->changeCount()).arg(entry.version));
    } else {
        m_summary->setText(tr("The history could not be read: %1").arg(history.error().message));
    }

    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Change history"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ledger::LedgerHistoryModel::After, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace upstream::views
