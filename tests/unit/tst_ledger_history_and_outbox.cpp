// Proves: every accepted ledger change (create, update, approve) writes exactly one history row (who, when, before,
// after) and exactly one outbox row (UUID id, strictly increasing seq, kind, entity id, base version, payload) in
// the same transaction — if the outbox write fails, the entry and its history are not changed either. A stale
// version is a Conflict that writes nothing, never an overwrite; a save with no change writes nothing.
#include "ledger/LedgerRepository.h"
#include "storage/cache/LocalCache.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

namespace {
struct OutboxRow {
    QString id;
    qint64 seq;
    QString kind;
    QString entityId;
    QVariant baseVersion;
    QJsonObject payload;
};
} // namespace

class TstLedgerHistoryAndOutbox : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::unique_ptr<storage::LocalCache> cache;
    QDateTime clock = QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    int fileNo = 0;

    LedgerRepository repo(const QString &user, const QString &role = QStringLiteral("operator"))
    {
        return LedgerRepository(cache.get(), {user, role}, [this] { return clock; });
    }
    static LedgerEntry draft()
    {
        LedgerEntry e;
        e.product = QStringLiteral("driftwatch");
        e.payer = QStringLiteral("Contoso Synthetic Mutual");
        e.expectedCents = 500000;
        e.notes = QStringLiteral("Underpaid CPT group 99213");
        return e;
    }
    qint64 count(const QString &sql)
    {
        auto q = cache->db().prepare(sql);
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }
    qint64 historyCount() { return count(QStringLiteral("SELECT COUNT(*) FROM ledger_history")); }
    qint64 outboxCount() { return count(QStringLiteral("SELECT COUNT(*) FROM outbox")); }
    std::vector<OutboxRow> outbox()
    {
        std::vector<OutboxRow> out;
        auto q = cache->db().prepare(
            QStringLiteral("SELECT id, seq, kind, entity_id, base_version, payload FROM outbox ORDER BY seq"));
        while (q.ok() && q->step().value())
            out.push_back({q->text(0), q->int64(1), q->text(2), q->text(3), q->value(4),
                           QJsonDocument::fromJson(q->text(5).toUtf8()).object()});
        return out;
    }

private slots:
    void init()
    {
        auto opened =
            storage::LocalCache::open(tmp.filePath(QStringLiteral("c%1.db").arg(++fileNo)), QByteArray(32, 'k'));
        QVERIFY(opened.ok());
        cache = std::make_unique<storage::LocalCache>(std::move(opened.value()));
    }
    void cleanup() { cache.reset(); }

    void everyChangeWritesOneHistoryAndOneOutboxRow()
    {
        auto op = repo(QStringLiteral("op.lindqvist"));
        auto created = op.create(draft());
        QVERIFY(created.ok());
        QCOMPARE(historyCount(), qint64(1));
        QCOMPARE(outboxCount(), qint64(1));

        clock = clock.addSecs(60);
        LedgerEntry e = created.value();
        e.state = LedgerState::InProgress;
        auto v2 = op.update(e);
        QVERIFY(v2.ok());
        QCOMPARE(historyCount(), qint64(2));
        QCOMPARE(outboxCount(), qint64(2));

        clock = clock.addSecs(60);
        e = v2.value();
        e.state = LedgerState::Recovered;
        e.recoveredCents = 420000;
        e.recoveredDate = QDate(2026, 11, 19);
        auto v3 = op.update(e);
        QVERIFY(v3.ok());

        clock = clock.addSecs(60);
        auto v4 = repo(QStringLiteral("sup.nakamura"), QStringLiteral("supervisor")).approve(e.id, v3->version);
        QVERIFY(v4.ok());
        QCOMPARE(v4->version, qint64(4));
        QCOMPARE(historyCount(), qint64(4));
        QCOMPARE(outboxCount(), qint64(4));

        // History: who, when, before and after of each change, in order.
        auto history = op.history(e.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), size_t(4));
        const auto &h = history.value();
        QVERIFY(!h[0].before.has_value());
        QCOMPARE(h[0].after, created.value());
        QCOMPARE(h[1].before.value(), created.value());
        QCOMPARE(h[1].after, v2.value());
        QCOMPARE(h[2].after.recoveredCents, qint64(420000));
        QCOMPARE(h[2].who, QStringLiteral("op.lindqvist"));
        QCOMPARE(h[3].who, QStringLiteral("sup.nakamura"));
        QCOMPARE(h[3].at, clock);
        QCOMPARE(h[3].before.value(), v3.value());
        QCOMPARE(h[3].after, v4.value());

        // Outbox: client UUIDs, strictly increasing seq, the base version each edit started from.
        const auto rows = outbox();
        QCOMPARE(rows.size(), size_t(4));
        QSet<QString> ids;
        for (size_t i = 0; i < rows.size(); ++i) {
            QVERIFY(!QUuid::fromString(rows[i].id).isNull());
            ids.insert(rows[i].id);
            QCOMPARE(rows[i].entityId, e.id);
            if (i > 0)
                QVERIFY(rows[i].seq > rows[i - 1].seq);
        }
        QCOMPARE(ids.size(), 4);
        QCOMPARE(rows[0].kind, QStringLiteral("ledger_upsert"));
        QCOMPARE(rows[0].baseVersion.toLongLong(), qint64(0)); // a new entry has no base version
        QCOMPARE(rows[1].baseVersion.toLongLong(), qint64(1));
        QCOMPARE(rows[2].baseVersion.toLongLong(), qint64(2));
        QCOMPARE(rows[3].kind, QStringLiteral("ledger_approve"));
        QCOMPARE(rows[3].baseVersion.toLongLong(), qint64(3));
        QCOMPARE(LedgerEntry::fromJson(rows[2].payload), v3.value());
        QCOMPARE(LedgerEntry::fromJson(rows[3].payload).approvedBy, QStringLiteral("sup.nakamura"));
    }

    void staleVersionIsConflictNeverOverwrite()
    {
        auto a = repo(QStringLiteral("op.a"));
        auto b = repo(QStringLiteral("op.b"));
        auto created = a.create(draft());
        QVERIFY(created.ok());

        LedgerEntry mine = created.value();
        mine.notes = QStringLiteral("A: called payer rep");
        LedgerEntry theirs = created.value();
        theirs.expectedCents = 650000;

        QVERIFY(b.update(theirs).ok());
        const qint64 history = historyCount();
        const qint64 queued = outboxCount();
        auto stale = a.update(mine);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY(stale.error().message.contains(QLatin1String("version")));
        QCOMPARE(historyCount(), history);
        QCOMPARE(outboxCount(), queued);
        auto stored = a.get(created->id);
        QCOMPARE(stored->expectedCents, qint64(650000)); // theirs kept
        QCOMPARE(stored->notes, draft().notes);          // mine not written over it

        auto sup = repo(QStringLiteral("sup"), QStringLiteral("supervisor"));
        QCOMPARE(sup.approve(created->id, 1).error().code, ErrorCode::Conflict);
        QCOMPARE(a.get(QStringLiteral("missing")).error().code, ErrorCode::NotFound);
    }

    void unchangedSaveWritesNothing()
    {
        auto a = repo(QStringLiteral("op.a"));
        auto created = a.create(draft());
        QVERIFY(created.ok());
        LedgerEntry same = created.value();
        same.payer += QStringLiteral("  "); // trimmed: no real change
        auto saved = a.update(same);
        QVERIFY(saved.ok());
        QCOMPARE(saved->version, qint64(1));
        QCOMPARE(historyCount(), qint64(1));
        QCOMPARE(outboxCount(), qint64(1));
    }

    void failedOutboxWriteRollsBackTheEdit()
    {
        auto a = repo(QStringLiteral("op.a"));
        auto created = a.create(draft());
        QVERIFY(created.ok());
        // Make the outbox refuse the next row: the entry and history must not change without it.
        QVERIFY(cache->db()
                    .exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON outbox "
                                         "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END"))
                    .ok());
        LedgerEntry e = created.value();
        e.expectedCents = 1;
        QVERIFY(!a.update(e).ok());
        QVERIFY(!a.create(draft()).ok());
        QCOMPARE(a.get(e.id)->expectedCents, draft().expectedCents);
        QCOMPARE(a.get(e.id)->version, qint64(1));
        QCOMPARE(historyCount(), qint64(1));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ledger_entries")), qint64(1));
        QVERIFY(cache->db().exec(QStringLiteral("DROP TRIGGER refuse")).ok());
        QVERIFY(a.update(e).ok());
        QCOMPARE(historyCount(), qint64(2));
        QCOMPARE(outboxCount(), qint64(2));
    }

    void idsAreClientUuids()
    {
        auto a = repo(QStringLiteral("op.a"));
        LedgerEntry e = draft();
        e.id = QStringLiteral("not-a-uuid");
        QCOMPARE(a.create(e).error().code, ErrorCode::InvalidInput);
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(a.create(e)->id, e.id);
        QCOMPARE(outbox().back().entityId, e.id);
    }
};

QTEST_GUILESS_MAIN(TstLedgerHistoryAndOutbox)
#include "tst_ledger_history_and_outbox.moc"
