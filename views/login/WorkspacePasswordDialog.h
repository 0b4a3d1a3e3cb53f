#pragma once
// Asks for the password of a local workspace: to create one (password + confirmation, with a minimum length) or to
// unlock an existing one. Offers the demo workspace on first start. The dialog only collects input; the caller
// opens the workspace and reports failures back with showError(), keeping the dialog open.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace upstream::views {

class WorkspacePasswordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Create, Unlock };
    enum Outcome { PasswordEntered = 1, DemoChosen = 2 };

    explicit WorkspacePasswordDialog(Mode mode, QWidget *parent = nullptr);

    QString password() const;
    void showError(const QString &message);
    void setBusy(bool busy);
    static constexpr int kMinimumPasswordLength = 10;

signals:
    void passwordSubmitted(const QString &password);
    void demoRequested();

private:
    void submit();
    Mode m_mode;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace upstream::views
