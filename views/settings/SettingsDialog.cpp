#include "SettingsDialog.h"

#include "DialogSeam.h"
#include "settings/Settings.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
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

// A labelled row of a form, the label a buddy of the field (its mnemonic focuses it), as QFormLayout::addRow(QString,
// QWidget *) makes it — but kept, so that its text can change with the language.
QLabel *addRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel;
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

} // namespace

QStringList SettingsDialog::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("es")};
}

// A row of the form: the field, and — when machine policy fixed the setting — the field disabled with the reason
// under it (a label, so it is read out and visible without hovering, and never clipped in a longer language).
QWidget *SettingsDialog::row(QWidget *field, bool locked, QWidget *extra)
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
        m_lockedFields << field;
        if (extra)
            extra->setEnabled(false);
        auto *note = new QLabel(w);
        note->setObjectName(QStringLiteral("policyLock"));
        note->setStyleSheet(QStringLiteral("color:#5f6b7a; font-style:italic"));
        v->addWidget(note);
    }
    return w;
}

SettingsDialog::SettingsDialog(settings::Settings *settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto *v = new QVBoxLayout(this);

    m_general = new QGroupBox(this);
    auto *gf = new QFormLayout(m_general);
    m_language = new QComboBox(m_general);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(QString(), QString()); // the system's language
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_languageLabel = addRow(gf, row(m_language, settings->isLocked(keys::Language)));
    m_workspace = new QLineEdit(m_general);
    m_workspace->setObjectName(QStringLiteral("workspacePath"));
    m_workspace->setPlaceholderText(workspace::WorkspaceOpener::defaultDirectory());
    m_browse = new QPushButton(m_general);
    m_browse->setObjectName(QStringLiteral("browseWorkspace"));
    m_workspaceLabel = addRow(gf, row(m_workspace, settings->isLocked(keys::WorkspacePath), m_browse));
    m_restartNote = new QLabel(m_general);
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);
    m_restartNote->setStyleSheet(QStringLiteral("color:#8a5a00"));
    gf->addRow(QString(), m_restartNote);
    v->addWidget(m_general);

    m_security = new QGroupBox(this);
    auto *sf = new QFormLayout(m_security);
    m_idleLock = new QSpinBox(m_security);
    m_idleLock->setObjectName(QStringLiteral("idleLock"));
    m_idleLock->setRange(1, settings::kMaxIdleLockMinutes);
    m_idleLockLabel = addRow(sf, row(m_idleLock, settings->isLocked(keys::IdleLockMinutes)));
    m_remember = new QCheckBox(m_security);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    sf->addRow(QString(),
               row(m_remember, !settings->rememberPasswordAllowed() || settings->isLocked(keys::RememberPassword)));
    m_memorySecurity = new QCheckBox(m_security);
    m_memorySecurity->setObjectName(QStringLiteral("memorySecurity"));
    sf->addRow(QString(), row(m_memorySecurity, settings->isLocked(keys::CacheMemorySecurity)));
    v->addWidget(m_security);

    m_work = new QGroupBox(this);
    auto *wf = new QFormLayout(m_work);
    m_qualityGate = new QComboBox(m_work);
    m_qualityGate->setObjectName(QStringLiteral("qualityGate"));
    m_qualityGate->addItem(QString(), QStringLiteral("confirm"));
    m_qualityGate->addItem(QString(), QStringLiteral("block"));
    m_qualityGateLabel = addRow(wf, row(m_qualityGate, settings->isLocked(keys::ImportQualityGate)));
    m_logLevel = new QComboBox(m_work);
    m_logLevel->setObjectName(QStringLiteral("logLevel"));
    for (const char *level : kLogLevels)
        m_logLevel->addItem(QString(), QString::fromLatin1(level));
    m_logLevelLabel = addRow(wf, row(m_logLevel, settings->isLocked(keys::LogLevel)));
    v->addWidget(m_work);

    // The server is read here, changed where it is used (the sign-in dialog), so there is one editor for it.
    m_server = new QGroupBox(this);
    auto *serverLayout = new QVBoxLayout(m_server);
    m_serverSummary = new QLabel(m_server);
    m_serverSummary->setObjectName(QStringLiteral("serverSummary"));
    m_serverSummary->setWordWrap(true);
    m_serverSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serverLayout->addWidget(m_serverSummary);
    v->addWidget(m_server);

    // Its standard buttons (OK, Cancel, Apply, Restore Defaults) retranslate themselves from Qt's catalogue.
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
    connect(m_workspace, &QLineEdit::textChanged, this, &SettingsDialog::updateNotes);
    retranslateUi();
    load();
    setMinimumWidth(600);
    // Tab follows the form top to bottom (the layout's creation order), then the buttons.
    m_language->setFocus();
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_general->setTitle(tr("Workstation"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setItemText(0, tr("System language"));
    m_languageLabel->setText(tr("&Language:"));
    m_workspace->setAccessibleName(tr("Workspace folder"));
    m_browse->setText(tr("&Browse…"));
    m_workspaceLabel->setText(tr("&Workspace folder:"));

    m_security->setTitle(tr("Security"));
    m_idleLock->setAccessibleName(tr("Lock after minutes without input"));
    m_idleLock->setSuffix(tr(" min"));
    m_idleLockLabel->setText(tr("Lock &after:"));
    m_remember->setText(tr("&Remember my password in the system keychain"));
    m_memorySecurity->setText(tr("&Wipe decrypted data from memory (slower)"));

    m_work->setTitle(tr("Import and diagnostics"));
    m_qualityGate->setAccessibleName(tr("Uploads below the quality pass mark"));
    m_qualityGate->setItemText(0, tr("Ask me to confirm"));
    m_qualityGate->setItemText(1, tr("Refuse them"));
    m_qualityGateLabel->setText(tr("Below the &quality mark:"));
    m_logLevel->setAccessibleName(tr("Log detail"));
    const QString levelNames[] = {tr("Errors only"), tr("Warnings"), tr("Normal"), tr("Detailed"), tr("Everything")};
    static_assert(std::size(levelNames) == std::size(kLogLevels));
    for (int i = 0; i < int(std::size(levelNames)); ++i)
        m_logLevel->setItemText(i, levelNames[i]);
    m_logLevelLabel->setText(tr("Log &detail:"));

    for (QWidget *field : std::as_const(m_lockedFields))
        field->setToolTip(tr("Your IT department set this for this computer (machine policy)."));
    for (QLabel *note : findChildren<QLabel *>(QStringLiteral("policyLock")))
        note->setText(tr("Set by your IT department"));
    if (!m_settings->rememberPasswordAllowed())
        m_remember->setToolTip(tr("Your IT department does not allow remembering passwords."));

    m_server->setTitle(tr("Server"));
    const QString host = m_settings->value(keys::ServerHost);
    m_serverSummary->setText(host.isEmpty()
                                 ? tr("No server: this workstation works on a local workspace.")
                                 : tr("%1:%2, database %3, TLS %4. Change it in the sign-in dialog.")
                                       .arg(host)
                                       .arg(m_settings->value(keys::ServerPort))
                                       .arg(m_settings->value(keys::ServerDatabase), m_settings->value(keys::SslMode)));
    updateNotes();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::load()
{
    auto select = [](QComboBox *box, const QString &data) {
        const int i = box->findData(data.toLower());
        box->setCurrentIndex(i >= 0 ? i : 0);
    };
    m_startWorkspace = m_settings->value(keys::WorkspacePath);
    select(m_language, m_settings->value(keys::Language));
    m_workspace->setText(m_startWorkspace);
    m_idleLock->setValue(m_settings->idleLockMinutes());
    m_remember->setChecked(m_settings->rememberPasswordAllowed() && m_settings->value(keys::RememberPassword));
    m_memorySecurity->setChecked(m_settings->value(keys::CacheMemorySecurity));
    m_qualityGate->setCurrentIndex(m_settings->importQualityGateBlocks() ? 1 : 0);
    const int level = m_logLevel->findData(m_settings->value(keys::LogLevel).toLower());
    m_logLevel->setCurrentIndex(level >= 0 ? level : m_logLevel->findData(QStringLiteral("info")));
    updateNotes();
}

// The language applies at once (the shell switches it when the dialog is saved); the workspace folder is opened at
// start, so a change to it waits for the next one.
void SettingsDialog::updateNotes()
{
    const bool later = m_workspace->text().trimmed() != m_startWorkspace;
    m_restartNote->setText(later ? tr("A change to %1 takes effect the next time you start Upstream "
                                      "Workstation.")
                                       .arg(tr("the workspace folder"))
                                 : QString());
    m_restartNote->setVisible(later);
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
