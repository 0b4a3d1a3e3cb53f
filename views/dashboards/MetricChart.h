#pragma once
// MetricChart: a Qt Charts view of a daily metric — the dashboard trend, or the deep dive's series with the
// baseline and current windows shaded. Rates are drawn in percent, days in days. Follows the system palette
// (dark chart theme on a dark palette). An empty series shows an empty chart, not an error.
#include "dashboard/DashboardSummary.h"
#include "dashboard/SignalEvidence.h"

#include <QChartView>

namespace upstream::views {

class MetricChart : public QChartView {
    Q_OBJECT
public:
    explicit MetricChart(QWidget *parent = nullptr);

    void setTrend(const std::vector<dashboard::TrendPoint> &points, const QString &unit, const QString &title);
    // unit: of the series values ("rate" or "count", dashboard::seriesUnit), which may differ from the signal's.
    void setEvidence(const dashboard::Evidence &evidence, const QString &unit, const QString &title);
    void clearChart();
    int pointCount() const { return m_points; }

private:
    void resetChart(const QString &title);
    int m_points = 0;
};

} // namespace upstream::views
