#include "ImportWizard.h"

#include "ImportFilePage.h"
#include "ImportFormatPage.h"
#include "ImportMappingPage.h"
#include "ImportPayerPage.h"
#include "ImportQualityPage.h"
#include "ImportRunPage.h"
#include "ImportSummaryPage.h"
#include "ImportValidationPage.h"

#include "claims/PayerNames.h"
#include "importer/ImportContext.h"

#include <QDate>
#include <QLocale>

#include <mutex>
#include <unordered_set>

namespace upstream::views {

// Distinct payer names of the accepted rows, filled on the validation's thread. Accepted rows passed the PHI scan,
// so these names may be shown (unlike the preview's raw values).
struct ImportWizard::PayerCollector {
    std::mutex mutex;
    std::unordered_set<std::string> keys;
    QStringList names;
};

ImportWizard::ImportWizard(QWidget *parent) : QWizard(parent)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import claims"));
    setAccessibleName(tr("Import claims wizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setMinimumSize(900, 640);
    m_validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
    m_validation = new importer::ValidationRunner(this);
    m_import = new importer::ImportRunner(this);

    setPage(FilePageId, new ImportFilePage(this));
    setPage(FormatPageId, new ImportFormatPage(this));
    setPage(MappingPageId, new ImportMappingPage(this));
    setPage(ValidationPageId, new ImportValidationPage(this));
    setPage(QualityPageId, new ImportQualityPage(this));
    setPage(RunPageId, new ImportRunPage(this));
    setPage(SummaryPageId, new ImportSummaryPage(this));
    setPage(PayerPageId, new ImportPayerPage(this));
    setStartId(FilePageId);

    // Leaving the wizard stops any background work: nothing keeps reading the file after Cancel.
    connect(this, &QWizard::rejected, this, [this] {
        m_validation->cancel();
        m_import->cancel();
    });
    // The next file reads the target afresh (another workstation may have saved mappings meanwhile).
    connect(this, &QDialog::finished, this, [this] { m_targetLoadedFor.clear(); });
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setEmbedded(bool embedded)
{
    if (!embedded)
        return;
    setWindowFlags(Qt::Widget);
    connect(this, &QDialog::finished, this, [this] {
        restart();
        show();
    });
}

importer::ValidationOptions ImportWizard::validationOptions() const
{
    importer::ValidationOptions options;
    options.validator = m_validator;
    // The importer applies the stored mappings itself; validating with them too makes the report (and the payer
    // step) show what the import will store. The caller's own aliases win, as they do in the importer.
    importer::useStoredMappings(options.validator, storedMappings);
    options.mapping = mapping;
    options.history = m_history;
    options.limits = readerLimits;
    return options;
}

void ImportWizard::revalidate()
{
    report.reset();
    importedBefore.reset();
    if (filePath.isEmpty())
        return;
    if (m_targetLoadedFor != filePath)
        loadTarget();
    importer::ValidationOptions options = validationOptions();
    // The file's SHA-256 for the re-import question: the target is asked on the GUI thread before importing, never
    // from the validation's thread.
    options.limits.computeSha256 = options.limits.computeSha256 || bool(m_target.importedBefore);
    m_payers.reset();
    if (m_target.saveMappings) {
        m_payers = std::make_shared<PayerCollector>();
        options.acceptedRows = [payers = m_payers](std::vector<claims::ClaimRow> &&rows) {
            const std::lock_guard lock(payers->mutex);
            for (const claims::ClaimRow &row : rows) {
                if (payers->names.size() >= kMaxPayerNames)
                    return;
                if (payers->keys.insert(claims::payerKey(row.payer)).second)
                    payers->names << QString::fromStdString(row.payer);
            }
        };
    }
    m_validation->start(filePath, std::move(options));
    emit validationStarted();
}

void ImportWizard::loadTarget()
{
    m_targetLoadedFor = filePath;
    storedMappings.clear();
    knownPayers.clear();
    targetError.clear();
    if (m_target.mappings) {
        auto mappings = m_target.mappings();
        if (mappings.ok())
            storedMappings = std::move(mappings.value());
        else
            targetError = mappings.error().message;
    }
    if (m_target.knownPayers) {
        auto payers = m_target.knownPayers();
        if (payers.ok())
            knownPayers = std::move(payers.value());
        else
            targetError = payers.error().message;
    }
    // The history feeds the live volume / outcome-shift anomalies and the health score. Unreadable: validation
    // runs without it (the default mix) and the quality page says why; the payer step does not depend on it.
    historyError.clear();
    if (m_target.uploadHistory) {
        auto history = m_target.uploadHistory(m_validator.importDay);
        m_history = history.ok() ? std::move(history.value()) : quality::UploadHistory{};
        if (!history.ok())
            historyError = history.error().message;
    }
}

QStringList ImportWizard::unmappedPayers() const
{
    if (!m_payers || !report)
        return {};
    QStringList names;
    {
        const std::lock_guard lock(m_payers->mutex);
        names = m_payers->names;
    }
    const claims::MappingTables tables = claims::mappingTables(storedMappings);
    QStringList out;
    for (const QString &name : names)
        if (!knownPayers.contains(name) && !tables.payers.contains(claims::payerKey(name.toStdString())))
            out << name;
    return out;
}

bool ImportWizard::hasPayerStep() const
{
    // Without the target's payers and mappings every name would look unmapped: no step rather than a misleading one
    // (the import itself then reports the target's failure).
    return bool(m_target.saveMappings) && targetError.isEmpty() && !unmappedPayers().isEmpty();
}

Status ImportWizard::savePayerMappings(std::vector<claims::Mapping> mappings)
{
    if (!m_target.saveMappings)
        return makeError(ErrorCode::InvalidInput, tr("This workspace cannot store payer mappings."));
    if (Status st = m_target.saveMappings(std::move(mappings)); !st.ok())
        return st;
    loadTarget();
    revalidate();
    return Status::success();
}

QString formatCount(std::uint64_t n)
{
    return QLocale().toString(qulonglong(n));
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return ImportWizard::tr("estimating…");
    const auto s = qint64(seconds + 0.5);
    if (s < 60)
        return ImportWizard::tr("%1 s").arg(s);
    return ImportWizard::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

} // namespace upstream::views
