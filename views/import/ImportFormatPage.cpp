#include "ImportFormatPage.h"

#include "ImportIssueModel.h"
#include "ImportWizard.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace upstream::views {

ImportFormatPage::ImportFormatPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("detectedFormat"));
    m_detected->setTextFormat(Qt::RichText);
    // Item texts come from retranslateUi; the data (what the override means) never changes.
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encodingOverride"));
    m_encoding->addItem(QString(), 0);
    m_encoding->addItem(QString(), 1);
    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiterOverride"));
    for (int delimiter : {0, int(','), int(';'), int('\t'), int('|')})
        m_delimiter->addItem(QString(), delimiter);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);

    m_detectedLabel = new QLabel(this);
    m_encodingLabel = new QLabel(this);
    m_encodingLabel->setBuddy(m_encoding);
    m_delimiterLabel = new QLabel(this);
    m_delimiterLabel->setBuddy(m_delimiter);
    auto *form = new QFormLayout;
    form->addRow(m_detectedLabel, m_detected);
    form->addRow(m_encodingLabel, m_encoding);
    form->addRow(m_delimiterLabel, m_delimiter);
    m_previewLabel = new QLabel(this);
    m_previewLabel->setBuddy(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_table, 1);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportFormatPage::applyOverrides);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportFormatPage::applyOverrides);
    retranslateUi();
}

void ImportFormatPage::retranslateUi()
{
    setTitle(tr("Check the format"));
    setSubTitle(tr("Encoding and delimiter were detected from the start of the file. Override them if the preview "
                   "looks wrong."));
    m_encoding->setAccessibleName(tr("Encoding"));
    m_encoding->setItemText(0, tr("As detected"));
    m_encoding->setItemText(1, tr("Windows-1252"));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_delimiter->setItemText(0, tr("As detected"));
    m_delimiter->setItemText(1, tr("Comma ( , )"));
    m_delimiter->setItemText(2, tr("Semicolon ( ; )"));
    m_delimiter->setItemText(3, tr("Tab"));
    m_delimiter->setItemText(4, tr("Pipe ( | )"));
    m_table->setAccessibleName(tr("Preview of the first rows"));
    m_detectedLabel->setText(tr("Detected:"));
    m_encodingLabel->setText(tr("&Encoding:"));
    m_delimiterLabel->setText(tr("&Delimiter:"));
    m_previewLabel->setText(tr("&Preview (first rows; values that look like patient data are withheld):"));
    showError();
    // Only while the page is in the wizard's history does the table hold the wizard's preview.
    if (m_wizard->hasVisitedPage(ImportWizard::FormatPageId))
        showPreviewTexts();
}

void ImportFormatPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportFormatPage::showError()
{
    m_error->setText(
        m_errorReason.isEmpty() ? QString() : tr("With these settings the file cannot be read: %1").arg(m_errorReason));
}

void ImportFormatPage::initializePage()
{
    const QSignalBlocker b1(m_encoding), b2(m_delimiter);
    m_encoding->setCurrentIndex(m_wizard->readerLimits.forceWindows1252 ? 1 : 0);
    m_delimiter->setCurrentIndex(std::max(0, m_delimiter->findData(int(m_wizard->readerLimits.delimiter))));
    m_ok = true;
    m_errorReason.clear();
    showError();
    showPreview();
}

bool ImportFormatPage::isComplete() const
{
    return m_ok;
}

void ImportFormatPage::applyOverrides()
{
    csv::ReaderLimits limits = m_wizard->readerLimits;
    limits.forceWindows1252 = m_encoding->currentData().toInt() == 1;
    limits.delimiter = char(m_delimiter->currentData().toInt());
    auto preview = importer::readPreview(m_wizard->filePath, limits);
    m_ok = bool(preview);
    if (preview) {
        m_wizard->readerLimits = limits;
        m_wizard->preview = std::move(preview.value());
        m_wizard->report.reset();
        m_errorReason.clear();
        showPreview();
    } else {
        m_errorReason = preview.error().message;
    }
    showError();
    emit completeChanged();
}

void ImportFormatPage::showPreview()
{
    const importer::CsvPreview &p = m_wizard->preview;
    m_table->clear();
    m_table->setColumnCount(int(p.header.size()));
    m_table->setRowCount(int(p.rows.size()));
    for (int r = 0; r < int(p.rows.size()); ++r)
        for (int c = 0; c < int(p.rows[std::size_t(r)].size()) && c < int(p.header.size()); ++c)
            m_table->setItem(r, c, new QTableWidgetItem);
    showPreviewTexts();
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 240));
}

void ImportFormatPage::showPreviewTexts()
{
    // Header labels and withheld cells are translated text: set again in place, so the scroll position and the
    // selection stay.
    const importer::CsvPreview &p = m_wizard->preview;
    m_detected->setText(tr("<b>%1</b>, delimiter <b>%2</b>, %3 columns — %4 (%5 MB)")
                            .arg(QLatin1String(csv::encodingName(p.encoding)), csv::delimiterName(p.delimiter))
                            .arg(p.header.size())
                            .arg(QFileInfo(m_wizard->filePath).fileName().toHtmlEscaped())
                            .arg(double(p.fileSize) / 1e6, 0, 'f', 1));
    const importer::ColumnMapping mapping = importer::autoMap(p.header);
    QStringList headers;
    for (int c = 0; c < int(p.header.size()); ++c)
        headers << importer::safeHeaderLabel(p.header, c);
    m_table->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < int(p.rows.size()) && r < m_table->rowCount(); ++r)
        for (int c = 0; c < int(p.rows[std::size_t(r)].size()) && c < m_table->columnCount(); ++c)
            if (QTableWidgetItem *item = m_table->item(r, c))
                item->setText(previewCell(p.header, c, p.rows[std::size_t(r)][std::size_t(c)], mapping));
}

} // namespace upstream::views
