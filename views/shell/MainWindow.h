#pragma once
// The main window shell: navigation between the workstation's pages, the status bar and the menus.
// It only wires actions; every page is its own widget, installed with setPage().
#include <QMainWindow>

#include <array>

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace upstream::sync {
class ConnectionStatus;
}

namespace upstream::views {

class UserGuideDialog;

enum class Page { DriftWatch = 0, DenialScope, DelayGuard, Import, Ledger };
inline constexpr int kPageCount = 5;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(sync::ConnectionStatus *connection, QWidget *parent = nullptr);

    // Replaces the page's content (placeholders until the page is installed). Takes ownership.
    void setPage(Page page, QWidget *widget);
    QWidget *page(Page page) const;
    void showPage(Page page);
    Page currentPage() const;
    static QString pageTitle(Page page);
    static bool pageFromName(const QString &name, Page *page); // "driftwatch", "ledger", ...

    // The lock page replaces the whole workspace (navigation, pages, menus) while locked.
    // The signed-in role: Help ▸ User guide (F1) opens that role's guide (help::findGuide).
    void setRole(const QString &role);
    UserGuideDialog *openUserGuide();

    // Adds actions to the File menu, above Quit (the session's sync actions).
    void addFileActions(const QList<QAction *> &actions);

    void setLockScreen(QWidget *lockScreen);
    void setLocked(bool locked);
    bool isLocked() const;

signals:
    void currentPageChanged(upstream::views::Page page);
    void recomputeRequested(); // File ▸ Recompute signals…
    // The user-interface language changed (QEvent::LanguageChange), after the window retranslated its own texts:
    // whoever set texts on the window's actions or status bar (the presenters, the Settings… action) sets them again.
    void languageChanged();

protected:
    // Refused while locked: closing the locked window must not end the lock (and with it the need for the password).
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void retranslateUi();
    QWidget *makePlaceholder(Page page);
    static void retranslatePlaceholder(QWidget *placeholder, Page page);
    QMenu *m_file = nullptr;
    QMenu *m_go = nullptr;
    QMenu *m_help = nullptr;
    QAction *m_recompute = nullptr;
    QAction *m_quit = nullptr;
    std::array<QAction *, kPageCount> m_goTo{};
    QAction *m_whatsThis = nullptr;
    QAction *m_about = nullptr;
    QAction *m_userGuide = nullptr;
    QString m_role;
    QAction *m_quitSeparator = nullptr;

    QStackedWidget *m_root = nullptr; // [workspace, lock screen]
    QWidget *m_workspace = nullptr;
    QWidget *m_lockScreen = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::array<QWidget *, kPageCount> m_pages{};
};

} // namespace upstream::views
