#include "MainWindow.h"

#include "ConnectionStatusLabel.h"
#include "about/AboutDialog.h"
#include "help/UserGuide.h"
#include "help/UserGuideDialog.h"
#include "session/RolePermissions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QWhatsThis>

namespace upstream::views {

MainWindow::MainWindow(sync::ConnectionStatus *connection, QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Upstream Workstation"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/upstream.svg")));

    m_root = new QStackedWidget(this);
    auto *central = new QWidget(m_root);
    m_workspace = central;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_nav = new QListWidget(central);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setFixedWidth(170);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setSpacing(2);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pages"));
    for (int i = 0; i < kPageCount; ++i) {
        const Page p = Page(i);
        auto *item = new QListWidgetItem(pageTitle(p), m_nav);
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
    resize(1280, 800);
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
    static const std::array<QLatin1String, kPageCount> names = {
        QLatin1String("driftwatch"), QLatin1String("denialscope"), QLatin1String("delayguard"), QLatin1String("import"),
        QLatin1String("ledger")};
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
    auto *title = new QLabel(QStringLiteral("<h1>%1</h1>").arg(pageTitle(page).toHtmlEscaped()), w);
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
    auto *sub = new QLabel(blurb, w);
    sub->setWordWrap(true);
    auto *empty = new QLabel(tr("Nothing to show yet in this workspace."), w);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    v->addWidget(title);
    v->addWidget(sub);
    v->addStretch(1);
    v->addWidget(empty);
    v->addStretch(2);
    return w;
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
    m_userGuide->setText(tr("&User guide (%1)").arg(session::roleDisplayName(role)));
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
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_file = file;
    QAction *recompute = file->addAction(tr("&Recompute signals…"));
    recompute->setObjectName(QStringLiteral("recomputeAction"));
    connect(recompute, &QAction::triggered, this, &MainWindow::recomputeRequested);
    m_quitSeparator = file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < kPageCount; ++i) {
        QAction *a = go->addAction(pageTitle(Page(i)));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_userGuide = help->addAction(tr("&User guide"));
    m_userGuide->setObjectName(QStringLiteral("userGuideAction"));
    m_userGuide->setShortcut(QKeySequence::HelpContents);
    connect(m_userGuide, &QAction::triggered, this, [this] { openUserGuide(); });
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    help->addAction(whatsThis);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Upstream Workstation"));
    connect(about, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
}

} // namespace upstream::views
