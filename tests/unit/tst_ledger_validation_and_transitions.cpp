// Proves: a ledger entry is stored only when valid — amounts ≥ 0, recovered ≤ expected unless the user confirmed,
// a recovered date that is set for a recovered entry, not in the future and not absurdly old — and its state moves
// only open → in_progress → recovered | written_off. Only a supervisor can approve, only a closed entry, and an
// approved entry can no longer be edited. A refused save writes nothing.
#include "ledger/LedgerRepository.h"
#include "ledger/LedgerValidation.h"
#include "storage/cache/LocalCache.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace upstream;
using namespace upstream::ledger;

class TstLedgerValidationAndTransitions : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::unique_ptr<storage::LocalCache> cache;
    QDateTime clock = QDateTime(QDate(2026, 11, 20), QTime(15, 0), Qt::UTC);
    int fileNo = 0;

    LedgerRepository repo(const QString &role = QStringLiteral("operator"))
    {
        const QString user =
            role == QLatin1String("supervisor") ? QStringLiteral("sup.okafor") : QStringLiteral("op.alvarez");
        return LedgerRepository(cache.get(), {user, role}, [this] { return clock; });
    }
    static LedgerEntry draft()
    {
        LedgerEntry e;
        e.product = QStringLiteral("delayguard");
        e.payer = QStringLiteral("Northwind Synthetic Health");
        e.expectedCents = 125000;
        return e;
    }
    qint64 count(const char *table)
    {
        auto q = cache->db().prepare(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        if (!q.ok() || !q->step().ok())
            return -1;
        return q->int64(0);
    }

private slots:
    void init()
    {
        auto opened =
            storage::LocalCache::open(tmp.filePath(QStringLiteral("c%1.db").arg(++fileNo)), QByteArray(32, 'k'));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        cache = std::make_unique<storage::LocalCache>(std::move(opened.value()));
    }
    void cleanup() { cache.reset(); }

    void transitionTableFollowsSpec()
    {
        using S = LedgerState;
        const S all[] = {S::Open, S::InProgress, S::Recovered, S::WrittenOff};
        for (S from : all) {
            for (S to : all) {
                const bool expected = from == to || (from == S::Open && to == S::InProgress) ||
                                      (from == S::InProgress && (to == S::Recovered || to == S::WrittenOff));
                QVERIFY2(canTransition(from, to) == expected,
                         qPrintable(QStringLiteral("%1 -> %2").arg(stateId(from), stateId(to))));
            }
        }
        QCOMPARE(allowedNextStates(S::Open).size(), size_t(2));
        QCOMPARE(allowedNextStates(S::Recovered).size(), size_t(1));
    }

    void validateReportsEachFieldProblem()
    {
        const QDate today(2026, 11, 20);
        LedgerEntry e = draft();
        QVERIFY(validate(e, nullptr, today, false).ok());

        e.product = QStringLiteral("nope");
        e.payer = QStringLiteral("   ");
        e.expectedCents = -1;
        e.recoveredCents = -5;
        const ValidationReport r = validate(e, nullptr, today, false);
        QVERIFY(!r.messageFor(LedgerField::Product).isEmpty());
        QVERIFY(!r.messageFor(LedgerField::Payer).isEmpty());
        QVERIFY(!r.messageFor(LedgerField::Expected).isEmpty());
        QVERIFY(!r.messageFor(LedgerField::Recovered).isEmpty());
        QVERIFY(r.messageFor(LedgerField::Notes).isEmpty());

        LedgerEntry over = draft();
        over.recoveredCents = over.expectedCents + 1;
        QVERIFY(validate(over, nullptr, today, false).needsOverRecoveryConfirmation);
        QVERIFY(validate(over, nullptr, today, true).ok());

        LedgerEntry dated = draft();
        dated.recoveredDate = today.addDays(1);
        QVERIFY(!validate(dated, nullptr, today, false).messageFor(LedgerField::RecoveredDate).isEmpty());
        dated.recoveredDate = QDate(1999, 12, 31);
        QVERIFY(!validate(dated, nullptr, today, false).messageFor(LedgerField::RecoveredDate).isEmpty());
        dated.recoveredDate = today;
        QVERIFY(validate(dated, nullptr, today, false).ok());

        LedgerEntry notes = draft();
        notes.notes = QString(kMaxNotesLength + 1, QLatin1Char('x'));
        QVERIFY(!validate(notes, nullptr, today, false).messageFor(LedgerField::Notes).isEmpty());
    }

    void moneyParsesAndFormatsExactly()
    {
        qint64 c = 0;
        QVERIFY(parseCents(QStringLiteral("$12,400.5"), &c));
        QCOMPARE(c, qint64(1240050));
        QVERIFY(parseCents(QStringLiteral("0.07"), &c));
        QCOMPARE(c, qint64(7));
        QVERIFY(parseCents(QStringLiteral(".5"), &c));
        QCOMPARE(c, qint64(50));
        QVERIFY(!parseCents(QStringLiteral("-3"), &c));
        QVERIFY(!parseCents(QStringLiteral("1.234"), &c));
        QVERIFY(!parseCents(QStringLiteral("abc"), &c));
        QVERIFY(!parseCents(QString(), &c));
        QCOMPARE(formatCents(1240050), QStringLiteral("$12,400.50"));
        QCOMPARE(formatCents(7), QStringLiteral("$0.07"));
        QCOMPARE(formatCents(100000000000), QStringLiteral("$1,000,000,000.00"));
    }

    void invalidSavesWriteNothing()
    {
        auto r = repo();
        LedgerEntry bad = draft();
        bad.expectedCents = -100;
        auto created = r.create(bad);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::InvalidInput);

        LedgerEntry started = draft();
        started.state = LedgerState::Recovered;
        QCOMPARE(r.create(started).error().code, ErrorCode::InvalidInput); // a new entry starts open

        LedgerEntry over = draft();
        over.recoveredCents = 200000;
        QCOMPARE(r.create(over).error().code, ErrorCode::InvalidInput);
        QCOMPARE(count("ledger_entries"), qint64(0));
        QCOMPARE(count("ledger_history"), qint64(0));
        QCOMPARE(count("outbox"), qint64(0));
        QVERIFY(r.create(over, /*overRecoveryConfirmed=*/true).ok());
        QCOMPARE(count("ledger_entries"), qint64(1));
    }

    void stateMovesOnlyForward()
    {
        auto r = repo();
        auto e = r.create(draft());
        QVERIFY(e.ok());
        QCOMPARE(e->owner, QStringLiteral("op.alvarez")); // owner defaults to the acting user

        LedgerEntry skip = e.value();
        skip.state = LedgerState::WrittenOff;
        QCOMPARE(r.update(skip).error().code, ErrorCode::InvalidInput); // open → written_off is refused

        LedgerEntry working = e.value();
        working.state = LedgerState::InProgress;
        auto v2 = r.update(working);
        QVERIFY(v2.ok());
        QCOMPARE(v2->version, qint64(2));

        LedgerEntry done = v2.value();
        done.state = LedgerState::Recovered;
        done.recoveredCents = 90000;
        QVERIFY(!r.update(done).ok()); // recovered needs a date
        done.recoveredDate = clock.date().addDays(1);
        QVERIFY(!r.update(done).ok()); // … not in the future
        done.recoveredDate = clock.date().addDays(-3);
        auto v3 = r.update(done);
        QVERIFY2(v3.ok(), qPrintable(v3.ok() ? QString() : v3.error().message));

        LedgerEntry back = v3.value();
        back.state = LedgerState::InProgress;
        QCOMPARE(r.update(back).error().code, ErrorCode::InvalidInput); // recovered is final
        QCOMPARE(r.get(e->id)->state, LedgerState::Recovered);
    }

    void onlySupervisorApprovesClosedEntries()
    {
        auto op = repo();
        auto e = op.create(draft());
        QVERIFY(e.ok());
        QCOMPARE(op.approve(e->id, e->version).error().code, ErrorCode::PermissionDenied);

        auto sup = repo(QStringLiteral("supervisor"));
        QCOMPARE(sup.approve(e->id, e->version).error().code, ErrorCode::InvalidInput); // still open

        LedgerEntry w = e.value();
        w.state = LedgerState::InProgress;
        w = op.update(w).value();
        w.state = LedgerState::WrittenOff;
        w = op.update(w).value();
        auto approved = sup.approve(w.id, w.version);
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        QCOMPARE(approved->approvedBy, QStringLiteral("sup.okafor"));
        QCOMPARE(approved->approvedAt, clock);
        QCOMPARE(sup.approve(w.id, approved->version).error().code, ErrorCode::InvalidInput); // already approved

        // An approved entry is final: no edit changes what the supervisor approved.
        LedgerEntry edited = approved.value();
        edited.notes = QStringLiteral("Payer reversed the adjustment");
        auto refused = op.update(edited);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(refused.error().message.contains(QLatin1String("sup.okafor")));
        QCOMPARE(op.get(w.id).value(), approved.value());
    }

    void databaseRejectsNegativeAmountsToo()
    {
        // Defence in depth: the cache schema itself refuses a negative amount written around the repository.
        auto q = cache->db().prepare(QStringLiteral(
            "INSERT INTO ledger_entries(id, product, payer, expected_cents, state, created_at, updated_at) "
            "VALUES ('x', 'driftwatch', 'P', -1, 'open', 'now', 'now')"));
        QVERIFY(q.ok());
        QVERIFY(!q->run().ok());
    }
};

QTEST_GUILESS_MAIN(TstLedgerValidationAndTransitions)
#include "tst_ledger_validation_and_transitions.moc"
