#include "DashboardPage.h"

#include "engines/Signal.h"

#include "BadgeDelegate.h"
#include "KpiTile.h"
#include "dashboard/DashboardSummary.h"
#include "dashboard/SignalEvidence.h"
#include "dashboards/MetricChart.h"
#include "dashboards/TriagePanel.h"
#include "deepdive/DeepDiveDialog.h"
#include "session/RolePermissions.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <iterator>

namespace upstream::views {
using dashboard::SignalTableModel;

namespace {

QColor severityColour(int s)
{
    switch (dashboard::Severity(s)) {
    case dashboard::Severity::Critical: return {0xc6, 0x28, 0x28};
    case dashboard::Severity::High: return {0xe6, 0x51, 0x00};
    case dashboard::Severity::Medium: return {0xf9, 0xa8, 0x25};
    case dashboard::Severity::Low: break;
    }
    return {0x78, 0x90, 0x9c};
}

QString money(double v)
{
    return dashboard::formatDollars(v);
}

QString cents(qint64 c)
{
    return money(double(c) / 100.0);
}

} // namespace

DashboardProduct DashboardProduct::driftWatch()
{
    return {engines::productName(engines::Product::DriftWatch),
            DashboardPage::tr("DriftWatch"),
            DashboardPage::tr("Denial-rate drift per payer and CPT group against each baseline."),
            DashboardPage::tr("CPT group"),
            DashboardPage::tr("Dollars impact"),
            DashboardPage::tr("Denial rate, most severe signals (daily, volume-weighted)"),
            QStringLiteral("rate"),
            QStringLiteral("denial_rate")};
}

DashboardProduct DashboardProduct::denialScope()
{
    return {engines::productName(engines::Product::DenialScope),
            DashboardPage::tr("DenialScope"),
            DashboardPage::tr("Denial reasons that spiked or appeared for the first time, per payer."),
            DashboardPage::tr("Reason"),
            DashboardPage::tr("Denied dollars"),
            DashboardPage::tr("Daily denials with the reason, most severe rate spikes (mean per signal)"),
            QStringLiteral("count"),
            QStringLiteral("reason_rate")};
}

DashboardProduct DashboardProduct::delayGuard()
{
    return {engines::productName(engines::Product::DelayGuard),
            DashboardPage::tr("DelayGuard"),
            DashboardPage::tr("Payers that started paying or deciding slower, with the dollars at risk."),
            DashboardPage::tr("Group"),
            DashboardPage::tr("Dollars at risk"),
            DashboardPage::tr("Share of claims decided by the as-of date, per submission day (most severe "
                              "adjudication delays)"),
            QStringLiteral("rate"),
            QStringLiteral("decision_days")};
}

DashboardProduct DashboardProduct::retranslated() const
{
    for (auto make : {&DashboardProduct::driftWatch, &DashboardProduct::denialScope, &DashboardProduct::delayGuard})
        if (DashboardProduct fresh = make(); fresh.id == id)
            return fresh;
    return *this;
}

DashboardPage::DashboardPage(DashboardProduct product, QWidget *parent)
    : QWidget(parent), m_product(std::move(product)), m_model(new SignalTableModel(this))
{
    setObjectName(m_product.id + QStringLiteral("Page"));
    m_model->setDeltaInDays(engines::isProduct(m_product.id, engines::Product::DelayGuard));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(16, 10, 16, 8);
    v->setSpacing(8);
    v->addWidget(buildHeader());

    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    for (size_t i = 0; i < m_tiles.size(); ++i) {
        m_tiles[i] = new widgets::KpiTile(QString(), this);
        tiles->addWidget(m_tiles[i], 1);
    }
    m_tiles[1]->setAccent(severityColour(int(dashboard::Severity::Critical)));
    m_tiles[2]->setAccent(severityColour(int(dashboard::Severity::High)));
    m_tiles[3]->setAccent(QColor(0x2e, 0x7d, 0x32));
    v->addLayout(tiles);

    auto *middle = new QHBoxLayout;
    m_chart = new MetricChart(this);
    m_chart->setFixedHeight(190);
    m_payers = new QTableWidget(0, 3, this);
    m_payers->verticalHeader()->hide();
    m_payers->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_payers->verticalHeader()->setDefaultSectionSize(24);
    m_payers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_payers->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_payers->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_payers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_payers->setFocusPolicy(Qt::NoFocus);
    m_payers->setSelectionMode(QAbstractItemView::NoSelection);
    m_payers->setFixedHeight(190);
    m_payers->setFixedWidth(360);
    middle->addWidget(m_chart, 1);
    middle->addWidget(m_payers);
    v->addLayout(middle);

    v->addWidget(buildFilters());

    auto *body = new QHBoxLayout;
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("signalsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    // Fixed row heights: per-row auto height measured 2.2 s at 100,000 rows on Qt 6.4.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(26);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(SignalTableModel::Urgency, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    const int widths[] = {76, 78, 150, 160, 150, 104, 160, 96, 86, 150, 190, 76, 76, 72, 84, 170};
    static_assert(std::size(widths) == SignalTableModel::ColumnCount);
    for (int c = 0; c < SignalTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);
    m_table->setColumnHidden(SignalTableModel::Window, true); // one window per recompute; shown in the deep dive
    const bool delayGuard = engines::isProduct(m_product.id, engines::Product::DelayGuard);
    m_table->setColumnHidden(SignalTableModel::Group, delayGuard);
    m_table->setColumnHidden(SignalTableModel::ObservedExpected, !delayGuard);
    m_table->setColumnHidden(SignalTableModel::Overdue, !delayGuard);
    // DelayGuard's dollars are the overdue dollars at risk (SPEC 6): the Overdue $ column already shows them.
    m_table->setColumnHidden(SignalTableModel::Dollars, delayGuard);
    auto *delegate = new widgets::BadgeDelegate(
        [](const QModelIndex &i) -> QList<widgets::BadgeDelegate::Badge> {
            const QString text = i.data().toString();
            switch (i.column()) {
            case SignalTableModel::Severity:
                return {{text, severityColour(i.data(SignalTableModel::SeverityRole).toInt())}};
            case SignalTableModel::Urgency: {
                const int u = i.data(SignalTableModel::UrgencyRole).toInt();
                return {{text, u == 2 ? QColor(0x6a, 0x1b, 0x9a) : u == 1 ? QColor(0x15, 0x65, 0xc0) : QColor()}};
            }
            case SignalTableModel::Status: {
                const int s = i.data(SignalTableModel::StatusRole).toInt();
                QList<widgets::BadgeDelegate::Badge> b{
                    {text, s == int(dashboard::AlertStatus::Acknowledged) ? QColor(0x2e, 0x7d, 0x32)
                           : s == int(dashboard::AlertStatus::Resolved)   ? QColor(0x78, 0x90, 0x9c)
                                                                          : QColor()}};
                if (i.data(SignalTableModel::SuppressedRole).toBool())
                    b.append({tr("suppressed"), QColor(0x6d, 0x4c, 0x41)});
                return b;
            }
            case SignalTableModel::Context: {
                const int k = i.data(SignalTableModel::ContextKindRole).toInt();
                if (text.isEmpty())
                    return {};
                return {{text, k == int(dashboard::ContextKind::Real)       ? QColor(0x2e, 0x7d, 0x32)
                               : k == int(dashboard::ContextKind::FollowUp) ? QColor(0x15, 0x65, 0xc0)
                                                                            : QColor(0x60, 0x7d, 0x8b)}};
            }
            default: return {{text, QColor()}};
            }
        },
        this);
    for (int c : {int(SignalTableModel::Severity), int(SignalTableModel::Urgency), int(SignalTableModel::Status),
                  int(SignalTableModel::Context)})
        m_table->setItemDelegateForColumn(c, delegate);
    m_table->installEventFilter(this);
    m_panel = new TriagePanel(this);
    // A new workspace has no signals: say what to do next instead of showing an empty grid.
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMinimumHeight(60);
    m_empty->setVisible(false);
    auto *queue = new QVBoxLayout;
    queue->addWidget(m_empty);
    queue->addWidget(m_table, 1);
    body->addLayout(queue, 1);
    body->addWidget(m_panel);
    v->addLayout(body, 1);
    v->addWidget(buildLedgerStrip());

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_panel->setSelectionCount(int(m_table->selectionModel()->selectedRows().size())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        m_panel->setSelectionCount(0);
        m_empty->setVisible(m_service && m_model->totalRows() == 0);
    });
    connect(m_panel, &TriagePanel::verdictRequested, this, &DashboardPage::applyVerdict);
    connect(m_panel, &TriagePanel::undoRequested, this, &DashboardPage::undo);
    connect(m_panel, &TriagePanel::redoRequested, this, &DashboardPage::redo);
    connect(m_panel, &TriagePanel::deepDiveRequested, this, &DashboardPage::openDeepDive);
    connect(m_panel, &TriagePanel::ledgerEntryRequested, this, &DashboardPage::openLedgerEntry);
    retranslateUi();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    const DashboardProduct fresh = m_product.retranslated();
    m_product.title = fresh.title;
    m_product.blurb = fresh.blurb;
    m_product.groupHeader = fresh.groupHeader;
    m_product.dollarsTitle = fresh.dollarsTitle;
    m_product.metricTitle = fresh.metricTitle;

    m_title->setText(
        QStringLiteral("<span style='font-size:16pt; font-weight:600'>%1</span>").arg(m_product.title.toHtmlEscaped()));
    m_blurb->setText(m_product.blurb);
    m_freshness->setAccessibleName(tr("Data freshness"));
    m_windows->setAccessibleName(tr("Windows of the signals"));
    showFreshness();

    const QStringList titles = {tr("Open signals"), tr("Critical (open)"), tr("High (open)"), m_product.dollarsTitle,
                                tr("Average Δ")};
    for (size_t i = 0; i < m_tiles.size(); ++i)
        m_tiles[i]->setTitle(titles[qsizetype(i)]);
    m_chart->setAccessibleName(tr("Trend chart"));
    m_chart->setTitle(m_product.metricTitle);
    m_payers->setAccessibleName(tr("Top payers"));
    m_payers->setHorizontalHeaderLabels({tr("Top payers"), tr("Open"), m_product.dollarsTitle});

    m_search->setPlaceholderText(tr("Search payer, %1 or signal…").arg(m_product.groupHeader.toLower()));
    m_search->setAccessibleName(tr("Search signals"));
    // Item texts only: the current index and each item's data (the filter) stay.
    m_severity->setAccessibleName(tr("Severity filter"));
    const QStringList severities = {tr("All severities"), tr("Critical"), tr("High and above"), tr("Medium and above")};
    for (int i = 0; i < severities.size(); ++i)
        m_severity->setItemText(i, severities[i]);
    m_payer->setAccessibleName(tr("Payer filter"));
    if (m_payer->count() > 0 && m_payer->itemData(0).toInt() == -1)
        m_payer->setItemText(0, tr("All payers"));
    m_status->setAccessibleName(tr("Status filter"));
    const QStringList statuses = {tr("All statuses"), tr("Pending"), tr("Acknowledged"), tr("Resolved")};
    for (int i = 0; i < statuses.size(); ++i)
        m_status->setItemText(i, statuses[i]);
    m_dates->setAccessibleName(tr("Date filter"));
    const QStringList dates = {tr("Any as-of date"), tr("As of the last 7 days"), tr("As of the last 30 days")};
    for (int i = 0; i < dates.size(); ++i)
        m_dates->setItemText(i, dates[i]);
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportCsv->setToolTip(tr("Export the rows and columns shown, as filtered and sorted, to a CSV file"));
    m_exportPdf->setText(tr("Export &PDF…"));
    m_exportPdf->setToolTip(tr("Export the rows and columns shown, as filtered and sorted, to a PDF report"));
    updateCount();

    m_table->setAccessibleName(tr("Signals"));
    m_model->setGroupHeader(m_product.groupHeader);
    m_model->retranslate(); // headers and cells (the badges repaint with them)
    m_empty->setText(tr("No signals yet in this workspace. Import a claim file (Ctrl+4), then recompute signals "
                        "(File ▸ Recompute signals…)."));
    if (m_role) // the panel words its own texts; the read-only reason is the page's
        m_panel->setReadOnlyReason(session::roleRefusal(*m_role, session::RoleAction::Triage));
    m_ledger->setAccessibleName(tr("Recovery ledger totals"));
    if (m_ledgerTotals)
        showLedger(*m_ledgerTotals);
    if (m_service)
        refreshSummary(); // KPI values and captions, top payers: from the rows held
}

void DashboardPage::updateCount()
{
    m_count->setText(
        tr("%1 of %2 signals").arg(QLocale().toString(m_model->rowCount()), QLocale().toString(m_model->totalRows())));
}

void DashboardPage::showFreshness()
{
    if (!m_freshnessData)
        return;
    const dashboard::Freshness &f = *m_freshnessData;
    const QString synced =
        f.lastSynced.isEmpty()
            ? tr("never (local workspace)")
            : QLocale().toString(QDateTime::fromString(f.lastSynced, Qt::ISODate).toLocalTime(), QLocale::ShortFormat);
    m_freshness->setText(tr("%1 · last synced: %2").arg(dashboard::freshnessText(f, m_today).toHtmlEscaped(), synced));
    m_windows->setText(dashboard::windowsText(f, m_product.id));
}

QWidget *DashboardPage::buildHeader()
{
    auto *w = new QWidget(this);
    m_title = new QLabel(w);
    m_blurb = new QLabel(w);
    m_blurb->setForegroundRole(QPalette::PlaceholderText);
    m_freshness = new QLabel(w);
    m_freshness->setObjectName(QStringLiteral("freshness"));
    m_windows = new QLabel(w);
    m_windows->setObjectName(QStringLiteral("windows"));
    m_windows->setForegroundRole(QPalette::PlaceholderText);
    m_windows->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addSpacing(12);
    top->addWidget(m_blurb, 1);
    // The freshness line shares the second row with the windows: on the first it crowded out its own end at
    // 1280 pixels ("last synced: never (local w…").
    auto *second = new QHBoxLayout;
    second->addWidget(m_windows, 1);
    second->addSpacing(12);
    second->addWidget(m_freshness);
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addLayout(top);
    v->addLayout(second);
    return w;
}

QWidget *DashboardPage::buildFilters()
{
    auto *w = new QWidget(this);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(w);
    m_search->setClearButtonEnabled(true);
    // Item texts are set by retranslateUi(); the data is what the filter uses.
    m_severity = new QComboBox(w);
    for (int mask : {0x0F, 0x08, 0x0C, 0x0E}) // all, critical, high and above, medium and above
        m_severity->addItem(QString(), mask);
    m_payer = new QComboBox(w);
    m_payer->setMinimumWidth(180);
    m_status = new QComboBox(w);
    for (int mask : {0x0F, 1 << int(dashboard::AlertStatus::Pending), 1 << int(dashboard::AlertStatus::Acknowledged),
                     1 << int(dashboard::AlertStatus::Resolved)})
        m_status->addItem(QString(), mask);
    m_dates = new QComboBox(w);
    for (int days : {0, 7, 30})
        m_dates->addItem(QString(), days);
    m_count = new QLabel(w);
    m_count->setObjectName(QStringLiteral("signalCount"));
    h->addWidget(m_search, 2);
    h->addWidget(m_severity);
    h->addWidget(m_payer);
    h->addWidget(m_status);
    h->addWidget(m_dates);
    h->addStretch(1);
    h->addWidget(m_count);
    // Export what the table shows (any role may export what it can read).
    m_exportCsv = new QPushButton(w);
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_exportPdf = new QPushButton(w);
    m_exportPdf->setObjectName(QStringLiteral("exportPdf"));
    h->addWidget(m_exportCsv);
    h->addWidget(m_exportPdf);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportTable(QStringLiteral("csv")); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportTable(QStringLiteral("pdf")); });
    connect(m_search, &QLineEdit::textChanged, this, &DashboardPage::updateFilter);
    for (QComboBox *c : {m_severity, m_payer, m_status, m_dates})
        connect(c, &QComboBox::currentIndexChanged, this, &DashboardPage::updateFilter);
    m_search->installEventFilter(this);
    return w;
}

QWidget *DashboardPage::buildLedgerStrip()
{
    m_ledger = new QLabel(this);
    m_ledger->setObjectName(QStringLiteral("ledgerStrip"));
    m_ledger->setFrameShape(QFrame::StyledPanel);
    m_ledger->setAutoFillBackground(true);
    m_ledger->setBackgroundRole(QPalette::AlternateBase);
    m_ledger->setMargin(6);
    return m_ledger;
}

void DashboardPage::bind(std::shared_ptr<dashboard::DashboardService> service)
{
    m_service = std::move(service);
    m_triage = &m_service->triage();
    if (m_role)
        m_triage->setRole(*m_role);
    reload();
}

void DashboardPage::setRole(const QString &role)
{
    m_role = role;
    if (m_triage)
        m_triage->setRole(role);
    m_panel->setReadOnlyReason(session::roleRefusal(role, session::RoleAction::Triage));
}

void DashboardPage::unbind()
{
    // A load still running is discarded when it lands, but it reads the cache on a worker thread: wait for it
    // before the service (and its connection) goes and the session closes the cache (lock).
    m_load.supersede();
    m_load.cancelAndWait();
    m_reloadAgain = false;
    if (m_deepDive)
        m_deepDive->close(); // WA_DeleteOnClose: its decrypted evidence goes with it
    m_triage = nullptr;
    m_service.reset();
    m_model->clear();
    m_empty->setVisible(false);
    m_chart->clearChart();
    m_payers->setRowCount(0);
    m_freshnessData.reset();
    m_ledgerTotals.reset();
    const QSignalBlocker block(m_payer);
    m_payer->clear();
    for (auto *t : m_tiles)
        t->setValue(QStringLiteral("–"));
    m_ledger->clear();
    m_freshness->clear();
    m_windows->clear();
    m_search->clear();
    m_panel->clearInput();
    m_panel->withdrawLedgerOffer();
    m_panel->setUndoRedoAvailable(false, false);
    m_panel->setMessage({});
}

void DashboardPage::showError(const QString &message)
{
    m_panel->setMessage(message);
}

void DashboardPage::reload()
{
    if (!m_service)
        return;
    if (m_load.isRunning()) {
        m_reloadAgain = true; // one load at a time on the service's reading connection
        return;
    }
    auto load = [service = m_service, product = m_product.id, metric = m_product.metric, today = m_today] {
        return std::make_shared<Result<dashboard::DashboardData>>(service->load(product, metric, today));
    };
    if (m_synchronousLoad) {
        apply(load());
        return;
    }
    // The load runs on a worker so the GUI thread stays responsive at a million rows; the result is dropped if the
    // workspace was locked meanwhile (unbind supersedes the run).
    m_load.start([this, load](const JobContext &job) {
        auto loaded = load();
        job.finish([this, loaded] { apply(loaded); });
    });
}

void DashboardPage::apply(const std::shared_ptr<Result<dashboard::DashboardData>> &loaded)
{
    if (!m_service)
        return;
    if (m_reloadAgain) { // what landed is already older than the data: read again rather than show it
        m_reloadAgain = false;
        reload();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    if (!loaded->ok()) {
        showError(loaded->error().message);
        emit loadFinished(false);
        return;
    }
    dashboard::DashboardData &data = loaded->value();
    m_lastLoadMs = double(data.loadNs) / 1e6;
    {
        const QSignalBlocker block(m_payer);
        m_payer->clear();
        m_payer->addItem(tr("All payers"), -1);
        std::vector<std::pair<QString, int>> payers;
        for (qsizetype i = 0; i < data.rows.payers.entries.size(); ++i)
            payers.emplace_back(data.rows.payers.entries[i], int(i));
        std::sort(payers.begin(), payers.end(),
                  [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
        for (const auto &[name, index] : payers)
            m_payer->addItem(name, index);
    }
    // Sort and filter settle on an empty model, so the index vector is built once, when the rows arrive.
    m_model->clear();
    m_asOf = data.freshness.asOf;
    m_model->sort(m_table->horizontalHeader()->sortIndicatorSection(),
                  m_table->horizontalHeader()->sortIndicatorOrder());
    updateFilter();
    m_model->setRows(std::move(data.rows));
    m_freshnessData = data.freshness;
    showFreshness();
    m_chart->setTrend(data.trend, m_product.unit, m_product.metricTitle);
    refreshSummary();
    showLedger(data.ledger);
    if (m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(0, 0));
        m_table->selectRow(0);
    }
    m_lastApplyMs = double(timer.nsecsElapsed()) / 1e6;
    emit loadFinished(true);
}

void DashboardPage::refreshSummary()
{
    const auto &rows = m_model->rows();
    const dashboard::Kpis k =
        dashboard::computeKpis(rows, engines::isProduct(m_product.id, engines::Product::DelayGuard));
    const QLocale loc;
    m_tiles[0]->setValue(loc.toString(k.open), tr("of %1 signals").arg(loc.toString(k.total)));
    m_tiles[1]->setValue(loc.toString(k.critical), tr("pending triage"));
    m_tiles[2]->setValue(loc.toString(k.high), tr("pending triage"));
    m_tiles[3]->setValue(money(k.dollars), tr("not resolved as noise"));
    if (k.total == 0) // no signal: an average of nothing is not "+0.0"
        m_tiles[4]->setValue(QStringLiteral("–"), tr("no signals yet"));
    else
        m_tiles[4]->setValue(k.deltaInDays ? tr("+%1 days").arg(loc.toString(k.averageDelta, 'f', 1))
                                           : tr("+%1 pts").arg(loc.toString(k.averageDelta * 100.0, 'f', 1)),
                             tr("mean over all signals"));
    const auto top = dashboard::topPayers(rows, 6);
    m_payers->setRowCount(int(top.size()));
    for (int r = 0; r < int(top.size()); ++r) {
        auto *name = new QTableWidgetItem(top[size_t(r)].payer);
        auto *open = new QTableWidgetItem(loc.toString(top[size_t(r)].open));
        auto *dollars = new QTableWidgetItem(money(top[size_t(r)].dollars));
        open->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        dollars->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_payers->setItem(r, 0, name);
        m_payers->setItem(r, 1, open);
        m_payers->setItem(r, 2, dollars);
    }
}

void DashboardPage::refreshLedger()
{
    auto t = m_service->ledgerTiles(m_product.id, m_today);
    if (!t.ok()) {
        m_ledgerTotals.reset();
        m_ledger->setText(t.error().message);
        return;
    }
    showLedger(t.value());
}

void DashboardPage::showLedger(const dashboard::LedgerTiles &t)
{
    m_ledgerTotals = t;
    m_ledger->setText(tr("<b>Recovery ledger</b> — expected %1 · recovered %2 (this month %3, last 30 days %4) · "
                         "%5 open · %6 in progress · %7 recovered · %8 written off")
                          .arg(cents(t.expectedCents), cents(t.recoveredCents), cents(t.recoveredThisMonthCents),
                               cents(t.recoveredLast30Cents))
                          .arg(t.open)
                          .arg(t.inProgress)
                          .arg(t.recovered)
                          .arg(t.writtenOff));
}

void DashboardPage::updateFilter()
{
    dashboard::SignalFilter f;
    f.severityMask = std::uint8_t(m_severity->currentData().toInt());
    f.statusMask = std::uint8_t(m_status->currentData().toInt());
    if (m_status->currentIndex() == 1) // "Pending" also shows signals that did not become alerts
        f.statusMask |= 1u << unsigned(dashboard::AlertStatus::None);
    const int payer = m_payer->currentData().isValid() ? m_payer->currentData().toInt() : -1;
    if (payer >= 0)
        f.payer = std::uint32_t(payer);
    if (const int days = m_dates->currentData().toInt(); days > 0 && m_asOf.isValid())
        f.from = m_asOf.addDays(-days);
    f.text = m_search->text();
    m_model->setFilter(f);
}

} // namespace upstream::views
