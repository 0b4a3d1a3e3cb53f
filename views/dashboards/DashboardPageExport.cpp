// DashboardPage, part three: export of the visible table (CSV and PDF) with progress, audited, PHI-safe
// (dashboard::collectTable scrubs every cell).
#include "DashboardPage.h"

#include "DialogSeam.h"
#include "dashboard/DashboardExport.h"
#include "dashboards/TriagePanel.h"
#include "ledger/LedgerPdfExport.h"

#include <QHeaderView>
#include <QProgressDialog>
#include <QTableView>

namespace upstream::views {
namespace {

constexpr int kPdfMaxRows = 2000; // a readable report; more rows belong in the CSV

} // namespace

Result<dashboard::TableExport> DashboardPage::visibleTable()
{
    // Columns as the view shows them: visual order, hidden ones left out.
    QList<int> columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QProgressDialog progress(tr("Exporting the table…"), tr("Cancel"), 0, std::max(1, m_model->rowCount()), this);
    progress.setWindowTitle(tr("Export"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    return dashboard::collectTable(*m_model, columns, dashboard::SignalTableModel::Payer, [&](int done, int) {
        progress.setValue(done);
        return !progress.wasCanceled();
    });
}

bool DashboardPage::exportTable(const QString &format)
{
    if (!m_service || !m_triage)
        return false;
    const bool pdf = format == QLatin1String("pdf");
    if (pdf && m_model->rowCount() > kPdfMaxRows) {
        m_panel->setTranslatedMessage([rows = m_model->rowCount()] {
            return tr("The PDF holds up to %1 rows and the table shows %2. Filter the table, or export CSV.")
                .arg(QLocale().toString(kPdfMaxRows), QLocale().toString(rows));
        });
        return false;
    }
    const QString path =
        widgets::FileDialog::getSaveFileName(this, pdf ? tr("Export the table as PDF") : tr("Export the table as CSV"),
                                             QStringLiteral("%1-signals.%2").arg(m_product.id, format),
                                             pdf ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    auto table = visibleTable();
    if (!table.ok()) {
        showError(table.error().message);
        return false;
    }
    const Status written =
        pdf ? writeReportPdf(path,
                             dashboard::tableHtml(table.value(), m_product.title, QDateTime::currentDateTimeUtc()),
                             m_product.title)
            : dashboard::writeTableCsv(path, table.value());
    if (!written.ok()) {
        showError(written.error().message);
        return false;
    }
    const int rows = int(table->rows.size());
    if (Status st = m_triage->recordTableExport(m_product.id, format, rows); !st.ok())
        showError(st.error().message);
    else
        m_panel->setTranslatedMessage([rows] {
            return rows == 1 ? tr("Exported 1 row.") : tr("Exported %1 rows.").arg(QLocale().toString(rows));
        });
    return true;
}

} // namespace upstream::views
