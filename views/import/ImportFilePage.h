#pragma once
// Import step 1: choose the CSV file (typed, dropped onto the path field, or picked with Browse…). The page is
// complete once the path names a readable file; Next reads the header and the first rows (never the whole file)
// and stays on the page with the reader's one-line reason when the file is not usable CSV.
#include <QWizardPage>

class QCompleter;
class QLabel;
class QLineEdit;

namespace upstream::views {

class ImportWizard;

class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void browse();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QCompleter *m_completer;
    QLabel *m_error;
};

} // namespace upstream::views
