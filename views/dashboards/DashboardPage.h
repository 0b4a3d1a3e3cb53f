#pragma once
// DashboardPage: one product's dashboard (DriftWatch, DenialScope or DelayGuard) over the local cache — freshness
// line, KPI tiles, metric trend, top payers, the filterable signals table with badges, the triage side panel and
// the recovery-ledger totals strip. Keyboard-first: with the table focused, J/K move (Shift extends the
// selection), R/N/F record a verdict on every selected alert, Enter opens the deep dive, Ctrl+Z undoes the last
// verdict, Ctrl+Shift+Z records it again, L accepts the ledger-entry offer after a `real` verdict.
//
// Contract: bind() takes the workspace's dashboard service and loads through it on a worker thread (columnar rows,
// index-vector model; see the dashboard benchmark for the GUI-thread cost), then emits loadFinished(); unbind()
// drops the service and every model and figure holding workspace data and closes the deep dive (the idle lock calls
// it). Cache errors are shown in the page, never thrown.
#include "core/BackgroundJob.h"
#include "dashboard/DashboardExport.h"
#include "dashboard/DashboardService.h"
#include "dashboard/DashboardSummary.h"
#include "dashboard/SignalTableModel.h"
#include "dashboard/TriageService.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace upstream::widgets {
class KpiTile;
}

namespace upstream::views {

class DeepDiveDialog;
class MetricChart;
class TriagePanel;

struct DashboardProduct {
    QString id;           // "driftwatch", "denialscope", "delayguard" (signals.product)
    QString title, blurb; // shown in the header
    QString groupHeader;  // "CPT group", "Reason", ...
    QString dollarsTitle; // "Dollars impact", "Dollars at risk", ...
    QString metricTitle;  // trend chart title
    QString unit;         // of the trend: rate | count | days
    QString metric;       // evidence metric of the trend: denial_rate, reason_rate, decision_days
    static DashboardProduct driftWatch();
    static DashboardProduct denialScope();
    static DashboardProduct delayGuard();
    // The same product with its words in the current language (a language change); an unknown id is returned as
    // it is.
    DashboardProduct retranslated() const;
};

class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(DashboardProduct product, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // One service per page: its triage history (undo/redo) is this page's.
    void bind(std::shared_ptr<dashboard::DashboardService> service);
    void unbind();
    void reload();
    // The signed-in role (session::RolePermissions): a role that may not triage sees the queue read-only — the
    // verdict controls disabled with the reason, the R/N/F/L/Ctrl+Z keys refused with it, nothing written.
    void setRole(const QString &role);
    void setToday(const QDate &today) { m_today = today; } // context badges count days from here
    // Load on the calling thread (offscreen screenshots, deterministic tests). Default: on a worker thread.
    void setSynchronousLoad(bool synchronous) { m_synchronousLoad = synchronous; }
    bool isLoading() const { return m_load.isRunning(); }
    double lastLoadMs() const { return m_lastLoadMs; }   // worker time of the last load
    double lastApplyMs() const { return m_lastApplyMs; } // GUI-thread time installing it

    const DashboardProduct &product() const { return m_product; }
    QTableView *table() const { return m_table; }
    dashboard::SignalTableModel *model() const { return m_model; }
    DeepDiveDialog *deepDive() const;
    TriagePanel *triagePanel() const { return m_panel; }
    bool isBound() const { return m_service != nullptr; }
    // Export the table as shown (visible columns in view order, filtered and sorted rows) to a file chosen through
    // widgets::FileDialog, with progress; audited as an "export" event. format: "csv" or "pdf". False when
    // cancelled or failed (the reason is shown in the triage panel).
    bool exportTable(const QString &format);

signals:
    void ledgerEntryOpened(const QString &entryId);
    void loadFinished(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Every text in the current language, the figures formatted with QLocale() again, from what the page holds:
    // no reload, and selection, filters, search text and scroll position stay.
    void retranslateUi();
    void updateCount();
    void showFreshness();
    QWidget *buildHeader();
    QWidget *buildFilters();
    QWidget *buildLedgerStrip();
    void applyVerdict(const QString &verdict);
    void undo();
    void redo();
    void openDeepDive();
    void openLedgerEntry(const QString &alertId);
    void moveCurrent(int delta, bool extend);
    void updateFilter();
    void refreshSummary();
    void refreshLedger();
    void showLedger(const dashboard::LedgerTiles &totals);
    void apply(const std::shared_ptr<Result<dashboard::DashboardData>> &loaded);
    void afterTriage(const QStringList &alertIds);
    void selectAlert(const QString &alertId);
    QStringList selectedAlertIds() const;
    void showError(const QString &message);
    Result<dashboard::TableExport> visibleTable();

    DashboardProduct m_product;
    std::shared_ptr<dashboard::DashboardService> m_service;
    dashboard::TriageService *m_triage = nullptr; // the service's, while bound
    QDate m_today = QDate::currentDate();
    std::optional<QString> m_role;
    QDate m_asOf;
    bool m_synchronousLoad = false;
    bool m_reloadAgain = false; // a reload was asked for while a load ran: start it when that one lands
    double m_lastLoadMs = 0, m_lastApplyMs = 0;

    dashboard::SignalTableModel *m_model;
    std::optional<dashboard::Freshness> m_freshnessData; // of the last load, worded again on a language change
    std::optional<dashboard::LedgerTiles> m_ledgerTotals;
    QLabel *m_title = nullptr;
    QLabel *m_blurb = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_windows = nullptr; // the windows of the newest recompute and the date they are keyed on
    QLabel *m_count = nullptr;
    std::array<widgets::KpiTile *, 5> m_tiles{};
    MetricChart *m_chart = nullptr;
    QTableWidget *m_payers = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_exportCsv = nullptr, *m_exportPdf = nullptr;
    QComboBox *m_severity = nullptr, *m_payer = nullptr, *m_status = nullptr, *m_dates = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr; // the next step on a workspace without signals
    TriagePanel *m_panel = nullptr;
    QLabel *m_ledger = nullptr;
    QPointer<DeepDiveDialog> m_deepDive;
    BackgroundJob m_load; // last: destroyed first, so a load still reading is joined while the page exists
};

} // namespace upstream::views
