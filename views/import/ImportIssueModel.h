#pragma once
// ImportIssueModel: the validation issues of one report as a table (row, column, value, category, message),
// filterable by category. Values are display-safe: a PHI issue never carries its value, and any other value the
// PHI scanner flags is withheld too (defence in depth). Read-only; reset when the report or the filter changes.
#include "importer/ImportValidation.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace upstream::views {

class ImportIssueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum ColumnId { RowColumn, ColumnColumn, ValueColumn, CategoryColumn, MessageColumn, ColumnCount };
    explicit ImportIssueModel(QObject *parent = nullptr);

    void setReport(std::shared_ptr<const importer::ValidationReport> report);
    // nullopt: every issue; otherwise only that category's issues.
    void setCategoryFilter(std::optional<importer::Category> category);
    // After a language change (the owning page forwards it; models get no changeEvent): headers and cells are
    // translated text, so views fetch them again. Rows, filter and selection stay.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString categoryLabel(importer::Category category); // translated
    static QString phiTypeLabel(int phiType);                  // translated, e.g. "SSN"

private:
    void rebuild();
    std::shared_ptr<const importer::ValidationReport> m_report;
    std::optional<importer::Category> m_filter;
    std::vector<std::uint32_t> m_rows; // indices into m_report->issues
};

// A source value as the wizard may show it: the value, or a "withheld" marker when the PHI scanner flags it.
QString displaySafeValue(std::string_view value, bool payerColumn = false);
// A preview cell: withheld entirely for columns whose header announces patient data or contains PHI.
QString previewCell(const std::vector<std::string> &header, int column, std::string_view value,
                    const importer::ColumnMapping &mapping);

} // namespace upstream::views
