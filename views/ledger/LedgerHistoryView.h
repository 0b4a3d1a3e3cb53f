#pragma once
// LedgerHistoryView: the change history of one ledger entry — when, who, field, before → after — read-only.
// Failure mode: when the history cannot be read, the dialog says so instead of showing an empty table.
#include "ledger/LedgerHistoryModel.h"

#include <QDialog>

class QLabel;
class QTableView;

namespace upstream::views {

class LedgerHistoryView : public QDialog {
    Q_OBJECT
public:
    LedgerHistoryView(ledger::LedgerRepository *repository, const ledger::LedgerEntry &entry,
                      QWidget *parent = nullptr);
    ledger::LedgerHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

private:
    ledger::LedgerHistoryModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace upstream::views
