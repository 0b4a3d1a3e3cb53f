#pragma once
// Import step 5: the upload's data-quality report (SPEC section 4): score, grade, pass / fail against 0.95,
// duplicates, the pending (not yet decided) claims and the anomalies with their severity, and the double-count
// warning for accepted rows without claim_ref. Next leads to the signal preview (or straight to the import); when the
// target says it imported this file before, Next first asks (No stays here: nothing is written).
#include <QWizardPage>

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

private:
    ImportWizard *m_wizard;
    QLabel *m_score;
    QLabel *m_verdict;
    QLabel *m_details;
    QLabel *m_pending;    // "N pending (not yet decided) — accepted"; hidden when there are none
    QLabel *m_noClaimRef; // accepted rows without claim_ref will double count on re-export; hidden when none
    QTableWidget *m_anomalies;
};

} // namespace upstream::views
