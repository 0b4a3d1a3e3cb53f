#pragma once
// Import step 7: what was imported (accepted / rejected / warnings; claims new, updated and unchanged on the target,
// with the double-count warning for rows without claim_ref), the rejected rows as a CSV export (file
// chosen through the dialog seam; the export re-reads the file on a worker thread, never writes a PHI value, and is
// recorded through ImportWizard::exportAudit), and "Recompute signals", which only emits
// ImportWizard::recomputeSignalsRequested (the session opens the recompute dialog).
#include "importer/ImportSession.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QPushButton;

namespace upstream::views {

class ImportWizard;

class ImportSummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportSummaryPage(ImportWizard *wizard);
    void initializePage() override;
    int nextId() const override { return -1; } // the last page, though the payer step's id comes after it

protected:
    void changeEvent(QEvent *event) override;

private:
    // What the status line says; kept so that a language change can say it again.
    enum class StatusLine { Outcome, RecomputeRequested, Exporting, Exported, ExportRemoved, ExportFailed };

    void retranslateUi();
    void exportRejected();
    void showTexts();

    ImportWizard *m_wizard;
    std::optional<importer::ImportCounts> m_counts; // on display, once the page was entered
    StatusLine m_statusKind = StatusLine::Outcome;
    QString m_reason;                 // ExportRemoved, ExportFailed: the audit's or the runner's reason
    std::uint64_t m_exportedRows = 0; // Exported
    QLabel *m_acceptedCaption;
    QLabel *m_rejectedCaption;
    QLabel *m_warningsCaption;
    QLabel *m_accepted;
    QLabel *m_rejected;
    QLabel *m_warnings;
    QLabel *m_claims;     // "N new · N updated · N unchanged claims"
    QLabel *m_noClaimRef; // importer::noClaimRefWarning; hidden when every row had a claim_ref
    QLabel *m_status;
    QPushButton *m_export;
    QPushButton *m_recompute;
    importer::ValidationRunner *m_exporter;
    QString m_exportPath;
};

} // namespace upstream::views
