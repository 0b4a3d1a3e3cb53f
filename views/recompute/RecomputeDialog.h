#pragma once
// RecomputeDialog: "Recompute signals" with the analyst's choices — which products (DriftWatch, DenialScope,
// DelayGuard; all by default), as of which date (the data's own date by default, or one picked in a calendar) —
// then Start, a progress bar with the current step, Cancel, and a result line (signals found, new and updated,
// alerts created). The work runs on a worker thread (compute::RecomputeRunner) against the target that
// TargetFunction gives when Start is pressed, so the window stays responsive however long the run takes.
// Closing the dialog during a run cancels it and closes once the run has stopped (nothing written).
// Keyboard: Alt+D/N/L toggle the products, Alt+O/A choose the as-of, Alt+S starts, Alt+C cancels, Esc closes;
// none of them is a main-window menu mnemonic (File, Go, Help).
#include "compute/RecomputeRunner.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace upstream::views {

class RecomputeDialog : public QDialog {
    Q_OBJECT
public:
    // Called on the GUI thread when Start is pressed: the server, or a second connection to the workspace.
    using TargetFunction = std::function<Result<compute::RecomputeTarget>()>;

    explicit RecomputeDialog(TargetFunction target, QWidget *parent = nullptr);

    // Products and as-of date as the controls describe them.
    compute::ComputeOptions options() const;
    compute::RecomputeRunner *runner() const { return m_runner; }
    void reject() override;

signals:
    void recomputed(const upstream::compute::ComputeReport &report); // a finished run: pages reload

private:
    void startRun();
    void setRunning(bool running);
    void runEnded(const QString &result);
    void updateStartButton();

    TargetFunction m_target;
    compute::RecomputeRunner *m_runner;
    QCheckBox *m_driftWatch;
    QCheckBox *m_denialScope;
    QCheckBox *m_delayGuard;
    QRadioButton *m_dataDate;
    QRadioButton *m_chosenDate;
    QDateEdit *m_asOf;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_close;
    QProgressBar *m_progress;
    QLabel *m_step;
    QLabel *m_result;
    bool m_closeWhenStopped = false;
};

} // namespace upstream::views
