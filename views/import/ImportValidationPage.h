#pragma once
// Import step 4: live validation. Shows the background run's progress (rows, rows/s, ETA) with Cancel and
// Re-run, then the counts, the PHI summary by type and the issues table, filterable by category. Complete once
// the current mapping has been validated and at least one row was accepted.
#include "importer/ImportSession.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace upstream::views {

class ImportIssueModel;
class ImportWizard;

class ImportValidationPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportValidationPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override; // the payer step when the file has unmapped payers, else the quality report
    ImportIssueModel *issueModel() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    // What the progress row and the counts show; kept so that a language change can say it again.
    enum class Run { Idle, Running, Stopped, Validated };

    void retranslateUi();
    void onStarted();
    void onProgress(const importer::JobProgress &progress);
    void onFinished(std::shared_ptr<const importer::ValidationReport> report);
    void onStopped(const QString &reason); // empty: cancelled
    void showReport();
    void showRunTexts();

    ImportWizard *m_wizard;
    Run m_run = Run::Idle;
    std::optional<importer::JobProgress> m_lastProgress;       // of the run in progress
    QString m_stopReason;                                      // why the run stopped; empty: cancelled
    std::shared_ptr<const importer::ValidationReport> m_shown; // the report on display
    QLabel *m_filterLabel;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancel;
    QPushButton *m_rerun;
    QLabel *m_counts;
    QLabel *m_phi;
    QComboBox *m_filter;
    QTableView *m_table;
    ImportIssueModel *m_model;
};

} // namespace upstream::views
