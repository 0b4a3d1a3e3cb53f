#pragma once
// One look for every chart of the workstation: the chart theme follows the widget's palette (dark or light),
// a flat background, tight margins, a bold title in the text colour and the legend at the bottom.
#include <QChart>
#include <QWidget>

namespace upstream::widgets {

inline QChart *newStyledChart(const QWidget &host, const QString &title)
{
    auto *chart = new QChart;
    const QPalette &pal = host.palette();
    chart->setTheme(pal.color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.base());
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitle(title);
    QFont tf = host.font();
    tf.setBold(true);
    chart->setTitleFont(tf);
    chart->setTitleBrush(pal.text());
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

} // namespace upstream::widgets
