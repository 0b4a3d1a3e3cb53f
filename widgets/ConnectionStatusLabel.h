#pragma once
// Status-bar indicator of the connection state. It only listens to sync::ConnectionStatus; a language change
// (QEvent::LanguageChange) redraws the current state in the new language.
#include "sync/ConnectionState.h"

#include <QLabel>

namespace upstream::widgets {

class ConnectionStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit ConnectionStatusLabel(sync::ConnectionStatus *status, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(sync::ConnectionState state, const QString &detail);
    void retranslateUi();

    sync::ConnectionStatus *m_status;
};

} // namespace upstream::widgets
