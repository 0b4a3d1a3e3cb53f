// Proves: payer names, notes and audit details holding quotes, semicolons, "'); DROP TABLE", backslashes,
// dollar-quotes, control characters and Unicode travel as parameters and come back byte-for-byte unchanged, for a
// signed-in analyst over TLS, and no statement smuggled in them runs (the tables and their row counts survive).
// Customer and user names go through the admin functions (identifiers quoted with format('%I')) just as safely.
#include "UpstreamSchema.h"

#include "storage/pg/AdminService.h"
#include "storage/pg/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace upstream;
using storage::PgConnection;

namespace {

QStringList nastyStrings()
{
    return {
        QStringLiteral("O'Brien's \"Health\" Plan"),
        QStringLiteral("Acme; DELETE FROM upstream.claims; --"),
        QStringLiteral("'); DROP TABLE upstream.claims; --"),
        QStringLiteral("Robert'); DROP TABLE upstream.payer_mappings;--"),
        QStringLiteral("x' OR '1'='1"),
        QStringLiteral("$$ dollar $tag$ quoted $1 $2"),
        QStringLiteral("back\\slash \\x00 E'\\n' \\\\"),
        QStringLiteral("line1\nline2\ttab\r\nend"),
        QStringLiteral("%s %n {0} ${x} \\N"),
        QString::fromUtf8("Aetna \u2014 S\u00fcd-Ost \u00dcn\u00efc\u00f6d\u00e9 \u4e2d\u6587 "
                          "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \xf0\x9f\x8f\xa5 e\u0301"),
        QString::fromUtf8("\u202eRTL override\u202c and zero\u200bwidth"),
        QString(255, QChar(0x00e9)), // the longest payer name the schema accepts, all non-ASCII
    };
}

qint64 count(PgConnection &c, const char *sql)
{
    auto r = c.exec(sql);
    return r.ok() ? r->int64(0, 0) : -1;
}

} // namespace

class TstSqlInjectionRoundtrip : public QObject {
    Q_OBJECT
    std::optional<test::PgFixture> fx;
    std::unique_ptr<test::MigratedDatabase> db;
    qint64 customer = 0;
    std::optional<PgConnection> analyst;

private slots:
    void initTestCase()
    {
        fx = test::PgFixture::load();
        QVERIFY2(fx.has_value(), "the pg fixture is not running ($UPSTREAM_TEST_PG)");
        db = std::make_unique<test::MigratedDatabase>(*fx, QStringLiteral("inject"));
        QVERIFY2(db->ok(), qPrintable(db->error()));
        customer = db->createCustomer(QStringLiteral("Injection Test")).value_or(0);
        QVERIFY(customer > 0);
        QCOMPARE(db->seed(customer), QString());
        auto u = db->createUser(customer, QStringLiteral("supervisor")); // analyst duties plus the ledger
        QVERIFY(u.has_value());
        auto c = db->connectAs(*u);
        QVERIFY(c.ok());
        analyst = std::move(c.value());
    }

    void valuesRoundTripUnchanged_data()
    {
        QTest::addColumn<QString>("value");
        const QStringList values = nastyStrings();
        for (int i = 0; i < values.size(); ++i)
            QTest::newRow(qPrintable(QStringLiteral("value %1").arg(i))) << values[i];
    }

    void valuesRoundTripUnchanged()
    {
        QFETCH(QString, value);
        PgConnection &c = *analyst;
        const qint64 claimsBefore = count(db->superuser(), "SELECT count(*) FROM upstream.claims");

        auto map = c.exec("INSERT INTO upstream.payer_mappings (customer_id, raw_name, payer) VALUES ($1, $2, $3) "
                          "RETURNING mapping_id",
                          {customer, value, value});
        QVERIFY2(map.ok(), qPrintable(map.ok() ? QString() : map.error().message));
        auto back = c.exec("SELECT raw_name, payer FROM upstream.payer_mappings WHERE customer_id = $1 AND "
                           "mapping_id = $2",
                           {customer, map->int64(0, 0)});
        QVERIFY(back.ok() && back->rows() == 1);
        QCOMPARE(back->text(0, 0), value);
        QCOMPARE(back->text(0, 1), value);

        auto claim = c.exec("INSERT INTO upstream.claims (customer_id, payer, cpt, cpt_group, submitted_date, "
                            "decided_date, outcome, denial_reason_text) VALUES ($1, $2, '99213', 'E&M', "
                            "'2026-03-01', '2026-03-09', 'DENIED', $2) RETURNING claim_id",
                            {customer, value});
        QVERIFY2(claim.ok(), qPrintable(claim.ok() ? QString() : claim.error().message));
        auto claimBack = c.exec("SELECT payer, denial_reason_text FROM upstream.claims WHERE customer_id = $1 AND "
                                "claim_id = $2",
                                {customer, claim->int64(0, 0)});
        QVERIFY(claimBack.ok() && claimBack->rows() == 1);
        QCOMPARE(claimBack->text(0, 0), value);
        QCOMPARE(claimBack->text(0, 1), value);

        auto note = c.exec("INSERT INTO upstream.ledger_entries (customer_id, client_uuid, product, payer, notes) "
                           "VALUES ($1, gen_random_uuid(), 'denialscope', $2, $2) RETURNING entry_id",
                           {customer, value});
        QVERIFY2(note.ok(), qPrintable(note.ok() ? QString() : note.error().message));
        auto noteBack = c.exec("SELECT payer, notes, after ->> 'notes' FROM upstream.ledger_entries e JOIN "
                               "upstream.ledger_history h USING (customer_id, entry_id) WHERE e.customer_id = $1 "
                               "AND e.entry_id = $2",
                               {customer, note->int64(0, 0)});
        QVERIFY(noteBack.ok() && noteBack->rows() == 1);
        QCOMPARE(noteBack->text(0, 0), value);
        QCOMPARE(noteBack->text(0, 1), value);
        QCOMPARE(noteBack->text(0, 2), value); // the history's jsonb copy too

        auto verdict = c.exec("INSERT INTO upstream.judgments (customer_id, alert_id, verdict, reason_code, notes, "
                              "client_uuid) SELECT $1, max(alert_id), 'noise', 'other', $2, gen_random_uuid() FROM "
                              "upstream.alerts WHERE customer_id = $1 ON CONFLICT (customer_id, alert_id, operator) "
                              "DO UPDATE SET notes = excluded.notes RETURNING notes",
                              {customer, value});
        QVERIFY2(verdict.ok(), qPrintable(verdict.ok() ? QString() : verdict.error().message));
        QCOMPARE(verdict->text(0, 0), value);

        auto seq = storage::AuditLog::append(c, customer, QStringLiteral("export"),
                                             QJsonObject{{QStringLiteral("note"), value}}, value);
        QVERIFY2(seq.ok(), qPrintable(seq.ok() ? QString() : seq.error().message));
        auto audit = c.exec("SELECT details ->> 'note', workstation FROM upstream.audit_log WHERE customer_id = $1 "
                            "AND seq = $2",
                            {customer, seq.value()});
        QVERIFY(audit.ok() && audit->rows() == 1);
        QCOMPARE(audit->text(0, 0), value);
        QCOMPARE(audit->text(0, 1), value);

        // Nothing smuggled ran: the claims table is there and grew by exactly the one row inserted above.
        QCOMPARE(count(db->superuser(), "SELECT count(*) FROM upstream.claims"), claimsBefore + 1);
    }

    void tablesSurvive()
    {
        for (const char *t : {"claims", "payer_mappings", "ledger_entries", "judgments", "audit_log"}) {
            auto r = db->superuser().exec("SELECT to_regclass('upstream.' || $1) IS NOT NULL", {QLatin1String(t)});
            QVERIFY(r.ok());
            QVERIFY2(r->boolean(0, 0), t);
        }
        auto chain = storage::AuditLog::verify(db->superuser());
        QVERIFY(chain.ok());
        QVERIFY(chain->intact());
    }

    void customerNamesRoundTripThroughAdminFunctions()
    {
        storage::AdminService admin(db->superuser());
        for (const QString &name : nastyStrings().mid(0, 11)) {
            auto id = admin.createCustomer(name);
            QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
            auto r = db->superuser().exec("SELECT name FROM upstream.customers WHERE customer_id = $1", {id.value()});
            QVERIFY(r.ok() && r->rows() == 1);
            QCOMPARE(r->text(0, 0), name);
        }
        // A login name is an identifier: hostile ones are refused outright, never spliced.
        for (const QString &login : {QStringLiteral("x\"; DROP ROLE postgres; --"), QStringLiteral("Robert'); --"),
                                     QStringLiteral("pg_evil"), QStringLiteral("upstream_admin")}) {
            Status st =
                admin.createUser(login, QStringLiteral("a-long-enough-password"), customer, QStringLiteral("viewer"));
            QVERIFY2(!st.ok(), qPrintable(login));
        }
        auto su = db->superuser().exec("SELECT count(*) FROM pg_roles WHERE rolname = 'postgres'");
        QCOMPARE(su->int64(0, 0), 1);
    }

    void cleanupTestCase()
    {
        analyst.reset();
        db.reset();
    }
};

QTEST_GUILESS_MAIN(TstSqlInjectionRoundtrip)
#include "tst_sql_injection_roundtrip.moc"
