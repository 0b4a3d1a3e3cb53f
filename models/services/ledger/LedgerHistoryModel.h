#pragma once
// LedgerHistoryModel: the change history of one ledger entry, one row per changed field (when, who, field,
// before → after), oldest first. The creation shows each field that was set; an approval shows the approver.
#include "LedgerRepository.h"

#include <QAbstractTableModel>

#include <vector>

namespace upstream::ledger {

class LedgerHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When = 0, Who, Field, Before, After, ColumnCount };
    enum Role { HistoryIdRole = Qt::UserRole + 1, FieldRole };

    explicit LedgerHistoryModel(QObject *parent = nullptr);

    void setHistory(const std::vector<LedgerHistoryRecord> &records);
    int changeCount() const { return m_changeCount; } // history records (one per saved change)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        qint64 historyId;
        QDateTime at;
        QString who;
        LedgerField field;
        QString before;
        QString after;
    };
    std::vector<Row> m_rows;
    int m_changeCount = 0;
};

} // namespace upstream::ledger
