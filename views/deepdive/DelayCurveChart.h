#pragma once
// DelayCurveChart: DelayGuard's evidence as two curves — the share of claims finished by age (days since the
// claim's cohort date), for the reference cohort and for the current cohort, 0–100 % — with the reference's
// 80th-percentile lag marked. A cohort running slower than its reference lies below and to the right of it; the
// horizontal gap is the slowdown Δ. Follows the system palette like MetricChart. Empty curves draw empty axes.
#include "dashboard/SignalEvidence.h"

#include <QChartView>

class QLineSeries;

namespace upstream::views {

class DelayCurveChart : public QChartView {
    Q_OBJECT
public:
    explicit DelayCurveChart(QWidget *parent = nullptr);

    // keyedOn: the evidence's cohort date ("submitted_date", "decided_date"), named on the x axis.
    void setDelay(const dashboard::Evidence::Delay &delay, const QString &keyedOn);
    int referencePointCount() const { return m_referencePoints; }
    int cohortPointCount() const { return m_cohortPoints; }

private:
    int m_referencePoints = 0, m_cohortPoints = 0;
};

} // namespace upstream::views
