#pragma once
// About: product name, version and the versions of Qt, the PostgreSQL client library and SQLCipher.
#include <QDialog>

namespace upstream::views {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace upstream::views
