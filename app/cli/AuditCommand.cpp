// `upstream audit verify`: recompute the audit log's hash chains and name the first broken row (storage/pg/AuditLog).
#include "CliApp.h"

#include "storage/pg/AuditLog.h"
#include "storage/pg/PgTarget.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

QJsonObject breakJson(const storage::AuditBreak &b)
{
    return {{QStringLiteral("customer_id"), b.customerId},
            {QStringLiteral("seq"), b.seq},
            {QStringLiteral("reason"), b.reason}};
}

class AuditCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption db = dbOption();
        const QCommandLineOption passwordFile = passwordFileOption();
        const QCommandLineOption customer(QStringLiteral("customer"),
                                          QStringLiteral("Check only this customer's chain."), QStringLiteral("ID"));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOptions({db, passwordFile, customer, json});
        parser.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("Verify the hash chains."));
        if (const int rc = parseOrExit(parser, QStringLiteral("audit"),
                                       QStringLiteral("Check the audit log: every row must match its hash and chain "
                                                      "to the row before it. Exit 1 names the first broken row."),
                                       args);
            rc >= 0)
            return rc;
        if (parser.positionalArguments() != QStringList{QStringLiteral("verify")})
            return usageError(QStringLiteral("usage: upstream audit verify [--customer ID] [--json]"));
        std::optional<qint64> only;
        if (parser.isSet(customer)) {
            bool ok = false;
            only = parser.value(customer).toLongLong(&ok);
            if (!ok || *only <= 0)
                return usageError(QStringLiteral("--customer needs a positive customer id"));
        }

        auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
        if (!conn.ok())
            return errorExit(conn.error());
        auto result = storage::AuditLog::verify(conn.value(), only);
        if (!result.ok())
            return failed(storage::oneLine(result.error()));
        const auto &v = result.value();
        qint64 rows = 0;
        QJsonArray chains;
        for (const auto &c : v.chains) {
            rows += c.rows;
            QJsonObject o{{QStringLiteral("customer_id"), c.customerId},
                          {QStringLiteral("rows"), c.rows},
                          {QStringLiteral("intact"), !c.firstBreak.has_value()}};
            if (c.firstBreak)
                o.insert(QStringLiteral("first_break"), breakJson(*c.firstBreak));
            chains.append(o);
        }
        const auto first = v.firstBreak();
        if (parser.isSet(json)) {
            QJsonObject o{{QStringLiteral("intact"), v.intact()}, {QStringLiteral("customers"), chains}};
            if (first)
                o.insert(QStringLiteral("first_break"), breakJson(*first));
            printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        } else if (!first) {
            printLine(
                QStringLiteral("Audit log intact: %1 customer chain(s), %2 row(s).").arg(v.chains.size()).arg(rows));
        }
        if (first)
            return failed(QStringLiteral("audit chain broken at customer %1, seq %2: %3")
                              .arg(first->customerId)
                              .arg(first->seq)
                              .arg(first->reason));
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("audit"),
                                  QStringLiteral("Verify the hash-chained audit log of the central database."),
                                  [] { return std::make_unique<AuditCommand>(); }}};

} // namespace
} // namespace upstream::cli
