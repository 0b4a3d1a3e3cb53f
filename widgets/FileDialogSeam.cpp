#include "FileDialogSeam.h"

#include <QFileDialog>

#include <optional>

namespace upstream::widgets {
namespace {
std::optional<QString> &nextFile()
{
    static std::optional<QString> next;
    return next;
}
} // namespace

QString FileDialogSeam::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                        const QString &filter)
{
    if (auto &next = nextFile(); next) {
        const QString file = *next;
        next.reset();
        return file;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

void FileDialogSeam::setNextFileName(const QString &file)
{
    nextFile() = file;
}

} // namespace upstream::widgets
