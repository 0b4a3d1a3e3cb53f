#include "DialogSeam.h"

#include <QDir>
#include <QFileDialog>

#include <optional>

namespace upstream::widgets {
namespace {

std::optional<QMessageBox::StandardButton> g_nextAnswer;
std::optional<QString> g_nextFileName;
QString g_lastQuestion;

QMessageBox::StandardButton ask(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    g_lastQuestion = text;
    if (g_nextAnswer) {
        const auto answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return ask(QMessageBox::Question, parent, title, text, buttons, defaultButton);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    (void)ask(QMessageBox::Warning, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    (void)ask(QMessageBox::Information, parent, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

QString MessageBox::lastQuestion()
{
    return g_lastQuestion;
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                                    const QString &filter)
{
    if (g_nextFileName) {
        const QString name = *g_nextFileName;
        g_nextFileName.reset();
        return name;
    }
    return QFileDialog::getSaveFileName(parent, caption, QDir::home().filePath(suggestedName), filter);
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    if (g_nextFileName) {
        const QString name = *g_nextFileName;
        g_nextFileName.reset();
        return name;
    }
    return QFileDialog::getOpenFileName(parent, caption, QDir::homePath(), filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    g_nextFileName = fileName;
}

} // namespace upstream::widgets
