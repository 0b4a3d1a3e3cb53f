#pragma once
// Import step 6 (before loading): preview signals. The wizard's PreviewFunction runs the import as a dry run on a
// worker thread (compute::previewLocal / previewCentral: the file merged with what the target already holds, the
// engines run at the merged data's own as-of, everything rolled back) and the page shows, per dashboard, the
// signals that would appear, change or stay as they are. Nothing is written here. The preview reads the file once
// into a stage on the target (the wizard's stagedImport), which the import step then merges without reading the
// file again; Back drops it. The preview is information, not a gate: Import is always available, and leaving the
// page cancels a preview still running (the import then reads the file itself).
#include "compute/SignalPreview.h"

#include <QWizardPage>

#include <memory>
#include <optional>

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

protected:
    void changeEvent(QEvent *event) override;

private:
    // What the progress row shows; kept so that a language change can say it again.
    enum class Run { Idle, Running, Failed, Cancelled, Done };

    void retranslateUi();
    void start();
    void showPreview(std::shared_ptr<const compute::SignalPreview> preview);
    void onStopped(Run how); // Failed or Cancelled
    void showRunTexts();
    void showPreviewTexts(); // the summary and the table cells of m_shown

    ImportWizard *m_wizard;
    Run m_run = Run::Idle;
    std::optional<importer::JobProgress> m_lastProgress;   // Running
    QString m_failure;                                     // Failed: the runner's reason
    std::shared_ptr<const compute::SignalPreview> m_shown; // Done
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace upstream::views
