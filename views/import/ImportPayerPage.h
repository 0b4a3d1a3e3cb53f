#pragma once
// Import step 4b (only with a target that stores mappings, and only when the file names payers the target neither
// knows nor maps): one row per such raw payer name with a combo of the likely known payers (claims::likelyPayers,
// the best preselected) and "Keep as is". "Save mappings" stores the confirmed choices through the wizard's
// ImportTarget (raw name's payerKey → payer) and re-validates, so the list then holds only what is still unmapped.
// Next never requires saving. The names come from accepted rows, which passed the PHI scan.
#include <QWizardPage>

#include <cstdint>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace upstream::views {

class ImportWizard;

class ImportPayerPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportPayerPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // The last outcome of "Save mappings", said again after a language change.
    enum class SaveStatus { None, NothingToSave, Failed, Saved };

    void retranslateUi();
    void rebuild();
    void save();
    void showIntro();
    void showStatus();

    struct Row {
        QString raw;
        QComboBox *choice;
    };
    ImportWizard *m_wizard;
    QLabel *m_intro;
    QScrollArea *m_scroll;
    QGridLayout *m_rows = nullptr;
    QPushButton *m_save;
    QLabel *m_status;
    QLabel *m_fileHeader = nullptr; // of the current rows widget
    QLabel *m_asHeader = nullptr;
    std::vector<Row> m_choices;
    QString m_targetError; // the wizard's targetError when the rows were built
    SaveStatus m_saveStatus = SaveStatus::None;
    QString m_saveError;            // SaveStatus::Failed: the target's reason
    std::uint64_t m_savedCount = 0; // SaveStatus::Saved
};

} // namespace upstream::views
