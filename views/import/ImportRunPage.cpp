#include "ImportRunPage.h"

#include "ImportWizard.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {

ImportRunPage::ImportRunPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    m_what = new QLabel(this);
    m_what->setObjectName(QStringLiteral("importWhat"));
    m_what->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000);
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("importRate"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setAutoDefault(false);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("retryImport"));
    m_retry->setAutoDefault(false);
    m_retry->setEnabled(false);

    auto *row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addSpacing(8);
    layout->addLayout(row);
    layout->addWidget(m_rate);
    layout->addStretch(1);

    auto *runner = wizard->importRunner();
    connect(runner, &importer::ImportRunner::progress, this, &ImportRunPage::onProgress);
    connect(runner, &importer::ImportRunner::finished, this, [this](const importer::ImportCounts &counts) {
        m_wizard->importCounts = counts;
        m_done = true;
        m_run = Run::Imported;
        m_imported = counts.accepted;
        m_progress->setValue(1000);
        showRunTexts();
        m_cancel->setEnabled(false);
        emit completeChanged();
        m_wizard->button(QWizard::NextButton)->setFocus();
    });
    connect(runner, &importer::ImportRunner::failed, this, [this](const QString &reason) {
        m_failure = reason;
        onStopped(Run::Failed);
    });
    connect(runner, &importer::ImportRunner::cancelled, this, [this] { onStopped(Run::Cancelled); });
    connect(m_cancel, &QPushButton::clicked, runner, &importer::ImportRunner::cancel);
    connect(m_retry, &QPushButton::clicked, this, &ImportRunPage::start);
    retranslateUi();
}

void ImportRunPage::retranslateUi()
{
    setTitle(tr("Import"));
    setSubTitle(tr("The accepted rows are loaded in one transaction: a cancelled or failed import leaves nothing "
                   "behind."));
    m_progress->setAccessibleName(tr("Import progress"));
    m_cancel->setText(tr("&Cancel import"));
    m_retry->setText(tr("&Try again"));
    showRunTexts();
}

void ImportRunPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportRunPage::initializePage()
{
    m_accepted = m_wizard->report ? m_wizard->report->accepted : 0;
    m_fileName = QFileInfo(m_wizard->filePath).fileName();
    start();
}

void ImportRunPage::cleanupPage()
{
    m_wizard->importRunner()->cancel();
}

bool ImportRunPage::isComplete() const
{
    return m_done;
}

void ImportRunPage::start()
{
    m_done = false;
    m_run = Run::Running;
    m_lastProgress.reset();
    m_progress->setValue(0);
    showRunTexts();
    m_cancel->setEnabled(true);
    m_retry->setEnabled(false);
    emit completeChanged();
    importer::ImportRequest request;
    request.path = m_wizard->filePath;
    request.options = m_wizard->validationOptions();
    request.expectedRows = m_wizard->report ? m_wizard->report->totalRows : 0;
    // The preview's stage, if any, goes to this attempt: merged (and then released) by the import. "Try again" after
    // a failure reads the file.
    request.staged = std::move(m_wizard->stagedImport);
    m_wizard->importRunner()->start(m_wizard->importFunction(), std::move(request));
    m_cancel->setFocus();
}

void ImportRunPage::onProgress(const importer::JobProgress &p)
{
    m_lastProgress = p;
    m_progress->setValue(int(p.fraction * 1000));
    showRunTexts();
}

void ImportRunPage::onStopped(Run how)
{
    m_run = how;
    showRunTexts();
    m_cancel->setEnabled(false);
    m_retry->setEnabled(true);
    m_retry->setFocus();
}

void ImportRunPage::showRunTexts()
{
    if (m_run == Run::Idle)
        return;
    m_what->setText(tr("Importing %1 accepted claims from %2.").arg(formatCount(m_accepted), m_fileName));
    switch (m_run) {
    case Run::Idle: return;
    case Run::Running:
        m_progress->setFormat(tr("Importing… %p%"));
        m_rate->setText(progressText(tr("%1 rows · %2 rows/s · about %3 left"), m_lastProgress));
        return;
    case Run::Failed:
    case Run::Cancelled:
        m_progress->setFormat(tr("Stopped"));
        m_rate->setText(m_run == Run::Failed ? tr("The import failed: %1").arg(m_failure)
                                             : tr("The import was cancelled; nothing was stored."));
        return;
    case Run::Imported:
        m_progress->setFormat(tr("Imported"));
        m_rate->setText(tr("%1 claims imported. Continue to the summary.").arg(formatCount(m_imported)));
        return;
    }
}

} // namespace upstream::views
