#include "ImportValidationPage.h"

#include "ImportIssueModel.h"
#include "ImportWizard.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace upstream::views {

using importer::Category;

ImportValidationPage::ImportValidationPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("validationProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("validationRate"));
    m_rate->setMinimumWidth(360);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelValidation"));
    m_cancel->setAutoDefault(false);
    m_rerun = new QPushButton(this);
    m_rerun->setObjectName(QStringLiteral("rerunValidation"));
    m_rerun->setAutoDefault(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("validationCounts"));
    m_counts->setTextFormat(Qt::RichText);
    m_counts->setWordWrap(true);
    m_phi = new QLabel(this);
    m_phi->setObjectName(QStringLiteral("phiSummary"));
    m_phi->setWordWrap(true);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("categoryFilter"));
    m_filter->addItem(QString(), -1); // item texts come from retranslateUi
    for (Category c : {Category::MissingFields, Category::PhiDetections, Category::InvalidDates,
                       Category::InvalidValues, Category::Warning})
        m_filter->addItem(QString(), int(c));
    m_filterLabel = new QLabel(this);
    m_filterLabel->setBuddy(m_filter);
    m_model = new ImportIssueModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("issueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ImportIssueModel::RowColumn, 80);
    m_table->setColumnWidth(ImportIssueModel::ColumnColumn, 150);
    m_table->setColumnWidth(ImportIssueModel::ValueColumn, 170);
    m_table->setColumnWidth(ImportIssueModel::CategoryColumn, 120);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    progressRow->addWidget(m_rerun);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(progressRow);
    layout->addWidget(m_rate);
    layout->addWidget(m_counts);
    layout->addWidget(m_phi);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    setTabOrder(m_cancel, m_rerun);
    setTabOrder(m_rerun, m_filter);
    setTabOrder(m_filter, m_table);

    auto *runner = wizard->validationRunner();
    connect(wizard, &ImportWizard::validationStarted, this, &ImportValidationPage::onStarted);
    connect(runner, &importer::ValidationRunner::progress, this, &ImportValidationPage::onProgress);
    connect(runner, &importer::ValidationRunner::finished, this, &ImportValidationPage::onFinished);
    connect(runner, &importer::ValidationRunner::failed, this, &ImportValidationPage::onStopped);
    connect(runner, &importer::ValidationRunner::cancelled, this, [this] { onStopped(QString()); });
    connect(m_cancel, &QPushButton::clicked, runner, &importer::ValidationRunner::cancel);
    connect(m_rerun, &QPushButton::clicked, wizard, &ImportWizard::revalidate);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int c = m_filter->currentData().toInt();
        m_model->setCategoryFilter(c < 0 ? std::nullopt : std::optional<Category>(Category(c)));
    });
    retranslateUi();
}

void ImportValidationPage::retranslateUi()
{
    setTitle(tr("Validate the rows"));
    setSubTitle(tr("Every row is checked against the claim rules and scanned for patient data. PHI in a reason "
                   "text is blanked, anywhere else it rejects the row; PHI values are never shown."));
    m_progress->setAccessibleName(tr("Validation progress"));
    m_cancel->setText(tr("&Cancel validation"));
    m_rerun->setText(tr("&Re-run"));
    m_filter->setAccessibleName(tr("Show issues of category"));
    for (int i = 0; i < m_filter->count(); ++i) { // texts only: the chosen filter stays
        const int c = m_filter->itemData(i).toInt();
        m_filter->setItemText(i, c < 0 ? tr("All issues") : ImportIssueModel::categoryLabel(Category(c)));
    }
    m_filterLabel->setText(tr("Sho&w:"));
    m_table->setAccessibleName(tr("Validation issues"));
    m_model->retranslate();
    showRunTexts();
}

void ImportValidationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportValidationPage::initializePage()
{
    if (m_wizard->report)
        showReport();
    else if (m_wizard->validationRunner()->isRunning())
        onStarted();
    else
        m_wizard->revalidate();
}

bool ImportValidationPage::isComplete() const
{
    return m_wizard->report && m_wizard->report->accepted > 0;
}

int ImportValidationPage::nextId() const
{
    return m_wizard->hasPayerStep() ? ImportWizard::PayerPageId : ImportWizard::QualityPageId;
}

void ImportValidationPage::onStarted()
{
    m_run = Run::Running;
    m_lastProgress.reset();
    m_shown.reset();
    m_model->setReport(nullptr);
    m_progress->setValue(0);
    showRunTexts();
    m_counts->clear();
    m_phi->clear();
    m_cancel->setEnabled(true);
    m_rerun->setEnabled(false);
    emit completeChanged();
}

void ImportValidationPage::onProgress(const importer::JobProgress &p)
{
    m_lastProgress = p;
    m_progress->setValue(int(p.fraction * 1000));
    showRunTexts();
}

void ImportValidationPage::onFinished(std::shared_ptr<const importer::ValidationReport> report)
{
    m_wizard->report = std::move(report);
    showReport();
}

void ImportValidationPage::onStopped(const QString &reason)
{
    m_run = Run::Stopped;
    m_stopReason = reason;
    showRunTexts();
    m_cancel->setEnabled(false);
    m_rerun->setEnabled(true);
    emit completeChanged();
}

void ImportValidationPage::showReport()
{
    m_run = Run::Validated;
    m_shown = m_wizard->report;
    m_progress->setValue(1000);
    m_cancel->setEnabled(false);
    m_rerun->setEnabled(true);
    showRunTexts();
    m_model->setReport(m_wizard->report);
    emit completeChanged();
}

void ImportValidationPage::showRunTexts()
{
    switch (m_run) {
    case Run::Idle: return;
    case Run::Running:
        m_progress->setFormat(tr("Validating… %p%"));
        m_rate->setText(progressText(tr("%1 rows checked · %2 rows/s · about %3 left"), m_lastProgress));
        return;
    case Run::Stopped:
        m_progress->setFormat(tr("Stopped"));
        // A failure's reason comes from the runner and stays in the language it was given in.
        m_rate->setText(m_stopReason.isEmpty() ? tr("Validation cancelled. Re-run it to continue.") : m_stopReason);
        return;
    case Run::Validated: break;
    }
    if (!m_shown)
        return;
    const importer::ValidationReport &r = *m_shown;
    m_progress->setFormat(tr("Validated"));
    m_rate->setText(tr("%1 rows · encoding %2 · delimiter %3")
                        .arg(formatCount(r.totalRows), QLatin1String(csv::encodingName(r.encoding)),
                             csv::delimiterName(r.delimiter)));
    QStringList cats;
    for (std::size_t k = 0; k < importer::kRejectCategoryCount; ++k)
        cats << tr("%1 %2").arg(ImportIssueModel::categoryLabel(Category(k)), formatCount(r.categoryCounts[k]));
    m_counts->setText(
        tr("<b>%1</b> accepted · <b>%2</b> rejected (%3) · <b>%4</b> warnings")
            .arg(formatCount(r.accepted), formatCount(r.rejected), cats.join(QStringLiteral(", ")),
                 formatCount(r.warnings)) +
        (r.accepted == 0 ? tr("<br><span style='color:#b3261e'>Every row was rejected: fix the "
                              "mapping or the file.</span>")
                         : QString()) +
        (r.issuesTruncated
             ? tr("<br>The table lists the first %1 issues; the counts are complete.").arg(formatCount(r.issues.size()))
             : QString()));
    QStringList phi;
    for (std::size_t t = 0; t < phi::kPhiTypeCount; ++t)
        if (r.phiCounts[t] > 0)
            phi << tr("%1: %2").arg(ImportIssueModel::phiTypeLabel(int(t)), formatCount(r.phiCounts[t]));
    m_phi->setStyleSheet(phi.isEmpty() ? QString() : QStringLiteral("color: #8a4b00;"));
    m_phi->setText(phi.isEmpty()
                       ? tr("No patient data found.")
                       : tr("Patient data found and kept out of the import — %1").arg(phi.join(QStringLiteral(" · "))));
}

} // namespace upstream::views
