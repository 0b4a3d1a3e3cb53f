#include "LedgerHistoryModel.h"

namespace upstream::ledger {

LedgerHistoryModel::LedgerHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void LedgerHistoryModel::setHistory(const std::vector<LedgerHistoryRecord> &records)
{
    beginResetModel();
    m_rows.clear();
    m_changeCount = int(records.size());
    const LedgerEntry empty;
    for (const LedgerHistoryRecord &r : records) {
        const LedgerEntry &before = r.before ? *r.before : empty;
        for (int f = 0; f < kLedgerFieldCount; ++f) {
            const auto field = LedgerField(f);
            // A creation lists what was filled in; the default state "Open" and zero amounts are shown too.
            const bool changed = !fieldEquals(before, r.after, field) ||
                                 (!r.before && (field == LedgerField::State || field == LedgerField::Expected));
            if (changed)
                m_rows.push_back({r.id, r.at, r.who, field, r.before ? fieldText(before, field) : QString(),
                                  fieldText(r.after, field)});
        }
    }
    endResetModel();
}

int LedgerHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LedgerHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case HistoryIdRole: return r.historyId;
    case FieldRole: return int(r.field);
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case When: return r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case Who: return r.who;
        case Field: return fieldLabel(r.field);
        case Before: return r.before.isEmpty() && role == Qt::DisplayRole ? QStringLiteral("—") : r.before;
        case After: return r.after.isEmpty() && role == Qt::DisplayRole ? QStringLiteral("—") : r.after;
        default: return {};
        }
    default: return {};
    }
}

QVariant LedgerHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case Who: return tr("Who");
    case Field: return tr("Field");
    case Before: return tr("Before");
    case After: return tr("After");
    default: return {};
    }
}

} // namespace upstream::ledger
