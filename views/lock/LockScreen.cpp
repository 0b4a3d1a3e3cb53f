#include "LockScreen.h"

#include <QEvent>
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
    m_title = new QLabel(box);
    m_title->setAlignment(Qt::AlignCenter);
    m_user = new QLabel(box);
    m_user->setAlignment(Qt::AlignCenter);
    m_hint = new QLabel(box);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_unlock = new QPushButton(box);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    v->addWidget(m_title);
    v->addWidget(m_user);
    v->addWidget(m_hint);
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
    retranslateUi();
}

// The message (a wrong password, a wait) is the controller's and stays as it was given: the language can only change
// through File ▸ Settings…, which the lock closes and keeps out of reach while locked.
void LockScreen::retranslateUi()
{
    m_title->setText(tr("<h2>Upstream Workstation is locked</h2>"));
    m_user->setText(m_userName.isEmpty() ? QString() : tr("Signed in as %1").arg(m_userName));
    m_hint->setText(tr("Your work is kept. Enter your password to continue."));
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    m_unlock->setText(tr("&Unlock"));
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LockScreen::setUserName(const QString &user)
{
    m_userName = user;
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
