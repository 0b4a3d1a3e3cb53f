// Proves: in Spanish, no screen that shows triage and ledger data shows a raw enum id — severity, alert status,
// verdict, reason code, ledger state, product and signal type read as translated words on the three dashboards
// (table cells, tooltips, headers, filters, the triage panel), in the deep dive of a judged alert with a ledger entry
// (state line, judgment history, linked ledger entries) and on the ledger page. The scan reads every label, button,
// combo item, group title, header and table cell of each screen, proves it read them (non-empty, Spanish words
// present), and catches planted ids in a positive control. Saves dashboard-driftwatch-es, deepdive-es and
// ledger-page-es.
#include "DashboardFixture.h"
#include "DashboardPages.h"
#include "Screenshot.h"
#include "Spanish.h"
#include "dashboards/DashboardPage.h"
#include "deepdive/DeepDiveDialog.h"
#include "ledger/LedgerPage.h"
#include "ledger/LedgerRepository.h"
#include "shell/MainWindow.h"
#include "sync/ConnectionState.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QtTest>

using namespace upstream;

namespace {

// Ids that only a program writes: any token equal to one of them is a raw id on screen.
const QStringList kIds = {
    QStringLiteral("needs_followup"),      QStringLiteral("false_positive"),      QStringLiteral("data_entry_error"),
    QStringLiteral("payer_policy_change"), QStringLiteral("coding_issue"),        QStringLiteral("expected_seasonal"),
    QStringLiteral("in_progress"),         QStringLiteral("written_off"),         QStringLiteral("adjudication_delay"),
    QStringLiteral("payment_delay"),       QStringLiteral("DENIAL_RATE"),         QStringLiteral("REASON_RATE_SPIKE"),
    QStringLiteral("NEW_REASON"),          QStringLiteral("REASON_VOLUME_SPIKE"), QStringLiteral("REASON_DOLLAR_SPIKE"),
    QStringLiteral("driftwatch"),          QStringLiteral("denialscope"),         QStringLiteral("delayguard")};
// English ids that are also English words: in a Spanish screen they are untranslated values.
const QStringList kEnglishIds = {
    QStringLiteral("critical"),     QStringLiteral("high"),    QStringLiteral("medium"),
    QStringLiteral("low"),          QStringLiteral("pending"), QStringLiteral("resolved"),
    QStringLiteral("acknowledged"), QStringLiteral("noise"),   QStringLiteral("recovered")};

struct Scan {
    int texts = 0;
    QStringList raw; // "text  ← where"
};

void check(Scan &scan, const QString &text, const QString &where)
{
    const QString plain = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    if (plain.trimmed().isEmpty())
        return;
    ++scan.texts;
    static const QRegularExpression split(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    for (const QString &token : plain.split(split, Qt::SkipEmptyParts))
        if (kIds.contains(token) || kEnglishIds.contains(token))
            scan.raw << plain + QStringLiteral("  ← ") + where;
}

void scanModel(Scan &scan, const QAbstractItemModel *model, const QString &where)
{
    if (!model)
        return;
    for (int c = 0; c < model->columnCount(); ++c)
        check(scan, model->headerData(c, Qt::Horizontal).toString(), where + QStringLiteral(" header"));
    const int rows = std::min(model->rowCount(), 400);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < model->columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                check(scan, model->index(r, c).data(role).toString(), where);
}

// Every text a user can read in a widget tree.
Scan scanWidgets(QWidget *root)
{
    Scan scan;
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : all) {
        const QString where = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
        if (w->isWindow())
            check(scan, w->windowTitle(), where + QStringLiteral(" title"));
        if (auto *l = qobject_cast<QLabel *>(w))
            check(scan, l->text(), where);
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            check(scan, b->text(), where);
        if (auto *g = qobject_cast<QGroupBox *>(w))
            check(scan, g->title(), where);
        if (auto *box = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < box->count(); ++i)
                check(scan, box->itemText(i), where);
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && !qobject_cast<QHeaderView *>(w))
            scanModel(scan, view->model(), where); // a header view shows its table's model: read it once
        if (!w->toolTip().isEmpty())
            check(scan, w->toolTip(), where + QStringLiteral(" tooltip"));
    }
    return scan;
}

} // namespace

class TstSpanishShowsWordsNotIds : public QObject {
    Q_OBJECT

    std::unique_ptr<test::ScopedSpanish> m_spanish;

    static void expectClean(const Scan &scan, const char *screen)
    {
        QVERIFY2(scan.texts > 20, screen); // the scan read the screen
        QVERIFY2(scan.raw.isEmpty(), qPrintable(QString::fromLatin1(screen) + QStringLiteral(": ") +
                                                scan.raw.mid(0, 8).join(QStringLiteral("\n"))));
    }

private slots:
    void initTestCase()
    {
        m_spanish = std::make_unique<test::ScopedSpanish>();
        QVERIFY(m_spanish->installed());
    }

    void scanCatchesPlantedIds()
    {
        QWidget root;
        auto *label = new QLabel(QStringLiteral("Gravedad <b>high</b> · alerta pendiente"), &root);
        auto *table = new QTableWidget(1, 1, &root);
        table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("needs_followup")));
        Scan scan = scanWidgets(&root);
        QCOMPARE(scan.raw.size(), 2);
        label->setText(QStringLiteral("Gravedad <b>alta</b>"));
        table->item(0, 0)->setText(QStringLiteral("Necesita seguimiento"));
        scan = scanWidgets(&root);
        QVERIFY(scan.raw.isEmpty());
        QCOMPARE(scan.texts, 3); // the label, the cell and the table's column header
    }

    void everyScreenShowsTranslatedWords()
    {
        dashboard::SyntheticOptions o;
        o.judgedShare = 0.5; // verdicts, context badges and ledger entries on many rows
        test::DashboardFixture fx(o);
        QVERIFY(fx.cache);
        sync::ConnectionStatus status;
        views::MainWindow window(&status);
        const QList<views::DashboardPage *> pages =
            test::installDashboards(window, fx.cache, QStringLiteral("demo.analyst"), o.asOf);
        ledger::LedgerRepository repository(
            fx.cache.get(), ledger::LedgerActor{QStringLiteral("demo.analyst"), QStringLiteral("supervisor")});
        auto *ledgerPage = new views::LedgerPage(&repository);
        ledgerPage->reload();
        window.setPage(views::Page::Ledger, ledgerPage);
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        for (int i = 0; i < pages.size(); ++i) {
            window.showPage(views::Page(i));
            QCoreApplication::processEvents();
            QVERIFY(pages[i]->model()->rowCount() > 20);
            const Scan scan = scanWidgets(pages[i]);
            // Spanish words the scan must have read: the severity and status columns' values.
            QVERIFY(pages[i]->model()->index(0, dashboard::SignalTableModel::Severity).data().toString().size() > 2);
            expectClean(scan, qPrintable(pages[i]->product().id));
        }
        window.showPage(views::Page::DriftWatch);
        QCoreApplication::processEvents();
        QVERIFY(!test::saveScreenshot(&window, QStringLiteral("dashboard-driftwatch-es")).isEmpty());

        // The deep dive of an alert confirmed real that has a ledger entry: verdict, reason and state appear.
        views::DashboardPage *drift = pages[0];
        int judged = -1;
        for (int r = 0; r < drift->model()->rowCount() && judged < 0; ++r)
            if (drift->model()->index(r, 0).data(dashboard::SignalTableModel::StatusRole).toInt() ==
                int(dashboard::AlertStatus::Acknowledged))
                judged = r;
        QVERIFY(judged >= 0);
        drift->table()->setFocus();
        drift->table()->selectRow(judged);
        drift->table()->setCurrentIndex(drift->table()->model()->index(judged, 0));
        QTest::keyClick(drift->table(), Qt::Key_Return);
        views::DeepDiveDialog *dialog = drift->deepDive();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->detail().judgments.empty());
        QCOMPARE(dialog->detail().judgments.front().verdict, QStringLiteral("real"));
        const Scan deep = scanWidgets(dialog);
        expectClean(deep, "deep dive");
        const QString report = QTextDocumentFragment::fromHtml(dialog->reportHtml()).toPlainText();
        for (const QString &id : kIds + kEnglishIds)
            QVERIFY2(!report.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(id))), qPrintable(id));
        dialog->resize(1040, 780);
        QVERIFY(!test::saveScreenshot(dialog, QStringLiteral("deepdive-es")).isEmpty());
        dialog->close();

        window.showPage(views::Page::Ledger);
        QCoreApplication::processEvents();
        expectClean(scanWidgets(ledgerPage), "ledger page");
        QVERIFY(!test::saveScreenshot(&window, QStringLiteral("ledger-page-es")).isEmpty());
    }

    void cleanupTestCase() { m_spanish.reset(); }
};

QTEST_MAIN(TstSpanishShowsWordsNotIds)
#include "tst_spanish_shows_words_not_ids.moc"
