#include "DialogSeam.h"

#include <QDir>
#include <QFileDialog>

#include <optional>

namespace upstream::widgets {
namespace {

std::optional<QMessageBox::StandardButton> g_nextAnswer;
std::optional<QString> g_nextFileName;
QString g_lastQuestion;
// Counts interruptAll() calls: a dialog whose exec() spans one answers "nothing chosen".
quint64 g_interruptions = 0;

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
    const quint64 before = g_interruptions;
    const auto answer = QMessageBox::StandardButton(box.exec());
    return g_interruptions == before ? answer : QMessageBox::NoButton;
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

void MessageBox::interruptAll()
{
    ++g_interruptions;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

QString MessageBox::lastQuestion()
{
    return g_lastQuestion;
}

namespace {
// The queued answer if there is one, else what the real picker returns (nothing when the lock interrupted it).
template<typename Show>
QString pick(Show show)
{
    if (g_nextFileName) {
        QString name = *g_nextFileName;
        g_nextFileName.reset();
        return name;
    }
    const quint64 before = g_interruptions;
    const QString name = show();
    return g_interruptions == before ? name : QString();
}
} // namespace

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                                    const QString &filter)
{
    return pick(
        [&] { return QFileDialog::getSaveFileName(parent, caption, QDir::home().filePath(suggestedName), filter); });
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    return pick([&] { return QFileDialog::getOpenFileName(parent, caption, QDir::homePath(), filter); });
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption, const QString &start)
{
    return pick(
        [&] { return QFileDialog::getExistingDirectory(parent, caption, start.isEmpty() ? QDir::homePath() : start); });
}

void FileDialog::setNextFileName(const QString &fileName)
{
    g_nextFileName = fileName;
}

} // namespace upstream::widgets
