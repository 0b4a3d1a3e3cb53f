#include "SignalTableModel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace upstream::dashboard {
namespace {

std::vector<std::uint8_t> matching(const StringDictionary &d, const QString &text, const QStringList &labels = {})
{
    std::vector<std::uint8_t> m(size_t(d.entries.size()), 0);
    for (qsizetype i = 0; i < d.entries.size(); ++i)
        m[size_t(i)] = d.entries[i].contains(text, Qt::CaseInsensitive) ||
                               (i < labels.size() && labels[i].contains(text, Qt::CaseInsensitive))
                           ? 1
                           : 0;
    return m;
}

QString percent(double v)
{
    return QLocale().toString(v * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

SignalTableModel::SignalTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SignalTableModel::setRows(SignalRows rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    rebuild();
}

void SignalTableModel::clear()
{
    beginResetModel();
    m_rows = SignalRows{};
    m_index.clear();
    m_index.shrink_to_fit();
    endResetModel();
}

void SignalTableModel::rowsChangedInPlace()
{
    if (!m_index.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void SignalTableModel::retranslate()
{
    m_rows.relabel(); // the next sort orders by the words shown
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    rowsChangedInPlace();
}

void SignalTableModel::setFilter(const SignalFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
}

void SignalTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // A reset, not a layout change: views re-select by alert id, and a reset costs nothing per row.
    rebuild();
}

bool SignalTableModel::accepts(int r, const std::vector<std::uint8_t> &text) const
{
    const size_t i = size_t(r);
    if (!(m_filter.severityMask & (1u << unsigned(m_rows.severity[i]))))
        return false;
    if (!(m_filter.statusMask & (1u << unsigned(m_rows.status[i]))))
        return false;
    if (m_filter.payer && *m_filter.payer != m_rows.payer[i])
        return false;
    if (m_filter.from.isValid() && m_rows.windowEnd[i] < m_filter.from.toJulianDay())
        return false;
    if (m_filter.to.isValid() && m_rows.windowEnd[i] > m_filter.to.toJulianDay())
        return false;
    if (!text.empty()) {
        // text = payer matches ++ group matches ++ type matches, concatenated.
        const size_t np = m_rows.payers.rank.size(), ng = m_rows.groups.rank.size();
        if (!text[m_rows.payer[i]] && !text[np + m_rows.group[i]] && !text[np + ng + m_rows.signalType[i]])
            return false;
    }
    return true;
}

void SignalTableModel::rebuild()
{
    beginResetModel();
    std::vector<std::uint8_t> text;
    const QString needle = m_filter.text.trimmed();
    if (!needle.isEmpty()) {
        text = matching(m_rows.payers, needle);
        const auto g = matching(m_rows.groups, needle),
                   t = matching(m_rows.signalTypes, needle, m_rows.signalTypeLabels);
        text.insert(text.end(), g.begin(), g.end());
        text.insert(text.end(), t.begin(), t.end());
    }
    m_index.clear();
    m_index.reserve(size_t(m_rows.size()));
    const bool everything = m_filter == SignalFilter{};
    for (int r = 0; r < m_rows.size(); ++r)
        if (everything || accepts(r, text))
            m_index.push_back(r);

    const SignalRows &d = m_rows;
    auto by = [&](auto key) {
        // Ties broken by source row: the order is total, so sorting is deterministic and stable across rebuilds.
        if (m_sortOrder == Qt::AscendingOrder)
            std::sort(m_index.begin(), m_index.end(), [&](int a, int b) {
                const auto ka = key(size_t(a)), kb = key(size_t(b));
                return ka < kb || (!(kb < ka) && a < b);
            });
        else
            std::sort(m_index.begin(), m_index.end(), [&](int a, int b) {
                const auto ka = key(size_t(a)), kb = key(size_t(b));
                return kb < ka || (!(ka < kb) && a < b);
            });
    };
    switch (m_sortColumn) {
    case Severity: by([&](size_t i) { return std::pair(int(d.severity[i]), d.severityScore[i]); }); break;
    case Urgency:
        by([&](size_t i) { return std::pair(int(d.urgency[i]), d.severityScore[i] * d.confidence[i]); });
        break;
    case Payer: by([&](size_t i) { return d.payers.rank[d.payer[i]]; }); break;
    case Group: by([&](size_t i) { return d.groups.rank[d.group[i]]; }); break;
    case Type: by([&](size_t i) { return d.signalTypes.rank[d.signalType[i]]; }); break;
    case Baseline: by([&](size_t i) { return d.baseline[i]; }); break;
    case Current: by([&](size_t i) { return d.current[i]; }); break;
    case Delta: by([&](size_t i) { return d.delta[i]; }); break;
    case PValue: by([&](size_t i) { return d.pValue[i]; }); break;
    case Confidence: by([&](size_t i) { return d.confidence[i]; }); break;
    case Dollars: by([&](size_t i) { return d.dollars[i]; }); break;
    case ObservedExpected:
        // Slowest first when descending: the larger the shortfall E − O, the further behind the payer is.
        if (d.hasDelayFigures())
            by([&](size_t i) { return d.expected[i] - d.observed[i]; });
        break;
    case Overdue:
        if (d.hasDelayFigures())
            by([&](size_t i) { return d.overdueDollars[i]; });
        break;
    case Window: by([&](size_t i) { return d.windowEnd[i]; }); break;
    case Status: by([&](size_t i) { return int(d.status[i]); }); break;
    case Context: by([&](size_t i) { return std::pair(int(d.contextKind[i]), -d.contextDays[i]); }); break;
    default: break;
    }
    endResetModel();
}

int SignalTableModel::viewRowOfAlert(const QString &alertId) const
{
    for (size_t v = 0; v < m_index.size(); ++v)
        if (m_rows.alertId[size_t(m_index[v])] == alertId)
            return int(v);
    return -1;
}

int SignalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_index.size());
}

int SignalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalTableModel::display(int r, int column) const
{
    const size_t i = size_t(r);
    const QString unit = unitOfSignalType(m_rows.signalTypes.entries[qsizetype(m_rows.signalType[i])]);
    const bool days = unit == QLatin1String("days");
    const QLocale loc;
    auto value = [&](double v) -> QString {
        if (days)
            return tr("%1 d").arg(loc.toString(v, 'f', 1));
        if (unit == QLatin1String("count"))
            return tr("%1/day").arg(loc.toString(v, 'f', 1));
        if (unit == QLatin1String("dollars"))
            return tr("%1/day").arg(formatDollars(v));
        return percent(v);
    };
    switch (column) {
    case Severity: return severityName(m_rows.severity[i]);
    case Urgency: return urgencyName(m_rows.urgency[i]);
    case Payer: return m_rows.payers.entries[qsizetype(m_rows.payer[i])];
    case Group: return m_rows.groups.entries[qsizetype(m_rows.group[i])];
    case Type: return m_rows.signalTypeLabels.value(qsizetype(m_rows.signalType[i]));
    case Baseline: return value(m_rows.baseline[i]);
    case Current: return value(m_rows.current[i]);
    case Delta: return formatDelta(m_rows.signalTypes.entries[qsizetype(m_rows.signalType[i])], m_rows.delta[i]);
    case ObservedExpected:
        if (!m_rows.hasDelayFigures())
            return {};
        return tr("%1 / %2").arg(loc.toString(m_rows.observed[i], 'f', 0), loc.toString(m_rows.expected[i], 'f', 1));
    case Overdue: return m_rows.hasDelayFigures() ? formatDollars(m_rows.overdueDollars[i]) : QString();
    case PValue: return m_rows.pValue[i] < 0.0001 ? QStringLiteral("<0.0001") : loc.toString(m_rows.pValue[i], 'f', 4);
    case Confidence: return percent(m_rows.confidence[i]).replace(QLatin1String(".0%"), QLatin1String("%"));
    case Dollars: return formatDollars(m_rows.dollars[i]);
    case Window:
        return QDate::fromJulianDay(m_rows.windowStart[i]).toString(Qt::ISODate) + QStringLiteral(" – ") +
               QDate::fromJulianDay(m_rows.windowEnd[i]).toString(Qt::ISODate);
    case Status: return statusName(m_rows.status[i]);
    case Context: return m_rows.contextBadge(r);
    default: break;
    }
    return {};
}

QVariant SignalTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = m_index[size_t(index.row())];
    const size_t i = size_t(r);
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Status && m_rows.suppressed[i]) // the reason text says "Suppressed: …" itself
            return m_rows.suppressionReasonLabels.value(qsizetype(m_rows.suppressionReason[i]));
        if (index.column() == ObservedExpected && m_rows.hasDelayFigures())
            return tr("%1 claims of the cohort finished before the as-of date; the reference cohort's pace "
                      "expects %2")
                .arg(QLocale().toString(m_rows.observed[i], 'f', 0), QLocale().toString(m_rows.expected[i], 'f', 1));
        if (index.column() == Overdue && m_rows.hasDelayFigures())
            return tr("%1 overdue claims (older than the reference's 80th-percentile lag): %2 at risk")
                .arg(QLocale().toString(qint64(m_rows.overdueClaims[i])), formatDollars(m_rows.overdueDollars[i]));
        return display(r, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Delta || index.column() == Dollars || index.column() == ObservedExpected ||
            index.column() == Overdue || (index.column() >= Baseline && index.column() <= Confidence))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SeverityRole: return int(m_rows.severity[i]);
    case UrgencyRole: return int(m_rows.urgency[i]);
    case StatusRole: return int(m_rows.status[i]);
    case SuppressedRole: return bool(m_rows.suppressed[i]);
    case SuppressionReasonRole: return m_rows.suppressionReasonLabels.value(qsizetype(m_rows.suppressionReason[i]));
    case ContextRole: return m_rows.contextBadge(r);
    case ContextKindRole: return int(m_rows.contextKind[i]);
    case AlertIdRole: return m_rows.alertId[i];
    case SignalIdRole: return m_rows.signalId[i];
    case SortValueRole:
        switch (index.column()) {
        case Baseline: return m_rows.baseline[i];
        case Current: return m_rows.current[i];
        case Delta: return m_rows.delta[i];
        case PValue: return m_rows.pValue[i];
        case Confidence: return m_rows.confidence[i];
        case Dollars: return m_rows.dollars[i];
        case ObservedExpected:
            return m_rows.hasDelayFigures() ? QVariant(m_rows.expected[i] - m_rows.observed[i]) : QVariant(0.0);
        case Overdue: return m_rows.hasDelayFigures() ? QVariant(m_rows.overdueDollars[i]) : QVariant(0.0);
        case Window: return m_rows.windowEnd[i];
        case Severity: return int(m_rows.severity[i]);
        case Urgency: return int(m_rows.urgency[i]);
        case Status: return int(m_rows.status[i]);
        default: return display(r, index.column());
        }
    default: break;
    }
    return {};
}

QString SignalTableModel::columnHelp(int section) const
{
    switch (section) {
    case Severity: return tr("How far the payer moved from its baseline: critical, high, medium or low.");
    case Urgency: return tr("What to look at first: severity, dollars and how long the alert has waited.");
    case Payer: return tr("The payer whose behaviour changed.");
    case Group:
        return tr("The group the signal is about: the CPT group (DriftWatch) or the denial reason (DenialScope).");
    case Type: return tr("What changed: denial rate, a denial reason, adjudication or payment delay.");
    case Baseline: return tr("The value over the baseline window, before the change.");
    case Current: return tr("The value over the current window.");
    case Delta:
        return m_daysHeader ? tr("How many days slower the payer is now than in the reference cohort.")
                            : tr("Current minus baseline, in percentage points of the rate.");
    case ObservedExpected:
        return tr("Claims finished by the as-of date against how many the reference curve expected.");
    case Overdue: return tr("Dollars of unfinished claims already older than the payer's usual decision time.");
    case PValue: return tr("How likely a change this large is by chance alone; smaller is stronger evidence.");
    case Confidence: return tr("How much data stands behind the signal, from 0 to 1.");
    case Dollars: return tr("Dollars affected by the change in the current window.");
    case Window: return tr("The current window the signal was computed over.");
    case Status: return tr("Pending, acknowledged (marked real) or resolved (marked noise), and any suppression.");
    case Context: return tr("The latest verdict on similar signals: noise, confirmed real, or a follow-up still open.");
    default: break;
    }
    return {};
}

QVariant SignalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::ToolTipRole || role == Qt::WhatsThisRole))
        return columnHelp(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity: return tr("Severity");
    case Urgency: return tr("Urgency");
    case Payer: return tr("Payer");
    case Group: return m_groupHeader.isEmpty() ? tr("Group") : m_groupHeader;
    case Type: return tr("Signal");
    case Baseline: return tr("Baseline");
    case Current: return tr("Current");
    case Delta: return m_daysHeader ? tr("Δ days") : tr("Δ");
    case ObservedExpected: return tr("Observed / expected");
    case Overdue: return tr("Overdue $");
    case PValue: return tr("p-value");
    case Confidence: return tr("Confidence");
    case Dollars: return tr("Dollars");
    case Window: return tr("Current window");
    case Status: return tr("Status");
    case Context: return tr("Context");
    default: break;
    }
    return {};
}

} // namespace upstream::dashboard
