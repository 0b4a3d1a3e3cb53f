// `upstream demo-data --rows N --seed S --out FILE [--truth TRUTHFILE] [--as-of DATE] [--json]`: synthetic
// claims with planted changes (models/demo/DemoDataGenerator), streamed to a CSV, plus the truth file.
#include "CliApp.h"

#include "demo/DemoDataGenerator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

class DemoDataCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Number of claims (default 100000)."),
                                      QStringLiteral("N"), QStringLiteral("100000"));
        const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                      QStringLiteral("S"), QStringLiteral("1"));
        const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Claim CSV to write."),
                                     QStringLiteral("FILE"));
        const QCommandLineOption truth(QStringLiteral("truth"),
                                       QStringLiteral("Also write the planted changes as JSON to this file."),
                                       QStringLiteral("TRUTHFILE"));
        const QCommandLineOption asOf(
            QStringLiteral("as-of"),
            QStringLiteral("The date the planted changes are aimed at, YYYY-MM-DD (default today); --rows claims are "
                           "submitted before it."),
            QStringLiteral("DATE"));
        const QCommandLineOption exportedOn(
            QStringLiteral("exported-on"),
            QStringLiteral("The day the export is taken, on or after --as-of (default: --as-of): claims not decided "
                           "or paid by then are pending or unpaid in the file, and later days add new claims."),
            QStringLiteral("DATE"));
        const QCommandLineOption payers(QStringLiteral("payers"), QStringLiteral("Number of payers (default 128)."),
                                        QStringLiteral("N"), QStringLiteral("128"));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOptions({rows, seed, out, truth, asOf, exportedOn, payers, json});
        if (const int rc =
                parseOrExit(parser, QStringLiteral("demo-data"),
                            QStringLiteral("Write a synthetic live claim export (pending and unpaid claims as of its "
                                           "export day) with planted changes of known size."),
                            args);
            rc >= 0)
            return rc;

        bool ok = false;
        demo::DemoConfig config;
        config.rows = parser.value(rows).toLongLong(&ok);
        if (!ok || config.rows < 0)
            return usageError(QStringLiteral("--rows must be a non-negative integer"));
        config.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return usageError(QStringLiteral("--seed must be a non-negative integer"));
        if (!parser.isSet(out))
            return usageError(QStringLiteral("--out FILE is required"));
        if (parser.isSet(asOf)) {
            config.asOf = QDate::fromString(parser.value(asOf), Qt::ISODate);
            if (!config.asOf.isValid())
                return usageError(QStringLiteral("--as-of must be a date YYYY-MM-DD"));
        }
        if (parser.isSet(exportedOn)) {
            config.exportedOn = QDate::fromString(parser.value(exportedOn), Qt::ISODate);
            if (!config.exportedOn.isValid())
                return usageError(QStringLiteral("--exported-on must be a date YYYY-MM-DD"));
            if (config.exportedOn < (config.asOf.isValid() ? config.asOf : QDate::currentDate()))
                return usageError(QStringLiteral("--exported-on must not be before --as-of"));
        }
        config.payers = parser.value(payers).toInt(&ok);
        if (!ok || config.payers < 24 || config.payers > 240)
            return usageError(QStringLiteral("--payers must be an integer from 24 to 240"));

        QElapsedTimer timer;
        timer.start();
        const demo::DemoDataGenerator generator(config);
        if (const Status st = generator.writeCsv(parser.value(out), parser.value(truth)); !st.ok())
            return st.error().code == ErrorCode::InvalidInput ? usageError(st.error().message)
                                                              : failed(st.error().message);
        const double seconds = double(timer.elapsed()) / 1000.0;
        const auto &t = generator.truth();
        int planted = 0;
        for (const auto &c : t.changes)
            planted += c.decoy ? 0 : 1;
        const int decoys = int(t.changes.size()) - planted;
        if (parser.isSet(json)) {
            printLine(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("out"), parser.value(out)},
                                          {QStringLiteral("truth"), parser.value(truth)},
                                          {QStringLiteral("rows"), qint64(t.config.rows)},
                                          {QStringLiteral("seed"), QString::number(t.config.seed)},
                                          {QStringLiteral("as_of"), t.config.asOf.toString(Qt::ISODate)},
                                          {QStringLiteral("exported_on"), t.config.exportedOn.toString(Qt::ISODate)},
                                          {QStringLiteral("payers"), int(t.payers.size())},
                                          {QStringLiteral("planted"), planted},
                                          {QStringLiteral("decoys"), decoys},
                                          {QStringLiteral("seconds"), seconds}})
                    .toJson(QJsonDocument::Compact)));
        } else {
            printLine(QStringLiteral("Wrote %1 claims (%2 payers, %3 planted changes, %4 decoys, as of %5) to %6 "
                                     "in %7 s")
                          .arg(t.config.rows)
                          .arg(t.payers.size())
                          .arg(planted)
                          .arg(decoys)
                          .arg(t.config.asOf.toString(Qt::ISODate), parser.value(out))
                          .arg(seconds, 0, 'f', 2));
        }
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("demo-data"),
                                  QStringLiteral("Write synthetic claims with planted drifts and a truth file."),
                                  [] { return std::make_unique<DemoDataCommand>(); }}};

} // namespace
} // namespace upstream::cli
