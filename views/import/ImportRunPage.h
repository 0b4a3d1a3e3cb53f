#pragma once
// Import step 6: loads the accepted rows through the wizard's ImportFunction on a worker thread, with progress
// (rows, rows/s, ETA) and Cancel. Starts when the page is entered (the previous page's "Import" button is the
// confirmation); a failed or cancelled import can be retried. Complete once the import succeeded.
#include "importer/ImportSession.h"

#include <QWizardPage>

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

private:
    void start();
    void onProgress(const importer::JobProgress &progress);
    void onStopped(const QString &reason);

    ImportWizard *m_wizard;
    QLabel *m_what;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    bool m_done = false;
};

} // namespace upstream::views
