#pragma once
// Import step 6 (before loading): preview signals. The wizard's PreviewFunction runs the import as a dry run on a
// worker thread (compute::previewLocal / previewCentral: the file merged with what the target already holds, the
// engines run at the merged data's own as-of, everything rolled back) and the page shows, per dashboard, the
// signals that would appear, change or stay as they are. Nothing is written here. The preview is information,
// not a gate: Import is always available, and leaving the page cancels a preview still running.
#include "compute/SignalPreview.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace upstream::views {

class ImportWizard;

class ImportPreviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportPreviewPage(ImportWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;
    int nextId() const override;

private:
    void start();
    void showPreview(const compute::SignalPreview &preview);
    void onStopped(const QString &reason);

    ImportWizard *m_wizard;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace upstream::views
