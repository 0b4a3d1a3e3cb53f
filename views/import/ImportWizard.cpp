#include "ImportWizard.h"

#include "ImportFilePage.h"
#include "ImportFormatPage.h"
#include "ImportMappingPage.h"
#include "ImportPayerPage.h"
#include "ImportPreviewPage.h"
#include "ImportQualityPage.h"
#include "ImportRunPage.h"
#include "ImportSummaryPage.h"
#include "ImportValidationPage.h"

#include "claims/PayerNames.h"
#include "importer/ImportContext.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDate>
#include <QKeyEvent>
#include <QLocale>

#include <cmath>
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
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setMinimumSize(900, 640);
    m_validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
    m_validation = new importer::ValidationRunner(this);
    m_import = new importer::ImportRunner(this);
    m_preview = new compute::PreviewRunner(this);

    setPage(FilePageId, new ImportFilePage(this));
    setPage(FormatPageId, new ImportFormatPage(this));
    setPage(MappingPageId, new ImportMappingPage(this));
    setPage(ValidationPageId, new ImportValidationPage(this));
    setPage(QualityPageId, new ImportQualityPage(this));
    setPage(RunPageId, new ImportRunPage(this));
    setPage(SummaryPageId, new ImportSummaryPage(this));
    setPage(PayerPageId, new ImportPayerPage(this));
    setPage(PreviewPageId, new ImportPreviewPage(this));
    setStartId(FilePageId);
    retranslateUi();

    // Leaving the wizard stops any background work: nothing keeps reading the file after Cancel.
    connect(this, &QWizard::rejected, this, [this] {
        m_validation->cancel();
        m_preview->cancel();
        m_import->cancel();
    });
    // The next file reads the target afresh (another workstation may have saved mappings meanwhile).
    connect(this, &QDialog::finished, this, [this] {
        m_targetLoadedFor.clear();
        dropStagedImport();
    });
    // Only a preview started on the preview step hands its stage over: one finishing after the step was left (its
    // result is late) or after the lock must not keep a connection to the target.
    connect(m_preview, &compute::PreviewRunner::staged, this, [this](std::shared_ptr<importer::StagedImport> stage) {
        if (currentId() == PreviewPageId && !m_targetStopped)
            stagedImport = std::move(stage);
        else
            stage->release();
    });
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::retranslateUi()
{
    setWindowTitle(tr("Import claims"));
    setAccessibleName(tr("Import claims wizard"));
    // Qt's "&Finish" would share Alt+F with the main window's File menu (the wizard is embedded as a page).
    setButtonText(QWizard::FinishButton, tr("&Done"));
    // The quality step's Next leads to the preview when there is one, else straight to the import.
    page(QualityPageId)
        ->setButtonText(QWizard::NextButton, m_previewFunction ? tr("&Preview signals >") : tr("&Import >"));
}

void ImportWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // QWizard reads its own button texts (Back, Next, Cancel: Qt's catalogue) only when the step or the wizard
        // style changes, and has no LanguageChange handling. A style round trip says them again in the new language
        // without leaving the step; nothing is painted in between.
        const WizardStyle style = wizardStyle();
        setWizardStyle(style == ClassicStyle ? ModernStyle : ClassicStyle);
        setWizardStyle(style);
    }
    QWizard::changeEvent(event);
}

void ImportWizard::stopWorkOnTarget()
{
    m_preview->cancelAndWait();
    m_import->cancelAndWait();
    m_targetStopped = true; // until the next preview starts
    dropStagedImport();
}

void ImportWizard::dropStagedImport()
{
    // Released here, not when the last copy goes: nothing may keep the target's connection (and with a workspace,
    // its key) once the wizard no longer means to import these rows.
    if (stagedImport && !m_import->isRunning())
        stagedImport->release();
    stagedImport.reset();
}

void ImportWizard::startPreview(importer::ImportRequest request)
{
    dropStagedImport();
    m_targetStopped = false;
    m_preview->start(m_previewFunction, std::move(request));
}

bool ImportWizard::focusNextPrevChild(bool next)
{
    // QWizard hides its page area for a moment whenever a page's completeChanged() updates the buttons
    // (QWizardPrivate::disableUpdates), e.g. on every letter typed into the File step's path. Hiding a widget that
    // holds the focus moves the focus on: inside a top-level wizard it comes back, but embedded in the main window
    // it went to the page list, whose type-ahead search then swallowed the rest of the path. The page area is
    // shown again straight away, so the focus stays where the user is typing. A real Tab (the focus widget is
    // visible) moves on as usual.
    if (QWidget *focus = QApplication::focusWidget(); focus && isAncestorOf(focus) && !focus->isVisibleTo(this))
        return true;
    return QWizard::focusNextPrevChild(next);
}

void ImportWizard::keyPressEvent(QKeyEvent *event)
{
    // Return that no control used presses Next (Done on the last step), as in any dialog. Embedded in the main
    // window QDialog's own default-button handling never engages (a push button looks for a QDialog as its
    // window() to become the default), so once the focus had left Next, Return did nothing.
    const bool enter = (event->key() == Qt::Key_Return && event->modifiers() == Qt::NoModifier) ||
                       (event->key() == Qt::Key_Enter && event->modifiers() == Qt::KeypadModifier);
    if (enter && currentPage()) {
        QAbstractButton *go = button(currentPage()->isFinalPage() ? FinishButton : NextButton);
        if (go && go->isVisible() && go->isEnabled()) {
            go->click();
            return;
        }
    }
    QWizard::keyPressEvent(event);
}

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

void ImportWizard::setPreviewFunction(compute::PreviewFunction function)
{
    m_previewFunction = std::move(function);
    retranslateUi(); // the quality step's Next text depends on it
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
    dropStagedImport(); // staged with the settings of the previous validation
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

QString progressText(const QString &pattern, const std::optional<importer::JobProgress> &progress)
{
    if (!progress)
        return ImportWizard::tr("Starting…");
    return pattern.arg(formatCount(progress->done), formatCount(std::uint64_t(progress->rowsPerSecond)),
                       formatDuration(progress->etaSeconds));
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return ImportWizard::tr("estimating…");
    const auto s = qint64(std::llround(seconds));
    if (s < 60)
        return ImportWizard::tr("%1 s").arg(s);
    return ImportWizard::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

} // namespace upstream::views
