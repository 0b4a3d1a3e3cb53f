#pragma once
// MetricChart: a Qt Charts view of a daily metric — the dashboard trend, or the deep dive's series with the
// baseline and current windows shaded. Rates are drawn in percent, days in days. Follows the system palette
// (dark chart theme on a dark palette). An empty series shows an empty chart, not an error. It keeps what it draws
// so a language change redraws it in the new language (series names, month names) without asking for the data again.
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
    // A new (translated) title for what is drawn, redrawn with the same data.
    void setTitle(const QString &title);
    int pointCount() const { return m_points; }

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Drawn { Nothing, Trend, Evidence };
    void resetChart(const QString &title);
    void retranslateUi();
    void drawTrend();
    void drawEvidence();
    int m_points = 0;
    Drawn m_drawn = Drawn::Nothing;
    std::vector<dashboard::TrendPoint> m_trend;
    dashboard::Evidence m_evidence;
    QString m_unit, m_title;
};

} // namespace upstream::views
