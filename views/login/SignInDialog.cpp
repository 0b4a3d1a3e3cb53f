#include "SignInDialog.h"

#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

// A field set by machine policy is shown read-only with the reason.
void lockIfPolicy(QWidget *field, bool locked)
{
    if (!locked)
        return;
    field->setEnabled(false);
    field->setToolTip(QObject::tr("Set by your IT department"));
}

} // namespace

SignInDialog::SignInDialog(settings::Settings *settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    namespace keys = settings::keys;
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Upstream"));
    auto *v = new QVBoxLayout(this);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("signInAgainBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(QStringLiteral("background: #fff4e0; border: 1px solid #e0b060; padding: 8px;"));
    m_banner->hide();
    v->addWidget(m_banner);

    auto *server = new QGroupBox(tr("Server"), this);
    m_server = server;
    auto *sf = new QFormLayout(server);
    m_host = new QLineEdit(settings->value(keys::ServerHost), server);
    m_host->setAccessibleName(tr("Server host"));
    m_port = new QSpinBox(server);
    m_port->setRange(1, 65535);
    m_port->setValue(settings->value(keys::ServerPort));
    m_port->setAccessibleName(tr("Server port"));
    m_database = new QLineEdit(settings->value(keys::ServerDatabase), server);
    m_database->setAccessibleName(tr("Database"));
    // verify-full only, unless machine policy allows weaker modes for a test server; a weaker mode left in the
    // user's own settings from an older version is not offered.
    m_sslmode = new QComboBox(server);
    m_sslmode->setObjectName(QStringLiteral("sslmode"));
    m_sslmode->addItem(QStringLiteral("verify-full"));
    if (settings->weakTlsAllowed())
        m_sslmode->addItems({QStringLiteral("verify-ca"), QStringLiteral("require")});
    m_sslmode->setCurrentText(settings->value(keys::SslMode));
    m_sslmode->setAccessibleName(tr("TLS verification"));
    m_tlsWarning = new QLabel(tr("This mode does not check that the server is the one named above: use it only for a "
                                 "test server."),
                              server);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarning"));
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->setStyleSheet(QStringLiteral("color: #b26a00;"));
    auto showTlsWarning = [this] {
        m_tlsWarning->setVisible(m_sslmode->currentText() != QLatin1String("verify-full"));
    };
    connect(m_sslmode, &QComboBox::currentTextChanged, this, showTlsWarning);
    showTlsWarning();
    m_ca = new QLineEdit(settings->value(keys::SslRootCert), server);
    m_ca->setPlaceholderText(tr("System certificate store"));
    m_ca->setAccessibleName(tr("CA certificate file"));
    sf->addRow(tr("&Host:"), m_host);
    sf->addRow(tr("P&ort:"), m_port);
    sf->addRow(tr("&Database:"), m_database);
    sf->addRow(tr("&TLS:"), m_sslmode);
    sf->addRow(QString(), m_tlsWarning);
    sf->addRow(tr("CA &file:"), m_ca);
    lockIfPolicy(m_host, settings->isLocked(keys::ServerHost));
    lockIfPolicy(m_port, settings->isLocked(keys::ServerPort));
    lockIfPolicy(m_database, settings->isLocked(keys::ServerDatabase));
    lockIfPolicy(m_sslmode, settings->isLocked(keys::SslMode));
    lockIfPolicy(m_ca, settings->isLocked(keys::SslRootCert));
    v->addWidget(server);

    auto *form = new QFormLayout;
    m_user = new QLineEdit(settings->value(keys::UserName), this);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_remember = new QCheckBox(tr("&Remember my password on this computer"), this);
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setToolTip(tr("Stored only in the system keychain."));
    if (settings->rememberPasswordAllowed()) {
        m_remember->setChecked(settings->value(keys::RememberPassword));
        lockIfPolicy(m_remember, settings->isLocked(keys::RememberPassword));
    } else {
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        m_remember->setToolTip(tr("Your IT department does not allow remembering passwords."));
    }
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    v->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    v->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_error->clear();
        emit signInRequested(request());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
    setMinimumWidth(480);
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
}

session::SignInRequest SignInDialog::request() const
{
    session::SignInRequest r;
    r.profile.host = m_host->text().trimmed();
    r.profile.port = m_port->value();
    r.profile.database = m_database->text().trimmed();
    r.profile.sslmode = m_sslmode->currentText();
    r.profile.sslrootcert = m_ca->text().trimmed();
    r.profile.allowWeakTls = m_settings->weakTlsAllowed();
    r.user = m_user->text().trimmed();
    r.password = m_password->text();
    r.remember = m_remember->isChecked() && m_settings->rememberPasswordAllowed();
    return r;
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_password->selectAll();
    m_password->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_cancel->setEnabled(!busy || m_again); // signing in again: working offline instead is always possible
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
}

void SignInDialog::saveProfile()
{
    namespace keys = settings::keys;
    // Locked fields are refused by the registry; that is expected and harmless.
    (void)m_settings->setValue(keys::ServerHost, m_host->text().trimmed());
    (void)m_settings->setValue(keys::ServerPort, m_port->value());
    (void)m_settings->setValue(keys::ServerDatabase, m_database->text().trimmed());
    (void)m_settings->setValue(keys::SslMode, m_sslmode->currentText());
    (void)m_settings->setValue(keys::SslRootCert, m_ca->text().trimmed());
    (void)m_settings->setValue(keys::UserName, m_user->text().trimmed());
    (void)m_settings->setValue(keys::RememberPassword, m_remember->isChecked());
    m_settings->sync();
}

void SignInDialog::setSignInAgain(const QString &user, int queued)
{
    m_banner->setText(tr("Your sign-in has expired: the server no longer accepts your password (it may have been "
                         "changed). Your work on this computer is kept, and so are the changes waiting to be sent "
                         "(%n). Sign in again to send them; until then you can keep working offline.",
                         nullptr, queued));
    if (m_again)
        return;
    m_again = true;
    setObjectName(QStringLiteral("signInAgainDialog"));
    setWindowTitle(tr("Sign in again"));
    m_banner->show();
    // The session's server and user: signing in again as someone else or elsewhere would mix two workspaces.
    m_server->setEnabled(false);
    m_user->setText(user);
    m_user->setReadOnly(true);
    m_user->setFocusPolicy(Qt::NoFocus);
    m_password->clear();
    m_cancel->setText(tr("&Work offline"));
    m_password->setFocus();
}

void SignInDialog::clearPassword()
{
    m_password->clear();
    m_error->clear();
}

} // namespace upstream::views
