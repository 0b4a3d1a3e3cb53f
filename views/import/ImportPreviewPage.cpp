#include "ImportPreviewPage.h"

#include "ImportWizard.h"
#include "dashboard/SignalRows.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

using compute::PreviewRow;
using engines::Product;

QString productLabel(Product p)
{
    switch (p) {
    case Product::DriftWatch: return ImportPreviewPage::tr("DriftWatch");
    case Product::DenialScope: return ImportPreviewPage::tr("DenialScope");
    case Product::DelayGuard: return ImportPreviewPage::tr("DelayGuard");
    }
    return {};
}

QString changeLabel(PreviewRow::Change c)
{
    switch (c) {
    case PreviewRow::Change::New: return ImportPreviewPage::tr("Would appear");
    case PreviewRow::Change::Changed: return ImportPreviewPage::tr("Would change");
    case PreviewRow::Change::Same: return ImportPreviewPage::tr("Unchanged");
    }
    return {};
}

QString severityText(const QString &id)
{
    return dashboard::severityName(dashboard::severityFromString(id));
}

} // namespace

ImportPreviewPage::ImportPreviewPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Preview signals"));
    setSubTitle(tr("What DriftWatch, DenialScope and DelayGuard would show after this import, computed on the file "
                   "merged with what the target already holds. Nothing has been written yet."));
    setButtonText(QWizard::NextButton, tr("&Import >"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("previewProgress"));
    m_progress->setAccessibleName(tr("Preview progress"));
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(tr("&Stop preview"), this);
    m_cancel->setObjectName(QStringLiteral("cancelPreview"));
    m_cancel->setAutoDefault(false);
    m_retry = new QPushButton(tr("&Run again"), this);
    m_retry->setObjectName(QStringLiteral("retryPreview"));
    m_retry->setAutoDefault(false);
    m_retry->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Signals after the import"));
    m_table->setHorizontalHeaderLabels(
        {tr("Dashboard"), tr("Change"), tr("Signal"), tr("Payer"), tr("CPT group or reason"), tr("Severity"), tr("Δ")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    setTabOrder(m_cancel, m_retry);
    setTabOrder(m_retry, m_table);

    auto *runner = wizard->previewRunner();
    connect(runner, &compute::PreviewRunner::progress, this, [this](const importer::JobProgress &p) {
        m_progress->setValue(int(p.fraction * 1000));
        m_status->setText(tr("Reading the file with what the target holds: %1 rows · about %2 left")
                              .arg(formatCount(p.done), formatDuration(p.etaSeconds)));
    });
    connect(runner, &compute::PreviewRunner::finished, this,
            [this](std::shared_ptr<const compute::SignalPreview> preview) {
                m_wizard->signalPreview = preview;
                showPreview(*preview);
            });
    connect(runner, &compute::PreviewRunner::failed, this,
            [this](const QString &reason) { onStopped(tr("The preview failed: %1").arg(reason)); });
    connect(runner, &compute::PreviewRunner::cancelled, this, [this] {
        onStopped(tr("The preview was stopped. You can still import; the dashboards update after a recompute."));
    });
    connect(m_cancel, &QPushButton::clicked, runner, &compute::PreviewRunner::cancel);
    connect(m_retry, &QPushButton::clicked, this, &ImportPreviewPage::start);
}

void ImportPreviewPage::initializePage()
{
    start();
}

void ImportPreviewPage::cleanupPage()
{
    m_wizard->previewRunner()->cancel();
}

bool ImportPreviewPage::validatePage()
{
    m_wizard->previewRunner()->cancel(); // the preview informs, it never holds the import back
    return true;
}

int ImportPreviewPage::nextId() const
{
    return ImportWizard::RunPageId;
}

void ImportPreviewPage::start()
{
    m_wizard->signalPreview.reset();
    m_table->setRowCount(0);
    m_summary->clear();
    m_progress->setValue(0);
    m_progress->setFormat(tr("Previewing… %p%"));
    m_status->setText(tr("Starting…"));
    m_cancel->setEnabled(true);
    m_retry->setEnabled(false);
    importer::ImportRequest request;
    request.path = m_wizard->filePath;
    request.options = m_wizard->validationOptions();
    request.expectedRows = m_wizard->report ? m_wizard->report->totalRows : 0;
    m_wizard->previewRunner()->start(m_wizard->previewFunction(), std::move(request));
}

void ImportPreviewPage::showPreview(const compute::SignalPreview &preview)
{
    m_progress->setValue(1000);
    m_progress->setFormat(tr("Done"));
    m_cancel->setEnabled(false);
    m_retry->setEnabled(true);
    m_status->setText(tr("As of %1, the merged data's own date (the date a recompute after the import uses).")
                          .arg(QLocale().toString(preview.asOf, QLocale::ShortFormat)));
    QStringList lines;
    for (Product p : {Product::DriftWatch, Product::DenialScope, Product::DelayGuard}) {
        lines << tr("<b>%1</b>: %2 would appear, %3 would change, %4 unchanged")
                     .arg(productLabel(p))
                     .arg(preview.count(p, PreviewRow::Change::New))
                     .arg(preview.count(p, PreviewRow::Change::Changed))
                     .arg(preview.count(p, PreviewRow::Change::Same));
    }
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    m_table->setRowCount(int(preview.rows.size()));
    int r = 0;
    for (const PreviewRow &row : preview.rows) {
        const engines::Signal &s = row.signal;
        const QString type = engines::signalTypeName(s.type);
        const QString severity =
            row.change == PreviewRow::Change::Changed && row.severityBefore != engines::severityName(s.severity)
                ? tr("%1 → %2").arg(severityText(row.severityBefore), severityText(engines::severityName(s.severity)))
                : severityText(engines::severityName(s.severity));
        const QString delta = row.change == PreviewRow::Change::Changed
                                  ? tr("%1 → %2").arg(dashboard::formatDelta(type, row.deltaBefore),
                                                      dashboard::formatDelta(type, s.delta))
                                  : dashboard::formatDelta(type, s.delta);
        const QStringList cells{productLabel(s.product),
                                changeLabel(row.change),
                                dashboard::signalTypeLabel(type),
                                s.payer,
                                s.cptGroup.isEmpty() ? s.reason : s.cptGroup,
                                severity,
                                delta};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        ++r;
    }
    if (preview.rows.empty()) {
        m_table->setRowCount(1);
        m_table->setItem(0, 0, new QTableWidgetItem(tr("No signal on any dashboard with this file.")));
    }
    m_table->resizeColumnsToContents();
    m_wizard->button(QWizard::NextButton)->setFocus();
}

void ImportPreviewPage::onStopped(const QString &reason)
{
    m_progress->setFormat(tr("Stopped"));
    m_status->setText(reason);
    m_cancel->setEnabled(false);
    m_retry->setEnabled(true);
}

} // namespace upstream::views
