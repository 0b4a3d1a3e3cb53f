#include "ImportIssueModel.h"

#include "ImportWizard.h"

namespace upstream::views {

using importer::Category;

ImportIssueModel::ImportIssueModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportIssueModel::setReport(std::shared_ptr<const importer::ValidationReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    rebuild();
    endResetModel();
}

void ImportIssueModel::setCategoryFilter(std::optional<Category> category)
{
    beginResetModel();
    m_filter = category;
    rebuild();
    endResetModel();
}

void ImportIssueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ImportIssueModel::rebuild()
{
    m_rows.clear();
    if (!m_report)
        return;
    for (std::size_t i = 0; i < m_report->issues.size(); ++i)
        if (!m_filter || importer::categoryOf(m_report->issues[i].code) == *m_filter)
            m_rows.push_back(std::uint32_t(i));
}

int ImportIssueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportIssueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportIssueModel::categoryLabel(Category category)
{
    switch (category) {
    case Category::MissingFields: return tr("Missing fields");
    case Category::PhiDetections: return tr("PHI detected");
    case Category::InvalidDates: return tr("Invalid dates");
    case Category::InvalidValues: return tr("Invalid values");
    case Category::Warning: return tr("Warning");
    }
    return {};
}

QString ImportIssueModel::phiTypeLabel(int phiType)
{
    switch (phi::PhiType(phiType)) {
    case phi::PhiType::PatientName: return tr("Patient name");
    case phi::PhiType::Ssn: return tr("SSN");
    case phi::PhiType::Mrn: return tr("Medical record number");
    case phi::PhiType::Phone: return tr("Phone number");
    case phi::PhiType::Email: return tr("Email address");
    case phi::PhiType::DateOfBirth: return tr("Date of birth");
    case phi::PhiType::StreetAddress: return tr("Street address");
    case phi::PhiType::CardNumber: return tr("Card number");
    case phi::PhiType::UrlOrIp: return tr("URL or IP address");
    case phi::PhiType::MemberId: return tr("Member ID");
    }
    return tr("PHI");
}

QVariant ImportIssueModel::data(const QModelIndex &index, int role) const
{
    if (!m_report || !index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const importer::Issue &issue = m_report->issues[m_rows[std::size_t(index.row())]];
    if (role == Qt::TextAlignmentRole && index.column() == RowColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == ValueColumn &&
        importer::categoryOf(issue.code) == Category::PhiDetections)
        return QColor(0x80, 0x80, 0x80);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case RowColumn: return formatCount(issue.row);
    case ColumnColumn:
        return issue.column >= 0 ? QString::fromLatin1(importer::columnName(importer::Column(issue.column)))
                                 : tr("(row)");
    case ValueColumn:
        if (issue.phiType >= 0 || importer::categoryOf(issue.code) == Category::PhiDetections)
            return tr("withheld: %1").arg(phiTypeLabel(issue.phiType));
        return displaySafeValue(issue.value, issue.column == int(importer::Column::Payer));
    case CategoryColumn: return categoryLabel(importer::categoryOf(issue.code));
    case MessageColumn: return importer::issueMessage(issue);
    default: return {};
    }
}

QVariant ImportIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RowColumn: return tr("Row");
    case ColumnColumn: return tr("Column");
    case ValueColumn: return tr("Value");
    case CategoryColumn: return tr("Category");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

QString displaySafeValue(std::string_view value, bool payerColumn)
{
    phi::PhiType type{};
    if (phi::firstPhi(value, payerColumn ? phi::FieldKind::Payer : phi::FieldKind::FreeText, &type))
        return ImportIssueModel::tr("withheld: %1").arg(ImportIssueModel::phiTypeLabel(int(type)));
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

QString previewCell(const std::vector<std::string> &header, int column, std::string_view value,
                    const importer::ColumnMapping &mapping)
{
    if (column < int(header.size())) {
        const std::string &h = header[std::size_t(column)];
        const QString name = QString::fromUtf8(h.data(), qsizetype(h.size()));
        bool mapped = false;
        for (int src : mapping.source)
            mapped = mapped || src == column;
        if (phi::containsPhi(h, phi::FieldKind::FreeText) || (!mapped && phi::isSuspiciousHeader(name)))
            return value.empty() ? QString() : ImportIssueModel::tr("••• withheld");
    }
    return displaySafeValue(value, mapping[importer::Column::Payer] == column);
}

} // namespace upstream::views
