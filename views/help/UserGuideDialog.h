#pragma once
// The user guide, rendered locally: a QTextBrowser over the installed (or bundled) Markdown file, its screenshots
// and links to the other guides resolved next to it. Links to anything but a local guide are not followed.
// Keyboard: the text has the focus (arrows and Page Up/Down scroll); Tab goes to Close and back.
#include <QDialog>

class QPushButton;
class QTextBrowser;

namespace upstream::views {

class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    // `path`: the guide's Markdown file (help::findGuide). An empty or missing path shows what to do instead.
    explicit UserGuideDialog(const QString &path, QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    QPushButton *closeButton() const { return m_close; }
    QString path() const { return m_path; }

private:
    QString m_path;
    QTextBrowser *m_browser;
    QPushButton *m_close;
};

} // namespace upstream::views
