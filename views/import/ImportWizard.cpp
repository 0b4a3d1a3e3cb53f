#include "ImportWizard.h"

#include "ImportFilePage.h"
#include "ImportFormatPage.h"
#include "ImportMappingPage.h"
#include "ImportQualityPage.h"
#include "ImportRunPage.h"
#include "ImportSummaryPage.h"
#include "ImportValidationPage.h"

#include <QDate>
#include <QLocale>

namespace upstream::views {

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
    setStartId(FilePageId);

    // Leaving the wizard stops any background work: nothing keeps reading the file after Cancel.
    connect(this, &QWizard::rejected, this, [this] {
        m_validation->cancel();
        m_import->cancel();
    });
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
    options.mapping = mapping;
    options.history = m_history;
    options.limits = readerLimits;
    return options;
}

void ImportWizard::revalidate()
{
    report.reset();
    if (filePath.isEmpty())
        return;
    m_validation->start(filePath, validationOptions());
    emit validationStarted();
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
