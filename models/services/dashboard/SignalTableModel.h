#pragma once
// SignalTableModel: the signals table of one dashboard over SignalRows, sorted and filtered through an index
// vector. Every sort or filter change rebuilds the vector and resets the model (beginResetModel/endResetModel):
// at 1,000,000 rows that costs tens of milliseconds, where QSortFilterProxyModel's incremental filtering measured
// 38 s on Qt 6.4. Sorting compares integers and doubles only (strings are dictionary ranks).
//
// Contract: GUI-free (QtCore only); rows are addressed by view row; sourceRow() maps to the SignalRows index.
// setRows() takes ownership of the data; clear() drops every value (the idle lock calls it).
#include "dashboard/SignalRows.h"

#include <QAbstractTableModel>

#include <optional>

namespace upstream::dashboard {

struct SignalFilter {
    std::uint8_t severityMask = 0x0F;   // bit per Severity
    std::optional<std::uint32_t> payer; // dictionary index into SignalRows::payers
    std::uint8_t statusMask = 0x0F;     // bit per AlertStatus
    QDate from, to;                     // on window_end (the as-of date), inclusive; invalid = open
    QString text;                       // case-insensitive substring of payer, group or signal type (id or label)
    bool operator==(const SignalFilter &) const = default;
};

class SignalTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Triage-relevant columns first: at 1280 px the evidence figures scroll, the decision inputs do not.
    enum Column {
        Severity = 0,
        Urgency,
        Payer,
        Group,
        Type,
        Delta,
        ObservedExpected, // DelayGuard: "16 / 32.0" finished claims, observed / expected
        Overdue,          // DelayGuard: overdue dollars at risk (tooltip: overdue of unfinished claims)
        Dollars,
        Status,
        Context,
        Baseline,
        Current,
        PValue,
        Confidence,
        Window,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Severity)
        UrgencyRole,                     // int(Urgency)
        StatusRole,                      // int(AlertStatus)
        SuppressedRole,                  // bool
        SuppressionReasonRole,           // QString
        ContextRole,                     // QString badge text, empty = none
        ContextKindRole,                 // int(ContextKind)
        AlertIdRole,
        SignalIdRole,
        SortValueRole, // the raw value the column sorts by
    };

    explicit SignalTableModel(QObject *parent = nullptr);

    void setRows(SignalRows rows);
    void clear();
    const SignalRows &rows() const { return m_rows; }
    SignalRows &mutableRows() { return m_rows; }
    // After SignalRows was changed in place for these source rows: emits dataChanged (no reset, keeps selection).
    void rowsChangedInPlace();
    // After a language change: headers and cells are translated when asked for, so views only need telling. The
    // signal-type labels cached at load are taken again in the new language (no reload, no reset: selection,
    // filter and row order stay).
    void retranslate();

    void setFilter(const SignalFilter &filter);
    const SignalFilter &filter() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    int sourceRow(int viewRow) const { return m_index[size_t(viewRow)]; }
    int viewRowOfAlert(const QString &alertId) const;
    int totalRows() const { return m_rows.size(); }
    void setGroupHeader(const QString &header) { m_groupHeader = header; } // "CPT group", "Reason"...
    void setDeltaInDays(bool days) { m_daysHeader = days; }                // header "Δ days" (DelayGuard)

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // What a column means, for the header's tooltip and What's This (Shift+F1).
    QString columnHelp(int section) const;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void rebuild();
    bool accepts(int row, const std::vector<std::uint8_t> &textMatch) const;
    QVariant display(int row, int column) const;

    SignalRows m_rows;
    std::vector<int> m_index;
    SignalFilter m_filter;
    int m_sortColumn = Urgency;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QString m_groupHeader;
    bool m_daysHeader = false;
};

} // namespace upstream::dashboard
