#pragma once
// Import step 2: the detected encoding and delimiter with the first rows as a preview table, and overrides for
// both (the preview re-reads with the override at once). Preview cells the PHI scanner flags, and whole columns
// whose header announces patient data, are withheld.
#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace upstream::views {

class ImportWizard;

class ImportFormatPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFormatPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyOverrides();
    void showPreview();      // rebuilds the table for the wizard's preview, then fills it
    void showPreviewTexts(); // the detected format, the header labels and the cells, in the current language
    void showError();

    ImportWizard *m_wizard;
    QLabel *m_detectedLabel;
    QLabel *m_encodingLabel;
    QLabel *m_delimiterLabel;
    QLabel *m_previewLabel;
    QLabel *m_detected;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QTableWidget *m_table;
    QLabel *m_error;
    QString m_errorReason; // why the file cannot be read with the chosen overrides; empty when it can
    bool m_ok = false;
};

} // namespace upstream::views
