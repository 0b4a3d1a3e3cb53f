#pragma once
// Import step 1: choose the CSV file (typed, dropped onto the path field, or picked with Browse…). The page is
// complete once the path names a readable file; Next reads the header and the first rows (never the whole file)
// and stays on the page with the reader's one-line reason when the file is not usable CSV.
#include <QWizardPage>

class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;

namespace upstream::views {

class ImportWizard;

class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void browse();
    void showError();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QCompleter *m_completer;
    QLabel *m_pathLabel;
    QPushButton *m_browse;
    QLabel *m_hint;
    QLabel *m_error;
    QString m_errorReason; // the reader's reason the chosen file is not usable; empty when there is none
};

} // namespace upstream::views
