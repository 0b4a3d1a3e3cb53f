// `upstream compute`: run the signal engines for one customer (central database) and persist signals, alerts
// and an audit row (compute/ComputeSignals). Progress goes to stderr only when it is a terminal.
#include "CliApp.h"
#include "storage/cache/AggregateStore.h"

#include "compute/ComputeSignals.h"
#include "storage/pg/PgTarget.h"
#include "workspace/WorkspaceAccess.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace upstream::cli {
namespace {

// The workspace password: --password-file, else $UPSTREAM_PASSWORD (never a flag value).
void print(const compute::ComputeReport &r, bool json, std::optional<qint64> customerId)
{
    if (json) {
        QJsonObject o = r.toJson();
        if (customerId)
            o.insert(QStringLiteral("customer_id"), *customerId);
        printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        return;
    }
    printLine(QStringLiteral("As of %1: %2 signal(s) (%3 new, %4 updated), %5 new alert(s) (%6 suppressed).")
                  .arg(r.asOf.toString(Qt::ISODate))
                  .arg(r.found.size())
                  .arg(r.signalsInserted)
                  .arg(r.signalsUpdated)
                  .arg(r.alertsCreated)
                  .arg(r.alertsSuppressed));
}

class ComputeCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption product(QStringLiteral("product"),
                                         QStringLiteral("driftwatch, denialscope, delayguard or all (default)."),
                                         QStringLiteral("P"), QStringLiteral("all"));
        const QCommandLineOption asOf(
            QStringLiteral("as-of"),
            QStringLiteral("End of the current window, exclusive (default: the data's own date, the day "
                           "after its newest submitted or decided date)."),
            QStringLiteral("YYYY-MM-DD"));
        const QCommandLineOption db = dbOption();
        const QCommandLineOption passwordFile = passwordFileOption();
        const QCommandLineOption workspace = workspaceOption();
        const QCommandLineOption customer(QStringLiteral("customer"),
                                          QStringLiteral("Customer id (default: the sign-in's only customer)."),
                                          QStringLiteral("ID"));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOptions({product, asOf, db, passwordFile, workspace, customer, json});
        if (const int rc = parseOrExit(parser, QStringLiteral("compute"),
                                       QStringLiteral("Compute DriftWatch, DenialScope and DelayGuard signals and "
                                                      "raise alerts. Same data and as-of date: same signals, no "
                                                      "duplicate alerts."),
                                       args);
            rc >= 0)
            return rc;
        if (!parser.positionalArguments().isEmpty())
            return usageError(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments().constFirst()));

        compute::ComputeOptions options;
        const QString p = parser.value(product).toLower();
        if (p != QLatin1String("all")) {
            const auto one = engines::productFromName(p);
            if (!one)
                return usageError(QStringLiteral("--product must be driftwatch, denialscope, delayguard or all"));
            options.products = {*one};
        }
        if (parser.isSet(asOf)) {
            options.asOf = QDate::fromString(parser.value(asOf), Qt::ISODate);
            if (!options.asOf.isValid())
                return usageError(QStringLiteral("--as-of needs a date as YYYY-MM-DD"));
        }
        std::optional<qint64> customerId;
        if (const int rc = customerFromOption(parser, customer, &customerId); rc >= 0)
            return rc;
        if (isatty(fileno(stderr)))
            options.progress = [](const QString &step) {
                std::fprintf(stderr, "\r\033[Kcompute: %s…", qPrintable(step));
                std::fflush(stderr);
            };

        if (parser.isSet(workspace) && (parser.isSet(db) || customerId))
            return usageError(QStringLiteral("--workspace cannot be combined with --db or --customer"));
        if (const auto local = workspace::localWorkspaceTarget(parser.isSet(db), parser.value(workspace))) {
            auto password = storage::commandPassword(parser.value(passwordFile), true);
            if (!password.ok())
                return usageError(password.error().message);
            auto cache = workspace::openWorkspaceBlocking(*local, password.value());
            if (!cache.ok())
                return failed(cache.error().message.section(QLatin1Char('\n'), 0, 0));
            auto set = storage::loadAggregates(*cache.value());
            if (!set.ok())
                return failed(set.error().message);
            auto report = compute::computeLocal(*cache.value(), set.value(), options);
            if (options.progress)
                std::fprintf(stderr, "\r\033[K");
            if (!report.ok())
                return failed(report.error().message);
            print(report.value(), parser.isSet(json), {});
            return ExitOk;
        }
        auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
        if (!conn.ok())
            return errorExit(conn.error());
        if (!customerId) {
            auto sole = storage::soleCustomer(conn.value());
            if (!sole.ok())
                return errorExit(sole.error());
            customerId = sole.value();
        }
        auto report = compute::computeCentral(conn.value(), *customerId, options);
        if (options.progress)
            std::fprintf(stderr, "\r\033[K");
        if (!report.ok())
            return failed(storage::oneLine(report.error()));
        print(report.value(), parser.isSet(json), customerId);
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("compute"),
                                  QStringLiteral("Run the signal engines and raise alerts for one customer."),
                                  [] { return std::make_unique<ComputeCommand>(); }}};

} // namespace
} // namespace upstream::cli
