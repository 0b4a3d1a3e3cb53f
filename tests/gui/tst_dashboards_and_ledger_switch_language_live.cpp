// Proves: the dashboards and the ledger page switch between English and Spanish while running. With data loaded, a
// row selected and a filter and a search typed, installing the Spanish translator turns the table headers, the
// buttons, the filter items, the KPI titles, the triage panel, the trend chart's title, the signal count and the
// ledger's breakdown items into the catalogue's Spanish (each checked to differ from the English); removing it
// brings the English back; and through both switches the selection, the filters, the search text and the row count
// stay, with no reload (no model reset, no new load).
#include "DashboardFixture.h"
#include "KpiTile.h"
#include "Spanish.h"
#include "dashboards/DashboardPage.h"
#include "dashboards/MetricChart.h"
#include "dashboards/TriagePanel.h"
#include "ledger/LedgerPage.h"
#include "ledger/LedgerRepository.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace upstream;

namespace {

constexpr char kDashboard[] = "upstream::views::DashboardPage";
constexpr char kSignalModel[] = "upstream::dashboard::SignalTableModel";
constexpr char kPanel[] = "upstream::views::TriagePanel";
constexpr char kLedger[] = "upstream::views::LedgerPage";
constexpr char kLedgerModel[] = "upstream::ledger::LedgerTableModel";

// The text the installed catalogues give for a source text (the source itself when none is installed).
QString catalogue(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}

// LanguageChange is posted to the top-level widgets when a translator comes or goes: deliver it.
void deliverLanguageChange()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

template<typename W>
W *childNamed(QWidget *root, const QString &accessibleName)
{
    for (W *w : root->findChildren<W *>())
        if (w->accessibleName() == accessibleName)
            return w;
    return nullptr;
}

// The texts a switch must change, read in whatever language is current.
struct DashboardTexts {
    QString severityHeader, payerHeader, openTile, exportCsv, severityItem, allPayers, noiseButton, chartTitle, count,
        searchPlaceholder;
    bool operator==(const DashboardTexts &) const = default;
};

DashboardTexts readTexts(views::DashboardPage &page)
{
    DashboardTexts t;
    auto *model = page.model();
    t.severityHeader = model->headerData(dashboard::SignalTableModel::Severity, Qt::Horizontal).toString();
    t.payerHeader = model->headerData(dashboard::SignalTableModel::Payer, Qt::Horizontal).toString();
    t.openTile = page.findChildren<widgets::KpiTile *>().value(0)->title();
    t.exportCsv = page.findChild<QPushButton *>(QStringLiteral("exportCsv"))->text();
    const auto combos = page.findChildren<QComboBox *>(Qt::FindChildrenRecursively);
    for (QComboBox *c : combos) {
        if (c->itemData(0).toInt() == 0x0F && c->itemData(2).toInt() == 0x0C) // the severity filter
            t.severityItem = c->itemText(2);
        if (c->count() > 1 && c->itemData(0).toInt() == -1) // the payer filter
            t.allPayers = c->itemText(0);
    }
    for (QPushButton *b : page.triagePanel()->findChildren<QPushButton *>())
        if (b->text().endsWith(QLatin1String("(N)")))
            t.noiseButton = b->text();
    t.chartTitle = page.findChild<views::MetricChart *>()->chart()->title();
    t.count = page.findChild<QLabel *>(QStringLiteral("signalCount"))->text();
    for (QLineEdit *e : page.findChildren<QLineEdit *>())
        if (e->isClearButtonEnabled())
            t.searchPlaceholder = e->placeholderText();
    return t;
}

// What the same texts must read in the language installed now.
DashboardTexts expectedTexts(const views::DashboardPage &page)
{
    DashboardTexts t;
    t.severityHeader = catalogue(kSignalModel, "Severity");
    t.payerHeader = catalogue(kSignalModel, "Payer");
    t.openTile = catalogue(kDashboard, "Open signals");
    t.exportCsv = catalogue(kDashboard, "Export &CSV…");
    t.severityItem = catalogue(kDashboard, "High and above");
    t.allPayers = catalogue(kDashboard, "All payers");
    t.noiseButton = catalogue(kPanel, "Noise  (N)");
    t.chartTitle = catalogue(kDashboard, "Denial rate, most severe signals (daily, volume-weighted)");
    t.count = catalogue(kDashboard, "%1 of %2 signals")
                  .arg(QLocale().toString(page.model()->rowCount()), QLocale().toString(page.model()->totalRows()));
    t.searchPlaceholder =
        catalogue(kDashboard, "Search payer, %1 or signal…").arg(catalogue(kDashboard, "CPT group").toLower());
    return t;
}

QString describe(const DashboardTexts &t)
{
    return QStringList{t.severityHeader, t.payerHeader, t.openTile,   t.exportCsv, t.severityItem,
                       t.allPayers,      t.noiseButton, t.chartTitle, t.count,     t.searchPlaceholder}
        .join(QStringLiteral(" | "));
}

QStringList itemTexts(const QComboBox *box)
{
    QStringList texts;
    for (int i = 0; i < box->count(); ++i)
        texts << box->itemText(i);
    return texts;
}

} // namespace

class TstDashboardsAndLedgerSwitchLanguageLive : public QObject {
    Q_OBJECT

    dashboard::SyntheticOptions m_options;
    std::unique_ptr<test::DashboardFixture> m_fixture;

private slots:
    void initTestCase()
    {
        m_options.judgedShare = 0.5; // ledger entries on many judged alerts
        m_fixture = std::make_unique<test::DashboardFixture>(m_options);
        QVERIFY(m_fixture->cache);
    }

    void dashboardSwitchesWithoutReload()
    {
        views::DashboardPage page(views::DashboardProduct::driftWatch());
        page.setToday(m_options.asOf);
        page.setSynchronousLoad(true);
        page.bind(std::make_shared<dashboard::DashboardService>(m_fixture->cache, QStringLiteral("demo.analyst"),
                                                                QStringLiteral("ws")));
        page.setRole(QStringLiteral("analyst"));
        page.resize(1600, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.model()->rowCount() > 20);

        // State a user builds: a severity filter, a search typed, a row selected, the table scrolled.
        QComboBox *severity = nullptr;
        for (QComboBox *c : page.findChildren<QComboBox *>())
            if (c->itemData(2).toInt() == 0x0C)
                severity = c;
        QVERIFY(severity);
        severity->setCurrentIndex(3); // medium and above
        QLineEdit *search = childNamed<QLineEdit>(&page, QStringLiteral("Search signals"));
        QVERIFY(search);
        const QString payer =
            page.model()->index(0, dashboard::SignalTableModel::Payer).data().toString().left(5).toLower();
        QVERIFY(!payer.isEmpty());
        QTest::keyClicks(search, payer);
        const int rows = page.model()->rowCount();
        QVERIFY2(rows > 2, qPrintable(QString::number(rows)));
        page.table()->selectRow(2);
        const QString selected = page.model()->index(2, 0).data(dashboard::SignalTableModel::SignalIdRole).toString();
        QVERIFY(!selected.isEmpty());
        const dashboard::SignalFilter filter = page.model()->filter();
        const int sortColumn = page.model()->sortColumn();

        const QLocale locale; // restored after the switch back, also when a check fails
        const auto restoreLocale = qScopeGuard([&locale] { QLocale::setDefault(locale); });
        const DashboardTexts english = readTexts(page);
        QCOMPARE(english, expectedTexts(page));
        QCOMPARE(english.noiseButton, QStringLiteral("Noise  (N)"));

        QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
        QSignalSpy loads(&page, &views::DashboardPage::loadFinished);
        auto stateIsKept = [&] {
            QCOMPARE(page.model()->rowCount(), rows);
            QCOMPARE(page.model()->filter(), filter);
            QCOMPARE(page.model()->sortColumn(), sortColumn);
            QCOMPARE(search->text(), payer);
            QCOMPARE(severity->currentIndex(), 3);
            const QModelIndexList sel = page.table()->selectionModel()->selectedRows();
            QCOMPARE(sel.size(), 1);
            QCOMPARE(sel.front().data(dashboard::SignalTableModel::SignalIdRole).toString(), selected);
            QCOMPARE(resets.count(), 0);
            QCOMPARE(loads.count(), 0);
        };

        {
            test::ScopedSpanish spanish;
            QVERIFY(spanish.installed());
            QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain)); // as the shell does on a switch
            deliverLanguageChange();
            const DashboardTexts es = readTexts(page);
            QVERIFY2(es == expectedTexts(page),
                     qPrintable(describe(es) + QStringLiteral("\n") + describe(expectedTexts(page))));
            // Each is a catalogue translation, not the English left in place.
            QVERIFY(es.severityHeader != english.severityHeader);
            QVERIFY(es.payerHeader != english.payerHeader);
            QVERIFY(es.openTile != english.openTile);
            QVERIFY(es.exportCsv != english.exportCsv);
            QVERIFY(es.severityItem != english.severityItem);
            QVERIFY(es.allPayers != english.allPayers);
            QVERIFY(es.noiseButton != english.noiseButton);
            QVERIFY(es.chartTitle != english.chartTitle);
            QVERIFY(es.count != english.count);
            QVERIFY(es.searchPlaceholder != english.searchPlaceholder);
            // Cells are asked again: the severity badge reads the Spanish word.
            QCOMPARE(page.model()->index(0, dashboard::SignalTableModel::Severity).data().toString(),
                     dashboard::severityName(dashboard::Severity(
                         page.model()->index(0, 0).data(dashboard::SignalTableModel::SeverityRole).toInt())));
            stateIsKept();
            if (QTest::currentTestFailed())
                return;
        }
        QLocale::setDefault(locale);
        deliverLanguageChange();
        QCOMPARE(readTexts(page), english);
        stateIsKept();
    }

    void ledgerSwitchesWithoutReload()
    {
        ledger::LedgerRepository repository(
            m_fixture->cache.get(), ledger::LedgerActor{QStringLiteral("demo.analyst"), QStringLiteral("supervisor")});
        views::LedgerPage page(&repository);
        page.resize(1400, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.model()->rowCount() > 3);

        auto *breakdown = page.findChild<QComboBox *>(QStringLiteral("breakdownBy"));
        auto *state = page.findChild<QComboBox *>(QStringLiteral("stateFilter"));
        auto *search = page.findChild<QLineEdit *>(QStringLiteral("search"));
        QVERIFY(breakdown && state && search);
        QCOMPARE(breakdown->count(), 4);
        breakdown->setCurrentIndex(1); // by payer
        const QString payer = page.model()->entryAt(0).payer.left(4);
        search->setText(payer);
        QTRY_VERIFY(page.model()->filter().text == payer); // the search is debounced
        const int rows = page.model()->rowCount();
        QVERIFY(rows > 0);
        page.selectEntry(page.model()->entryAt(rows - 1).id);
        const QString selected = page.selectedEntry().value().id;
        const QString breakdownHtml = page.findChild<QLabel *>(QStringLiteral("breakdown"))->text();

        const char *breakdownSources[] = {"Product", "Payer", "Operator", "Owner"};
        auto expectedBreakdown = [&] {
            QStringList texts;
            for (const char *s : breakdownSources)
                texts << catalogue(kLedger, s);
            return texts;
        };
        auto payerHeader = [&] { return page.model()->headerData(ledger::LedgerTableModel::Payer, Qt::Horizontal); };
        auto newButton = [&] { return page.findChild<QPushButton *>(QStringLiteral("newEntry"))->text(); };
        const QStringList englishBreakdown = itemTexts(breakdown);
        QCOMPARE(englishBreakdown, expectedBreakdown());
        QCOMPARE(englishBreakdown, (QStringList{QStringLiteral("Product"), QStringLiteral("Payer"),
                                                QStringLiteral("Operator"), QStringLiteral("Owner")}));
        const QString englishHeader = payerHeader().toString();
        const QString englishNew = newButton();
        const QStringList englishStates = itemTexts(state);

        QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
        auto stateIsKept = [&] {
            QCOMPARE(page.model()->rowCount(), rows);
            QCOMPARE(page.model()->filter().text, payer);
            QCOMPARE(search->text(), payer);
            QCOMPARE(breakdown->currentIndex(), 1);
            QCOMPARE(page.selectedEntry().value().id, selected);
            QCOMPARE(resets.count(), 0);
        };

        {
            test::ScopedSpanish spanish;
            QVERIFY(spanish.installed());
            deliverLanguageChange();
            const QStringList es = itemTexts(breakdown);
            QCOMPARE(es, expectedBreakdown());
            for (int i = 0; i < es.size(); ++i)
                QVERIFY2(es[i] != englishBreakdown[i], breakdownSources[i]);
            QCOMPARE(payerHeader().toString(), catalogue(kLedgerModel, "Payer"));
            QVERIFY(payerHeader().toString() != englishHeader);
            QCOMPARE(newButton(), catalogue(kLedger, "&New entry"));
            QVERIFY(newButton() != englishNew);
            // The translated mnemonic does not take New's Ctrl+N away.
            QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("newEntry"))->shortcut(),
                     QKeySequence(QKeySequence::New));
            QCOMPARE(state->itemText(0), catalogue(kLedger, "All states"));
            QVERIFY(itemTexts(state) != englishStates);
            QCOMPARE(page.model()->index(0, ledger::LedgerTableModel::State).data().toString(),
                     ledger::stateLabel(page.model()->entryAt(0).state));
            stateIsKept();
            if (QTest::currentTestFailed())
                return;
        }
        deliverLanguageChange();
        QCOMPARE(itemTexts(breakdown), englishBreakdown);
        QCOMPARE(payerHeader().toString(), englishHeader);
        QCOMPARE(newButton(), englishNew);
        QCOMPARE(itemTexts(state), englishStates);
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("breakdown"))->text(), breakdownHtml);
        stateIsKept();
    }

    void cleanupTestCase() { m_fixture.reset(); }
};

QTEST_MAIN(TstDashboardsAndLedgerSwitchLanguageLive)
#include "tst_dashboards_and_ledger_switch_language_live.moc"
