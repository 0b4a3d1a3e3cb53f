// Proves: exporting the DriftWatch table after a filter (high and above, one payer's search) and a sort (payer,
// descending) writes exactly the rows and columns the view shows — same order, same texts, hidden columns left
// out — to CSV (Alt+C pressed on the focused table) and to a PDF; each export is one "export" audit event with the
// product, format and row count; a cell holding PHI leaves the workstation redacted.
#include "DashboardFixture.h"
#include "DialogSeam.h"
#include "dashboard/DashboardExport.h"
#include "dashboards/DashboardPage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using dashboard::SignalTableModel;

class TstDashboardExportMatchesView : public QObject {
    Q_OBJECT

private slots:
    void exportedRowsEqualTheViewsRows()
    {
        dashboard::SyntheticOptions o;
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        views::DashboardPage page(views::DashboardProduct::driftWatch());
        page.setToday(o.asOf);
        page.setSynchronousLoad(true);
        page.setRole(QStringLiteral("viewer")); // reading is enough to export
        page.bind(std::make_shared<dashboard::DashboardService>(fx.cache, QStringLiteral("x.viewer"),
                                                                QStringLiteral("ws-export")));
        page.resize(1600, 900);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        const int all = page.model()->rowCount();
        QVERIFY(all > 20);

        // Filter and sort through the page's own controls.
        const auto combos = page.findChildren<QComboBox *>();
        QComboBox *severity = nullptr;
        for (QComboBox *c : combos)
            if (c->accessibleName() == QLatin1String("Severity filter"))
                severity = c;
        QVERIFY(severity);
        severity->setCurrentIndex(2); // high and above
        page.table()->sortByColumn(SignalTableModel::Payer, Qt::DescendingOrder);
        const int shown = page.model()->rowCount();
        QVERIFY(shown > 2 && shown < all);

        // The view's rows and visible columns, as the user sees them.
        const QHeaderView *header = page.table()->horizontalHeader();
        QStringList viewHeader;
        std::vector<QStringList> viewRows;
        QList<int> columns;
        for (int v = 0; v < header->count(); ++v)
            if (!header->isSectionHidden(header->logicalIndex(v)))
                columns << header->logicalIndex(v);
        for (int c : columns)
            viewHeader << page.model()->headerData(c, Qt::Horizontal).toString();
        for (int r = 0; r < shown; ++r) {
            QStringList row;
            for (int c : columns)
                row << page.model()->index(r, c).data().toString();
            viewRows.push_back(row);
        }
        QVERIFY(!columns.contains(SignalTableModel::Window)); // hidden in the view: not exported

        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("export.csv"));
        widgets::FileDialog::setNextFileName(csvPath);
        page.table()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page.table()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier);
        // A mnemonic clicks its button the way a click animates: a moment later.
        QTRY_VERIFY2(QFile::exists(csvPath), "Alt+C did not export");
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const auto parsed = dashboard::parseCsv(QString::fromUtf8(csv.readAll()));
        QCOMPARE(int(parsed.size()), shown + 1);
        QCOMPARE(parsed.front(), viewHeader);
        for (int r = 0; r < shown; ++r)
            QCOMPARE(parsed[size_t(r) + 1], viewRows[size_t(r)]);

        const QString pdfPath = dir.filePath(QStringLiteral("export.pdf"));
        widgets::FileDialog::setNextFileName(pdfPath);
        QVERIFY(page.exportTable(QStringLiteral("pdf")));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 2000);

        // Audited: one event per export, with what and how many, never the rows themselves.
        auto q = fx.cache->db().prepare(
            QStringLiteral("SELECT who, workstation, details FROM audit_queue WHERE action = 'export' ORDER BY at"));
        QVERIFY(q.ok());
        std::vector<QJsonObject> events;
        QVERIFY(q->forEachRow([&] {
                     QCOMPARE(q->text(0), QStringLiteral("x.viewer"));
                     QCOMPARE(q->text(1), QStringLiteral("ws-export"));
                     events.push_back(QJsonDocument::fromJson(q->text(2).toUtf8()).object());
                 }).ok());
        QCOMPARE(int(events.size()), 2);
        QCOMPARE(events[0].value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
        QCOMPARE(events[1].value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));
        for (const QJsonObject &e : events) {
            QCOMPARE(e.value(QStringLiteral("what")).toString(), QStringLiteral("dashboard"));
            QCOMPARE(e.value(QStringLiteral("product")).toString(), QStringLiteral("driftwatch"));
            QCOMPARE(e.value(QStringLiteral("rows")).toInt(), shown);
        }
    }

    void phiInACellIsRedacted()
    {
        QStandardItemModel model(1, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Payer"), QStringLiteral("Reason")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("Mary Johnson")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("denied, SSN 123-45-6789 on file")));
        auto t = dashboard::collectTable(model, {0, 1}, 0);
        QVERIFY(t.ok());
        const QString csv = dashboard::tableCsv(t.value());
        QVERIFY2(!csv.contains(QLatin1String("Mary")) && !csv.contains(QLatin1String("123-45-6789")), qPrintable(csv));
        QVERIFY(csv.contains(QLatin1String("[PHI:")));
        // Formulas are neutralised; numbers as shown are not.
        model.setItem(0, 1, new QStandardItem(QStringLiteral("=HYPERLINK(\"x\")")));
        model.setItem(0, 0, new QStandardItem(QStringLiteral("+5.0 pts")));
        const auto parsed =
            dashboard::parseCsv(dashboard::tableCsv(dashboard::collectTable(model, {0, 1}, -1).value()));
        QCOMPARE(parsed[1][0], QStringLiteral("+5.0 pts"));
        QCOMPARE(parsed[1][1], QStringLiteral("'=HYPERLINK(\"x\")"));
    }
};

QTEST_MAIN(TstDashboardExportMatchesView)
#include "tst_dashboard_export_matches_view.moc"
