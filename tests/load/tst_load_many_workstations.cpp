// Proves, under load: N workstations — each its own login (created through AdminService), its own encrypted cache
// file and its own SyncService with its own server connection — working at once against one real cluster, while
// the server is restarted once and one workstation's connection is cut in the middle of a push:
//   * every change is applied exactly once (applied_changes, ledger history, judgments, audit rows all add up);
//   * every ledger edit on an entry that moved on is surfaced as a conflict, never silently overwritten: per shared
//     entry, applied edits + surfaced conflicts = edits made;
//   * every audit event is in the customer's hash chain, and the chains verify;
//   * every cache ends equal to the server (ledger and judgments);
//   * connection use stays bounded: never more than one server connection per workstation (pg_stat_activity).
// It prints throughput and the p50/p99 time from enqueue to the server's acknowledgement of the commit; nothing
// is asserted on time. Size: UPSTREAM_LOAD_WORKSTATIONS (default 5) × UPSTREAM_LOAD_CHANGES (default 40) edits;
// the suite runs the default, the figure is 50 × 200 by hand (docs/architecture.md).
#include "PrivateCluster.h"
#include "UpstreamSchema.h"
#include "dashboard/TriageService.h"
#include "ledger/LedgerRepository.h"
#include "storage/cache/LocalCache.h"
#include "storage/pg/AuditLog.h"
#include "sync/ConnectionState.h"
#include "sync/SyncService.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

using namespace upstream;
using namespace std::chrono_literals;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

constexpr int kAlertsPerCustomer = 30;
constexpr int kSharedEntriesPerCustomer = 8;

struct Workstation {
    int index = 0;
    test::TestUser user;
    std::shared_ptr<storage::LocalCache> cache;
    std::unique_ptr<sync::ConnectionStatus> status;
    std::unique_ptr<sync::SyncService> service;
    std::unique_ptr<ledger::LedgerRepository> ledger;
    std::unique_ptr<dashboard::TriageService> triage;
    int done = 0;
    QStringList ownEntries;
    QSet<QString> ownEdited;
    int sharedEdits = 0;
};

qint64 cacheScalar(storage::LocalCache &cache, const char *sql)
{
    auto q = cache.db().prepare(QString::fromLatin1(sql));
    if (!q.ok())
        return -1;
    auto row = q->step();
    return (row.ok() && row.value()) ? q->int64(0) : -1;
}

QString cacheText(storage::LocalCache &cache, const char *sql)
{
    auto q = cache.db().prepare(QString::fromLatin1(sql));
    if (!q.ok())
        return {};
    auto row = q->step();
    return (row.ok() && row.value()) ? q->text(0) : QString();
}

} // namespace

class TstLoadManyWorkstations : public QObject {
    Q_OBJECT
    std::unique_ptr<test::PrivateCluster> cluster;
    std::unique_ptr<test::MigratedDatabase> db;
    QTemporaryDir tmp;
    std::vector<std::unique_ptr<Workstation>> stations;
    std::map<qint64, QStringList> alertsOf; // customer → alert ids
    std::map<qint64, QStringList> sharedOf; // customer → shared ledger entry ids (client uuids)
    QHash<QString, QDateTime> enqueuedAt;   // change id → when it was queued
    std::vector<double> latenciesMs;        // enqueue → acknowledged commit, per applied change
    QSet<QString> acknowledged;
    QSet<QString> refused; // conflicts: they stay in the outbox until resolved
    qint64 auditsQueued = 0;
    int sharedEditsMade = 0;
    int maxBackends = 0;
    int maxBackendsPerLogin = 0;

    storage::PgConnection su()
    {
        auto c = storage::PgConnection::connect(db->db().superuserParams());
        return c.ok() ? std::move(c.value()) : storage::PgConnection();
    }

    QStringList logins() const
    {
        QStringList out;
        for (const auto &w : stations)
            out << w->user.login;
        return out;
    }

    void sampleConnections()
    {
        auto conn = su();
        auto r = conn.exec("SELECT usename, count(*) FROM pg_stat_activity WHERE usename = ANY ($1::text[]) "
                           "GROUP BY usename",
                           {QStringLiteral("{%1}").arg(logins().join(QLatin1Char(',')))});
        if (!r.ok())
            return; // the server is restarting
        int total = 0;
        for (int i = 0; i < r->rows(); ++i) {
            total += int(r->int64(i, 1));
            maxBackendsPerLogin = std::max(maxBackendsPerLogin, int(r->int64(i, 1)));
        }
        maxBackends = std::max(maxBackends, total);
    }

    // New outbox and audit rows since the last call, with the time they were queued.
    void noteQueued(Workstation &w)
    {
        for (const char *sql : {"SELECT id, created_at FROM outbox", "SELECT id, at FROM audit_queue"}) {
            auto q = w.cache->db().prepare(QString::fromLatin1(sql));
            QVERIFY(q.ok());
            QVERIFY(q->forEachRow([&] {
                         const QString id = q->text(0);
                         if (!enqueuedAt.contains(id) && !acknowledged.contains(id) && !refused.contains(id)) {
                             enqueuedAt.insert(id, QDateTime::fromString(q->text(1), Qt::ISODateWithMs));
                             if (QLatin1String(sql).contains(QLatin1String("audit_queue")))
                                 ++auditsQueued;
                         }
                     }).ok());
        }
    }

    // One user action on workstation w: a verdict, a new ledger entry, an edit of its own entry, an edit of an
    // entry every workstation of the customer edits (conflicts), or an export (an audit event only).
    void act(Workstation &w)
    {
        const int i = w.done++;
        const qint64 customer = w.user.customerId;
        switch (i % 4) {
        case 0: {
            const QStringList &alerts = alertsOf[customer];
            const QString alert = alerts[(w.index + i / 4) % alerts.size()];
            static const QStringList verdicts{QStringLiteral("real"), QStringLiteral("noise"),
                                              QStringLiteral("needs_followup")};
            const Status st = w.triage->apply({alert}, {verdicts[(i / 4) % 3], QString(), QStringLiteral("load")});
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
            break;
        }
        case 1: {
            ledger::LedgerEntry e;
            e.product = QStringLiteral("delayguard");
            e.payer = QStringLiteral("Load Payer %1").arg(i % 7);
            e.expectedCents = 10000 + i;
            e.notes = QStringLiteral("ws %1 entry %2").arg(w.index).arg(i);
            auto created = w.ledger->create(e);
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
            w.ownEntries << created->id;
            break;
        }
        case 2: {
            auto e = w.ledger->get(w.ownEntries.back());
            QVERIFY(e.ok());
            ledger::LedgerEntry edited = e.value();
            edited.state = ledger::LedgerState::InProgress;
            edited.notes += QStringLiteral(" worked");
            auto updated = w.ledger->update(edited);
            QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
            w.ownEdited.insert(edited.id);
            break;
        }
        default: {
            const QStringList &shared = sharedOf[customer];
            if (w.sharedEdits < shared.size()) {
                const QString id = shared[(w.index + w.sharedEdits++) % shared.size()];
                auto edit = [&] {
                    auto e = w.ledger->get(id);
                    if (!e.ok())
                        return Result<ledger::LedgerEntry>(e.error());
                    ledger::LedgerEntry edited = e.value();
                    edited.notes = QStringLiteral("edited by ws %1 at %2").arg(w.index).arg(i);
                    return w.ledger->update(edited);
                };
                auto updated = edit();
                // The sync's cache thread may store another workstation's newer version between the read and the
                // write: the editor says so and nothing is overwritten; the user reads it again and saves.
                if (!updated.ok() && updated.error().code == ErrorCode::Conflict)
                    updated = edit();
                QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
                ++sharedEditsMade;
            } else {
                QVERIFY(w.ledger->recordExport(QStringLiteral("csv"), 10).ok());
            }
            break;
        }
        }
        noteQueued(w);
        w.service->requestSync();
    }

    qint64 queued(Workstation &w, bool includingConflicts)
    {
        return cacheScalar(*w.cache, includingConflicts
                                         ? "SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_queue)"
                                         : "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') + "
                                           "(SELECT count(*) FROM audit_queue)");
    }

    // Waits (processing events, nudging every service) until no workstation has anything left to push.
    bool drain(std::chrono::seconds cap)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < std::chrono::milliseconds(cap).count()) {
            bool empty = true;
            for (const auto &w : stations)
                empty = empty && queued(*w, false) == 0;
            if (empty)
                return true;
            for (const auto &w : stations)
                w->service->requestSync();
            sampleConnections();
            QTest::qWait(200);
            if (t.elapsed() / 200 % 150 == 0) // every 30 s: what is still waiting, and where
                qInfo("drain after %lld s: %s", qint64(t.elapsed() / 1000), qPrintable(stillQueued()));
        }
        qWarning("drain gave up: %s", qPrintable(stillQueued()));
        return false;
    }

    // Per workstation with something left: pending changes, refused ones (last_error), audit events (refused ones),
    // and its connection state.
    QString stillQueued()
    {
        QStringList out;
        for (size_t i = 0; i < stations.size(); ++i) {
            Workstation &w = *stations[i];
            if (queued(w, false) == 0)
                continue;
            out << QStringLiteral("ws%1: outbox %2 (refused %3), audit %4 (refused %5), state %6")
                       .arg(i)
                       .arg(cacheScalar(*w.cache, "SELECT count(*) FROM outbox WHERE state = 'pending'"))
                       .arg(cacheText(*w.cache, "SELECT count(*) || coalesce(': ' || max(last_error), '') FROM outbox "
                                                "WHERE last_error IS NOT NULL"))
                       .arg(cacheScalar(*w.cache, "SELECT count(*) FROM audit_queue"))
                       .arg(cacheScalar(*w.cache, "SELECT count(*) FROM audit_queue WHERE last_error IS NOT NULL"))
                       .arg(int(w.status->state()));
        }
        return out.join(QStringLiteral("; "));
    }

    // Waits until every cache has pulled up to its customer's newest change.
    bool converge(std::chrono::seconds cap)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < std::chrono::milliseconds(cap).count()) {
            auto conn = su();
            bool current = true;
            for (const auto &w : stations) {
                auto head = conn.exec("SELECT last_seq FROM upstream.change_heads WHERE customer_id = $1",
                                      {w->user.customerId});
                const qint64 last = cacheScalar(*w->cache, "SELECT value FROM sync_state WHERE key = 'last_seq'");
                if (!head.ok() || head->rows() != 1 || head->int64(0, 0) != last) {
                    current = false;
                    w->service->requestSync();
                }
            }
            if (current)
                return true;
            QTest::qWait(200);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        cluster = std::make_unique<test::PrivateCluster>();
        QVERIFY2(cluster->ok(), qPrintable(cluster->error()));
        db = std::make_unique<test::MigratedDatabase>(cluster->fixture(), QStringLiteral("load"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
    }

    void manyWorkstationsLoseNothing()
    {
        const int n = envInt("UPSTREAM_LOAD_WORKSTATIONS", 5);
        const int changes = envInt("UPSTREAM_LOAD_CHANGES", 40);
        const int customers = std::max(1, n / 10);
        std::vector<qint64> customerIds;
        for (int c = 0; c < customers; ++c) {
            const qint64 id = db->createCustomer(QStringLiteral("Load Clinic %1").arg(c)).value_or(0);
            QVERIFY(id > 0);
            customerIds.push_back(id);
            auto alerts = db->superuser().exec(
                "WITH s AS (INSERT INTO upstream.signals (customer_id, product, signal_type, payer, cpt_group, "
                "window_start, window_end, severity, confidence, fingerprint) SELECT $1::bigint, 'driftwatch', "
                "'denial_rate', 'Load Payer', 'E&M', '2026-10-01', '2026-10-15', 'high', 0.9, "
                "'fp-load-' || $1::bigint || '-' || g FROM generate_series(1, $2) g RETURNING signal_id) "
                "INSERT INTO upstream.alerts (customer_id, signal_id) SELECT $1::bigint, signal_id FROM s "
                "RETURNING alert_id::text",
                {id, kAlertsPerCustomer});
            QVERIFY2(alerts.ok(), qPrintable(alerts.ok() ? QString() : alerts.error().message));
            for (int i = 0; i < alerts->rows(); ++i)
                alertsOf[id] << alerts->text(i, 0);
            auto shared = db->superuser().exec(
                "INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, expected_amount, "
                "notes) SELECT $1, gen_random_uuid(), 'driftwatch', 'Shared Payer', 500, 'shared ' || g "
                "FROM generate_series(1, $2) g RETURNING client_uuid::text",
                {id, kSharedEntriesPerCustomer});
            QVERIFY(shared.ok());
            for (int i = 0; i < shared->rows(); ++i)
                sharedOf[id] << shared->text(i, 0);
        }

        for (int i = 0; i < n; ++i) {
            auto w = std::make_unique<Workstation>();
            w->index = i;
            auto user = db->createUser(customerIds[size_t(i % customers)], QStringLiteral("operator"));
            QVERIFY(user);
            w->user = *user;
            QByteArray key(32, '\0');
            for (int b = 0; b < 32; ++b)
                key[b] = char((i * 31 + b * 7 + 1) & 0xff);
            auto cache = storage::LocalCache::open(tmp.filePath(QStringLiteral("ws%1.db").arg(i)), key);
            QVERIFY2(cache.ok(), qPrintable(cache.ok() ? QString() : cache.error().message));
            w->cache = std::make_shared<storage::LocalCache>(std::move(cache.value()));
            w->status = std::make_unique<sync::ConnectionStatus>();
            w->service = std::make_unique<sync::SyncService>(w->cache, w->status.get());
            w->service->setMaximumBackoff(1s);
            w->service->setPollInterval(2s);
            w->ledger = std::make_unique<ledger::LedgerRepository>(
                w->cache.get(), ledger::LedgerActor{w->user.login, QStringLiteral("operator")});
            w->triage = std::make_unique<dashboard::TriageService>(w->cache.get(), w->user.login,
                                                                   QStringLiteral("load-ws-%1").arg(i));
            connect(w->service.get(), &sync::SyncService::pushAcknowledged, this,
                    [this](const std::vector<sync::PushResult> &results) {
                        const QDateTime now = QDateTime::currentDateTimeUtc();
                        for (const sync::PushResult &r : results) {
                            if (r.outcome == sync::PushOutcome::Conflict) {
                                refused.insert(r.changeId);
                                enqueuedAt.remove(r.changeId);
                            }
                            if (r.outcome != sync::PushOutcome::Applied &&
                                r.outcome != sync::PushOutcome::AlreadyApplied)
                                continue;
                            acknowledged.insert(r.changeId);
                            const auto it = enqueuedAt.constFind(r.changeId);
                            if (it != enqueuedAt.constEnd() && it->isValid())
                                latenciesMs.push_back(double(it->msecsTo(now)));
                            enqueuedAt.remove(r.changeId);
                        }
                    });
            w->service->start(db->db().params(w->user.login, w->user.password), w->user.customerId);
            stations.push_back(std::move(w));
        }
        QVERIFY2(converge(300s), "the first pull of every workstation did not finish");

        // Work: every tick, each workstation does one thing. A third of the way in one workstation's connection is
        // cut while it pushes; two thirds in the server restarts.
        QElapsedTimer clock;
        clock.start();
        bool cut = false, cutMidPush = false, restarted = false;
        for (int tick = 0; tick < changes; ++tick) {
            for (const auto &w : stations)
                act(*w);
            if (QTest::currentTestFailed())
                return;
            QTest::qWait(20);
            sampleConnections();
            if (!cut && tick >= changes / 3) {
                cut = true;
                auto conn = su();
                const QString login = stations.front()->user.login;
                for (int attempt = 0; attempt < 400 && !cutMidPush; ++attempt) {
                    // Only a push runs an explicit transaction, and only a pull reads change_log.
                    auto busy = conn.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 "
                                          "AND (state = 'idle in transaction' OR (state = 'active' AND "
                                          "query NOT LIKE '%change_log%'))",
                                          {login});
                    cutMidPush = busy.ok() && busy->rows() > 0;
                    if (!cutMidPush) {
                        act(*stations.front()); // give it something to push
                        QTest::qWait(5);
                    }
                }
                if (!cutMidPush)
                    QVERIFY(
                        conn.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", {login})
                            .ok());
            }
            if (!restarted && tick >= 2 * changes / 3) {
                restarted = true;
                QVERIFY(cluster->pause());
                QTest::qWait(500);
                QVERIFY(cluster->resume());
            }
        }
        QVERIFY2(drain(600s), "queued changes did not reach the server");
        const double workSeconds = double(clock.nsecsElapsed()) / 1e9;

        // Conflicts: each is surfaced in the cache of the workstation whose edit was refused; settle them by
        // taking the server's version (that queues one more audit event each), then push and pull once more.
        int conflicts = 0;
        for (const auto &w : stations) {
            auto list = w->ledger->syncConflicts();
            QVERIFY(list.ok());
            for (const ledger::SyncConflict &c : list.value()) {
                QVERIFY2(sharedOf[w->user.customerId].contains(c.entryId), "an own entry conflicted");
                ++conflicts;
                auto resolved = w->ledger->resolveSyncConflict(c, c.theirs, true);
                QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
            }
            noteQueued(*w);
        }
        QVERIFY2(drain(300s), "conflict resolutions did not reach the server");
        QVERIFY2(converge(300s), "the caches did not catch up with the server");
        for (const auto &w : stations)
            QCOMPARE(queued(*w, true), 0);

        auto conn = su();
        auto one = [&](const char *sql, const std::vector<QVariant> &params) {
            auto r = conn.exec(sql, params);
            return (r.ok() && r->rows() == 1) ? r->int64(0, 0) : -1;
        };
        // Exactly once: every acknowledged change id is on the server once, and nothing else is.
        qint64 applied = 0;
        for (qint64 c : customerIds)
            applied += one("SELECT count(*) FROM upstream.applied_changes WHERE customer_id = $1", {c});
        QCOMPARE(applied, qint64(acknowledged.size()));
        QVERIFY2(enqueuedAt.isEmpty(), "a queued change was never acknowledged");

        int ownEntries = 0, verdictsExpected = 0;
        for (const auto &w : stations) {
            ownEntries += int(w->ownEntries.size());
            // Created once (one history row, version 1) and, unless it was the last thing done, edited once (two
            // rows, version 2): a change applied twice would add a row and a version.
            for (const QString &id : w->ownEntries)
                QCOMPARE(one("SELECT count(*) * 100 + max((after ->> 'version')::int) FROM upstream.ledger_history h "
                             "JOIN upstream.ledger_entries l USING (customer_id, entry_id) WHERE l.client_uuid = $1",
                             {id}),
                         qint64(w->ownEdited.contains(id) ? 202 : 101));
        }
        QSet<QString> judged; // (operator, alert)
        for (const auto &w : stations)
            for (int i = 0; i < w->done; i += 4)
                judged.insert(w->user.login + QLatin1Char('/') +
                              alertsOf[w->user.customerId][(w->index + i / 4) % kAlertsPerCustomer]);
        verdictsExpected = int(judged.size());
        qint64 entries = 0, judgments = 0, audits = 0, sharedUpdates = 0;
        for (qint64 c : customerIds) {
            entries += one("SELECT count(*) FROM upstream.ledger_entries WHERE customer_id = $1", {c});
            judgments += one("SELECT count(*) FROM upstream.judgments WHERE customer_id = $1", {c});
            // Events pushed by workstations carry the workstation's time (the admin functions append their own).
            audits +=
                one("SELECT count(*) FROM upstream.audit_log WHERE customer_id = $1 AND details ? 'recorded_at'", {c});
            sharedUpdates += one("SELECT count(*) FROM upstream.ledger_history h JOIN upstream.ledger_entries l "
                                 "USING (customer_id, entry_id) WHERE h.customer_id = $1 AND h.op = 'UPDATE' "
                                 "AND l.payer = 'Shared Payer'",
                                 {c});
            auto chain = storage::AuditLog::verifyCustomer(conn, c);
            QVERIFY(chain.ok());
            QVERIFY2(!chain->firstBreak, "an audit chain is broken");
        }
        QCOMPARE(entries, qint64(ownEntries + customers * kSharedEntriesPerCustomer));
        QCOMPARE(judgments, qint64(verdictsExpected));
        QCOMPARE(audits, auditsQueued);
        // No silent overwrite: every edit of a shared entry either applied (one history row, one version) or came
        // back as a conflict that the workstation saw.
        QCOMPARE(sharedUpdates + conflicts, qint64(sharedEditsMade));

        // Every cache equals the server: ledger entries and judgments of its customer.
        for (const auto &w : stations) {
            auto server = conn.exec("SELECT client_uuid::text || '|' || version || '|' || coalesce(notes, '') || '|' "
                                    "|| state FROM upstream.ledger_entries WHERE customer_id = $1 "
                                    "UNION ALL SELECT 'j|' || client_uuid::text || '|' || verdict "
                                    "FROM upstream.judgments WHERE customer_id = $1 ORDER BY 1",
                                    {w->user.customerId});
            QVERIFY(server.ok());
            QStringList serverRows, cacheRows;
            for (int i = 0; i < server->rows(); ++i)
                serverRows << server->text(i, 0);
            auto q = w->cache->db().prepare(QStringLiteral(
                "SELECT id || '|' || version || '|' || coalesce(notes, '') || '|' || state FROM ledger_entries "
                "UNION ALL SELECT 'j|' || id || '|' || verdict FROM judgments"));
            QVERIFY(q.ok());
            QVERIFY(q->forEachRow([&] { cacheRows << q->text(0); }).ok());
            std::sort(serverRows.begin(), serverRows.end());
            std::sort(cacheRows.begin(), cacheRows.end());
            QCOMPARE(cacheRows, serverRows);
        }

        // Bounded connections: one per workstation (it carries LISTEN too).
        QVERIFY2(maxBackendsPerLogin <= 1, qPrintable(QString::number(maxBackendsPerLogin)));
        QVERIFY(maxBackends <= n);

        std::sort(latenciesMs.begin(), latenciesMs.end());
        auto pct = [&](double p) {
            return latenciesMs.empty() ? 0.0
                                       : latenciesMs[std::min(latenciesMs.size() - 1, size_t(p * latenciesMs.size()))];
        };
        qInfo("load: %d workstations x %d actions (%d customers): %lld changes acknowledged in %.1f s (%.0f "
              "changes/s incl. the restart); enqueue->commit p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d conflicts "
              "surfaced of %d shared edits; %lld audit events chained; cut %s; peak %d server connections "
              "(%d per login)",
              n, changes, customers, qint64(acknowledged.size()), workSeconds,
              double(acknowledged.size()) / workSeconds, pct(0.50), pct(0.99),
              latenciesMs.empty() ? 0.0 : latenciesMs.back(), conflicts, sharedEditsMade, audits,
              cutMidPush ? "mid-push" : "while idle", maxBackends, maxBackendsPerLogin);
    }

    void cleanupTestCase()
    {
        for (const auto &w : stations)
            w->service->stop();
        stations.clear();
    }
};

QTEST_GUILESS_MAIN(TstLoadManyWorkstations)
#include "tst_load_many_workstations.moc"
