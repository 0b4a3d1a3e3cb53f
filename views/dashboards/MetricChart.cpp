#include "MetricChart.h"
#include "StyledChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace upstream::views {
namespace {

double scaled(const QString &unit, double v)
{
    return unit == QLatin1String("rate") ? v * 100.0 : v;
}

QString axisFormat(const QString &unit)
{
    return unit == QLatin1String("rate") ? QStringLiteral("%.0f%%") : QStringLiteral("%.0f");
}

qint64 ms(const QDate &d)
{
    return d.startOfDay(Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

MetricChart::MetricChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    resetChart({});
}

void MetricChart::resetChart(const QString &title)
{
    QChart *chart = widgets::newStyledChart(*this, title);
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    m_points = 0;
}

void MetricChart::clearChart()
{
    m_drawn = Drawn::Nothing;
    m_trend.clear();
    m_evidence = {};
    m_unit.clear();
    m_title.clear();
    resetChart({});
}

void MetricChart::setTitle(const QString &title)
{
    m_title = title;
    retranslateUi();
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QChartView::changeEvent(event);
}

void MetricChart::retranslateUi()
{
    // The series names, the empty-chart title and the axes' month names (QLocale() of a new chart) are all set
    // while drawing: draw again from what is kept.
    switch (m_drawn) {
    case Drawn::Nothing: break;
    case Drawn::Trend: drawTrend(); break;
    case Drawn::Evidence: drawEvidence(); break;
    }
}

void MetricChart::setTrend(const std::vector<dashboard::TrendPoint> &points, const QString &unit, const QString &title)
{
    m_drawn = Drawn::Trend;
    m_trend = points;
    m_evidence = {};
    m_unit = unit;
    m_title = title;
    drawTrend();
}

void MetricChart::drawTrend()
{
    const auto &points = m_trend;
    const QString &unit = m_unit, &title = m_title;
    resetChart(title);
    if (points.empty()) {
        // Nothing to draw: axes over an empty series would show made-up ticks ("1 Jan" ×7, "1%, 1%, 0%").
        chart()->setTitle(tr("%1 — no data yet").arg(title));
        return;
    }
    auto *line = new QLineSeries;
    line->setName(title);
    double lo = 1e300, hi = -1e300;
    for (const auto &p : points) {
        const double v = scaled(unit, p.value);
        line->append(double(ms(p.date)), v);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    m_points = int(points.size());
    QChart *c = chart();
    c->addSeries(line);
    c->legend()->hide();
    QPen pen(palette().color(QPalette::Highlight));
    pen.setWidthF(2.0);
    line->setPen(pen);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM"));
    x->setTickCount(7);
    auto *y = new QValueAxis;
    y->setLabelFormat(axisFormat(unit));
    if (!points.empty()) {
        double top = hi + (hi - lo) * 0.15 + 0.5;
        if (unit == QLatin1String("rate"))
            top = std::min(top, 100.0); // a share never exceeds 100 %
        y->setRange(std::max(0.0, lo - (hi - lo) * 0.15), top);
        y->applyNiceNumbers(); // round ticks (0, 20, 40 … rather than 0, 29, 58 …)
        if (unit != QLatin1String("rate") && y->max() < 10)
            y->setLabelFormat(QStringLiteral("%.1f")); // small counts: whole-number labels would repeat
    }
    for (QAbstractAxis *a : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        a->setLabelsBrush(palette().text());
        a->setGridLineColor(palette().color(QPalette::Mid));
    }
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
}

void MetricChart::setEvidence(const dashboard::Evidence &evidence, const QString &unit, const QString &title)
{
    m_drawn = Drawn::Evidence;
    m_trend.clear();
    m_evidence = evidence;
    m_unit = unit;
    m_title = title;
    drawEvidence();
}

void MetricChart::drawEvidence()
{
    const dashboard::Evidence &e = m_evidence;
    const QString &unit = m_unit;
    resetChart(m_title);
    QChart *c = chart();
    double lo = 0, hi = 1;
    if (!e.series.empty()) {
        lo = hi = scaled(unit, e.series.front().value);
        for (const auto &p : e.series) {
            lo = std::min(lo, scaled(unit, p.value));
            hi = std::max(hi, scaled(unit, p.value));
        }
    }
    const double top = hi + (hi - lo) * 0.1 + 0.5, bottom = std::max(0.0, lo - (hi - lo) * 0.1);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM"));
    x->setTickCount(8);
    auto *y = new QValueAxis;
    y->setLabelFormat(axisFormat(unit));
    y->setRange(bottom, top);
    // Both windows in view: the axis would otherwise take its range from the first series attached only.
    QDate first = e.baselineFrom.isValid() ? e.baselineFrom : e.currentFrom;
    QDate last = e.currentTo.isValid() ? e.currentTo.addDays(-1) : e.baselineTo.addDays(-1);
    if (!e.series.empty()) {
        first = first.isValid() ? std::min(first, e.series.front().date) : e.series.front().date;
        last = last.isValid() ? std::max(last, e.series.back().date) : e.series.back().date;
    }
    if (first.isValid() && last.isValid())
        x->setRange(first.startOfDay(Qt::UTC), last.startOfDay(Qt::UTC));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    // Windows are half-open [from, to): shade up to the last included day.
    auto shade = [&](const QDate &from, const QDate &to, const QString &name, QColor colour) {
        if (!from.isValid() || !to.isValid())
            return;
        auto *upper = new QLineSeries, *lower = new QLineSeries;
        upper->append(double(ms(from)), top);
        upper->append(double(ms(to.addDays(-1))), top);
        lower->append(double(ms(from)), bottom);
        lower->append(double(ms(to.addDays(-1))), bottom);
        auto *area = new QAreaSeries(upper, lower);
        area->setName(name);
        colour.setAlpha(55);
        area->setBrush(colour);
        area->setPen(Qt::NoPen);
        c->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
    };
    shade(e.baselineFrom, e.baselineTo, tr("Baseline window"), QColor(0x42, 0x85, 0xf4));
    shade(e.currentFrom, e.currentTo, tr("Current window"), QColor(0xf4, 0x8c, 0x06));
    auto *line = new QLineSeries;
    line->setName(tr("Daily value"));
    for (const auto &p : e.series)
        line->append(double(ms(p.date)), scaled(unit, p.value));
    QPen pen(palette().color(QPalette::Text));
    pen.setWidthF(1.6);
    line->setPen(pen);
    c->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    for (QAbstractAxis *a : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        a->setLabelsBrush(palette().text());
        a->setGridLineColor(palette().color(QPalette::Mid));
    }
    m_points = int(e.series.size());
}

} // namespace upstream::views
