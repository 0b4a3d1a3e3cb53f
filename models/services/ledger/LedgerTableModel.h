#pragma once
// LedgerTableModel: the recovery ledger as a table, with filters by state, product, payer and free text.
//
// Filtering rebuilds a vector of row indexes in one pass (a model reset) instead of QSortFilterProxyModel's
// incremental filtering, which takes tens of seconds at a million rows (measured: TOOLCHAIN.md). Sorting sorts the
// same index vector. Totals are computed over the visible rows, so the strip always totals what the table shows.
#include "ledger/LedgerEntry.h"
#include "ledger/LedgerTotals.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace upstream::ledger {

struct LedgerFilter {
    std::optional<LedgerState> state;
    QString product; // product id; empty = all
    QString payer;   // exact payer; empty = all
    QString text;    // case-insensitive substring of payer, owner, notes, alert or signal id
    bool operator==(const LedgerFilter &) const = default;
};

class LedgerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Payer = 0,
        Product,
        State,
        Expected,
        Recovered,
        RecoveredDate,
        Owner,
        Approval,
        Updated,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole + 1, SortRole, StateRole };

    explicit LedgerTableModel(QObject *parent = nullptr);

    void setEntries(std::vector<LedgerEntry> entries);
    // Keeps the filter; a row that stays visible is updated in place (its position under the current sort is
    // refreshed by the next sort or filter — the page reloads after a save anyway).
    void upsert(const LedgerEntry &entry);
    const std::vector<LedgerEntry> &entries() const { return m_entries; }
    // After a language change: headers and cells are translated when asked for, so views only need telling.
    void retranslate();

    void setFilter(const LedgerFilter &filter);
    const LedgerFilter &filter() const { return m_filter; }

    // The entry shown at a row of this model (row < rowCount()).
    const LedgerEntry &entryAt(int row) const { return m_entries[size_t(m_rows[size_t(row)])]; }
    int rowOf(const QString &entryId) const; // -1 when filtered out or unknown
    std::vector<LedgerEntry> visibleEntries() const;
    LedgerTotals visibleTotals(QDate today) const;
    QStringList payers() const; // distinct payers, sorted, for the filter box

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    bool matches(const LedgerEntry &entry) const;
    void rebuild();
    void applySort();

    std::vector<LedgerEntry> m_entries;
    std::vector<int> m_rows; // indexes into m_entries of the visible rows, in display order
    LedgerFilter m_filter;
    int m_sortColumn = Updated;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace upstream::ledger
