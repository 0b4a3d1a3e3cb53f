#pragma once
// DeepDiveDialog: why one signal fired — the evidence in plain words and numbers, the daily series with both
// windows shaded (DelayGuard: the reference and cohort curves of share finished by age, with O, E, Δ and the
// overdue claims), the breakdown by denial reason or CPT group, the judgment history and the linked recovery-ledger
// entries; exports the evidence as PDF and CSV (file names through widgets::FileDialog).
// Opened with open() (non-blocking); owns a copy of the signal's detail and drops it when closed.
// Failure modes: an unwritable export file is reported in the dialog; nothing is written partially on purpose.
#include "dashboard/SignalEvidence.h"

#include <QDialog>

class QLabel;

namespace upstream::views {

class DelayCurveChart;
class MetricChart;

class DeepDiveDialog : public QDialog {
    Q_OBJECT
public:
    explicit DeepDiveDialog(dashboard::SignalDetail detail, QWidget *parent = nullptr);

    const dashboard::SignalDetail &detail() const { return m_detail; }
    bool exportPdf(const QString &file);
    bool exportCsv(const QString &file);

    QString statusText() const;
    QString reportHtml() const; // the evidence report exportPdf() prints

signals:
    void evidenceExported(const QString &signalId, const QString &format); // for the audit trail

private:
    QString delayFiguresHtml() const; // DelayGuard: O, E, Δ, unfinished, overdue, p80 lag, dollars at risk
    QWidget *buildTables();
    QWidget *buildDelayEvidence();

    dashboard::SignalDetail m_detail;
    MetricChart *m_chart = nullptr;      // DriftWatch, DenialScope: the daily series
    DelayCurveChart *m_curves = nullptr; // DelayGuard: the two curves
    QWidget *m_chartWidget = nullptr;    // whichever of the two is shown (the PDF embeds it)
    QLabel *m_status;
};

} // namespace upstream::views
