#pragma once
// Test seam for modal questions and file pickers (the KeePassXC MessageBox/FileDialog pattern): views ask through
// these wrappers, and a GUI test queues the answer beforehand so nothing ever blocks on a dialog.
//
// Contract: with no queued answer the real QMessageBox / QFileDialog is shown. A queued answer is consumed by the
// next call of that kind, which then shows nothing; the question it replaced is kept in lastQuestion() so a test can
// check what the user would have been asked. GUI thread only.
#include <QMessageBox>
#include <QString>

namespace upstream::widgets {

class MessageBox {
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

    static void setNextAnswer(QMessageBox::StandardButton answer); // tests only
    static QString lastQuestion();                                 // text of the last question asked

    // The workstation locks: every question and file picker open now is closed and answers "nothing chosen"
    // (question() returns NoButton, the file pickers an empty name), whatever the dialog's own default was, so the
    // code that asked does nothing on a closed workspace. The caller then closes the windows.
    static void interruptAll();
};

class FileDialog {
public:
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName,
                                   const QString &filter);
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &filter);
    static QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &start);
    static void setNextFileName(const QString &fileName); // tests only (save and open); empty = the user cancelled
};

} // namespace upstream::widgets
