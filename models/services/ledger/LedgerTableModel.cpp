#include "LedgerTableModel.h"

#include <QSet>

#include <algorithm>

namespace upstream::ledger {

LedgerTableModel::LedgerTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void LedgerTableModel::setEntries(std::vector<LedgerEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    rebuild();
    endResetModel();
}

void LedgerTableModel::upsert(const LedgerEntry &entry)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const LedgerEntry &e) { return e.id == entry.id; });
    if (it != m_entries.end() && matches(*it) == matches(entry)) {
        *it = entry;
        const int row = rowOf(entry.id);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Visibility changed or a new entry: rebuild the index vector (one pass, cheap).
    beginResetModel();
    if (it != m_entries.end())
        *it = entry;
    else
        m_entries.push_back(entry);
    rebuild();
    endResetModel();
}

void LedgerTableModel::setFilter(const LedgerFilter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuild();
    endResetModel();
}

bool LedgerTableModel::matches(const LedgerEntry &e) const
{
    if (m_filter.state && e.state != *m_filter.state)
        return false;
    if (!m_filter.product.isEmpty() && e.product != m_filter.product)
        return false;
    if (!m_filter.payer.isEmpty() && e.payer != m_filter.payer)
        return false;
    if (!m_filter.text.isEmpty()) {
        const QString &t = m_filter.text;
        for (const QString *s : {&e.payer, &e.owner, &e.notes, &e.alertId, &e.signalId})
            if (s->contains(t, Qt::CaseInsensitive))
                return true;
        return false;
    }
    return true;
}

void LedgerTableModel::rebuild()
{
    m_rows.clear();
    m_rows.reserve(m_entries.size());
    for (size_t i = 0; i < m_entries.size(); ++i)
        if (matches(m_entries[i]))
            m_rows.push_back(int(i));
    applySort();
}

void LedgerTableModel::applySort()
{
    const int col = m_sortColumn;
    auto less = [&](int a, int b) {
        const LedgerEntry &x = m_entries[size_t(a)];
        const LedgerEntry &y = m_entries[size_t(b)];
        switch (col) {
        case Payer: return x.payer.compare(y.payer, Qt::CaseInsensitive) < 0;
        case Product: return x.product < y.product;
        case State: return int(x.state) < int(y.state);
        case Expected: return x.expectedCents < y.expectedCents;
        case Recovered: return x.recoveredCents < y.recoveredCents;
        case RecoveredDate: return x.recoveredDate < y.recoveredDate;
        case Owner: return x.owner.compare(y.owner, Qt::CaseInsensitive) < 0;
        case Approval: return x.isApproved() < y.isApproved();
        default: return x.updatedAt < y.updatedAt;
        }
    };
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_rows.begin(), m_rows.end(), less);
    else
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) { return less(b, a); });
}

void LedgerTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<QString> ids;
    ids.reserve(size_t(before.size()));
    for (const QModelIndex &i : before)
        ids.push_back(entryAt(i.row()).id);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(rowOf(ids[size_t(i)]), before[i].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int LedgerTableModel::rowOf(const QString &entryId) const
{
    for (size_t r = 0; r < m_rows.size(); ++r)
        if (m_entries[size_t(m_rows[r])].id == entryId)
            return int(r);
    return -1;
}

std::vector<LedgerEntry> LedgerTableModel::visibleEntries() const
{
    std::vector<LedgerEntry> out;
    out.reserve(m_rows.size());
    for (int i : m_rows)
        out.push_back(m_entries[size_t(i)]);
    return out;
}

LedgerTotals LedgerTableModel::visibleTotals(QDate today) const
{
    return computeTotals(m_entries, m_rows, today);
}

QStringList LedgerTableModel::payers() const
{
    QSet<QString> seen;
    for (const LedgerEntry &e : m_entries)
        seen.insert(e.payer);
    QStringList out(seen.begin(), seen.end());
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return out;
}

int LedgerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LedgerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LedgerEntry &e = entryAt(index.row());
    switch (role) {
    case EntryIdRole: return e.id;
    case StateRole: return int(e.state);
    case Qt::TextAlignmentRole:
        if (index.column() == Expected || index.column() == Recovered)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return index.column() == Approval && e.isApproved() ? fieldText(e, LedgerField::ApprovedAt) : QVariant();
    case SortRole:
        switch (index.column()) {
        case Expected: return e.expectedCents;
        case Recovered: return e.recoveredCents;
        case State: return int(e.state);
        default: break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case Payer: return e.payer;
        case Product: return productLabel(e.product);
        case State: return stateLabel(e.state);
        case Expected: return formatCents(e.expectedCents);
        case Recovered: return formatCents(e.recoveredCents);
        case RecoveredDate: return fieldText(e, LedgerField::RecoveredDate);
        case Owner: return e.owner;
        case Approval: return e.approvedBy;
        case Updated: return e.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        default: return {};
        }
    default: return {};
    }
}

void LedgerTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant LedgerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return (section == Expected || section == Recovered) ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                             : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Payer: return tr("Payer");
    case Product: return tr("Product");
    case State: return tr("State");
    case Expected: return tr("Expected");
    case Recovered: return tr("Recovered");
    case RecoveredDate: return tr("Recovered on");
    case Owner: return tr("Owner");
    case Approval: return tr("Approved by");
    case Updated: return tr("Updated");
    default: return {};
    }
}

} // namespace upstream::ledger
