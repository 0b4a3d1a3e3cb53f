#include "WorkstationApp.h"

#include "LanguageSwitcher.h"
#include "SignInAgainPresenter.h"
#include "SyncStatusPresenter.h"
#include "WorkstationSession.h"
#include "core/BuildInfo.h"
#include "dashboard/DashboardService.h"
#include "dashboards/DashboardPage.h"
#include "diagnostics/Versions.h"
#include "import/ImportWizard.h"
#include "logging/Log.h"
#include "session/RolePermissions.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "storage/cache/CipherDatabase.h"
#include "sync/ConnectionState.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QSysInfo>

#include <cstdio>
#include <cstring>

namespace upstream::app {
namespace {

constexpr const char *kUsage =
    "Usage: upstream-workstation [options]\n\n"
    "Upstream Workstation: DriftWatch, DenialScope and DelayGuard dashboards, claim import and the recovery "
    "ledger.\n\n"
    "Options:\n"
    "  --version               Print the version and exit.\n"
    "  -h, --help              Show this help and exit.\n"
    "  --log-level LEVEL       trace, debug, info, warn, error or off (default: settings, else info).\n"
    "  --demo                  Open the local demo workspace.\n"
    "  --screenshot FILE       Render a page offscreen to FILE (PNG) and exit.\n"
    "  --page PAGE             The page for --screenshot or to open: driftwatch, denialscope, delayguard, import,\n"
    "                          ledger.\n"
    "  --language CODE         User-interface language (en, es) for this run.\n";

bool hasFlag(int argc, char *argv[], const char *flag)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], flag) == 0)
            return true;
    return false;
}

// The callback that ends the program may run before the event loop starts: queue the exit.
void exitLater(int code)
{
    QMetaObject::invokeMethod(
        qApp, [code] { QApplication::exit(code); }, Qt::QueuedConnection);
}

// The three dashboards bind to the workspace's cache when it opens and drop their data when it closes (idle lock).
void installDashboards(views::MainWindow &window, WorkstationSession &session, bool synchronousLoad)
{
    const std::pair<views::Page, views::DashboardProduct> pages[] = {
        {views::Page::DriftWatch, views::DashboardProduct::driftWatch()},
        {views::Page::DenialScope, views::DashboardProduct::denialScope()},
        {views::Page::DelayGuard, views::DashboardProduct::delayGuard()}};
    for (const auto &[page, product] : pages) {
        auto *dashboard = new views::DashboardPage(product);
        dashboard->setSynchronousLoad(synchronousLoad); // a screenshot must not race the worker
        window.setPage(page, dashboard);
        QObject::connect(&session, &WorkstationSession::workspaceOpened, dashboard, [dashboard, &session] {
            dashboard->setRole(session.role());
            dashboard->bind(std::make_shared<dashboard::DashboardService>(session.cache(), session.userName(),
                                                                          QSysInfo::machineHostName()));
        });
        QObject::connect(&session, &WorkstationSession::workspaceClosing, dashboard, &views::DashboardPage::unbind);
        // Only when the change touched this product (its signals, alerts, judgments or ledger entries).
        QObject::connect(&session, &WorkstationSession::workspaceChanged, dashboard,
                         [dashboard](const sync::CacheChanges &changes) {
                             if (changes.touches(dashboard->product().id))
                                 dashboard->reload();
                         });
        QObject::connect(dashboard, &views::DashboardPage::ledgerEntryOpened, &session,
                         &WorkstationSession::ledgerChanged);
    }
}

} // namespace

Workstation::Workstation(settings::Settings &settings, bool synchronousLoad, const std::optional<QString> &language)
    : m_settings(settings), m_language(std::make_unique<LanguageSwitcher>())
{
    // Before any widget: everything is built in the language, and formats dates and numbers in its locale.
    m_language->apply(language.value_or(settings.value(settings::keys::Language)));
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(appData);
    m_mappingMemory = std::make_unique<importer::MappingMemory>(appData + QStringLiteral("/import-mappings.json"));
    (void)m_mappingMemory->load(); // a missing or unreadable file only means nothing is remembered yet
    m_window = std::make_unique<views::MainWindow>(&m_connection);
    views::MainWindow &window = *m_window;
    // The import page. The wizard holds no decrypted cache data (it reads the analyst's file): a lock hides it and
    // leaves it exactly as it was. Its preview and import steps write through the session (server or local
    // workspace).
    m_importWizard = new views::ImportWizard;
    m_importWizard->setEmbedded(true);
    m_importWizard->setMappingMemory(m_mappingMemory.get());
    m_importWizard->setQualityGateBlocks(settings.importQualityGateBlocks());
    window.setPage(views::Page::Import, m_importWizard);
    m_session = std::make_unique<WorkstationSession>(&window, &settings, &m_connection);
    WorkstationSession &session = *m_session;
    installDashboards(window, session, synchronousLoad);
    m_importWizard->setImportFunction(session.importFunction());
    m_importWizard->setPreviewFunction(session.previewFunction());
    m_importWizard->setImportTarget(session.importTarget());
    m_importWizard->setExportAudit(session.exportAudit());
    // Recompute (summary page or File ▸ Recompute signals…) opens the recompute window: products, as-of, progress
    // and cancel, the work on its own thread.
    // Locking joins the wizard's work on the target before the session wipes the password and closes the cache.
    QObject::connect(&session, &WorkstationSession::workspaceClosing, m_importWizard,
                     &views::ImportWizard::stopWorkOnTarget);
    QObject::connect(m_importWizard, &views::ImportWizard::recomputeSignalsRequested, &session,
                     &WorkstationSession::openRecomputeDialog);
    QObject::connect(&window, &views::MainWindow::recomputeRequested, &session,
                     &WorkstationSession::openRecomputeDialog);
    // Roles: File ▸ Recompute signals… is off, saying why, for a role the server would refuse.
    QObject::connect(&session, &WorkstationSession::workspaceOpened, &window, [this] {
        m_window->setRole(m_session->role()); // Help ▸ User guide for this role
        if (auto *recompute = m_window->findChild<QAction *>(QStringLiteral("recomputeAction")))
            recompute->setEnabled(
                upstream::session::roleRefusal(m_session->role(), upstream::session::RoleAction::Recompute).isEmpty());
        updateRecomputeAction();
    });
    // The status bar's sync view and "Changes needing attention".
    m_syncStatus = std::make_unique<SyncStatusPresenter>(&window, &session);
    // Session expiry: the server refused the password → sign in again over the window, work and queue kept.
    m_signInAgain = std::make_unique<SignInAgainPresenter>(&window, &session, &settings, &m_connection);
    m_settingsAction = new QAction(&window);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    window.addFileActions({m_settingsAction});
    QObject::connect(m_settingsAction, &QAction::triggered, &window, [this] { openSettings(); });
    // A language switched in File ▸ Settings…: the window and its widgets retranslate themselves; what was set here
    // follows the window.
    QObject::connect(&window, &views::MainWindow::languageChanged, &window, [this] { retranslate(); });
    retranslate();
}

void Workstation::retranslate()
{
    m_settingsAction->setText(QCoreApplication::translate("Workstation", "Se&ttings…"));
    m_settingsAction->setStatusTip(
        QCoreApplication::translate("Workstation", "Language, idle lock, workspace folder, import and log settings"));
    updateRecomputeAction();
}

// Why File ▸ Recompute signals… is off, in the current language. Whether it is on is decided when the workspace
// opens (and by the lock), not here.
void Workstation::updateRecomputeAction()
{
    if (m_session->role().isEmpty())
        return; // no workspace opened yet: nothing to say why
    const QString why = upstream::session::roleRefusal(m_session->role(), upstream::session::RoleAction::Recompute);
    if (auto *recompute = m_window->findChild<QAction *>(QStringLiteral("recomputeAction"))) {
        recompute->setToolTip(why);
        recompute->setStatusTip(why);
    }
}

views::SettingsDialog *Workstation::openSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new views::SettingsDialog(&m_settings, m_window.get());
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(m_settingsDialog, &views::SettingsDialog::applied, m_window.get(),
                         [this](const QStringList &changed) { applySettings(changed); });
    }
    m_settingsDialog->open();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

void Workstation::applySettings(const QStringList &changed)
{
    namespace keys = settings::keys;
    auto has = [&](const auto &key) { return changed.contains(QString::fromLatin1(key.path)); };
    if (has(keys::IdleLockMinutes))
        m_session->applyIdleLockSetting();
    if (has(keys::ImportQualityGate))
        m_importWizard->setQualityGateBlocks(m_settings.importQualityGateBlocks());
    if (has(keys::LogLevel))
        if (const Status st = log::setLevel(m_settings.value(keys::LogLevel)); !st.ok())
            log::warn(st.error().message);
    // At once: Qt sends every widget LanguageChange, and each one (the open settings dialog too) retranslates.
    if (has(keys::Language))
        m_language->apply(m_settings.value(keys::Language));
    log::info(QStringLiteral("settings changed: %1").arg(changed.join(QStringLiteral(", "))));
}

// The session goes first: it closes the cache and its pages while the window still exists.
Workstation::~Workstation()
{
    m_signInAgain.reset();
    m_syncStatus.reset();
    m_session.reset();
}

int runWorkstation(int argc, char *argv[])
{
    // --version and --help work without a display (installed-package checks, IT scripts).
    if (hasFlag(argc, argv, "--version")) {
        std::printf("upstream-workstation %s\n", build::kVersion);
        return 0;
    }
    if (hasFlag(argc, argv, "--help") || hasFlag(argc, argv, "-h")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    const bool screenshot = hasFlag(argc, argv, "--screenshot");
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Upstream Workstation"));
    QApplication::setOrganizationName(QString::fromLatin1(build::kOrganization));
    QApplication::setOrganizationDomain(QString::fromLatin1(build::kOrganizationDomain));
    QApplication::setApplicationVersion(QString::fromLatin1(build::kVersion));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/upstream.svg")));

    QCommandLineParser parser;
    const QCommandLineOption logLevel(QStringLiteral("log-level"), QString(), QStringLiteral("LEVEL"));
    const QCommandLineOption demo(QStringLiteral("demo"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption page(QStringLiteral("page"), QString(), QStringLiteral("PAGE"));
    const QCommandLineOption language(QStringLiteral("language"), QString(), QStringLiteral("CODE"));
    parser.addOptions({logLevel, demo, shot, page, language});
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "upstream-workstation: %s\n", qPrintable(parser.errorText()));
        return 2;
    }

    settings::Settings settings;
    if (settings.value(settings::keys::CacheMemorySecurity))
        storage::CipherDatabase::enableMemorySecurity();
    log::Options logOptions;
    logOptions.level = parser.isSet(logLevel) ? parser.value(logLevel) : settings.value(settings::keys::LogLevel);
    if (const Status st = log::init(logOptions); !st.ok()) {
        std::fprintf(stderr, "upstream-workstation: %s\n", qPrintable(st.error().message));
        return 2;
    }
    log::info(QStringLiteral("starting %1").arg(versions::summary()));

    views::Page startPage = views::Page::DriftWatch;
    if (parser.isSet(page) && !views::MainWindow::pageFromName(parser.value(page), &startPage)) {
        std::fprintf(stderr,
                     "upstream-workstation: unknown page '%s' (driftwatch, denialscope, delayguard, import, "
                     "ledger)\n",
                     qPrintable(parser.value(page)));
        return 2;
    }

    // --language wins for this run; without it, the Language setting (empty: the system's language).
    Workstation workstation(settings, parser.isSet(shot),
                            parser.isSet(language) ? std::optional<QString>(parser.value(language)) : std::nullopt);
    views::MainWindow &window = workstation.window();
    WorkstationSession &session = workstation.session();
    window.showPage(startPage);

    if (parser.isSet(shot)) {
        // Render offscreen and exit: the demo workspace opens without prompting.
        const QString file = parser.value(shot);
        int exitCode = 1;
        window.show();
        session.start(true, [&](bool ok) {
            if (!ok) {
                exitLater(1);
                return;
            }
            window.showPage(startPage);
            QApplication::processEvents();
            if (window.grab().save(file, "PNG"))
                exitCode = 0;
            else
                std::fprintf(stderr, "upstream-workstation: cannot write the screenshot %s\n", qPrintable(file));
            exitLater(exitCode);
        });
        QApplication::exec();
        log::shutdown();
        return exitCode;
    }

    session.start(parser.isSet(demo), [](bool ok) {
        if (!ok)
            exitLater(0);
    });
    window.show();
    const int rc = QApplication::exec();
    log::shutdown();
    return rc;
}

} // namespace upstream::app
