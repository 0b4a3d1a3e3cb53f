#pragma once
// Import step 5: the upload's data-quality report (SPEC section 4): score, grade, pass / fail against 0.95,
// duplicates, the pending (not yet decided) claims and the anomalies with their severity, the double-count warning
// for accepted rows without claim_ref, and the customer's health score with this upload. Next leads to the signal
// preview (or straight to the import); below the 0.95 pass mark it first asks for a confirmation that names the main
// rejection causes (or, when IT policy blocks such uploads, Next is disabled and the page says why); when the target
// says it imported this file before, Next also asks. No stays here: nothing is written.
#include "importer/ImportValidation.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QTableWidget;

namespace upstream::views {

class ImportWizard;

class ImportQualityPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportQualityPage(ImportWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showReportTexts(); // every text that describes m_shown, in the current language

    ImportWizard *m_wizard;
    std::shared_ptr<const importer::ValidationReport> m_shown; // the report on display
    QLabel *m_anomaliesLabel;
    QLabel *m_score;
    QLabel *m_verdict;
    QLabel *m_details;
    QLabel *m_pending;    // "N pending (not yet decided) — accepted"; hidden when there are none
    QLabel *m_noClaimRef; // accepted rows without claim_ref will double count on re-export; hidden when none
    QLabel *m_health;     // the health score 0-100, its band and its terms
    QLabel *m_gate;       // below the pass mark: the main rejection causes, and whether policy blocks the import
    QTableWidget *m_anomalies;
};

} // namespace upstream::views
