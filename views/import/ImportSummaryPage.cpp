#include "ImportSummaryPage.h"

#include "DialogSeam.h"
#include "ImportWizard.h"
#include "importer/ClaimImporterReport.h"

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

QLabel *caption(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    return label;
}

} // namespace

ImportSummaryPage::ImportSummaryPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    setTitle(tr("Import complete"));
    setSubTitle(tr("Review the outcome. Rejected rows can be exported to fix them at the source."));
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
    m_export = new QPushButton(tr("&Export rejected rows…"), this);
    m_export->setObjectName(QStringLiteral("exportRejected"));
    m_export->setAutoDefault(false);
    m_recompute = new QPushButton(tr("Recompute &signals"), this);
    m_recompute->setObjectName(QStringLiteral("recomputeSignals"));
    m_recompute->setAccessibleDescription(tr("Re-run DriftWatch, DenialScope and DelayGuard with the new claims"));
    m_recompute->setAutoDefault(false);
    m_exporter = new importer::ValidationRunner(this);

    auto *numbers = new QGridLayout;
    numbers->addWidget(m_accepted, 0, 0);
    numbers->addWidget(m_rejected, 0, 1);
    numbers->addWidget(m_warnings, 0, 2);
    numbers->addWidget(caption(this, tr("claims accepted")), 1, 0);
    numbers->addWidget(caption(this, tr("rows rejected")), 1, 1);
    numbers->addWidget(caption(this, tr("warnings")), 1, 2);
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
        m_status->setText(tr("Signals will be recomputed with the new claims."));
    });
    connect(m_exporter, &importer::ValidationRunner::finished, this,
            [this](std::shared_ptr<const importer::ValidationReport> report) {
                m_export->setEnabled(true);
                // SPEC 8: an export nobody can trace must not exist, so a refused audit event removes the file.
                if (const auto &audit = m_wizard->exportAudit()) {
                    if (Status st = audit(report->rejected); !st.ok()) {
                        QFile::remove(m_exportPath);
                        m_status->setText(
                            tr("The export was removed because it could not be recorded in the audit log: %1")
                                .arg(st.error().message));
                        return;
                    }
                }
                m_status->setText(tr("%1 rejected rows exported to %2.")
                                      .arg(formatCount(report->rejected), QFileInfo(m_exportPath).fileName()));
            });
    connect(m_exporter, &importer::ValidationRunner::failed, this, [this](const QString &reason) {
        m_export->setEnabled(true);
        m_status->setText(tr("The export failed: %1").arg(reason));
    });
}

void ImportSummaryPage::initializePage()
{
    const importer::ImportCounts &c = m_wizard->importCounts;
    m_accepted->setText(formatCount(c.accepted));
    m_rejected->setText(formatCount(c.rejected));
    m_warnings->setText(formatCount(c.warnings));
    m_claims->setText(tr("On the target: <b>%1</b> new claims · <b>%2</b> updated · <b>%3</b> unchanged")
                          .arg(formatCount(c.claimsNew), formatCount(c.claimsUpdated), formatCount(c.claimsUnchanged)));
    const QString noRef = importer::noClaimRefWarning(c.claimsWithoutRef);
    m_noClaimRef->setVisible(!noRef.isEmpty());
    m_noClaimRef->setText(noRef);
    m_export->setEnabled(c.rejected > 0);
    QString status = c.rejected > 0 ? tr("Rejected rows were not imported.") : tr("Every row was imported.");
    if (c.duplicateFile)
        status += QLatin1Char(' ') + tr("This file had been imported before: its claims were matched, not doubled.");
    m_status->setText(status);
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
    m_status->setText(tr("Exporting rejected rows…"));
    m_exporter->start(m_wizard->filePath, std::move(options));
}

} // namespace upstream::views
