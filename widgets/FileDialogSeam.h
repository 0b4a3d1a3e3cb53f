#pragma once
// FileDialogSeam: every "save as" of the dashboards goes through here, so tests can answer without a blocking
// native dialog (like KeePassXC's FileDialog::setNextFileName). In production it is QFileDialog::getSaveFileName.
#include <QString>

class QWidget;

namespace upstream::widgets {

class FileDialogSeam {
public:
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                   const QString &filter);
    // The next getSaveFileName() returns this without showing a dialog (an empty string = cancelled).
    static void setNextFileName(const QString &file);
};

} // namespace upstream::widgets
