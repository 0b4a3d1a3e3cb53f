#pragma once
// Import step 6: loads the accepted rows through the wizard's ImportFunction on a worker thread, with progress
// (rows, rows/s, ETA) and Cancel. Starts when the page is entered (the previous page's "Import" button is the
// confirmation); a failed or cancelled import can be retried. Complete once the import succeeded.
#include "importer/ImportSession.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace upstream::views {

class ImportWizard;

class ImportRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    void cleanupPage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // What the progress row shows; kept so that a language change can say it again.
    enum class Run { Idle, Running, Failed, Cancelled, Imported };

    void retranslateUi();
    void start();
    void onProgress(const importer::JobProgress &progress);
    void onStopped(Run how); // Failed or Cancelled
    void showRunTexts();

    ImportWizard *m_wizard;
    Run m_run = Run::Idle;
    std::optional<importer::JobProgress> m_lastProgress; // Running
    QString m_failure;                                   // Failed: the runner's reason
    std::uint64_t m_imported = 0;                        // Imported: the claims stored
    std::uint64_t m_accepted = 0;                        // the accepted rows being imported
    QString m_fileName;                                  // of the file being imported
    QLabel *m_what;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    bool m_done = false;
};

} // namespace upstream::views
