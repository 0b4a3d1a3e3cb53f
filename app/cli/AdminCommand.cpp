// `upstream admin`: customers and users of the central database (storage/pg/AdminService).
//   create-customer NAME
//   create-user LOGIN --customer ID --role ROLE   (password: --new-password-file, $UPSTREAM_NEW_PASSWORD, or generated)
//   set-role LOGIN --role ROLE
//   disable-user LOGIN
#include "CliApp.h"

#include "storage/pg/AdminService.h"
#include "storage/pg/PgTarget.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::cli {
namespace {

const QString kUsage =
    QStringLiteral("usage: upstream admin create-customer NAME | create-user LOGIN --customer ID --role ROLE | "
                   "set-role LOGIN --role ROLE | disable-user LOGIN");

class AdminCommand final : public Command {
public:
    int run(const QStringList &args) override
    {
        QCommandLineParser parser;
        const QCommandLineOption db(QStringLiteral("db"),
                                    QStringLiteral("libpq connection string or URI (default: the PG* environment)."),
                                    QStringLiteral("CONNSTR"));
        const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                              QStringLiteral("Read YOUR password from FILE (else $UPSTREAM_PASSWORD)."),
                                              QStringLiteral("FILE"));
        const QCommandLineOption customer(QStringLiteral("customer"), QStringLiteral("Customer id (create-user)."),
                                          QStringLiteral("ID"));
        const QCommandLineOption role(QStringLiteral("role"),
                                      QStringLiteral("viewer, operator, analyst, supervisor or admin."),
                                      QStringLiteral("ROLE"));
        const QCommandLineOption newPasswordFile(
            QStringLiteral("new-password-file"),
            QStringLiteral("Read the NEW user's password from FILE ('-' = stdin; else $UPSTREAM_NEW_PASSWORD; else a "
                           "random one is generated and printed once)."),
            QStringLiteral("FILE"));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
        parser.addOptions({db, passwordFile, customer, role, newPasswordFile, json});
        parser.addPositionalArgument(QStringLiteral("subcommand"),
                                     QStringLiteral("create-customer, create-user, set-role or disable-user."));
        parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Customer name or user login."));
        if (const int rc = parseOrExit(parser, QStringLiteral("admin"),
                                       QStringLiteral("Manage customers and users. Creating a customer needs a "
                                                      "database superuser; an Upstream admin manages the users of "
                                                      "their own customer."),
                                       args);
            rc >= 0)
            return rc;
        const QStringList pos = parser.positionalArguments();
        if (pos.size() != 2)
            return usageError(kUsage);
        const QString &sub = pos.at(0);
        const QString &name = pos.at(1);
        const bool needsRole = sub == QLatin1String("create-user") || sub == QLatin1String("set-role");
        if (sub != QLatin1String("create-customer") && sub != QLatin1String("disable-user") && !needsRole)
            return usageError(kUsage);
        if (needsRole && !storage::AdminService::appRoles().contains(parser.value(role)))
            return usageError(QStringLiteral("--role must be one of: %1")
                                  .arg(storage::AdminService::appRoles().join(QStringLiteral(", "))));
        qint64 customerId = 0;
        QString newPassword;
        bool generated = false;
        if (sub == QLatin1String("create-user")) {
            bool ok = false;
            customerId = parser.value(customer).toLongLong(&ok);
            if (!ok || customerId <= 0)
                return usageError(QStringLiteral("create-user needs --customer ID (a positive number)"));
            if (parser.isSet(newPasswordFile)) {
                auto pw = storage::readSecretFile(parser.value(newPasswordFile));
                if (!pw.ok())
                    return usageError(pw.error().message);
                newPassword = pw.value();
            } else if (qEnvironmentVariableIsSet("UPSTREAM_NEW_PASSWORD")) {
                newPassword = qEnvironmentVariable("UPSTREAM_NEW_PASSWORD");
            } else {
                newPassword = storage::AdminService::generatePassword();
                generated = true;
            }
        }

        auto conn = storage::connectPgTarget(parser.value(db), parser.value(passwordFile));
        if (!conn.ok())
            return errorExit(conn.error());
        storage::AdminService admin(conn.value());
        QJsonObject out{{QStringLiteral("action"), sub}};
        QString text;
        Status st;
        if (sub == QLatin1String("create-customer")) {
            auto id = admin.createCustomer(name);
            if (id.ok()) {
                out.insert(QStringLiteral("customer_id"), id.value());
                text = QStringLiteral("Created customer %1 with id %2.").arg(name).arg(id.value());
            } else {
                st = id.error();
            }
        } else if (sub == QLatin1String("create-user")) {
            st = admin.createUser(name, newPassword, customerId, parser.value(role));
            out.insert(QStringLiteral("login"), name);
            out.insert(QStringLiteral("customer_id"), customerId);
            out.insert(QStringLiteral("role"), parser.value(role));
            text = QStringLiteral("Created user %1 (%2) in customer %3.").arg(name, parser.value(role)).arg(customerId);
            if (generated) {
                // Shown once so the admin can hand it over; it is stored nowhere.
                out.insert(QStringLiteral("generated_password"), newPassword);
                text += QStringLiteral("\nInitial password (shown once): %1").arg(newPassword);
            }
        } else if (sub == QLatin1String("set-role")) {
            st = admin.setRole(name, parser.value(role));
            out.insert(QStringLiteral("login"), name);
            out.insert(QStringLiteral("role"), parser.value(role));
            text = QStringLiteral("User %1 now has role %2.").arg(name, parser.value(role));
        } else {
            st = admin.disableUser(name);
            out.insert(QStringLiteral("login"), name);
            text = QStringLiteral("User %1 is disabled; their sessions were ended.").arg(name);
        }
        if (!st.ok())
            return failed(storage::oneLine(st.error())); // the database refused: a failed operation (exit 1)
        printLine(parser.isSet(json) ? QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)) : text);
        return ExitOk;
    }
};

const CommandRegistrar registrar{{QStringLiteral("admin"),
                                  QStringLiteral("Manage customers and users of the central database."),
                                  [] { return std::make_unique<AdminCommand>(); }}};

} // namespace
} // namespace upstream::cli
