#include "SettingsDialog.h"

#include "DialogSeam.h"
#include "settings/Settings.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace upstream::views {
namespace keys = settings::keys;
namespace {

const char *const kLogLevels[] = {"error", "warn", "info", "debug", "trace"};

// A row of the form: the field, and — when machine policy fixed the setting — the field disabled with the reason
// under it (a label, so it is read out and visible without hovering, and never clipped in a longer language).
QWidget *row(QWidget *field, bool locked, QWidget *extra = nullptr)
{
    auto *w = new QWidget;
    auto *v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    auto *h = new QHBoxLayout;
    h->addWidget(field, 1);
    if (extra)
        h->addWidget(extra);
    v->addLayout(h);
    if (locked) {
        field->setEnabled(false);
        field->setToolTip(SettingsDialog::tr("Your IT department set this for this computer (machine policy)."));
        if (extra)
            extra->setEnabled(false);
        auto *note = new QLabel(SettingsDialog::tr("Set by your IT department"), w);
        note->setObjectName(QStringLiteral("policyLock"));
        note->setStyleSheet(QStringLiteral("color:#5f6b7a; font-style:italic"));
        v->addWidget(note);
    }
    return w;
}

} // namespace

QStringList SettingsDialog::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("es")};
}

SettingsDialog::SettingsDialog(settings::Settings *settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *v = new QVBoxLayout(this);

    auto *general = new QGroupBox(tr("Workstation"), this);
    auto *gf = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    gf->addRow(tr("&Language:"), row(m_language, settings->isLocked(keys::Language)));
    m_workspace = new QLineEdit(general);
    m_workspace->setObjectName(QStringLiteral("workspacePath"));
    m_workspace->setAccessibleName(tr("Workspace folder"));
    m_workspace->setPlaceholderText(workspace::WorkspaceOpener::defaultDirectory());
    m_browse = new QPushButton(tr("&Browse…"), general);
    m_browse->setObjectName(QStringLiteral("browseWorkspace"));
    gf->addRow(tr("&Workspace folder:"), row(m_workspace, settings->isLocked(keys::WorkspacePath), m_browse));
    m_restartNote = new QLabel(general);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);
    m_restartNote->setStyleSheet(QStringLiteral("color:#8a5a00"));
    gf->addRow(QString(), m_restartNote);
    v->addWidget(general);

    auto *security = new QGroupBox(tr("Security"), this);
    auto *sf = new QFormLayout(security);
    m_idleLock = new QSpinBox(security);
    m_idleLock->setObjectName(QStringLiteral("idleLock"));
    m_idleLock->setAccessibleName(tr("Lock after minutes without input"));
    m_idleLock->setRange(1, settings::kMaxIdleLockMinutes);
    m_idleLock->setSuffix(tr(" min"));
    sf->addRow(tr("Lock &after:"), row(m_idleLock, settings->isLocked(keys::IdleLockMinutes)));
    m_remember = new QCheckBox(tr("&Remember my password in the system keychain"), security);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    sf->addRow(QString(),
               row(m_remember, !settings->rememberPasswordAllowed() || settings->isLocked(keys::RememberPassword)));
    if (!settings->rememberPasswordAllowed())
        m_remember->setToolTip(tr("Your IT department does not allow remembering passwords."));
    m_memorySecurity = new QCheckBox(tr("&Wipe decrypted data from memory (slower)"), security);
    m_memorySecurity->setObjectName(QStringLiteral("memorySecurity"));
    sf->addRow(QString(), row(m_memorySecurity, settings->isLocked(keys::CacheMemorySecurity)));
    v->addWidget(security);

    auto *work = new QGroupBox(tr("Import and diagnostics"), this);
    auto *wf = new QFormLayout(work);
    m_qualityGate = new QComboBox(work);
    m_qualityGate->setObjectName(QStringLiteral("qualityGate"));
    m_qualityGate->setAccessibleName(tr("Uploads below the quality pass mark"));
    m_qualityGate->addItem(tr("Ask me to confirm"), QStringLiteral("confirm"));
    m_qualityGate->addItem(tr("Refuse them"), QStringLiteral("block"));
    wf->addRow(tr("Below the &quality mark:"), row(m_qualityGate, settings->isLocked(keys::ImportQualityGate)));
    m_logLevel = new QComboBox(work);
    m_logLevel->setObjectName(QStringLiteral("logLevel"));
    m_logLevel->setAccessibleName(tr("Log detail"));
    const QString levelNames[] = {tr("Errors only"), tr("Warnings"), tr("Normal"), tr("Detailed"), tr("Everything")};
    for (int i = 0; i < int(std::size(kLogLevels)); ++i)
        m_logLevel->addItem(levelNames[i], QString::fromLatin1(kLogLevels[i]));
    wf->addRow(tr("Log &detail:"), row(m_logLevel, settings->isLocked(keys::LogLevel)));
    v->addWidget(work);

    // The server is read here, changed where it is used (the sign-in dialog), so there is one editor for it.
    auto *server = new QGroupBox(tr("Server"), this);
    auto *serverLayout = new QVBoxLayout(server);
    const QString host = settings->value(keys::ServerHost);
    auto *summary =
        new QLabel(host.isEmpty() ? tr("No server: this workstation works on a local workspace.")
                                  : tr("%1:%2, database %3, TLS %4. Change it in the sign-in dialog.")
                                        .arg(host)
                                        .arg(settings->value(keys::ServerPort))
                                        .arg(settings->value(keys::ServerDatabase), settings->value(keys::SslMode)),
                   server);
    summary->setObjectName(QStringLiteral("serverSummary"));
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serverLayout->addWidget(summary);
    v->addWidget(server);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply |
                                             QDialogButtonBox::RestoreDefaults,
                                         this);
    m_apply = buttons->button(QDialogButtonBox::Apply);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] { apply(); });
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            widgets::FileDialog::getExistingDirectory(this, tr("Workspace folder"), m_workspace->text());
        if (!dir.isEmpty())
            m_workspace->setText(dir);
    });
    v->addWidget(buttons);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateNotes);
    connect(m_workspace, &QLineEdit::textChanged, this, &SettingsDialog::updateNotes);
    load();
    setMinimumWidth(600);
    // Tab follows the form top to bottom (the layout's creation order), then the buttons.
    m_language->setFocus();
}

void SettingsDialog::load()
{
    auto select = [](QComboBox *box, const QString &data) {
        const int i = box->findData(data.toLower());
        box->setCurrentIndex(i >= 0 ? i : 0);
    };
    m_startLanguage = m_settings->value(keys::Language).toLower();
    m_startWorkspace = m_settings->value(keys::WorkspacePath);
    select(m_language, m_startLanguage);
    m_workspace->setText(m_startWorkspace);
    m_idleLock->setValue(m_settings->idleLockMinutes());
    m_remember->setChecked(m_settings->rememberPasswordAllowed() && m_settings->value(keys::RememberPassword));
    m_memorySecurity->setChecked(m_settings->value(keys::CacheMemorySecurity));
    m_qualityGate->setCurrentIndex(m_settings->importQualityGateBlocks() ? 1 : 0);
    const int level = m_logLevel->findData(m_settings->value(keys::LogLevel).toLower());
    m_logLevel->setCurrentIndex(level >= 0 ? level : m_logLevel->findData(QStringLiteral("info")));
    updateNotes();
}

void SettingsDialog::updateNotes()
{
    QStringList later;
    if (m_language->currentData().toString() != m_startLanguage)
        later << tr("the language");
    if (m_workspace->text().trimmed() != m_startWorkspace)
        later << tr("the workspace folder");
    m_restartNote->setText(later.isEmpty() ? QString()
                                           : tr("A change to %1 takes effect the next time you start Upstream "
                                                "Workstation.")
                                                 .arg(later.join(tr(" and "))));
    m_restartNote->setVisible(!later.isEmpty());
}

void SettingsDialog::restoreDefaults()
{
    if (m_language->isEnabled())
        m_language->setCurrentIndex(m_language->findData(keys::Language.defaultValue));
    if (m_workspace->isEnabled())
        m_workspace->setText(keys::WorkspacePath.defaultValue);
    if (m_idleLock->isEnabled())
        m_idleLock->setValue(keys::IdleLockMinutes.defaultValue);
    if (m_remember->isEnabled())
        m_remember->setChecked(keys::RememberPassword.defaultValue);
    if (m_memorySecurity->isEnabled())
        m_memorySecurity->setChecked(keys::CacheMemorySecurity.defaultValue);
    if (m_qualityGate->isEnabled())
        m_qualityGate->setCurrentIndex(m_qualityGate->findData(keys::ImportQualityGate.defaultValue));
    if (m_logLevel->isEnabled())
        m_logLevel->setCurrentIndex(m_logLevel->findData(keys::LogLevel.defaultValue));
}

bool SettingsDialog::apply()
{
    QStringList changed;
    // Writes a field's value when the user could change it and it differs from what is in effect.
    auto write = [&](QWidget *field, const auto &key, const auto &value, const auto &current) {
        if (!field->isEnabled() || value == current)
            return;
        if (m_settings->setValue(key, value).ok())
            changed << QString::fromLatin1(key.path);
    };
    write(m_language, keys::Language, m_language->currentData().toString(), m_settings->value(keys::Language));
    write(m_workspace, keys::WorkspacePath, m_workspace->text().trimmed(), m_settings->value(keys::WorkspacePath));
    write(m_idleLock, keys::IdleLockMinutes, m_idleLock->value(), m_settings->idleLockMinutes());
    write(m_remember, keys::RememberPassword, m_remember->isChecked(), m_settings->value(keys::RememberPassword));
    write(m_memorySecurity, keys::CacheMemorySecurity, m_memorySecurity->isChecked(),
          m_settings->value(keys::CacheMemorySecurity));
    write(m_qualityGate, keys::ImportQualityGate, m_qualityGate->currentData().toString(),
          m_settings->importQualityGateBlocks() ? QStringLiteral("block") : QStringLiteral("confirm"));
    write(m_logLevel, keys::LogLevel, m_logLevel->currentData().toString(), m_settings->value(keys::LogLevel));
    if (changed.isEmpty())
        return false;
    m_settings->sync();
    emit applied(changed);
    updateNotes();
    return true;
}

} // namespace upstream::views
