#pragma once
// Preview signals (issue 17): what the three dashboards would show after importing a file, before anything is
// written. The import runs as a dry run (ImportOptions::inspectThenRollBack): inside its transaction, with the
// file merged into what the target already holds (re-exported claims replaced, SPEC 3), the daily aggregates are
// read, the engines run at the merged data's own as-of (SPEC 6, the date a recompute after the import uses by
// default) and the stored signals are read; then the transaction is rolled back. So the preview is by
// construction what "import, then recompute" shows, on PostgreSQL and on a local workspace alike.
//
// Each would-be signal is compared with the newest stored signal of the same group (product, type, payer,
// CPT group, reason): New (no stored signal for the group), Changed (severity or delta moved), Same.
//
// Staged (previewStaged, the wizard's way): the file was read once into a staging table on the target
// (importer::StagedImport) and the dry run merges from there; the stage is kept, so the import after the preview
// merges the same rows again — committing this time — without reading the file or validating a row again.
//
// Failure modes: those of the import (unreadable file, every row rejected, permission, cancel through the
// progress hook) and of reading the target; nothing is written in any case.
#include "compute/ComputeSignals.h"
#include "importer/ClaimImporter.h"
#include "importer/ImportSession.h"

#include <QJsonArray>

namespace upstream::compute {

struct PreviewRow {
    enum class Change : std::uint8_t { New, Changed, Same };
    engines::Signal signal;      // as the engines would store it after the import
    Change change = Change::New; // against the newest stored signal of its group
    QString severityBefore;      // "low" … "critical"; empty for New
    double deltaBefore = 0;      // the stored signal's delta; 0 for New
};

struct SignalPreview {
    QDate asOf;                    // the merged data's own as-of (SPEC 6)
    std::vector<PreviewRow> rows;  // sorted by product, then change (New, Changed, Same), then dollars descending
    importer::ImportResult import; // the dry run's counts (new / updated / unchanged claims)
    // The file as the preview staged it, for the import to merge from (null when the preview did not stage).
    // PreviewRunner hands it over apart (its staged signal) and never keeps it in the shared, const preview.
    std::shared_ptr<importer::StagedImport> staged;
    int count(engines::Product product, PreviewRow::Change change) const;
};

// Pure: the engines' signals against the stored ones (rows of listLocalSignals / listCentralSignals).
SignalPreview comparePreview(std::vector<engines::Signal> found, const QJsonArray &stored, QDate asOf);

Result<SignalPreview> previewLocal(storage::LocalCache &cache, const QString &path,
                                   const importer::ImportOptions &options);
Result<SignalPreview> previewCentral(storage::PgConnection &conn, const QString &path,
                                     const importer::ImportOptions &options);
// The dry run as a merge of `stage` (its own connection and target); the stage stays usable for the import.
Result<SignalPreview> previewStaged(importer::StagedImport &stage, const importer::ImportOptions &options);

// The wizard's preview step behind its target (the session picks previewLocal or previewCentral), run on the
// PreviewRunner's worker thread like the import itself.
using PreviewFunction =
    std::function<Result<SignalPreview>(const importer::ImportRequest &, const importer::ImportProgressFn &)>;

class PreviewRunner : public importer::JobRunner {
    Q_OBJECT
public:
    using JobRunner::JobRunner;
    void start(PreviewFunction function, importer::ImportRequest request);

signals:
    // Before finished(), when the preview staged the file: the wizard keeps it for the import step.
    void staged(std::shared_ptr<upstream::importer::StagedImport> stage);
    void finished(std::shared_ptr<const upstream::compute::SignalPreview> preview);
};

} // namespace upstream::compute
