#include "ImportPreviewPage.h"

#include "ImportWizard.h"
#include "dashboard/SignalRows.h"

#include <QEvent>
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
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("previewProgress"));
    m_progress->setRange(0, 1000);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelPreview"));
    m_cancel->setAutoDefault(false);
    m_retry = new QPushButton(this);
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
        m_lastProgress = p;
        m_progress->setValue(int(p.fraction * 1000));
        showRunTexts();
    });
    connect(runner, &compute::PreviewRunner::finished, this,
            [this](std::shared_ptr<const compute::SignalPreview> preview) {
                m_wizard->signalPreview = preview;
                showPreview(std::move(preview));
            });
    connect(runner, &compute::PreviewRunner::failed, this, [this](const QString &reason) {
        m_failure = reason;
        onStopped(Run::Failed);
    });
    connect(runner, &compute::PreviewRunner::cancelled, this, [this] { onStopped(Run::Cancelled); });
    connect(m_cancel, &QPushButton::clicked, runner, &compute::PreviewRunner::cancel);
    connect(m_retry, &QPushButton::clicked, this, &ImportPreviewPage::start);
    retranslateUi();
}

void ImportPreviewPage::retranslateUi()
{
    setTitle(tr("Preview signals"));
    setSubTitle(tr("What DriftWatch, DenialScope and DelayGuard would show after this import, computed on the file "
                   "merged with what the target already holds. Nothing has been written yet."));
    setButtonText(QWizard::NextButton, tr("&Import >"));
    m_progress->setAccessibleName(tr("Preview progress"));
    m_cancel->setText(tr("&Stop preview"));
    m_retry->setText(tr("&Run again"));
    m_table->setAccessibleName(tr("Signals after the import"));
    m_table->setHorizontalHeaderLabels(
        {tr("Dashboard"), tr("Change"), tr("Signal"), tr("Payer"), tr("CPT group or reason"), tr("Severity"), tr("Δ")});
    showRunTexts();
    if (m_run == Run::Done)
        showPreviewTexts();
}

void ImportPreviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportPreviewPage::initializePage()
{
    start();
}

void ImportPreviewPage::cleanupPage()
{
    m_wizard->previewRunner()->cancel();
    m_wizard->dropStagedImport(); // Back: the mapping or the file may change before the next preview
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
    m_run = Run::Running;
    m_lastProgress.reset();
    m_shown.reset();
    m_table->setRowCount(0);
    m_summary->clear();
    m_progress->setValue(0);
    showRunTexts();
    m_cancel->setEnabled(true);
    m_retry->setEnabled(false);
    importer::ImportRequest request;
    request.path = m_wizard->filePath;
    request.options = m_wizard->validationOptions();
    request.expectedRows = m_wizard->report ? m_wizard->report->totalRows : 0;
    m_wizard->startPreview(std::move(request));
}

void ImportPreviewPage::showPreview(std::shared_ptr<const compute::SignalPreview> preview)
{
    m_run = Run::Done;
    m_shown = std::move(preview);
    m_progress->setValue(1000);
    m_cancel->setEnabled(false);
    m_retry->setEnabled(true);
    showRunTexts();
    // The cells are made once per preview; showPreviewTexts only sets their texts (a language change keeps the
    // selection).
    const int rows = m_shown->rows.empty() ? 1 : int(m_shown->rows.size());
    m_table->setRowCount(rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < (m_shown->rows.empty() ? 1 : m_table->columnCount()); ++c)
            m_table->setItem(r, c, new QTableWidgetItem);
    showPreviewTexts();
    m_table->resizeColumnsToContents();
    m_wizard->button(QWizard::NextButton)->setFocus();
}

void ImportPreviewPage::onStopped(Run how)
{
    m_run = how;
    showRunTexts();
    m_cancel->setEnabled(false);
    m_retry->setEnabled(true);
}

void ImportPreviewPage::showRunTexts()
{
    switch (m_run) {
    case Run::Idle: return;
    case Run::Running:
        m_progress->setFormat(tr("Previewing… %p%"));
        m_status->setText(m_lastProgress
                              ? tr("Reading the file with what the target holds: %1 rows · about %2 left")
                                    .arg(formatCount(m_lastProgress->done), formatDuration(m_lastProgress->etaSeconds))
                              : tr("Starting…"));
        return;
    case Run::Failed:
    case Run::Cancelled:
        m_progress->setFormat(tr("Stopped"));
        m_status->setText(
            m_run == Run::Failed
                ? tr("The preview failed: %1").arg(m_failure)
                : tr("The preview was stopped. You can still import; the dashboards update after a recompute."));
        return;
    case Run::Done:
        m_progress->setFormat(tr("Done"));
        if (m_shown)
            m_status->setText(tr("As of %1, the merged data's own date (the date a recompute after the import uses).")
                                  .arg(QLocale().toString(m_shown->asOf, QLocale::ShortFormat)));
        return;
    }
}

void ImportPreviewPage::showPreviewTexts()
{
    if (!m_shown)
        return;
    const compute::SignalPreview &preview = *m_shown;
    QStringList lines;
    for (Product p : {Product::DriftWatch, Product::DenialScope, Product::DelayGuard}) {
        lines << tr("<b>%1</b>: %2 would appear, %3 would change, %4 unchanged")
                     .arg(engines::productLabel(p))
                     .arg(preview.count(p, PreviewRow::Change::New))
                     .arg(preview.count(p, PreviewRow::Change::Changed))
                     .arg(preview.count(p, PreviewRow::Change::Same));
    }
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    const auto setText = [this](int r, int c, const QString &text) {
        if (QTableWidgetItem *item = m_table->item(r, c))
            item->setText(text);
    };
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
        const QStringList cells{engines::productLabel(s.product),
                                changeLabel(row.change),
                                dashboard::signalTypeLabel(type),
                                s.payer,
                                s.cptGroup.isEmpty() ? s.reason : s.cptGroup,
                                severity,
                                delta};
        for (int c = 0; c < cells.size(); ++c)
            setText(r, c, cells[c]);
        ++r;
    }
    if (preview.rows.empty())
        setText(0, 0, tr("No signal on any dashboard with this file."));
}

} // namespace upstream::views
