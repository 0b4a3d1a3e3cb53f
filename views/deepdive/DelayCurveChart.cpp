#include "DelayCurveChart.h"
#include "StyledChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace upstream::views {

DelayCurveChart::DelayCurveChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
}

void DelayCurveChart::setDelay(const dashboard::Evidence::Delay &d, const QString &keyedOn)
{
    QChart *chart =
        widgets::newStyledChart(*this, tr("Share of claims finished by age: reference cohort vs current cohort"));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));

    auto curve = [&](const std::vector<dashboard::Evidence::CurvePoint> &points, const QString &name, QColor colour,
                     Qt::PenStyle style) {
        auto *line = new QLineSeries;
        line->setName(name);
        for (const auto &p : points)
            line->append(p.age, p.share * 100.0);
        QPen pen(colour);
        pen.setWidthF(2.4);
        pen.setStyle(style);
        line->setPen(pen);
        chart->addSeries(line);
        return line;
    };
    // Blue reference, orange cohort: the deep dive's baseline and current window colours.
    QLineSeries *reference = curve(d.referenceCurve, tr("Reference cohort"), QColor(0x1e, 0x63, 0xd6), Qt::SolidLine);
    QLineSeries *cohort = curve(d.cohortCurve, tr("Current cohort"), QColor(0xe0, 0x6c, 0x00), Qt::SolidLine);
    int maxAge = 1;
    for (const auto *c : {&d.referenceCurve, &d.cohortCurve})
        if (!c->empty())
            maxAge = std::max(maxAge, c->back().age);
    QLineSeries *p80 = nullptr;
    if (d.referenceP80Lag >= 0 && d.referenceP80Lag <= maxAge) {
        p80 = new QLineSeries;
        p80->setName(tr("Reference 80th-percentile lag (%1 days)").arg(d.referenceP80Lag));
        p80->append(d.referenceP80Lag, 0);
        p80->append(d.referenceP80Lag, 100);
        QPen pen(palette().color(QPalette::PlaceholderText));
        pen.setWidthF(1.4);
        pen.setStyle(Qt::DashLine);
        p80->setPen(pen);
        chart->addSeries(p80);
    }

    auto *x = new QValueAxis;
    x->setRange(0, maxAge);
    x->setTickCount(std::min(maxAge, 28) / 4 + 1);
    x->setLabelFormat(QStringLiteral("%d"));
    const QString key = dashboard::keyedOnLabel(keyedOn);
    x->setTitleText(key.isEmpty() ? tr("Age (days)") : tr("Age (days since the %1)").arg(key));
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.0f%%"));
    y->setTitleText(tr("Finished"));
    for (QValueAxis *a : {x, y}) {
        a->setLabelsBrush(palette().text());
        a->setTitleBrush(palette().text());
        a->setGridLineColor(palette().color(QPalette::Mid));
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {reference, cohort, p80})
        if (s) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    m_referencePoints = int(d.referenceCurve.size());
    m_cohortPoints = int(d.cohortCurve.size());
}

} // namespace upstream::views
