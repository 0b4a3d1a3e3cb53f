// `upstream mappings list|set|import` — a customer's (--db / PG*) or a local workspace's (--workspace) payer and
// CPT-group mappings (SPEC 3), for IT scripts:
//   mappings list [--kind payer|cpt-group] [--json]
//   mappings set FROM TO [--kind payer|cpt-group]             (default kind: payer)
//   mappings import FILE [--kind payer|cpt-group]             (two-column CSV: raw name / code, payer / group;
//                                                              a first row naming the columns is skipped)
// A payer mapping's FROM is stored as its case- and space-insensitive key (claims::payerKey). Saving is all or
// nothing: one invalid row (named by its row number) saves none. Exit 0 done; 1 refused or failed; 2 bad usage.
#include "CliApp.h"

#include "claims/Mappings.h"
#include "csv/CsvReader.h"
#include "storage/cache/LocalCache.h"
#include "storage/cache/WorkspaceImportStore.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgImportStore.h"
#include "storage/pg/PgTarget.h"
#include "workspace/WorkspaceAccess.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

constexpr qint64 kMaxMappingFileBytes = 16 * 1024 * 1024;

// The rows of a two-column mapping CSV (comma, semicolon or tab), or a reason naming the row.
Result<std::vector<claims::Mapping>> readMappingFile(const QString &path, claims::MappingKind kind)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxMappingFileBytes)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is larger than 16 MiB").arg(path));
    QByteArray bytes = f.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (!csv::isValidUtf8(bytes.constData(), std::size_t(bytes.size())))
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 is not UTF-8").arg(path));
    const QByteArray firstLine = bytes.left(bytes.indexOf('\n'));
    const char delimiter = firstLine.contains('\t') ? '\t' : firstLine.contains(';') ? ';' : ',';
    const csv::RecordParser parser(delimiter, 4096);
    std::vector<std::string_view> fields;
    std::vector<claims::Mapping> out;
    std::size_t pos = 0;
    for (int row = 1;; ++row) {
        const auto step = parser.next(bytes.data(), std::size_t(bytes.size()), pos, fields);
        if (step == csv::RecordParser::Step::End)
            break;
        if (step != csv::RecordParser::Step::Record)
            return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 row %2: malformed CSV").arg(path).arg(row));
        auto text = [&](std::size_t i) {
            return i < fields.size() ? QString::fromUtf8(fields[i].data(), qsizetype(fields[i].size())).trimmed()
                                     : QString();
        };
        if (fields.size() != 2)
            return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("%1 row %2: expected 2 columns, found %3").arg(path).arg(row).arg(fields.size()));
        const QString from = text(0), to = text(1);
        static const QStringList kHeaders{QStringLiteral("raw_name"), QStringLiteral("raw"), QStringLiteral("from"),
                                          QStringLiteral("cpt"), QStringLiteral("code")};
        if (row == 1 && kHeaders.contains(from.toLower()))
            continue;
        claims::Mapping m{kind, from, to, {}, {}};
        if (const QString why = claims::normaliseMapping(m); !why.isEmpty())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 row %2: %3").arg(path).arg(row).arg(why));
        out.push_back(std::move(m));
    }
    if (out.empty())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 holds no mapping").arg(path));
    return out;
}

QJsonArray mappingsJson(const std::vector<claims::Mapping> &mappings, std::optional<claims::MappingKind> kind)
{
    QJsonArray out;
    for (const claims::Mapping &m : mappings) {
        if (kind && m.kind != *kind)
            continue;
        out.append(QJsonObject{{QStringLiteral("kind"), claims::mappingKindName(m.kind)},
                               {QStringLiteral("from"), m.from},
                               {QStringLiteral("to"), m.to},
                               {QStringLiteral("updated_by"), m.updatedBy.isEmpty() ? QJsonValue() : m.updatedBy},
                               {QStringLiteral("updated_at"), m.updatedAt}});
    }
    return out;
}

class MappingsCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        const QCommandLineOption kindOption(QStringLiteral("kind"), QStringLiteral("payer (default) or cpt-group."),
                                            QStringLiteral("KIND"), QStringLiteral("payer"));
        const QCommandLineOption db = dbOption(), ws = workspaceOption(), passwordFile = passwordFileOption();
        const QCommandLineOption customer(QStringLiteral("customer"),
                                          QStringLiteral("Customer (default: the signed-in user's only customer)."),
                                          QStringLiteral("ID"));
        parser.addOptions({json, kindOption, db, ws, passwordFile, customer});
        parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("list, set FROM TO, or import FILE."));
        if (const int rc = parseOrExit(parser, QStringLiteral("mappings"),
                                       QStringLiteral("List or change the payer and CPT-group mappings the import "
                                                      "applies, in PostgreSQL (--db / PG*) or a local workspace."),
                                       args);
            rc >= 0)
            return rc;
        const QStringList pos = parser.positionalArguments();
        const QString action = pos.value(0);
        const auto kind = claims::mappingKindFromName(parser.value(kindOption));
        if (!kind)
            return usageError(QStringLiteral("--kind is payer or cpt-group, not %1").arg(parser.value(kindOption)));
        if (parser.isSet(db) && parser.isSet(ws))
            return usageError(QStringLiteral("--db and --workspace exclude each other"));
        std::vector<claims::Mapping> changes;
        if (action == QLatin1String("list")) {
            if (pos.size() != 1)
                return usageError(QStringLiteral("mappings list takes no argument"));
        } else if (action == QLatin1String("set")) {
            if (pos.size() != 3)
                return usageError(QStringLiteral("mappings set needs FROM and TO"));
            claims::Mapping m{*kind, pos[1], pos[2], {}, {}};
            if (const QString why = claims::normaliseMapping(m); !why.isEmpty())
                return usageError(why);
            changes.push_back(std::move(m));
        } else if (action == QLatin1String("import")) {
            if (pos.size() != 2)
                return usageError(QStringLiteral("mappings import needs exactly one FILE"));
            auto read = readMappingFile(pos[1], *kind);
            if (!read.ok())
                return usageError(read.error().message);
            changes = std::move(read.value());
        } else {
            return usageError(QStringLiteral("mappings needs an action: list, set or import; see `upstream mappings "
                                             "--help`"));
        }
        std::optional<qint64> customerId;
        if (const int rc = customerFromOption(parser, customer, &customerId); rc >= 0)
            return rc;

        Result<std::vector<claims::Mapping>> listed = makeError(ErrorCode::Internal, QString());
        if (const auto target = workspace::localWorkspaceTarget(parser.isSet(db), parser.value(ws))) {
            auto password = storage::commandPassword(parser.value(passwordFile), true);
            if (!password.ok())
                return failed(storage::oneLine(password.error()));
            auto cache = workspace::openWorkspaceBlocking(*target, password.value());
            if (!cache.ok())
                return failed(storage::oneLine(cache.error()));
            storage::LocalCache &c = *cache.value();
            if (!changes.empty()) {
                if (Status st = c.transaction([&] { return storage::saveMappings(c, changes); }); !st.ok())
                    return failed(storage::oneLine(st.error()));
            }
            listed = storage::listMappings(c);
        } else {
            auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
            if (!conn.ok())
                return errorExit(conn.error());
            if (!customerId) {
                auto only = storage::soleCustomer(conn.value());
                if (!only.ok())
                    return errorExit(only.error());
                customerId = only.value();
            }
            if (!changes.empty()) {
                if (Status st = storage::saveMappings(conn.value(), *customerId, changes); !st.ok())
                    return errorExit(st.error());
            }
            listed = storage::listMappings(conn.value(), *customerId);
        }
        if (!listed.ok())
            return errorExit(listed.error());
        if (action == QLatin1String("list")) {
            const QJsonArray rows = mappingsJson(listed.value(), parser.isSet(kindOption) ? kind : std::nullopt);
            if (parser.isSet(json)) {
                printLine(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
            } else {
                for (const QJsonValue v : rows) {
                    const QJsonObject o = v.toObject();
                    printLine(QStringLiteral("%1\t%2\t%3")
                                  .arg(o.value(QStringLiteral("kind")).toString(),
                                       o.value(QStringLiteral("from")).toString(),
                                       o.value(QStringLiteral("to")).toString()));
                }
            }
            return ExitOk;
        }
        if (parser.isSet(json))
            printLine(
                QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("kind"), claims::mappingKindName(*kind)},
                                                            {QStringLiteral("saved"), qint64(changes.size())},
                                                            {QStringLiteral("mappings"), mappingsJson(changes, kind)}})
                                      .toJson(QJsonDocument::Compact)));
        else
            printLine(QStringLiteral("%1 %2 mapping(s) saved").arg(changes.size()).arg(claims::mappingKindName(*kind)));
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("mappings"),
                                  QStringLiteral("List or change the payer and CPT-group mappings of the import."),
                                  [] { return std::make_unique<MappingsCommand>(); }}};

} // namespace
} // namespace upstream::cli
