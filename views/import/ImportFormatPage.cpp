#include "ImportFormatPage.h"

#include "ImportIssueModel.h"
#include "ImportWizard.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace upstream::views {

ImportFormatPage::ImportFormatPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Check the format"));
    setSubTitle(tr("Encoding and delimiter were detected from the start of the file. Override them if the preview "
                   "looks wrong."));
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("detectedFormat"));
    m_detected->setTextFormat(Qt::RichText);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encodingOverride"));
    m_encoding->setAccessibleName(tr("Encoding"));
    m_encoding->addItem(tr("As detected"), 0);
    m_encoding->addItem(tr("Windows-1252"), 1);
    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiterOverride"));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_delimiter->addItem(tr("As detected"), 0);
    m_delimiter->addItem(tr("Comma ( , )"), int(','));
    m_delimiter->addItem(tr("Semicolon ( ; )"), int(';'));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    m_delimiter->addItem(tr("Pipe ( | )"), int('|'));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Preview of the first rows"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Detected:"), m_detected);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Delimiter:"), m_delimiter);
    auto *previewLabel =
        new QLabel(tr("&Preview (first rows; values that look like patient data are withheld):"), this);
    previewLabel->setBuddy(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(previewLabel);
    layout->addWidget(m_table, 1);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportFormatPage::applyOverrides);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportFormatPage::applyOverrides);
}

void ImportFormatPage::initializePage()
{
    const QSignalBlocker b1(m_encoding), b2(m_delimiter);
    m_encoding->setCurrentIndex(m_wizard->readerLimits.forceWindows1252 ? 1 : 0);
    m_delimiter->setCurrentIndex(std::max(0, m_delimiter->findData(int(m_wizard->readerLimits.delimiter))));
    m_ok = true;
    m_error->clear();
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
        m_error->clear();
        showPreview();
    } else {
        m_error->setText(tr("With these settings the file cannot be read: %1").arg(preview.error().message));
    }
    emit completeChanged();
}

void ImportFormatPage::showPreview()
{
    const importer::CsvPreview &p = m_wizard->preview;
    m_detected->setText(tr("<b>%1</b>, delimiter <b>%2</b>, %3 columns — %4 (%5 MB)")
                            .arg(QLatin1String(csv::encodingName(p.encoding)), csv::delimiterName(p.delimiter))
                            .arg(p.header.size())
                            .arg(QFileInfo(m_wizard->filePath).fileName().toHtmlEscaped())
                            .arg(double(p.fileSize) / 1e6, 0, 'f', 1));
    const importer::ColumnMapping mapping = importer::autoMap(p.header);
    m_table->clear();
    m_table->setColumnCount(int(p.header.size()));
    m_table->setRowCount(int(p.rows.size()));
    QStringList headers;
    for (int c = 0; c < int(p.header.size()); ++c)
        headers << importer::safeHeaderLabel(p.header, c);
    m_table->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < int(p.rows.size()); ++r)
        for (int c = 0; c < int(p.rows[std::size_t(r)].size()) && c < int(p.header.size()); ++c)
            m_table->setItem(
                r, c, new QTableWidgetItem(previewCell(p.header, c, p.rows[std::size_t(r)][std::size_t(c)], mapping)));
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 240));
}

} // namespace upstream::views
