#pragma once
// Import step 3: which source column feeds each canonical claim column. Auto-filled (a mapping remembered for the
// same header fingerprint first, then names and synonyms), editable with one combo box per canonical column;
// required columns are marked; columns that will be dropped are listed, those whose header announces patient
// data flagged. Every change re-starts validation in the background (debounced, the previous run cancelled).
// Complete while the mapping passes planColumns (no missing required column, no column used twice).
#include "importer/ColumnMapping.h"

#include <QWizardPage>

#include <array>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QTimer;

namespace upstream::views {

class ImportWizard;

class ImportMappingPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    static QString columnLabel(importer::Column column); // translated, with its mnemonic

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void mappingEdited();
    void refreshStatus();
    void showRecalled();

    ImportWizard *m_wizard;
    QGroupBox *m_box;
    std::array<QComboBox *, importer::kColumnCount> m_combos{};
    std::array<QLabel *, importer::kColumnCount> m_labels{};
    QLabel *m_status;
    QLabel *m_dropped;
    QLabel *m_recalled;
    QCheckBox *m_remember;
    QTimer *m_debounce;
    bool m_ok = false;
    bool m_wasRecalled = false; // the mapping came from MappingMemory
};

} // namespace upstream::views
