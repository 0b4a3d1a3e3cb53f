#pragma once
// The page that replaces the workspace while the workstation is locked: product name, who is signed in, a
// password field and the reason for the last failure. It shows no workspace data.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace upstream::views {

class LockScreen : public QWidget {
    Q_OBJECT
public:
    explicit LockScreen(QWidget *parent = nullptr);

    void setUserName(const QString &user);
    void setMessage(const QString &message); // error or wait notice; empty clears
    void setBusy(bool busy);                 // while the password is being checked
    void clearPassword();
    void focusPassword();

signals:
    void unlockRequested(const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_userName;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_user = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_unlock = nullptr;
};

} // namespace upstream::views
