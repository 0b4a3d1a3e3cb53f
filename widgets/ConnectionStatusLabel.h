#pragma once
// Status-bar indicator of the connection state. It only listens to sync::ConnectionStatus.
#include "sync/ConnectionState.h"

#include <QLabel>

namespace upstream::widgets {

class ConnectionStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit ConnectionStatusLabel(sync::ConnectionStatus *status, QWidget *parent = nullptr);

private:
    void show(sync::ConnectionState state, const QString &detail);
};

} // namespace upstream::widgets
