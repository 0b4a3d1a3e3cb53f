// Proves: the recovery ledger screens work offscreen with synthetic entries — the page shows every entry, totals
// that match the data, filters, and Approve only for a supervisor on a closed entry; the editor shows validation
// messages inline and asks (through the test seam) before saving recovered > expected; the history view lists
// field changes; a stale edit opens the conflict dialog and a per-field merge is saved; CSV and PDF exports are
// written without PHI; an edit the server refused during sync shows a banner on the page whose Resolve button opens
// the conflict dialog, and taking theirs settles it; an edit is undone and redone with Ctrl+Z / Ctrl+Shift+Z. Saves
// screenshots of the page, the editor, the history view, the conflict dialog and the sync-conflict banner.
#include "DialogSeam.h"
#include "Screenshot.h"
#include "conflict/ConflictDialog.h"
#include "ledger/LedgerEntryEditor.h"
#include "ledger/LedgerHistoryView.h"
#include "ledger/LedgerPage.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/OutboxStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;
using views::ConflictDialog;
using views::LedgerEntryEditor;
using views::LedgerPage;

namespace {

struct Seed {
    const char *product;
    const char *payer;
    const char *owner;
    qint64 expected;
    qint64 recovered;
    int daysAgo; // recovered date; -1 = none
    LedgerState state;
    const char *notes;
    bool approve;
};

// Synthetic payers and operators only.
const Seed kSeeds[] = {
    {"driftwatch", "Aster Synthetic Health", "ana.ruiz", 1840000, 1840000, 2, LedgerState::Recovered,
     "Reprocessed after contract rate correction", true},
    {"delayguard", "Birch Mutual (synthetic)", "ben.okoro", 925000, 610000, 6, LedgerState::Recovered,
     "Partial payment; balance written off by payer", false},
    {"denialscope", "Cedar Test Plan", "ana.ruiz", 412500, 0, -1, LedgerState::InProgress,
     "Appeal filed for CO-97 bundling denials", false},
    {"driftwatch", "Dogwood Demo Assurance", "chen.li", 2260000, 0, -1, LedgerState::Open,
     "Denial rate for E/M codes up 14 points", false},
    {"delayguard", "Elm Example Care", "ben.okoro", 318000, 318000, 24, LedgerState::Recovered,
     "Interest paid on late claims", true},
    {"denialscope", "Fir Fictional Health", "chen.li", 150000, 0, -1, LedgerState::WrittenOff,
     "Timely filing limit passed", false},
    {"driftwatch", "Aster Synthetic Health", "ben.okoro", 705000, 250000, 41, LedgerState::InProgress,
     "First tranche received", false},
    {"delayguard", "Cedar Test Plan", "ana.ruiz", 1190000, 1190000, 12, LedgerState::Recovered,
     "Payer fixed adjudication queue", false},
    {"denialscope", "Birch Mutual (synthetic)", "chen.li", 86000, 0, -1, LedgerState::Open, "New denial reason N290",
     false},
    {"driftwatch", "Elm Example Care", "ana.ruiz", 540000, 540000, 75, LedgerState::Recovered,
     "Recovered after provider relations call", true},
    {"delayguard", "Dogwood Demo Assurance", "chen.li", 1675000, 0, -1, LedgerState::InProgress,
     "Escalated to payer account manager", false},
    {"denialscope", "Fir Fictional Health", "ben.okoro", 233000, 233000, 4, LedgerState::Recovered,
     "Corrected modifier 25 and resubmitted", false},
};

bool notBlank(const QString &file, int minColours = 8)
{
    QImage img(file);
    if (img.isNull())
        return false;
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 4)
        for (int x = 0; x < img.width(); x += 4)
            colours.insert(img.pixel(x, y));
    return colours.size() >= minColours;
}

} // namespace

class TstLedgerEditorScreens : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::unique_ptr<storage::LocalCache> cache;
    QDateTime clock = QDateTime(QDate(2026, 11, 20), QTime(14, 30), Qt::LocalTime);
    std::unique_ptr<LedgerRepository> op;
    std::unique_ptr<LedgerRepository> sup;
    std::vector<LedgerEntry> seeded;

    LedgerEntry advance(LedgerRepository &repo, LedgerEntry e, const Seed &s)
    {
        if (s.state == LedgerState::Open)
            return e;
        clock = clock.addSecs(90);
        e.state = LedgerState::InProgress;
        e = repo.update(e).value();
        if (s.recovered) {
            clock = clock.addSecs(90);
            e.recoveredCents = s.recovered;
            e.recoveredDate = clock.date();
            e = repo.update(e).value();
        }
        if (s.state != LedgerState::InProgress) {
            clock = clock.addSecs(90);
            e.state = s.state;
            e = repo.update(e).value();
        }
        return e;
    }

    static bool showActive(LedgerPage &page)
    {
        page.resize(1280, 720);
        page.show();
        page.activateWindow();
        return QTest::qWaitForWindowActive(&page);
    }

private slots:
    void initTestCase()
    {
        auto opened = storage::LocalCache::open(tmp.filePath(QStringLiteral("cache.db")), QByteArray(32, 'k'));
        QVERIFY(opened.ok());
        cache = std::make_unique<storage::LocalCache>(std::move(opened.value()));
        auto now = [this] { return clock; };
        op = std::make_unique<LedgerRepository>(
            cache.get(), LedgerActor{QStringLiteral("ana.ruiz"), QStringLiteral("operator")}, now);
        sup = std::make_unique<LedgerRepository>(
            cache.get(), LedgerActor{QStringLiteral("sam.supervisor"), QStringLiteral("supervisor")}, now);
        const QDate today(2026, 11, 20);
        int i = 0;
        for (const Seed &s : kSeeds) {
            LedgerEntry e;
            e.product = QString::fromLatin1(s.product);
            e.payer = QString::fromLatin1(s.payer);
            e.owner = QString::fromLatin1(s.owner);
            e.expectedCents = s.expected;
            e.notes = QString::fromLatin1(s.notes);
            // Each entry is worked on the day its money arrived (or a few days ago), so "Updated" varies.
            const int daysAgo = s.daysAgo >= 0 ? s.daysAgo : 1 + (i * 3) % 9;
            clock = QDateTime(today.addDays(-daysAgo), QTime(8, 40).addSecs(i * 23 * 60), Qt::LocalTime);
            auto c = op->create(e);
            QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
            LedgerEntry cur = advance(*op, c.value(), s);
            if (s.approve) {
                clock = clock.addSecs(3600);
                cur = sup->approve(cur.id, cur.version).value();
            }
            seeded.push_back(cur);
            ++i;
        }
        clock = QDateTime(QDate(2026, 11, 20), QTime(14, 30), Qt::LocalTime);
    }

    void pageShowsEntriesTotalsAndFilters()
    {
        LedgerPage page(sup.get());
        page.resize(1280, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.model()->rowCount(), int(std::size(kSeeds)));

        const LedgerTotals t = computeTotals(seeded, clock.date());
        QVERIFY(t.recoveredThisMonthCents > 0);
        auto label = [&](const char *name) { return page.findChild<QLabel *>(QString::fromLatin1(name))->text(); };
        QCOMPARE(label("totalThisMonth"), formatCents(t.recoveredThisMonthCents));
        QCOMPARE(label("totalLast30Days"), formatCents(t.recoveredLast30DaysCents));
        QCOMPARE(label("totalAllTime"), formatCents(t.allTime.recoveredCents));
        QVERIFY(label("breakdown").contains(QLatin1String("DriftWatch")));

        // Approve: enabled for a supervisor on a recovered, unapproved entry only.
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approveEntry"));
        page.selectEntry(seeded[1].id); // recovered, not approved
        QVERIFY(approve->isEnabled());
        page.selectEntry(seeded[2].id); // in progress
        QVERIFY(!approve->isEnabled());
        page.selectEntry(seeded[0].id); // already approved: final
        QVERIFY(!approve->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("editEntry"))->isEnabled());
        QVERIFY(!page.editSelected());
        page.selectEntry(seeded[7].id);
        QVERIFY(approve->isEnabled());

        const QString file = test::saveScreenshot(&page, QStringLiteral("ledger-page"));
        QVERIFY(!file.isEmpty());
        QVERIFY(notBlank(file, 12));

        // Approve asks first (answered through the seam); "No" writes nothing, "Yes" approves as the supervisor.
        page.selectEntry(seeded[11].id);
        QVERIFY(approve->isEnabled());
        widgets::MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!page.approveSelected());
        QVERIFY(!sup->get(seeded[11].id)->isApproved());
        widgets::MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(page.approveSelected());
        QCOMPARE(sup->get(seeded[11].id)->approvedBy, QStringLiteral("sam.supervisor"));
        QCOMPARE(page.selectedEntry()->id, seeded[11].id);
        QVERIFY(!approve->isEnabled()); // already approved now

        auto *state = page.findChild<QComboBox *>(QStringLiteral("stateFilter"));
        state->setCurrentIndex(state->findData(int(LedgerState::Recovered)));
        QCOMPARE(page.model()->rowCount(), 6);
        for (int r = 0; r < page.model()->rowCount(); ++r)
            QCOMPARE(page.model()->entryAt(r).state, LedgerState::Recovered);
        page.findChild<QLineEdit *>(QStringLiteral("search"))->setText(QStringLiteral("interest"));
        QTRY_COMPARE(page.model()->rowCount(), 1); // the search is debounced
        QCOMPARE(label("totalAllTime"), formatCents(318000));

        LedgerPage opPage(op.get());
        opPage.selectEntry(seeded[1].id);
        QVERIFY(!opPage.findChild<QPushButton *>(QStringLiteral("approveEntry"))->isEnabled());
    }

    void editorValidatesInlineAndConfirmsOverRecovery()
    {
        LedgerEntry target = op->get(seeded[2].id).value(); // in progress, nothing recovered
        LedgerEntryEditor editor(op.get(), target, {});
        editor.resize(560, editor.sizeHint().height());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *state = editor.findChild<QComboBox *>(QStringLiteral("state"));
        QCOMPARE(state->count(), 3); // in progress, recovered, written off
        state->setCurrentIndex(state->findData(int(LedgerState::Recovered)));
        auto *recovered = editor.findChild<QLineEdit *>(QStringLiteral("recovered"));
        recovered->setText(QStringLiteral("4,500.00"));
        editor.findChild<QLineEdit *>(QStringLiteral("expected"))->setText(QStringLiteral("4,125.00"));
        editor.findChild<QCheckBox *>(QStringLiteral("hasRecoveredDate"))->setChecked(false);
        editor.save();
        QVERIFY(!editor.savedEntry());
        auto *dateError = editor.findChild<QLabel *>(QStringLiteral("recoveredDateError"));
        QVERIFY(dateError->isVisible());
        QVERIFY(dateError->text().contains(QLatin1String("date")));
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("recoveredHint"))->isVisible()); // 4,500 > 4,125

        editor.resize(560, editor.sizeHint().height()); // room for the messages that appeared
        QCoreApplication::processEvents();
        const QString file = test::saveScreenshot(&editor, QStringLiteral("ledger-editor"));
        QVERIFY(notBlank(file));

        editor.findChild<QCheckBox *>(QStringLiteral("hasRecoveredDate"))->setChecked(true);
        widgets::MessageBox::setNextAnswer(QMessageBox::No);
        editor.save();
        QVERIFY(!dateError->isVisible());
        QVERIFY(widgets::MessageBox::lastQuestion().contains(QLatin1String("more than")));
        QVERIFY(!editor.savedEntry());
        QCOMPARE(op->get(target.id)->version, target.version);

        widgets::MessageBox::setNextAnswer(QMessageBox::Yes);
        editor.save();
        QVERIFY(editor.savedEntry());
        QCOMPARE(editor.savedEntry()->recoveredCents, qint64(450000));
        QCOMPARE(op->get(target.id)->version, target.version + 1);
        QCOMPARE(op->get(target.id)->state, LedgerState::Recovered);
    }

    void newEntryIsKeyboardUsable()
    {
        LedgerPage page(op.get());
        QVERIFY(showActive(page));
        const int before = page.model()->rowCount();
        QCOMPARE(page.findChild<QPushButton *>(QStringLiteral("newEntry"))->shortcut(),
                 QKeySequence(QKeySequence::New));
        auto *editor = page.newEntry();
        QVERIFY(editor);
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        editor->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(editor));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("payer"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Ginkgo Keyboard Health"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("expected"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("812.40"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // the default button saves
        QVERIFY(editor->savedEntry());
        QCOMPARE(editor->savedEntry()->expectedCents, qint64(81240));
        QCOMPARE(editor->savedEntry()->owner, QStringLiteral("ana.ruiz"));
        QCOMPARE(page.model()->rowCount(), before + 1);
        QCOMPARE(page.selectedEntry()->payer, QStringLiteral("Ginkgo Keyboard Health"));
        for (QWidget *w : page.findChildren<QWidget *>())
            if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QTableView *>(w))
                QVERIFY2(!w->accessibleName().isEmpty() || !w->isVisible(), qPrintable(w->objectName()));
    }

    void historyViewListsFieldChanges()
    {
        const LedgerEntry e = op->get(seeded[1].id).value();
        views::LedgerHistoryView view(op.get(), e);
        view.resize(860, 460);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.model()->changeCount(), 4); // created, in progress, amount, recovered
        bool sawRecovered = false;
        for (int r = 0; r < view.model()->rowCount(); ++r)
            sawRecovered =
                sawRecovered || view.model()->index(r, ledger::LedgerHistoryModel::After).data() == formatCents(610000);
        QVERIFY(sawRecovered);
        const QString file = test::saveScreenshot(&view, QStringLiteral("ledger-history"));
        QVERIFY(notBlank(file));
    }

    void staleEditOpensConflictDialogAndMergeIsSaved()
    {
        LedgerPage page(op.get());
        page.resize(1280, 720);
        page.selectEntry(seeded[3].id);
        LedgerEntryEditor *editor = page.editSelected();
        QVERIFY(editor);
        const LedgerEntry base = op->get(seeded[3].id).value();

        // Meanwhile another workstation saves the same entry.
        LedgerEntry theirs = base;
        theirs.expectedCents = 2410000;
        theirs.notes = QStringLiteral("Payer confirmed the E/M denial spike; corrected expected amount");
        LedgerRepository other(cache.get(), {QStringLiteral("chen.li"), QStringLiteral("operator")},
                               [this] { return clock; });
        QVERIFY(other.update(theirs).ok());

        auto *state = editor->findChild<QComboBox *>(QStringLiteral("state"));
        state->setCurrentIndex(state->findData(int(LedgerState::InProgress)));
        editor->findChild<QLineEdit *>(QStringLiteral("owner"))->setText(QStringLiteral("ana.ruiz"));
        editor->findChild<QPlainTextEdit *>(QStringLiteral("notes"))
            ->setPlainText(QStringLiteral("Appeal prepared for the E/M denials"));
        editor->save();
        QTRY_VERIFY(page.findChild<ConflictDialog *>() != nullptr);
        auto *dialog = page.findChild<ConflictDialog *>();
        dialog->resize(780, dialog->sizeHint().height());
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->differenceCount(), 4); // expected, state, owner, notes
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("intro"))->text().contains(QLatin1String("chen.li")));
        // Defaults come from the base version: their amount (only they changed it), my state and owner.
        QCOMPARE(dialog->choices().value(LedgerField::Expected), MergeSide::Theirs);
        QCOMPARE(dialog->choices().value(LedgerField::Notes), MergeSide::Mine); // both changed it: flagged
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("bothChanged_%1").arg(int(LedgerField::Notes))));
        QCOMPARE(dialog->choices().value(LedgerField::State), MergeSide::Mine);
        QCOMPARE(dialog->choices().value(LedgerField::Owner), MergeSide::Mine);
        dialog->choose(LedgerField::Owner, MergeSide::Theirs);
        dialog->choose(LedgerField::Notes, MergeSide::Theirs);
        const QString file = test::saveScreenshot(dialog, QStringLiteral("ledger-conflict"));
        QVERIFY(notBlank(file));

        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveMerge")), Qt::LeftButton);
        const LedgerEntry stored = op->get(base.id).value();
        QCOMPARE(stored.version, base.version + 2);
        QCOMPARE(stored.expectedCents, qint64(2410000)); // theirs
        QCOMPARE(stored.notes, theirs.notes);            // theirs
        QCOMPARE(stored.state, LedgerState::InProgress); // mine
        QCOMPARE(op->history(base.id)->back().who, QStringLiteral("ana.ruiz"));
    }

    void syncConflictBannerOpensTheDialog()
    {
        LedgerEntry mine = op->get(seeded[10].id).value();
        mine.notes = QStringLiteral("Mine: escalation letter sent");
        mine = op->update(mine).value();
        QString changeId; // the outbox row of that edit
        const auto queued = storage::pendingChanges(*cache, 10000);
        QVERIFY(queued.ok());
        for (const storage::OutboxChange &c : queued.value())
            if (c.entityId == mine.id)
                changeId = c.id;
        QVERIFY(!changeId.isEmpty());
        // The server refuses the push as stale and returns its row (to_jsonb form), as SyncPush does.
        const QJsonObject theirs{{QStringLiteral("client_uuid"), mine.id},
                                 {QStringLiteral("entry_id"), 9001},
                                 {QStringLiteral("product"), QStringLiteral("delayguard")},
                                 {QStringLiteral("payer"), mine.payer},
                                 {QStringLiteral("expected_amount"), 16750.0},
                                 {QStringLiteral("recovered_amount"), 4000.0},
                                 {QStringLiteral("recovered_date"), QStringLiteral("2026-11-18")},
                                 {QStringLiteral("state"), QStringLiteral("in_progress")},
                                 {QStringLiteral("owner"), QStringLiteral("chen.li")},
                                 {QStringLiteral("notes"), QStringLiteral("Theirs: payer promised payment")},
                                 {QStringLiteral("version"), double(mine.version + 1)},
                                 {QStringLiteral("created_at"), QStringLiteral("2026-11-01T09:00:00+00:00")},
                                 {QStringLiteral("updated_at"), QStringLiteral("2026-11-19T16:05:12.345678+00:00")}};
        QVERIFY(storage::recordPushResults(*cache, {{changeId, storage::PushOutcome::Conflict, theirs, {}}}).ok());

        LedgerPage page(op.get());
        page.resize(1280, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *banner = page.findChild<QWidget *>(QStringLiteral("syncConflictBanner"));
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(page.syncConflictCount(), 1);
        const QString file = test::saveScreenshot(&page, QStringLiteral("ledger-sync-conflict"));
        QVERIFY(notBlank(file));

        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("resolveSyncConflicts")), Qt::LeftButton);
        QTRY_VERIFY(page.findChild<ConflictDialog *>() != nullptr);
        auto *dialog = page.findChild<ConflictDialog *>();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("intro"))->text().contains(QLatin1String("another")));
        QCOMPARE(dialog->differenceCount(), 3); // recovered amount, recovered date, notes
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("takeTheirs")), Qt::LeftButton);

        const LedgerEntry stored = op->get(mine.id).value();
        QCOMPARE(stored.notes, QStringLiteral("Theirs: payer promised payment"));
        QCOMPARE(stored.recoveredCents, qint64(400000));
        QCOMPARE(stored.version, mine.version + 1);
        QCOMPARE(stored.updatedAt, QDateTime(QDate(2026, 11, 19), QTime(16, 5, 12), Qt::UTC));
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(page.syncConflictCount(), 0);
        const auto left = storage::pendingChanges(*cache, 10000);
        QVERIFY(left.ok());
        for (const storage::OutboxChange &c : left.value())
            QVERIFY(c.entityId != mine.id || c.kind == QLatin1String("audit"));
    }

    void exportsWriteCsvAndPdfWithoutPhi()
    {
        LedgerEntry e = op->get(seeded[8].id).value();
        e.notes = QStringLiteral("Member called from 555-201-7788, SSN 321-54-9876");
        QVERIFY(op->update(e).ok());
        LedgerPage page(op.get());
        const QString csv = tmp.filePath(QStringLiteral("ledger.csv"));
        widgets::FileDialog::setNextFileName(csv);
        QVERIFY(page.exportCsv());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("Dogwood Demo Assurance"));
        QVERIFY(!bytes.contains("321-54-9876"));
        QVERIFY(bytes.contains("[PHI:ssn]"));

        const QString pdf = tmp.filePath(QStringLiteral("ledger.pdf"));
        widgets::FileDialog::setNextFileName(pdf);
        QVERIFY(page.exportPdf());
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        QVERIFY(p.size() > 2000);

        widgets::FileDialog::setNextFileName(QString()); // the user cancelled
        QVERIFY(!page.exportCsv());
    }

    void editUndoRedoWithTheKeyboard()
    {
        LedgerEntry e;
        e.product = QStringLiteral("denialscope");
        e.payer = QStringLiteral("Hazel Undo Synthetic Plan");
        e.expectedCents = 40000;
        auto created = op->create(e);
        QVERIFY(created.ok());
        LedgerPage page(op.get());
        QVERIFY(showActive(page));
        auto *undoButton = page.findChild<QPushButton *>(QStringLiteral("undoEdit"));
        auto *redoButton = page.findChild<QPushButton *>(QStringLiteral("redoEdit"));
        QVERIFY(undoButton && redoButton);
        QVERIFY(!undoButton->isEnabled());
        page.selectEntry(created->id);
        page.table()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page.table()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter edits the selected entry
        QPointer<LedgerEntryEditor> editor = page.findChild<LedgerEntryEditor *>();
        QVERIFY(editor);
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(editor));
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("payer"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("expected"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("455.00"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_COMPARE(op->get(created->id)->expectedCents, qint64(45500));
        QTRY_VERIFY(undoButton->isEnabled());
        QVERIFY(undoButton->toolTip().contains(e.payer));
        // Back on the page (the window manager would reactivate it; offscreen, the test does), the keyboard undoes
        // and redoes through whatever has the focus there.
        QTRY_VERIFY(!editor || !editor->isVisible());
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QVERIFY(page.isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(op->get(created->id)->expectedCents, qint64(40000));
        QCOMPARE(op->get(created->id)->version, created->version + 2);
        QVERIFY(redoButton->isEnabled());
        QCOMPARE(page.selectedEntry()->id, created->id);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(op->get(created->id)->expectedCents, qint64(45500));
        QCOMPARE(op->get(created->id)->version, created->version + 3);
        QVERIFY(!redoButton->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("status"))->text().contains(e.payer));
        // The lock forgets the steps with the rest of the decrypted data.
        page.clearData();
        page.reload();
        QVERIFY(!undoButton->isEnabled());
    }
};

QTEST_MAIN(TstLedgerEditorScreens)
#include "tst_ledger_editor_screens.moc"
