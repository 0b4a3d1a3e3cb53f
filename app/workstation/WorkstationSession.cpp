#include "WorkstationSession.h"

#include "compute/RecomputeRunner.h"
#include "importer/ClaimImporter.h"
#include "ledger/LedgerPage.h"
#include "ledger/LedgerRepository.h"
#include "lock/LockController.h"
#include "logging/Log.h"
#include "login/SignInDialog.h"
#include "login/WorkspacePasswordDialog.h"
#include "recompute/RecomputeDialog.h"
#include "settings/Settings.h"
#include "shell/MainWindow.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/WorkspaceImportStore.h"
#include "storage/pg/PgImportStore.h"
#include "sync/ConnectionState.h"
#include "sync/Outbox.h"
#include "sync/SyncService.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/WorkspaceAccess.h"

#include <QMessageBox>
#include <QPointer>
#include <QSysInfo>

#include <utility>

namespace upstream::app {

WorkstationSession::WorkstationSession(views::MainWindow *window, settings::Settings *settings,
                                       sync::ConnectionStatus *connection, QObject *parent)
    : QObject(parent), m_window(window), m_settings(settings), m_connection(connection), m_signIn(&m_secrets),
      m_opener(&m_secrets), m_idle(std::chrono::minutes(settings->idleLockMinutes()))
{
    m_lock = new views::LockController(
        m_window, &m_idle,
        [this](const QString &password, const std::function<void(Status)> &done) {
            // Unlocking re-derives the key from the password and reopens the cache: the password is checked by
            // the cryptography, not compared with a stored copy.
            m_opener.open(m_directory, password, [this, done, password](Result<workspace::OpenedWorkspace> ws) {
                if (!ws.ok()) {
                    done(ws.error());
                    return;
                }
                adopt(std::move(ws.value()));
                audit(QStringLiteral("unlock"),
                      {{QStringLiteral("failed_attempts_before"), m_lock->consecutiveFailures()}});
                startSync(password);
                done(Status::success());
            });
        },
        this);
    connect(m_lock, &views::LockController::locked, this, [this] {
        log::info(QStringLiteral("workstation locked"));
        setEndedLocked(true);
        stopWorkers();
        // Audited once no worker holds a write transaction on a connection of its own (a cancelled import has
        // rolled back), and while the key is still there.
        audit(QStringLiteral("lock"), {});
        closeWorkspace();
    });
}

WorkstationSession::~WorkstationSession() = default;

void WorkstationSession::start(bool demo, const std::function<void(bool)> &ready)
{
    if (demo)
        openDemo(ready);
    else if (!m_settings->value(settings::keys::ServerHost).isEmpty())
        promptServer(ready);
    else
        promptLocal(ready);
}

void WorkstationSession::openDemo(const std::function<void(bool)> &ready)
{
    m_directory = workspace::WorkspaceOpener::demoDirectory();
    const QString password = QString::fromLatin1(workspace::kDemoPassword);
    auto onOpened = [this, ready](Result<workspace::OpenedWorkspace> ws, bool fresh) {
        if (!ws.ok()) {
            log::error(QStringLiteral("cannot open the demo workspace: %1").arg(ws.error().message));
            QMessageBox::critical(m_window, tr("Demo workspace"), ws.error().message);
            ready(false);
            return;
        }
        if (fresh) {
            if (Status st = workspace::populateDemoWorkspace(*ws->cache); !st.ok())
                log::error(QStringLiteral("demo data: %1").arg(st.error().message));
        }
        setActor(tr("demo supervisor"), QStringLiteral("supervisor"));
        adopt(std::move(ws.value()));
        audit(QStringLiteral("sign_in"), {{QStringLiteral("mode"), QStringLiteral("demo")}});
        ready(true);
    };
    if (workspace::WorkspaceOpener::exists(m_directory))
        m_opener.open(m_directory, password, [onOpened](auto ws) { onOpened(std::move(ws), false); });
    else
        m_opener.create(m_directory, password, [onOpened](auto ws) { onOpened(std::move(ws), true); });
}

void WorkstationSession::promptLocal(const std::function<void(bool)> &ready)
{
    m_directory = workspace::WorkspaceOpener::configuredDirectory(*m_settings);
    const bool exists = workspace::WorkspaceOpener::exists(m_directory);
    auto *dialog = new views::WorkspacePasswordDialog(
        exists ? views::WorkspacePasswordDialog::Mode::Unlock : views::WorkspacePasswordDialog::Mode::Create, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &views::WorkspacePasswordDialog::demoRequested, this, [this, dialog, ready] {
        dialog->close();
        openDemo(ready);
    });
    connect(dialog, &QDialog::rejected, this, [ready] { ready(false); });
    connect(dialog, &views::WorkspacePasswordDialog::passwordSubmitted, this,
            [this, dialog, exists, ready](const QString &password) {
                dialog->setBusy(true);
                auto done = [this, dialog, ready](Result<workspace::OpenedWorkspace> ws) {
                    dialog->setBusy(false);
                    if (!ws.ok()) {
                        dialog->showError(ws.error().message);
                        return;
                    }
                    // The owner of a local workspace is its supervisor: nobody else can open it.
                    setActor(qEnvironmentVariable("USER", tr("local user")), QStringLiteral("supervisor"));
                    adopt(std::move(ws.value()));
                    audit(QStringLiteral("sign_in"), {{QStringLiteral("mode"), QStringLiteral("local")}});
                    dialog->disconnect(this);
                    dialog->accept();
                    ready(true);
                };
                if (exists)
                    m_opener.open(m_directory, password, done);
                else
                    m_opener.create(m_directory, password, done);
            });
    dialog->open();
}

void WorkstationSession::promptServer(const std::function<void(bool)> &ready)
{
    auto *dialog = new views::SignInDialog(m_settings, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const session::SignInRequest initial = dialog->request();
    // Never after a run that ended locked: whoever closed or killed the locked workstation must not find the
    // password filled in. Nor when IT policy forbids remembering passwords.
    const bool endedLocked = m_settings->value(settings::keys::EndedLocked);
    if (endedLocked)
        log::info(QStringLiteral("the last run ended locked: the remembered password is not filled in"));
    if (!initial.user.isEmpty() && !endedLocked && m_settings->rememberPasswordAllowed() &&
        m_settings->value(settings::keys::RememberPassword)) {
        QPointer<views::SignInDialog> guard(dialog);
        m_signIn.rememberedPassword(initial.profile, initial.user, [guard](Result<QString> pw) {
            if (guard && pw.ok())
                guard->setPassword(pw.value());
        });
    }
    connect(dialog, &QDialog::rejected, this, [ready] { ready(false); });
    connect(dialog, &views::SignInDialog::signInRequested, this,
            [this, dialog, ready](const session::SignInRequest &request) {
                dialog->setBusy(true);
                m_connection->setState(sync::ConnectionState::Connecting);
                m_signIn.signIn(request, [this, dialog, ready, request](Result<session::SignedIn> r) {
                    dialog->setBusy(false);
                    if (!r.ok()) {
                        const ErrorCode code = r.error().code;
                        m_connection->setState(code == ErrorCode::CertificateRejected
                                                   ? sync::ConnectionState::CertificateRejected
                                               : code == ErrorCode::AuthFailed ? sync::ConnectionState::AuthFailed
                                                                               : sync::ConnectionState::Offline,
                                               r.error().message);
                        dialog->showError(r.error().message);
                        return;
                    }
                    dialog->saveProfile();
                    m_directory = r->workspace.directory;
                    m_connection->setState(r->online ? sync::ConnectionState::Online : sync::ConnectionState::Offline,
                                           r->online ? QString() : tr("Working offline on this computer's copy."));
                    setActor(request.user, r->appRole);
                    m_customer = r->customerId;
                    m_serverRequest = request;
                    m_serverRequest->password.clear();
                    adopt(std::move(r->workspace));
                    audit(QStringLiteral("sign_in"),
                          {{QStringLiteral("mode"), r->online ? QStringLiteral("online") : QStringLiteral("offline")},
                           {QStringLiteral("failed_attempts_before"), m_signIn.failuresBeforeLastSuccess()}});
                    startSync(request.password);
                    dialog->disconnect(this);
                    dialog->accept();
                    ready(true);
                });
            });
    dialog->open();
}

void WorkstationSession::adopt(workspace::OpenedWorkspace ws)
{
    if (!m_cache)
        m_cache = std::move(ws.cache);
    else
        *m_cache = std::move(*ws.cache);
    setEndedLocked(false); // signed in or unlocked: this run no longer ends locked
    applyIdleLockSetting();
    m_idle.start();
    installPages();
    emit workspaceOpened();
}

void WorkstationSession::startSync(const QString &password)
{
    if (!m_serverRequest || m_customer <= 0)
        return; // local workspace: nothing to sync
    session::SignInRequest request = *m_serverRequest;
    request.password = password;
    m_serverParams = session::SignInService::connectionParams(request);
    m_sync = std::make_unique<sync::SyncService>(m_cache, m_connection);
    // Only the screens showing what changed reload (a batch of this workstation's own changes brings nothing).
    connect(m_sync.get(), &sync::SyncService::cacheChanged, this, [this](const sync::CacheChanges &changes) {
        if (m_ledgerPage && changes.ledger)
            m_ledgerPage->reload();
        emit workspaceChanged(changes);
    });
    // A ledger edit refused as stale: the ledger page's banner offers the comparison (nothing is overwritten).
    connect(m_sync.get(), &sync::SyncService::conflictsDetected, this, [this] {
        if (m_ledgerPage)
            m_ledgerPage->reload();
    });
    m_sync->start(session::SignInService::connectionParams(request), m_customer);
    emit syncStarted();
}

void WorkstationSession::signInAgain(const QString &password, bool remember, const std::function<void(Status)> &done)
{
    if (!m_serverRequest || m_customer <= 0) {
        done(makeError(ErrorCode::InvalidInput, tr("This workspace is not connected to a server.")));
        return;
    }
    session::SignInRequest request = *m_serverRequest;
    request.password = password;
    request.remember = remember;
    m_signIn.verifyOnServer(request, [this, done, password](Result<session::SignedIn> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        if (m_lock->isLocked() || !m_cache || !m_cache->isOpen()) { // locked while the server answered
            done(makeError(ErrorCode::InvalidInput, tr("The workstation was locked. Unlock it, then sign in again.")));
            return;
        }
        if (r->customerId != m_customer) { // another customer's changes must never sync into this workspace
            done(makeError(ErrorCode::PermissionDenied,
                           tr("The server now lists this user under another customer. Quit and sign in again, and "
                              "ask your administrator if this is unexpected.")));
            return;
        }
        log::info(QStringLiteral("signed in again: restarting the sync service"));
        const auto queued = sync::pendingCount(*m_cache);
        // A "sign_in" of mode "again": the server accepts only its fixed list of client actions
        // (upstream.audit_client_actions, migration 0006), and this is a sign-in.
        audit(QStringLiteral("sign_in"),
              {{QStringLiteral("mode"), QStringLiteral("again")},
               {QStringLiteral("failed_attempts_before"), m_signIn.failuresBeforeLastSuccess()},
               {QStringLiteral("queued"), queued.ok() ? queued.value() : -1}});
        // The local copy's key is wrapped with the password it was opened with, the old one: wrap it again with the
        // one the server accepts now, or the next start (and the next unlock) would need a password that no longer
        // signs in.
        const QString old = m_serverParams.password;
        if (!old.isEmpty() && old != password)
            m_opener.changePassword(m_directory, old, password, [](const Status &st) {
                if (!st.ok())
                    log::warn(
                        QStringLiteral("the local copy still opens with the old password: %1").arg(st.error().message));
            });
        startSync(password);
        done(Status::success());
    });
}

void WorkstationSession::ledgerChanged()
{
    if (m_ledgerPage)
        m_ledgerPage->reload();
}

void WorkstationSession::stopWorkers()
{
    // First stop and join everything that runs on another thread with the cache or the server password: pages drop
    // their models and wait for a dashboard load in flight, the import wizard cancels and joins its import and
    // preview (an import is all-or-nothing: a cancelled one leaves nothing behind), the recompute window its run.
    // Only then are the password and the key wiped, so no worker ever reads them half-wiped.
    emit workspaceClosing();
    if (m_recompute)
        m_recompute->runner()->cancelAndWait();
    if (m_ledgerPage)
        m_ledgerPage->clearData();
    // The wizard's workers are joined: close every staged import's connection (a cache connection holds the key).
    releaseStagedImports();
}

void WorkstationSession::closeWorkspace()
{
    m_sync.reset(); // stops the worker and wipes the password it held
    m_serverParams.password.fill(QLatin1Char('\0'));
    m_serverParams.password.clear();
    // Closing the SQLCipher connection wipes its key from memory; unlocking reopens it.
    if (m_cache)
        m_cache->close();
}

void WorkstationSession::applyIdleLockSetting()
{
    m_idle.setTimeout(std::chrono::minutes(m_settings->idleLockMinutes()));
}

void WorkstationSession::setEndedLocked(bool locked)
{
    (void)m_settings->setValue(settings::keys::EndedLocked, locked);
    m_settings->sync(); // on disk now: a run killed while locked must still find it at the next start
}

importer::ImportOptions WorkstationSession::importOptions(const importer::ImportRequest &request,
                                                          const importer::ImportProgressFn &progress) const
{
    importer::ImportOptions options;
    options.validation = request.options;
    options.workstation = QSysInfo::machineHostName();
    options.customerId = m_customer;
    options.validation.progress = [progress, total = request.expectedRows](std::uint64_t, std::uint64_t,
                                                                           std::uint64_t rows) {
        return progress(rows, total);
    };
    return options;
}

template<typename F>
auto WorkstationSession::onImportTarget(F &&load) -> decltype(load(nullptr))
{
    if (m_customer > 0 && !m_serverParams.password.isEmpty()) {
        auto conn = storage::PgConnection::connect(m_serverParams);
        if (!conn.ok())
            return conn.error();
        return load(&conn.value());
    }
    if (m_cache)
        return load(nullptr);
    return makeError(ErrorCode::InvalidInput, tr("Open a workspace before importing."));
}

template<typename F>
auto WorkstationSession::onWorkerTarget(F &&load) -> decltype(load(nullptr, nullptr))
{
    if (m_customer > 0 && !m_serverParams.password.isEmpty()) {
        auto conn = storage::PgConnection::connect(m_serverParams);
        if (!conn.ok())
            return conn.error();
        return load(&conn.value(), nullptr);
    }
    if (m_cache) {
        auto conn = m_cache->openAnotherConnection(); // safe here: stopWorkers() joins this worker before closing
        if (!conn.ok())
            return conn.error();
        return load(nullptr, &conn.value());
    }
    return makeError(ErrorCode::InvalidInput, tr("Open a workspace before importing."));
}

Result<std::unique_ptr<importer::StagedImport>> WorkstationSession::stageFile(const QString &path,
                                                                              const importer::ImportOptions &options)
{
    // The stage owns the connection: the TEMP staging table lives as long as it.
    return onWorkerTarget([&](storage::PgConnection *conn, storage::LocalCache *cache) {
        return conn ? importer::ClaimImporter::stageInPostgres(std::move(*conn), path, options)
                    : importer::ClaimImporter::stageInCache(std::move(*cache), path, options);
    });
}

void WorkstationSession::releaseStagedImports()
{
    const std::lock_guard lock(m_stagesMutex);
    for (const auto &weak : m_stages)
        if (const auto stage = weak.lock())
            stage->release();
    m_stages.clear();
}

importer::ImportFunction WorkstationSession::importFunction()
{
    return [this](const importer::ImportRequest &request,
                  const importer::ImportProgressFn &progress) -> Result<importer::ImportCounts> {
        const importer::ImportOptions options = importOptions(request, progress);
        // After a preview the file is staged on the target already: merge it from there (no second read, no second
        // validation). A stage on the other kind of target (signed in or out since) is not used.
        const bool onServer = m_customer > 0 && !m_serverParams.password.isEmpty();
        const std::shared_ptr<importer::StagedImport> &staged = request.staged;
        const bool useStage = staged && staged->covers(request.path) && (staged->postgres() != nullptr) == onServer;
        // A workspace import is audited in the cache it went into, on the connection that wrote it.
        const auto audited = [this](storage::LocalCache *cache, Result<importer::ImportResult> r) {
            if (r.ok() && cache)
                (void)sync::enqueueAudit(*cache, m_user, QString(), QStringLiteral("import"),
                                         {{QStringLiteral("rows"), double(r->report.totalRows)},
                                          {QStringLiteral("accepted"), double(r->report.accepted)}});
            return r;
        };
        auto result =
            useStage ? audited(staged->workspace(), staged->merge(options))
                     : onWorkerTarget([&](storage::PgConnection *conn, storage::LocalCache *cache) {
                           return audited(cache,
                                          conn ? importer::ClaimImporter::importToPostgres(*conn, request.path, options)
                                               : importer::ClaimImporter::importToCache(*cache, request.path, options));
                       });
        if (staged)
            staged->release(); // imported or not, this attempt was its last use
        if (useStage)
            log::info(QStringLiteral("import: merged from the stage the preview left (see above if it was stale)"));
        if (!result.ok())
            return result.error();
        importer::ImportCounts counts;
        counts.accepted = result->report.accepted;
        counts.rejected = result->report.rejected;
        counts.warnings = result->report.warnings;
        counts.claimsNew = result->claimsNew;
        counts.claimsUpdated = result->claimsUpdated;
        counts.claimsUnchanged = result->claimsUnchanged;
        counts.claimsWithoutRef = result->claimsWithoutRef;
        counts.duplicateFile = result->report.duplicateFile;
        return counts;
    };
}

compute::PreviewFunction WorkstationSession::previewFunction()
{
    // The file is read once, into a stage on the target that the dry run merges from and the import merges from
    // again (importFunction): validation on the validation step, this read, and no other full pass.
    return [this](const importer::ImportRequest &request,
                  const importer::ImportProgressFn &progress) -> Result<compute::SignalPreview> {
        const importer::ImportOptions options = importOptions(request, progress);
        auto stage = stageFile(request.path, options);
        if (!stage.ok())
            return stage.error();
        std::shared_ptr<importer::StagedImport> staged = std::move(stage.value());
        {
            const std::lock_guard lock(m_stagesMutex);
            std::erase_if(m_stages, [](const auto &weak) { return weak.expired(); });
            m_stages.push_back(staged);
        }
        auto preview = compute::previewStaged(*staged, options);
        if (!preview.ok()) {
            staged->release();
            return preview.error();
        }
        preview->staged = std::move(staged);
        return preview;
    };
}

importer::ImportTarget WorkstationSession::importTarget()
{
    // The same choice of target as importFunction(), made at each call: signing in or locking changes it.
    auto onTarget = [this](auto onServer, auto onWorkspace) {
        return onImportTarget(
            [&](storage::PgConnection *conn) { return conn ? onServer(*conn, m_customer) : onWorkspace(*m_cache); });
    };
    importer::ImportTarget target;
    target.knownPayers = [onTarget] {
        return onTarget(
            [](storage::PgConnection &conn, qint64 customer) { return storage::knownPayers(conn, customer); },
            [](storage::LocalCache &cache) { return storage::knownPayers(cache); });
    };
    target.mappings = [onTarget] {
        return onTarget(
            [](storage::PgConnection &conn, qint64 customer) { return storage::listMappings(conn, customer); },
            [](storage::LocalCache &cache) { return storage::listMappings(cache); });
    };
    target.saveMappings = [onTarget](std::vector<claims::Mapping> mappings) {
        return onTarget([&mappings](storage::PgConnection &conn,
                                    qint64 customer) { return storage::saveMappings(conn, customer, mappings); },
                        [&mappings](storage::LocalCache &cache) { return storage::saveMappings(cache, mappings); });
    };
    target.importedBefore = [onTarget](const QByteArray &sha256) {
        return onTarget([&sha256](storage::PgConnection &conn,
                                  qint64 customer) { return storage::importedBefore(conn, customer, sha256); },
                        [&sha256](storage::LocalCache &cache) { return storage::importedBefore(cache, sha256); });
    };
    target.uploadHistory = [onTarget](std::int32_t importDay) {
        return onTarget([importDay](storage::PgConnection &conn,
                                    qint64 customer) { return storage::uploadHistory(conn, customer, importDay); },
                        [importDay](storage::LocalCache &cache) { return storage::uploadHistory(cache, importDay); });
    };
    return target;
}

void WorkstationSession::openRecomputeDialog()
{
    if (m_recompute) {
        m_recompute->raise();
        m_recompute->activateWindow();
        return;
    }
    // The target is chosen when Start is pressed, as importFunction() does: signing in or locking changes it.
    auto target = [this]() -> Result<compute::RecomputeTarget> {
        if (m_customer > 0) { // the server's claims: this computer's copy holds signals, not claims
            if (m_serverParams.password.isEmpty())
                return makeError(ErrorCode::InvalidInput, tr("Unlock the workstation first."));
            return compute::RecomputeTarget::onServer(m_serverParams, m_customer);
        }
        if (m_cache)
            return compute::RecomputeTarget::onWorkspace(*m_cache);
        return makeError(ErrorCode::InvalidInput, tr("Open a workspace first."));
    };
    m_recompute = new views::RecomputeDialog(target, m_window);
    m_recompute->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_recompute, &views::RecomputeDialog::recomputed, this, [this] {
        if (m_customer > 0) {
            if (m_sync)
                m_sync->requestSync(); // the new signals arrive through the change log
        } else {
            emit workspaceChanged(sync::CacheChanges::everything());
        }
    });
    m_recompute->open();
}

importer::ExportAuditFunction WorkstationSession::exportAudit()
{
    return [this](std::uint64_t rows) -> Status {
        if (!m_cache || !m_cache->isOpen())
            return makeError(ErrorCode::InvalidInput, tr("Open a workspace first."));
        return importer::auditRejectedRowsExport(*m_cache, m_user, rows);
    };
}

void WorkstationSession::audit(const QString &action, const QJsonObject &details)
{
    if (!m_cache)
        return;
    if (Status st = sync::enqueueAudit(*m_cache, m_user, QString(), action, details); !st.ok())
        log::error(QStringLiteral("cannot queue the audit event %1: %2").arg(action, st.error().message));
}

void WorkstationSession::setActor(const QString &user, const QString &role)
{
    m_user = user;
    m_role = role;
    m_lock->setUserName(user);
}

void WorkstationSession::installPages()
{
    if (m_ledgerPage) { // unlocked again: same page, fresh data
        m_ledgerPage->reload();
        return;
    }
    m_ledger = std::make_unique<ledger::LedgerRepository>(m_cache.get(), ledger::LedgerActor{m_user, m_role});
    m_ledgerPage = new views::LedgerPage(m_ledger.get());
    m_window->setPage(views::Page::Ledger, m_ledgerPage);
}

} // namespace upstream::app
