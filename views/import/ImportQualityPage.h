#pragma once
// Import step 5: the upload's data-quality report (SPEC section 4): score, grade, pass / fail against 0.95,
// duplicates, the pending (not yet decided) claims and the anomalies with their severity. Next starts the import.
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

private:
    ImportWizard *m_wizard;
    QLabel *m_score;
    QLabel *m_verdict;
    QLabel *m_details;
    QLabel *m_pending; // "N pending (not yet decided) — accepted"; hidden when there are none
    QTableWidget *m_anomalies;
};

} // namespace upstream::views
