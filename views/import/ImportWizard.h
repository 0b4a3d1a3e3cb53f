#pragma once
// ImportWizard: the CSV import of SPEC sections 3–5 as seven pages (one class each, views/import/Import*Page):
// file → format and preview → column mapping → live validation → [payer matching] → quality report →
// [preview signals] → import → summary. The payer step appears only with an ImportTarget that can save mappings and
// when the file names payers the target neither knows nor maps; the quality page asks before importing a file the
// target already holds. The wizard holds the state the pages share and the two worker-thread runners; pages only read
// and write it. Validation re-runs on a worker thread whenever the mapping changes (the previous run is cancelled), so
// the GUI thread never parses the file. The import itself is an injectable ImportFunction (the real importer, or a fake
// in tests); without one, the import step fails with a one-line reason.
// PHI: no widget ever shows a raw value that the PHI scanner flags, nor a header containing PHI.
#include "compute/SignalPreview.h"
#include "importer/ImportSession.h"

#include <QWizard>

#include <memory>
#include <optional>

namespace upstream::views {

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    // PayerPageId and PreviewPageId come last so the other ids keep their values; the validation page's nextId()
    // routes to the payer step, the quality page's to the preview when there is a PreviewFunction.
    enum PageId {
        FilePageId,
        FormatPageId,
        MappingPageId,
        ValidationPageId,
        QualityPageId,
        RunPageId,
        SummaryPageId,
        PayerPageId,
        PreviewPageId
    };

    explicit ImportWizard(QWidget *parent = nullptr);
    ~ImportWizard() override;

    void setImportFunction(importer::ImportFunction function) { m_importFunction = std::move(function); }
    const importer::ImportFunction &importFunction() const { return m_importFunction; }
    // The preview step's dry run on the same target; without one the wizard goes from quality straight to import.
    void setPreviewFunction(compute::PreviewFunction function);
    const compute::PreviewFunction &previewFunction() const { return m_previewFunction; }
    void setImportTarget(importer::ImportTarget target) { m_target = std::move(target); }
    const importer::ImportTarget &importTarget() const { return m_target; }
    // Called after the summary page wrote the rejected rows (the session queues an "export" audit event).
    void setExportAudit(importer::ExportAuditFunction audit) { m_exportAudit = std::move(audit); }
    const importer::ExportAuditFunction &exportAudit() const { return m_exportAudit; }
    void setMappingMemory(importer::MappingMemory *memory) { m_memory = memory; } // not owned; may be null
    importer::MappingMemory *mappingMemory() const { return m_memory; }
    void setValidatorConfig(const importer::ValidatorConfig &config) { m_validator = config; }
    // The customer's earlier uploads, for the volume and outcome-shift anomalies (empty: those need history).
    void setUploadHistory(const quality::UploadHistory &history) { m_history = history; }
    // IT policy (settings::Settings::importQualityGateBlocks): below the pass mark the quality page refuses the import
    // instead of asking the analyst to confirm it.
    void setQualityGateBlocks(bool blocks) { m_qualityGateBlocks = blocks; }
    bool qualityGateBlocks() const { return m_qualityGateBlocks; }
    // Inside the main window: the wizard is a plain child widget and starts over after Finish or Cancel.
    void setEmbedded(bool embedded);
    // The workspace is closing (the lock): cancels the preview and the import and waits for their threads, which
    // read the cache and the server password. The file's validation reads only the file and keeps going.
    void stopWorkOnTarget();

    // Shared state (set by the pages, in page order).
    QString filePath;
    csv::ReaderLimits readerLimits; // carries the encoding / delimiter overrides
    importer::CsvPreview preview;
    importer::ColumnMapping mapping;
    std::shared_ptr<const importer::ValidationReport> report; // of the current mapping, once validated
    importer::ImportCounts importCounts;
    std::shared_ptr<const compute::SignalPreview> signalPreview; // of the last finished preview
    // The file as the last finished preview staged it on the target: the import step hands it to the import, which
    // merges from it instead of reading the file a third time. Dropped whenever what was staged no longer stands
    // (re-validation, Back from the preview, a new preview, Cancel, Finish, the lock).
    std::shared_ptr<importer::StagedImport> stagedImport;
    void dropStagedImport();
    // Read from the target when validation first runs for a file (and again after saving mappings).
    std::vector<claims::Mapping> storedMappings;
    QStringList knownPayers;
    QString targetError;                // why the target's payers or mappings could not be read; empty when they were
    QString historyError;               // why the target's upload history could not be read; empty when it was
    std::optional<bool> importedBefore; // the target's answer for the validated file; unset: not asked

    // Raw payer names of the accepted rows (at most kMaxPayerNames, one per payerKey, in file order) that are
    // neither mapped by storedMappings nor exactly a known payer. Of the last finished validation.
    QStringList unmappedPayers() const;
    static constexpr int kMaxPayerNames = 300;
    // Whether the validation page leads to the payer step: the target can save mappings, its payers and mappings
    // were read, and a payer is unmapped.
    bool hasPayerStep() const;
    // Saves through the target, re-reads its mappings and re-validates with them.
    Status savePayerMappings(std::vector<claims::Mapping> mappings);

    importer::ValidationOptions validationOptions() const;
    // Starts validating the file with the current mapping and overrides; cancels the run in progress.
    void revalidate();
    importer::ValidationRunner *validationRunner() const { return m_validation; }
    importer::ImportRunner *importRunner() const { return m_import; }
    compute::PreviewRunner *previewRunner() const { return m_preview; }
    // Starts the preview step's dry run (dropping the stage of an earlier one); its stage arrives as stagedImport.
    void startPreview(importer::ImportRequest request);

signals:
    void recomputeSignalsRequested(); // the summary page's "Recompute signals"
    void validationStarted();

protected:
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void retranslateUi();
    void loadTarget();
    struct PayerCollector;

    importer::ImportFunction m_importFunction;
    compute::PreviewFunction m_previewFunction;
    importer::ImportTarget m_target;
    importer::ExportAuditFunction m_exportAudit;
    QString m_targetLoadedFor;                // the file whose validation last read the target
    std::shared_ptr<PayerCollector> m_payers; // of the latest validation run
    importer::MappingMemory *m_memory = nullptr;
    importer::ValidatorConfig m_validator;
    quality::UploadHistory m_history;
    bool m_qualityGateBlocks = false;
    bool m_targetStopped = false; // stopWorkOnTarget() ran and no preview started since
    importer::ValidationRunner *m_validation = nullptr;
    importer::ImportRunner *m_import = nullptr;
    compute::PreviewRunner *m_preview = nullptr;
};

// "1,234,567" in the user's locale.
QString formatCount(std::uint64_t n);
// "3 s", "1 min 20 s"
QString formatDuration(double seconds);
// A running job's line: `pattern` (translated by the caller) with %1 rows done, %2 rows per second, %3 time left;
// "Starting…" before the first progress report.
QString progressText(const QString &pattern, const std::optional<importer::JobProgress> &progress);

} // namespace upstream::views
