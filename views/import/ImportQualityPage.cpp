#include "ImportQualityPage.h"

#include "DialogSeam.h"
#include "ImportWizard.h"

#include "importer/ClaimImporterReport.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

QString anomalyLabel(const std::string &type)
{
    if (type == "volume")
        return ImportQualityPage::tr("Unusual volume");
    if (type == "missing_data")
        return ImportQualityPage::tr("Missing data");
    if (type == "outcome_shift")
        return ImportQualityPage::tr("Outcome mix shifted");
    if (type == "duplicates")
        return ImportQualityPage::tr("Duplicate claims");
    return QString::fromStdString(type);
}

// What fired, in the analyst's terms (the value's meaning depends on the anomaly type).
QString anomalyDetail(const quality::Anomaly &a)
{
    const QString subject = QString::fromStdString(a.subject);
    const QString percent = QLocale().toString(a.value * 100, 'f', 1);
    if (a.type == "volume")
        return ImportQualityPage::tr("%1 standard deviations from this customer's last 30 days of uploads")
            .arg(QLocale().toString(a.value, 'f', 1));
    if (a.type == "missing_data")
        return ImportQualityPage::tr("%1: %2 % of the rows are empty").arg(subject, percent);
    if (a.type == "outcome_shift")
        return ImportQualityPage::tr("%1 share differs by %2 points from the 90-day mix").arg(subject, percent);
    if (a.type == "duplicates")
        return ImportQualityPage::tr("%1 % of the accepted claims repeat an earlier claim").arg(percent);
    return ImportQualityPage::tr("%1 (%2)").arg(subject).arg(a.value, 0, 'f', 3);
}

QString severityLabel(quality::Severity s)
{
    switch (s) {
    case quality::Severity::Medium: return ImportQualityPage::tr("Medium");
    case quality::Severity::High: return ImportQualityPage::tr("High");
    case quality::Severity::Critical: return ImportQualityPage::tr("Critical");
    }
    return {};
}

QString healthBandLabel(const std::string &band)
{
    if (band == "excellent")
        return ImportQualityPage::tr("excellent");
    if (band == "good")
        return ImportQualityPage::tr("good");
    if (band == "fair")
        return ImportQualityPage::tr("fair");
    return ImportQualityPage::tr("poor");
}

} // namespace

ImportQualityPage::ImportQualityPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    // Next's text ("Import >" or "Preview signals >") is the wizard's: it knows whether there is a preview.
    m_score = new QLabel(this);
    m_score->setObjectName(QStringLiteral("qualityScore"));
    m_score->setAlignment(Qt::AlignCenter);
    m_score->setMinimumSize(150, 110);
    m_score->setTextFormat(Qt::RichText);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("qualityVerdict"));
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("qualityDetails"));
    m_details->setWordWrap(true);
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("qualityPending"));
    m_pending->setWordWrap(true);
    m_pending->hide();
    m_noClaimRef = new QLabel(this);
    m_noClaimRef->setObjectName(QStringLiteral("qualityNoClaimRef"));
    m_noClaimRef->setWordWrap(true);
    m_noClaimRef->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_noClaimRef->hide();
    m_health = new QLabel(this);
    m_health->setObjectName(QStringLiteral("qualityHealth"));
    m_health->setWordWrap(true);
    m_health->setTextFormat(Qt::RichText);
    m_gate = new QLabel(this);
    m_gate->setObjectName(QStringLiteral("qualityGate"));
    m_gate->setWordWrap(true);
    m_gate->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_gate->hide();
    m_anomalies = new QTableWidget(0, 3, this);
    m_anomalies->setObjectName(QStringLiteral("anomalyTable"));
    m_anomalies->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_anomalies->verticalHeader()->hide();
    m_anomalies->horizontalHeader()->setStretchLastSection(true);
    m_anomalies->setColumnWidth(0, 220);
    m_anomalies->setColumnWidth(1, 110);
    m_anomaliesLabel = new QLabel(this);
    m_anomaliesLabel->setBuddy(m_anomalies);

    auto *top = new QGridLayout;
    top->addWidget(m_score, 0, 0, 6, 1);
    top->addWidget(m_verdict, 0, 1);
    top->addWidget(m_details, 1, 1);
    top->addWidget(m_pending, 2, 1);
    top->addWidget(m_noClaimRef, 3, 1);
    top->addWidget(m_health, 4, 1);
    top->addWidget(m_gate, 5, 1);
    top->setColumnStretch(1, 1);
    top->setHorizontalSpacing(20);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(m_anomaliesLabel);
    layout->addWidget(m_anomalies, 1);
    retranslateUi();
}

void ImportQualityPage::retranslateUi()
{
    setTitle(tr("Data quality"));
    setSubTitle(tr("The share of rows accepted gives the score; uploads scoring 0.95 or more pass. Anomalies "
                   "compare this file with the earlier uploads."));
    m_anomalies->setAccessibleName(tr("Anomalies"));
    m_anomalies->setHorizontalHeaderLabels({tr("Anomaly"), tr("Severity"), tr("Detail")});
    m_anomaliesLabel->setText(tr("&Anomalies:"));
    if (m_shown)
        showReportTexts();
}

void ImportQualityPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportQualityPage::initializePage()
{
    if (!m_wizard->report)
        return;
    m_shown = m_wizard->report;
    const importer::ValidationReport &r = *m_shown;
    // Asked once per validated file, on entering the page; the answer is kept for the question on Next.
    const importer::ImportTarget &target = m_wizard->importTarget();
    if (!m_wizard->importedBefore && target.importedBefore && !r.fileSha256.isEmpty()) {
        auto before = target.importedBefore(r.fileSha256);
        if (before.ok())
            m_wizard->importedBefore = before.value();
    }
    // The anomaly cells are made once per report; showReportTexts only sets their texts.
    m_anomalies->setRowCount(0);
    for (const quality::Anomaly &a : r.anomalies) {
        const int row = m_anomalies->rowCount();
        m_anomalies->insertRow(row);
        m_anomalies->setItem(row, 0, new QTableWidgetItem);
        auto *sev = new QTableWidgetItem;
        sev->setForeground(a.severity == quality::Severity::Medium ? QColor(0x8a, 0x4b, 0x00)
                                                                   : QColor(0xb3, 0x26, 0x1e));
        m_anomalies->setItem(row, 1, sev);
        m_anomalies->setItem(row, 2, new QTableWidgetItem);
    }
    if (r.anomalies.empty()) {
        m_anomalies->insertRow(0);
        m_anomalies->setItem(0, 0, new QTableWidgetItem);
    }
    showReportTexts();
    emit completeChanged();
}

void ImportQualityPage::showReportTexts()
{
    const importer::ValidationReport &r = *m_shown;
    const bool duplicate = r.duplicateFile || m_wizard->importedBefore.value_or(false);
    const QString colour = r.passes ? QStringLiteral("#1e7b34") : QStringLiteral("#b3261e");
    m_score->setStyleSheet(QStringLiteral("border: 2px solid %1; border-radius: 8px;").arg(colour));
    m_score->setText(tr("<div style='font-size:30pt; font-weight:600; color:%1'>%2</div>"
                        "<div style='font-size:11pt'>grade</div>")
                         .arg(colour, QString::fromStdString(r.grade)));
    m_verdict->setText(tr("<span style='font-size:14pt'>Quality score <b>%1</b> — %2</span>")
                           .arg(r.qualityScore, 0, 'f', 3)
                           .arg(r.passes ? tr("<span style='color:#1e7b34'>passes</span>")
                                         : tr("<span style='color:#b3261e'>below the 0.95 pass mark</span>")));
    m_details->setText(tr("%1 of %2 rows accepted, %3 rejected, %4 warnings, %5 duplicate claims.%6")
                           .arg(formatCount(r.accepted), formatCount(r.totalRows), formatCount(r.rejected),
                                formatCount(r.warnings), formatCount(r.stats.duplicates))
                           .arg(duplicate ? tr(" This file was imported before.") : QString()));
    // Pending claims are accepted rows of a live export, not a defect: said apart from the warnings.
    m_pending->setVisible(r.stats.pending > 0);
    m_pending->setText(tr("%1 pending (not yet decided) — accepted").arg(formatCount(r.stats.pending)));
    // Rows without claim_ref have no identity (SPEC 3): said before the import, while the export can still be fixed.
    m_noClaimRef->setVisible(r.withoutClaimRef > 0);
    m_noClaimRef->setText(tr("⚠ Accepted rows without claim_ref: %1. They will be added as new claims, and importing "
                             "a later export of the same claims will count them twice.")
                              .arg(formatCount(r.withoutClaimRef)));
    // SPEC 4's health score: the upload together with the customer's last 30 days (quality::healthInputs).
    const quality::HealthInputs &h = r.health;
    const auto pct = [](double share) { return QLocale().toString(share * 100, 'f', 1); };
    m_health->setText(
        tr("Health score <b>%1</b> / 100 — %2. Accepted over 30 days %3 %, completeness %4 %, validity %5 %, "
           "timeliness %6 % (%7 days since the newest claim), open anomalies %8, uploads in 30 days %9.")
            .arg(QLocale().toString(r.healthScore, 'f', 1), healthBandLabel(r.healthBand), pct(h.acceptedShare30Days),
                 pct(h.completeness), pct(h.validity), pct(quality::timeliness(h.lagDays)),
                 QLocale().toString(h.lagDays, 'f', 0), QLocale().toString(h.openAnomalies),
                 QLocale().toString(h.uploads)) +
        (m_wizard->historyError.isEmpty()
             ? QString()
             : tr(" Earlier uploads could not be read (%1): volume and outcome-mix checks use no history.")
                   .arg(m_wizard->historyError.toHtmlEscaped())));
    // The quality gate, said before Next so the analyst knows what Next will ask (or why it is disabled).
    m_gate->setVisible(!r.passes);
    const QString causes = importer::rejectionCausesText(r);
    m_gate->setText(
        m_wizard->qualityGateBlocks()
            ? tr("Your IT policy does not allow importing a file below the 0.95 pass mark. Main rejection "
                 "causes: %1. Correct these rows in the export and validate it again.")
                  .arg(causes)
            : tr("Below the 0.95 pass mark: importing asks you to confirm. Main rejection causes: %1.").arg(causes));
    const auto setText = [this](int row, int column, const QString &text) {
        if (QTableWidgetItem *item = m_anomalies->item(row, column))
            item->setText(text);
    };
    for (int row = 0; row < int(r.anomalies.size()); ++row) {
        const quality::Anomaly &a = r.anomalies[std::size_t(row)];
        setText(row, 0, anomalyLabel(a.type));
        setText(row, 1, severityLabel(a.severity));
        setText(row, 2, anomalyDetail(a));
    }
    if (r.anomalies.empty())
        setText(0, 0, tr("No anomalies"));
}

int ImportQualityPage::nextId() const
{
    return m_wizard->previewFunction() ? ImportWizard::PreviewPageId : ImportWizard::RunPageId;
}

bool ImportQualityPage::isComplete() const
{
    return !(m_wizard->qualityGateBlocks() && m_wizard->report && !m_wizard->report->passes);
}

bool ImportQualityPage::validatePage()
{
    if (const auto &r = m_wizard->report; r && !r->passes) {
        if (m_wizard->qualityGateBlocks())
            return false; // Next is disabled; the page says why
        const auto answer = widgets::MessageBox::question(
            this, tr("Import a file below the pass mark?"),
            tr("Only %1 of %2 rows passed validation (quality score %3, below the 0.95 pass mark). Main rejection "
               "causes: %4. The rejected rows will not be imported. Import the %1 accepted rows anyway?")
                .arg(formatCount(r->accepted), formatCount(r->totalRows))
                .arg(r->qualityScore, 0, 'f', 3)
                .arg(importer::rejectionCausesText(*r)));
        if (answer != QMessageBox::Yes)
            return false;
    }
    if (!m_wizard->importedBefore.value_or(false))
        return true;
    const auto answer = widgets::MessageBox::question(
        this, tr("Import this file again?"),
        tr("This file was imported before on this target. Claims with a claim_ref will be matched, not doubled; rows "
           "without claim_ref would be added again. Import anyway?"));
    return answer == QMessageBox::Yes;
}

} // namespace upstream::views
