#include "WorkspacePasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {

WorkspacePasswordDialog::WorkspacePasswordDialog(Mode mode, QWidget *parent) : QDialog(parent), m_mode(mode)
{
    setObjectName(QStringLiteral("workspacePasswordDialog"));
    setWindowTitle(mode == Mode::Create ? tr("Create a local workspace") : tr("Open your workspace"));
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(mode == Mode::Create
                                 ? tr("No server is configured. Your work will be kept in an encrypted workspace on "
                                      "this computer. Choose a password to protect it (at least %1 characters). It "
                                      "cannot be recovered if you forget it.")
                                       .arg(kMinimumPasswordLength)
                                 : tr("Enter the password of your local workspace."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    form->addRow(tr("&Password:"), m_password);
    if (mode == Mode::Create) {
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(QStringLiteral("confirm"));
        m_confirm->setEchoMode(QLineEdit::Password);
        m_confirm->setAccessibleName(tr("Confirm password"));
        form->addRow(tr("&Confirm:"), m_confirm);
    }
    v->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    v->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(mode == Mode::Create ? tr("&Create") : tr("&Open"), QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    if (mode == Mode::Create) {
        QPushButton *demo = buttons->addButton(tr("Try the &demo workspace"), QDialogButtonBox::ActionRole);
        demo->setObjectName(QStringLiteral("demoButton"));
        connect(demo, &QPushButton::clicked, this, &WorkspacePasswordDialog::demoRequested);
    }
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &WorkspacePasswordDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
    setMinimumWidth(460);
}

QString WorkspacePasswordDialog::password() const
{
    return m_password->text();
}

void WorkspacePasswordDialog::submit()
{
    const QString pw = m_password->text();
    if (m_mode == Mode::Create) {
        if (pw.size() < kMinimumPasswordLength) {
            showError(tr("The password needs at least %1 characters.").arg(kMinimumPasswordLength));
            return;
        }
        if (pw != m_confirm->text()) {
            showError(tr("The two passwords differ."));
            return;
        }
    } else if (pw.isEmpty()) {
        showError(tr("Enter your password."));
        return;
    }
    m_error->clear();
    emit passwordSubmitted(pw);
}

void WorkspacePasswordDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_password->selectAll();
    m_password->setFocus();
}

void WorkspacePasswordDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
    m_password->setEnabled(!busy);
    if (m_confirm)
        m_confirm->setEnabled(!busy);
}

} // namespace upstream::views
