#include "ImportSummaryPage.h"

#include "DialogSeam.h"
#include "ImportWizard.h"
#include "importer/ClaimImporterReport.h"

#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

QLabel *bigNumber(QWidget *parent, const QString &objectName, const QString &colour)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(QStringLiteral("font-size: 22pt; font-weight: 600; color: %1;").arg(colour));
    return label;
}

QLabel *caption(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    return label;
}

} // namespace

ImportSummaryPage::ImportSummaryPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setFinalPage(true);
    m_accepted = bigNumber(this, QStringLiteral("summaryAccepted"), QStringLiteral("#1e7b34"));
    m_rejected = bigNumber(this, QStringLiteral("summaryRejected"), QStringLiteral("#b3261e"));
    m_warnings = bigNumber(this, QStringLiteral("summaryWarnings"), QStringLiteral("#8a4b00"));
    m_claims = new QLabel(this);
    m_claims->setObjectName(QStringLiteral("summaryClaims"));
    m_claims->setAlignment(Qt::AlignCenter);
    m_claims->setTextFormat(Qt::RichText);
    m_claims->setWordWrap(true);
    m_noClaimRef = new QLabel(this);
    m_noClaimRef->setObjectName(QStringLiteral("summaryNoClaimRef"));
    m_noClaimRef->setWordWrap(true);
    m_noClaimRef->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_noClaimRef->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("summaryStatus"));
    m_status->setWordWrap(true);
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportRejected"));
    m_export->setAutoDefault(false);
    m_recompute = new QPushButton(this);
    m_recompute->setObjectName(QStringLiteral("recomputeSignals"));
    m_recompute->setAutoDefault(false);
    m_exporter = new importer::ValidationRunner(this);

    auto *numbers = new QGridLayout;
    numbers->addWidget(m_accepted, 0, 0);
    numbers->addWidget(m_rejected, 0, 1);
    numbers->addWidget(m_warnings, 0, 2);
    m_acceptedCaption = caption(this);
    m_rejectedCaption = caption(this);
    m_warningsCaption = caption(this);
    numbers->addWidget(m_acceptedCaption, 1, 0);
    numbers->addWidget(m_rejectedCaption, 1, 1);
    numbers->addWidget(m_warningsCaption, 1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_export);
    buttons->addWidget(m_recompute);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addSpacing(12);
    layout->addLayout(numbers);
    layout->addSpacing(12);
    layout->addWidget(m_claims);
    layout->addWidget(m_noClaimRef);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setTabOrder(m_export, m_recompute);

    connect(m_export, &QPushButton::clicked, this, &ImportSummaryPage::exportRejected);
    connect(m_recompute, &QPushButton::clicked, this, [this] {
        emit m_wizard->recomputeSignalsRequested();
        m_statusKind = StatusLine::RecomputeRequested;
        showTexts();
    });
    connect(m_exporter, &importer::ValidationRunner::finished, this,
            [this](const std::shared_ptr<const importer::ValidationReport> &report) {
                m_export->setEnabled(true);
                // SPEC 8: an export nobody can trace must not exist, so a refused audit event removes the file.
                if (const auto &audit = m_wizard->exportAudit()) {
                    if (Status st = audit(report->rejected); !st.ok()) {
                        QFile::remove(m_exportPath);
                        m_statusKind = StatusLine::ExportRemoved;
                        m_reason = st.error().message;
                        showTexts();
                        return;
                    }
                }
                m_statusKind = StatusLine::Exported;
                m_exportedRows = report->rejected;
                showTexts();
            });
    connect(m_exporter, &importer::ValidationRunner::failed, this, [this](const QString &reason) {
        m_export->setEnabled(true);
        m_statusKind = StatusLine::ExportFailed;
        m_reason = reason;
        showTexts();
    });
    retranslateUi();
}

void ImportSummaryPage::retranslateUi()
{
    setTitle(tr("Import complete"));
    setSubTitle(tr("Review the outcome. Rejected rows can be exported to fix them at the source."));
    m_export->setText(tr("&Export rejected rows…"));
    m_recompute->setText(tr("Recompute &signals"));
    m_recompute->setAccessibleDescription(tr("Re-run DriftWatch, DenialScope and DelayGuard with the new claims"));
    m_acceptedCaption->setText(tr("claims accepted"));
    m_rejectedCaption->setText(tr("rows rejected"));
    m_warningsCaption->setText(tr("warnings"));
    showTexts();
}

void ImportSummaryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportSummaryPage::showTexts()
{
    if (!m_counts)
        return;
    const importer::ImportCounts &c = *m_counts;
    m_claims->setText(tr("On the target: <b>%1</b> new claims · <b>%2</b> updated · <b>%3</b> unchanged")
                          .arg(formatCount(c.claimsNew), formatCount(c.claimsUpdated), formatCount(c.claimsUnchanged)));
    const QString noRef = importer::noClaimRefWarning(c.claimsWithoutRef);
    m_noClaimRef->setVisible(!noRef.isEmpty());
    m_noClaimRef->setText(noRef);
    switch (m_statusKind) {
    case StatusLine::Outcome: {
        QString status = c.rejected > 0 ? tr("Rejected rows were not imported.") : tr("Every row was imported.");
        if (c.duplicateFile)
            status +=
                QLatin1Char(' ') + tr("This file had been imported before: its claims were matched, not doubled.");
        m_status->setText(status);
        return;
    }
    case StatusLine::RecomputeRequested:
        m_status->setText(tr("Signals will be recomputed with the new claims."));
        return;
    case StatusLine::Exporting: m_status->setText(tr("Exporting rejected rows…")); return;
    case StatusLine::Exported:
        m_status->setText(tr("%1 rejected rows exported to %2.")
                              .arg(formatCount(m_exportedRows), QFileInfo(m_exportPath).fileName()));
        return;
    case StatusLine::ExportRemoved:
        m_status->setText(
            tr("The export was removed because it could not be recorded in the audit log: %1").arg(m_reason));
        return;
    case StatusLine::ExportFailed: m_status->setText(tr("The export failed: %1").arg(m_reason)); return;
    }
}

void ImportSummaryPage::initializePage()
{
    m_counts = m_wizard->importCounts;
    m_statusKind = StatusLine::Outcome;
    const importer::ImportCounts &c = *m_counts;
    m_accepted->setText(formatCount(c.accepted));
    m_rejected->setText(formatCount(c.rejected));
    m_warnings->setText(formatCount(c.warnings));
    m_export->setEnabled(c.rejected > 0);
    showTexts();
}

void ImportSummaryPage::exportRejected()
{
    const QString suggested = QFileInfo(m_wizard->filePath).completeBaseName() + tr("-rejected.csv");
    const QString path =
        widgets::FileDialog::getSaveFileName(this, tr("Export rejected rows"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_exportPath = path;
    importer::ValidationOptions options = m_wizard->validationOptions();
    options.rejectedRowsCsvPath = path; // the validator writes every rejection, PHI values excluded
    options.maxIssues = 0;
    m_export->setEnabled(false);
    m_statusKind = StatusLine::Exporting;
    showTexts();
    m_exporter->start(m_wizard->filePath, std::move(options));
}

} // namespace upstream::views
