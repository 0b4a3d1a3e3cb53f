#include "MainWindow.h"

#include "engines/Signal.h"

#include "ConnectionStatusLabel.h"
#include "about/AboutDialog.h"
#include "help/UserGuide.h"
#include "help/UserGuideDialog.h"
#include "session/RolePermissions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <memory>

namespace upstream::views {

MainWindow::MainWindow(sync::ConnectionStatus *connection, QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/upstream.svg")));

    m_root = new QStackedWidget(this);
    auto *central = new QWidget(m_root);
    m_workspace = central;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_nav = new QListWidget(central);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setFixedWidth(170);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setSpacing(2);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pages"));
    for (int i = 0; i < kPageCount; ++i) {
        const Page p = Page(i);
        auto *item = new QListWidgetItem(m_nav);
        item->setSizeHint(QSize(160, 34));
        m_pages[size_t(i)] = makePlaceholder(p);
        m_stack->addWidget(m_pages[size_t(i)]);
    }
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    m_root->addWidget(central);
    setCentralWidget(m_root);

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        emit currentPageChanged(Page(row));
    });
    m_nav->setCurrentRow(0);

    statusBar()->addPermanentWidget(new widgets::ConnectionStatusLabel(connection, this));
    buildMenus();
    retranslateUi();
    resize(1280, 800);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Upstream Workstation"));
    m_nav->setAccessibleName(tr("Pages"));
    for (int i = 0; i < kPageCount; ++i) {
        m_nav->item(i)->setText(pageTitle(Page(i)));
        if (m_pages[size_t(i)]->objectName() == QLatin1String("placeholderPage"))
            retranslatePlaceholder(m_pages[size_t(i)], Page(i));
    }
    m_file->setTitle(tr("&File"));
    m_recompute->setText(tr("&Recompute signals…"));
    m_quit->setText(tr("&Quit"));
    m_go->setTitle(tr("&Go"));
    for (int i = 0; i < kPageCount; ++i)
        m_goTo[size_t(i)]->setText(pageTitle(Page(i)));
    m_help->setTitle(tr("&Help"));
    m_userGuide->setText(m_role.isEmpty() ? tr("&User guide")
                                          : tr("&User guide (%1)").arg(session::roleDisplayName(m_role)));
    // QWhatsThis::createAction's action does not retranslate itself: take the text of a fresh one, from Qt's own
    // catalogue (spelling its context and source here would put Qt's string into ours).
    const std::unique_ptr<QAction> fresh(QWhatsThis::createAction());
    m_whatsThis->setText(fresh->text());
    m_about->setText(tr("&About Upstream Workstation"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        emit languageChanged();
    }
    QMainWindow::changeEvent(event);
}

QString MainWindow::pageTitle(Page page)
{
    switch (page) {
    case Page::DriftWatch: return tr("DriftWatch");
    case Page::DenialScope: return tr("DenialScope");
    case Page::DelayGuard: return tr("DelayGuard");
    case Page::Import: return tr("Import");
    case Page::Ledger: return tr("Recovery ledger");
    }
    return {};
}

bool MainWindow::pageFromName(const QString &name, Page *page)
{
    static const std::array<QString, kPageCount> names = {
        engines::productName(engines::Product::DriftWatch), engines::productName(engines::Product::DenialScope),
        engines::productName(engines::Product::DelayGuard), QStringLiteral("import"), QStringLiteral("ledger")};
    for (int i = 0; i < kPageCount; ++i) {
        if (name.compare(names[size_t(i)], Qt::CaseInsensitive) == 0) {
            *page = Page(i);
            return true;
        }
    }
    return false;
}

QWidget *MainWindow::makePlaceholder(Page page)
{
    auto *w = new QWidget;
    w->setObjectName(QStringLiteral("placeholderPage"));
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(24, 20, 24, 20);
    auto *title = new QLabel(w);
    title->setObjectName(QStringLiteral("placeholderTitle"));
    auto *sub = new QLabel(w);
    sub->setObjectName(QStringLiteral("placeholderBlurb"));
    sub->setWordWrap(true);
    auto *empty = new QLabel(w);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    v->addWidget(title);
    v->addWidget(sub);
    v->addStretch(1);
    v->addWidget(empty);
    v->addStretch(2);
    retranslatePlaceholder(w, page);
    return w;
}

void MainWindow::retranslatePlaceholder(QWidget *placeholder, Page page)
{
    QString blurb;
    switch (page) {
    case Page::DriftWatch:
        blurb = tr("Payer denial-rate drift, by decision date, against each payer's baseline.");
        break;
    case Page::DenialScope: blurb = tr("Denial reasons that spiked or appeared for the first time."); break;
    case Page::DelayGuard: blurb = tr("Payers that started paying or deciding slower, with dollars at risk."); break;
    case Page::Import: blurb = tr("Import claim CSV exports with live validation and data-quality scoring."); break;
    case Page::Ledger: blurb = tr("Recovery ledger: expected and recovered amounts, approvals and history."); break;
    }
    if (auto *title = placeholder->findChild<QLabel *>(QStringLiteral("placeholderTitle")))
        title->setText(QStringLiteral("<h1>%1</h1>").arg(pageTitle(page).toHtmlEscaped()));
    if (auto *sub = placeholder->findChild<QLabel *>(QStringLiteral("placeholderBlurb")))
        sub->setText(blurb);
    if (auto *empty = placeholder->findChild<QLabel *>(QStringLiteral("emptyState")))
        empty->setText(tr("Nothing to show yet in this workspace."));
}

void MainWindow::setPage(Page page, QWidget *widget)
{
    const int index = int(page);
    QWidget *old = m_pages[size_t(index)];
    m_stack->insertWidget(index, widget);
    m_stack->removeWidget(old);
    old->deleteLater();
    m_pages[size_t(index)] = widget;
    if (m_nav->currentRow() == index)
        m_stack->setCurrentIndex(index);
}

void MainWindow::setRole(const QString &role)
{
    m_role = role;
    retranslateUi(); // the User guide item names the role
}

UserGuideDialog *MainWindow::openUserGuide()
{
    if (auto *open = findChild<UserGuideDialog *>()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new UserGuideDialog(help::findGuide(m_role), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // non-blocking: the idle lock can close it
    return dialog;
}

void MainWindow::addFileActions(const QList<QAction *> &actions)
{
    m_file->insertActions(m_quitSeparator, actions);
}

void MainWindow::setLockScreen(QWidget *lockScreen)
{
    m_lockScreen = lockScreen;
    m_root->addWidget(lockScreen);
}

void MainWindow::setLocked(bool locked)
{
    if (!m_lockScreen)
        return;
    m_root->setCurrentWidget(locked ? m_lockScreen : m_workspace);
    // Menus and the status bar could reveal or act on workspace data: gone while locked.
    menuBar()->setVisible(!locked);
    statusBar()->setVisible(!locked);
    m_workspace->setEnabled(!locked);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isLocked()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

bool MainWindow::isLocked() const
{
    return m_lockScreen && m_root->currentWidget() == m_lockScreen;
}

QWidget *MainWindow::page(Page page) const
{
    return m_pages[size_t(page)];
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(int(page));
    // Reached by a shortcut or a menu: the keyboard goes to the page, where the user is about to type (the Import
    // page's path field), not to the page list, whose type-ahead search would swallow the letters. Moving through
    // the list itself with the arrow keys keeps the focus there.
    QWidget *shown = m_stack->currentWidget();
    QWidget *target = shown->focusWidget();
    if (!target || !target->isVisibleTo(shown) || !target->isEnabled()) {
        target = nullptr;
        for (QWidget *w = shown->nextInFocusChain(); w && w != shown; w = w->nextInFocusChain()) {
            if ((w->focusPolicy() & Qt::TabFocus) && shown->isAncestorOf(w) && w->isVisibleTo(shown) &&
                w->isEnabled() && !w->focusProxy()) {
                target = w;
                break;
            }
        }
    }
    if (target)
        target->setFocus(Qt::ShortcutFocusReason);
}

Page MainWindow::currentPage() const
{
    return Page(std::max(0, m_nav->currentRow()));
}

void MainWindow::buildMenus()
{
    // The texts are set by retranslateUi().
    m_file = menuBar()->addMenu(QString());
    m_recompute = m_file->addAction(QString());
    m_recompute->setObjectName(QStringLiteral("recomputeAction"));
    connect(m_recompute, &QAction::triggered, this, &MainWindow::recomputeRequested);
    m_quitSeparator = m_file->addSeparator();
    m_quit = m_file->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    m_go = menuBar()->addMenu(QString());
    for (int i = 0; i < kPageCount; ++i) {
        QAction *a = m_go->addAction(QString());
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
        m_goTo[size_t(i)] = a;
    }

    m_help = menuBar()->addMenu(QString());
    m_userGuide = m_help->addAction(QString());
    m_userGuide->setObjectName(QStringLiteral("userGuideAction"));
    m_userGuide->setShortcut(QKeySequence::HelpContents);
    connect(m_userGuide, &QAction::triggered, this, [this] { openUserGuide(); });
    m_whatsThis = QWhatsThis::createAction(this);
    m_whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    m_help->addAction(m_whatsThis);
    m_help->addSeparator();
    m_about = m_help->addAction(QString());
    connect(m_about, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
}

} // namespace upstream::views
