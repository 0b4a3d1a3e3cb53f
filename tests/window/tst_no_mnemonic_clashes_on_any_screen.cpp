// Proves: on every page of the assembled workstation (the program's own object graph, app::Workstation, on the
// demo workspace so every page is installed) and on every step of the embedded import wizard, no two Alt+letter
// mnemonics are the same — counting the menu bar's (Alt+F File, Alt+G Go, Alt+H Help) and, on wizard steps, the
// wizard's own buttons with the step's texts. A clash makes Alt+letter cycle between controls or open a menu instead
// of reaching the field, which is what happened with the File step's old "&File:" label. A positive control checks
// that the scan sees the mnemonics at all (the File step's path label and Browse button, the menu bar's three).
#include "WorkstationApp.h"
#include "WorkstationSession.h"
#include "import/ImportWizard.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QtTest>

using namespace upstream;

namespace {

struct Mnemonic {
    QKeySequence key;
    QString owner; // the text that carries it, for the failure message
};

void add(std::vector<Mnemonic> &out, const QString &text)
{
    const QKeySequence key = QKeySequence::mnemonic(text);
    if (!key.isEmpty())
        out.push_back({key, text});
}

// The mnemonics a page offers: buttons, group boxes and labels that hand their mnemonic to a buddy.
std::vector<Mnemonic> mnemonicsOf(const QWidget *page)
{
    std::vector<Mnemonic> out;
    for (const QAbstractButton *b : page->findChildren<QAbstractButton *>())
        add(out, b->text());
    for (const QGroupBox *g : page->findChildren<QGroupBox *>())
        add(out, g->title());
    for (const QLabel *l : page->findChildren<QLabel *>())
        if (l->buddy())
            add(out, l->text());
    return out;
}

QString clash(const std::vector<Mnemonic> &all)
{
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size(); ++j)
            if (all[i].key == all[j].key)
                return QStringLiteral("%1: \"%2\" and \"%3\"").arg(all[i].key.toString(), all[i].owner, all[j].owner);
    return {};
}

} // namespace

class TstNoMnemonicClashesOnAnyScreen : public QObject {
    Q_OBJECT

private slots:
    void everyPageAndWizardStepHasDistinctMnemonics()
    {
        settings::Settings settings;
        app::Workstation workstation(settings, true);
        views::MainWindow &window = workstation.window();
        window.show();
        bool opened = false;
        workstation.session().start(true, [&](bool ok) { opened = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(opened, 120000);

        std::vector<Mnemonic> menuBar;
        for (const QAction *a : window.menuBar()->actions())
            add(menuBar, a->text());
        QCOMPARE(int(menuBar.size()), 3); // control: File, Go, Help

        int pages = 0;
        for (views::Page p :
             {views::Page::DriftWatch, views::Page::DenialScope, views::Page::DelayGuard, views::Page::Ledger}) {
            std::vector<Mnemonic> all = menuBar;
            const auto own = mnemonicsOf(window.page(p));
            all.insert(all.end(), own.begin(), own.end());
            QVERIFY2(clash(all).isEmpty(),
                     qPrintable(views::MainWindow::pageTitle(p) + QStringLiteral(" — ") + clash(all)));
            ++pages;
        }

        views::ImportWizard *wizard = workstation.importWizard();
        int controlled = 0;
        for (const int id : wizard->pageIds()) {
            QWizardPage *step = wizard->page(id);
            std::vector<Mnemonic> all = menuBar;
            const auto own = mnemonicsOf(step);
            all.insert(all.end(), own.begin(), own.end());
            // The buttons the step shows: Back after the first step, Next before the last, Done on the last.
            if (id != wizard->startId())
                add(all, step->buttonText(QWizard::BackButton));
            add(all, step->buttonText(step->isFinalPage() ? QWizard::FinishButton : QWizard::NextButton));
            if (id == views::ImportWizard::FilePageId) {
                controlled = int(own.size()); // control: the path label and Browse are seen
                QVERIFY(std::any_of(own.begin(), own.end(),
                                    [](const Mnemonic &m) { return m.key == QKeySequence(QStringLiteral("Alt+P")); }));
            }
            QVERIFY2(clash(all).isEmpty(), qPrintable(step->title() + QStringLiteral(" — ") + clash(all)));
            ++pages;
        }
        QVERIFY(controlled >= 2);
        QCOMPARE(pages, 4 + 9);
    }
};

QTEST_MAIN(TstNoMnemonicClashesOnAnyScreen)
#include "tst_no_mnemonic_clashes_on_any_screen.moc"
