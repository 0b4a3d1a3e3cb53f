// `upstream signals`: list the stored signals with their alert status (compute/ComputeSignals).
#include "CliApp.h"

#include "compute/ComputeSignals.h"
#include "storage/pg/PgTarget.h"
#include "workspace/WorkspaceAccess.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace upstream::cli {
namespace {

class SignalsCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption product(QStringLiteral("product"),
                                         QStringLiteral("driftwatch, denialscope, delayguard or all (default)."),
                                         QStringLiteral("P"), QStringLiteral("all"));
        const QCommandLineOption db = dbOption();
        const QCommandLineOption passwordFile = passwordFileOption();
        const QCommandLineOption workspace = workspaceOption();
        const QCommandLineOption customer(QStringLiteral("customer"),
                                          QStringLiteral("Only this customer (default: all the sign-in sees)."),
                                          QStringLiteral("ID"));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
        parser.addOptions({product, db, passwordFile, workspace, customer, json});
        if (const int rc = parseOrExit(parser, QStringLiteral("signals"),
                                       QStringLiteral("List the computed signals with their alert status."), args);
            rc >= 0)
            return rc;
        if (!parser.positionalArguments().isEmpty())
            return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().constFirst()));
        QString p = parser.value(product).toLower();
        if (p == QLatin1String("all"))
            p.clear();
        else if (!engines::productFromName(p))
            return usageError(QStringLiteral("--product must be driftwatch, denialscope, delayguard or all"));
        std::optional<qint64> customerId;
        if (const int rc = customerFromOption(parser, customer, &customerId); rc >= 0)
            return rc;
        Result<QJsonArray> list = QJsonArray();
        if (parser.isSet(workspace) && (parser.isSet(db) || customerId))
            return usageError(QStringLiteral("--workspace cannot be combined with --db or --customer"));
        if (const auto local = workspace::localWorkspaceTarget(parser.isSet(db), parser.value(workspace))) {
            auto password = storage::commandPassword(parser.value(passwordFile), true);
            if (!password.ok())
                return usageError(password.error().message);
            auto cache = workspace::openWorkspaceBlocking(*local, password.value());
            if (!cache.ok())
                return failed(cache.error().message.section(QLatin1Char('\n'), 0, 0));
            list = compute::listLocalSignals(*cache.value(), p);
            if (!list.ok())
                return failed(list.error().message);
        } else {
            auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
            if (!conn.ok())
                return errorExit(conn.error());
            list = compute::listCentralSignals(conn.value(), customerId, p);
            if (!list.ok())
                return failed(storage::oneLine(list.error()));
        }
        if (parser.isSet(json)) {
            printLine(QString::fromUtf8(QJsonDocument(list.value()).toJson(QJsonDocument::Compact)));
            return ExitOk;
        }
        for (const QJsonValue v : list.value()) {
            const QJsonObject o = v.toObject();
            const QString group =
                o.value(QStringLiteral("cpt_group")).toString() + o.value(QStringLiteral("reason")).toString();
            printLine(QStringLiteral("%1  %2  %3  %4  %5  severity %6  conf %7  delta %8  $%9  %10")
                          .arg(o.value(QStringLiteral("window_end")).toString(),
                               o.value(QStringLiteral("product")).toString(),
                               o.value(QStringLiteral("signal_type")).toString(),
                               o.value(QStringLiteral("payer")).toString(), group,
                               o.value(QStringLiteral("severity")).toString())
                          .arg(o.value(QStringLiteral("confidence")).toDouble(), 0, 'f', 2)
                          .arg(o.value(QStringLiteral("delta")).toDouble(), 0, 'f', 3)
                          .arg(o.value(QStringLiteral("dollars")).toDouble(), 0, 'f', 2)
                          .arg(o.value(QStringLiteral("status")).toString()));
        }
        if (list.value().isEmpty())
            printLine(QStringLiteral("No signals."));
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("signals"),
                                  QStringLiteral("List computed signals and their alert status."),
                                  [] { return std::make_unique<SignalsCommand>(); }}};

} // namespace
} // namespace upstream::cli
