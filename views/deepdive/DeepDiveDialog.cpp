#include "DeepDiveDialog.h"
#include "engines/Signal.h"

#include "DialogSeam.h"
#include "alerts/AlertLabels.h"
#include "dashboard/SignalRows.h"
#include "dashboards/MetricChart.h"
#include "deepdive/DelayCurveChart.h"
#include "ledger/LedgerEntry.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPdfWriter>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent, const QString &accessible)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setAccessibleName(accessible);
    t->verticalHeader()->hide();
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t->verticalHeader()->setDefaultSectionSize(22);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QString ledgerStateLabel(const QString &id)
{
    ledger::LedgerState state;
    return ledger::stateFromId(id, &state) ? ledger::stateLabel(state) : id;
}

QString money(double v)
{
    return dashboard::formatDollars(v);
}

// A breakdown value: DriftWatch's are shares of the group's decided claims, DenialScope's denials per day.
QString breakdownValue(const dashboard::SignalDetail &d, double v)
{
    if (engines::isProduct(d.product, engines::Product::DenialScope))
        return DeepDiveDialog::tr("%1/day").arg(QLocale().toString(v, 'f', 2));
    return dashboard::formatValue(d.evidence, v);
}

} // namespace

DeepDiveDialog::DeepDiveDialog(dashboard::SignalDetail detail, QWidget *parent)
    : QDialog(parent), m_detail(std::move(detail)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("deepDiveDialog"));
    const QString typeLabel = dashboard::signalTypeLabel(m_detail.signalType);
    setWindowTitle(tr("Deep dive — %1 · %2").arg(typeLabel, m_detail.payer));
    resize(1040, 780);
    auto *v = new QVBoxLayout(this);
    const QString heading =
        QStringLiteral("<span style='font-size:15pt; font-weight:600'>%1</span>  <span>%2%3</span>")
            .arg(m_detail.payer.toHtmlEscaped(),
                 (m_detail.group.isEmpty() ? QString() : m_detail.group + QStringLiteral(" · ")).toHtmlEscaped(),
                 typeLabel.toHtmlEscaped());
    auto *title = new QLabel(heading, this);
    v->addWidget(title);
    QString state =
        tr("Severity <b>%1</b> · alert %2 · as of %3")
            .arg(dashboard::severityName(dashboard::severityFromString(m_detail.severity)).toHtmlEscaped(),
                 m_detail.alertStatus.isEmpty()
                     ? tr("none")
                     : dashboard::statusName(dashboard::statusFromString(m_detail.alertStatus)).toHtmlEscaped(),
                 QLocale().toString(m_detail.asOf, QLocale::ShortFormat));
    if (m_detail.suppressed)
        state +=
            tr(" · <b>suppressed</b>: %1").arg(alerts::suppressionLabel(m_detail.suppressionReason).toHtmlEscaped());
    auto *stateLabel = new QLabel(state, this);
    v->addWidget(stateLabel);

    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("evidenceText"));
    explanation->setAccessibleName(tr("Evidence in plain words"));
    explanation->setWordWrap(true);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QString html;
    for (const QString &p : m_detail.plainExplanation())
        html += QStringLiteral("<p style='margin:2px 0 5px 0'>%1</p>").arg(p.toHtmlEscaped());
    explanation->setText(html);
    v->addWidget(explanation);

    if (m_detail.evidence.delay) {
        v->addWidget(buildDelayEvidence(), 1);
    } else {
        m_chart = new MetricChart(this);
        const QString unit = dashboard::seriesUnit(m_detail.evidence, m_detail.product);
        m_chart->setEvidence(m_detail.evidence, unit,
                             engines::isProduct(m_detail.product, engines::Product::DenialScope)
                                 ? tr("Daily denials with the reason (by decision date)")
                                 : tr("Daily %1").arg(dashboard::metricLabel(m_detail.evidence.metric).toLower()));
        m_chart->setAccessibleName(tr("Daily series with the baseline and current windows shaded"));
        m_chart->setMinimumHeight(270);
        m_chartWidget = m_chart;
        v->addWidget(m_chart, 1);
    }
    v->addWidget(buildTables());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *pdf = buttons->addButton(tr("Export PDF…"), QDialogButtonBox::ActionRole);
    auto *csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    pdf->setAccessibleName(tr("Export the evidence as PDF"));
    csv->setAccessibleName(tr("Export the evidence as CSV"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const QString base = QStringLiteral("evidence-%1").arg(m_detail.signalId);
    connect(pdf, &QPushButton::clicked, this, [this, base] {
        const QString f = widgets::FileDialog::getSaveFileName(this, tr("Export evidence as PDF"),
                                                               base + QStringLiteral(".pdf"), tr("PDF (*.pdf)"));
        if (!f.isEmpty())
            exportPdf(f);
    });
    connect(csv, &QPushButton::clicked, this, [this, base] {
        const QString f = widgets::FileDialog::getSaveFileName(this, tr("Export evidence as CSV"),
                                                               base + QStringLiteral(".csv"), tr("CSV (*.csv)"));
        if (!f.isEmpty())
            exportCsv(f);
    });
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);
    v->addLayout(bottom);
}

QString DeepDiveDialog::delayFiguresHtml() const
{
    const QLocale loc;
    const auto &e = m_detail.evidence;
    const auto &d = *e.delay;
    QString rows;
    auto row = [&](const QString &label, const QString &value) {
        rows += QStringLiteral("<tr><td style='padding:2px 10px 2px 0'>%1</td><td align='right'><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Observed finished (O)"), loc.toString(d.observed, 'f', 0));
    row(tr("Expected finished (E)"), loc.toString(d.expected, 'f', 1));
    row(tr("Slowdown Δ"), tr("+%1 days").arg(loc.toString(m_detail.delta, 'f', 1)));
    row(tr("Median lag"),
        tr("%1 → %2 days").arg(loc.toString(m_detail.baseline, 'f', 1), loc.toString(m_detail.current, 'f', 1)));
    row(tr("Cohort claims"), loc.toString(e.currentN));
    row(tr("Unfinished"), loc.toString(d.unfinished));
    row(tr("Overdue claims"), loc.toString(d.overdueClaims));
    row(tr("Reference 80th-percentile lag"),
        d.referenceP80Lag >= 0 ? tr("%1 days").arg(d.referenceP80Lag) : tr("not reached"));
    row(tr("Dollars at risk"), dashboard::formatDollars(d.overdueDollars));
    row(tr("z · p-value"), tr("%1 · %2").arg(loc.toString(e.statisticValue, 'f', 2),
                                             m_detail.pValue < 0.0001 ? QStringLiteral("< 0.0001")
                                                                      : loc.toString(m_detail.pValue, 'f', 4)));
    return QStringLiteral("<table cellspacing='0'>%1</table>").arg(rows);
}

QWidget *DeepDiveDialog::buildDelayEvidence()
{
    auto *w = new QWidget(this);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    m_curves = new DelayCurveChart(w);
    m_curves->setObjectName(QStringLiteral("delayCurves"));
    m_curves->setAccessibleName(tr("Share of claims finished by age, reference cohort and current cohort"));
    m_curves->setDelay(*m_detail.evidence.delay, m_detail.evidence.keyedOn);
    m_curves->setMinimumHeight(300);
    m_chartWidget = m_curves;
    h->addWidget(m_curves, 1);
    auto *box = new QGroupBox(tr("Observed vs expected"), w);
    auto *l = new QVBoxLayout(box);
    auto *figures = new QLabel(delayFiguresHtml(), box);
    figures->setObjectName(QStringLiteral("delayFigures"));
    figures->setAccessibleName(tr("Observed and expected finished claims, slowdown and overdue claims"));
    figures->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    l->addWidget(figures);
    l->addStretch(1);
    h->addWidget(box);
    return w;
}

QWidget *DeepDiveDialog::buildTables()
{
    auto *w = new QWidget(this);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    const auto &e = m_detail.evidence;
    auto group = [&](const QString &title, QTableWidget *table) {
        auto *g = new QGroupBox(title, w);
        auto *l = new QVBoxLayout(g);
        l->setContentsMargins(6, 6, 6, 6);
        l->addWidget(table);
        table->setFixedHeight(150);
        h->addWidget(g, 1);
    };
    // DelayGuard has no breakdown: its curves stand in for it.
    if (!e.delay) {
        auto *breakdown = makeTable({tr("Breakdown"), tr("Baseline"), tr("Current"), tr("n")}, w, tr("Breakdown"));
        breakdown->setRowCount(int(e.breakdown.size()));
        for (int r = 0; r < int(e.breakdown.size()); ++r) {
            const auto &s = e.breakdown[size_t(r)];
            setRow(breakdown, r,
                   {s.key, breakdownValue(m_detail, s.baseline), breakdownValue(m_detail, s.current),
                    QLocale().toString(s.n)});
        }
        // The key (a denial reason or a CPT group) takes the room; the figures are short.
        for (int c = 1; c < breakdown->columnCount(); ++c)
            breakdown->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        group(engines::isProduct(m_detail.product, engines::Product::DriftWatch) ? tr("By denial reason")
                                                                                 : tr("By CPT group"),
              breakdown);
    }

    auto *history = makeTable({tr("When"), tr("Who"), tr("Verdict"), tr("Reason")}, w, tr("Judgment history"));
    history->setRowCount(int(m_detail.judgments.size()));
    for (int r = 0; r < int(m_detail.judgments.size()); ++r) {
        const auto &j = m_detail.judgments[size_t(r)];
        setRow(history, r,
               {j.judgedAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), j.operatorName,
                alerts::verdictLabel(j.verdict), alerts::reasonLabel(j.reasonCode)});
    }
    group(tr("Judgment history"), history);

    auto *ledger =
        makeTable({tr("State"), tr("Expected"), tr("Recovered"), tr("Owner")}, w, tr("Linked ledger entries"));
    ledger->setRowCount(int(m_detail.ledger.size()));
    for (int r = 0; r < int(m_detail.ledger.size()); ++r) {
        const auto &l = m_detail.ledger[size_t(r)];
        setRow(ledger, r,
               {ledgerStateLabel(l.state), money(double(l.expectedCents) / 100.0),
                money(double(l.recoveredCents) / 100.0), l.owner});
    }
    group(tr("Recovery ledger"), ledger);
    return w;
}

QString DeepDiveDialog::statusText() const
{
    return m_status->text();
}

QString DeepDiveDialog::reportHtml() const
{
    const auto &e = m_detail.evidence;
    QString html =
        QStringLiteral("<h2>%1 — %2</h2><p>%3</p>")
            .arg(dashboard::signalTypeLabel(m_detail.signalType).toHtmlEscaped(), m_detail.payer.toHtmlEscaped(),
                 tr("%1 · %2 · severity %3")
                     .arg(m_detail.group, ledger::productLabel(m_detail.product),
                          dashboard::severityName(dashboard::severityFromString(m_detail.severity)))
                     .toHtmlEscaped());
    for (const QString &p : m_detail.plainExplanation())
        html += QStringLiteral("<p>%1</p>").arg(p.toHtmlEscaped());
    html += QStringLiteral("<p><img src='chart.png' width='640'></p>");
    if (e.delay) {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Observed vs expected")) + delayFiguresHtml();
    } else {
        html += QStringLiteral("<h3>%1</h3><table border='1' cellpadding='3' cellspacing='0'><tr><th>%2</th>"
                               "<th>%3</th><th>%4</th><th>n</th></tr>")
                    .arg(tr("Breakdown"), tr("Key"), tr("Baseline"), tr("Current"));
        for (const auto &s : e.breakdown)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(s.key.toHtmlEscaped(), breakdownValue(m_detail, s.baseline),
                             breakdownValue(m_detail, s.current))
                        .arg(s.n);
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Judgment history"));
    for (const auto &j : m_detail.judgments)
        html += QStringLiteral("<li>%1 — %2: %3 %4</li>")
                    .arg(j.judgedAt.toHtmlEscaped(), j.operatorName.toHtmlEscaped(),
                         alerts::verdictLabel(j.verdict).toHtmlEscaped(),
                         alerts::reasonLabel(j.reasonCode).toHtmlEscaped());
    html += QStringLiteral("</ul>");
    return html;
}

bool DeepDiveDialog::exportPdf(const QString &file)
{
    QPdfWriter writer(file);
    writer.setTitle(windowTitle());
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    QTextDocument doc;
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart.png")), m_chartWidget->grab().toImage());
    doc.setHtml(reportHtml());
    doc.setPageSize(QSizeF(writer.width(), writer.height()));
    doc.print(&writer);
    const bool ok = QFile(file).size() > 0;
    m_status->setText(ok ? tr("Evidence exported as PDF.") : tr("The PDF could not be written: check the folder."));
    if (ok)
        emit evidenceExported(m_detail.signalId, QStringLiteral("pdf"));
    return ok;
}

bool DeepDiveDialog::exportCsv(const QString &file)
{
    QSaveFile out(file);
    const bool ok = out.open(QIODevice::WriteOnly) && out.write(m_detail.toCsv()) >= 0 && out.commit();
    m_status->setText(ok ? tr("Evidence exported as CSV.") : tr("The CSV could not be written: check the folder."));
    if (ok)
        emit evidenceExported(m_detail.signalId, QStringLiteral("csv"));
    return ok;
}

} // namespace upstream::views
