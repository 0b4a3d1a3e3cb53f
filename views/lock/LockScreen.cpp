#include "LockScreen.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {

LockScreen::LockScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("lockScreen"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *box = new QWidget(this);
    box->setMaximumWidth(420);
    auto *v = new QVBoxLayout(box);
    auto *title = new QLabel(tr("<h2>Upstream Workstation is locked</h2>"), box);
    title->setAlignment(Qt::AlignCenter);
    m_user = new QLabel(box);
    m_user->setAlignment(Qt::AlignCenter);
    auto *hint = new QLabel(tr("Your work is kept. Enter your password to continue."), box);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    m_unlock = new QPushButton(tr("&Unlock"), box);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    v->addWidget(title);
    v->addWidget(m_user);
    v->addWidget(hint);
    v->addSpacing(12);
    v->addWidget(m_password);
    v->addWidget(m_unlock, 0, Qt::AlignRight);
    v->addWidget(m_message);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(3);

    auto submit = [this] {
        if (m_unlock->isEnabled())
            emit unlockRequested(m_password->text());
    };
    connect(m_unlock, &QPushButton::clicked, this, submit);
    connect(m_password, &QLineEdit::returnPressed, this, submit);
}

void LockScreen::setUserName(const QString &user)
{
    m_user->setText(user.isEmpty() ? QString() : tr("Signed in as %1").arg(user));
}

void LockScreen::setMessage(const QString &message)
{
    m_message->setText(message);
}

void LockScreen::setBusy(bool busy)
{
    m_unlock->setEnabled(!busy);
    m_password->setEnabled(!busy);
}

void LockScreen::clearPassword()
{
    m_password->clear();
}

void LockScreen::focusPassword()
{
    m_password->setFocus(Qt::OtherFocusReason);
}

} // namespace upstream::views
