#include "ImportPayerPage.h"

#include "ImportWizard.h"
#include "claims/PayerNames.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace upstream::views {

ImportPayerPage::ImportPayerPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("payerIntro"));
    m_intro->setWordWrap(true);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("payerRows"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus); // Tab goes from choice to choice (the area scrolls to the focused one)
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("savePayerMappings"));
    m_save->setAutoDefault(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("payerStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &ImportPayerPage::save);
    connect(wizard->validationRunner(), &importer::ValidationRunner::finished, this, [this] {
        if (m_wizard->currentPage() == this)
            rebuild(); // after "Save mappings": only the payers still unmapped remain
    });
    connect(wizard, &ImportWizard::validationStarted, this, [this] { emit completeChanged(); });
    retranslateUi();
}

void ImportPayerPage::retranslateUi()
{
    setTitle(tr("Match the payers"));
    setSubTitle(tr("These payer names of the file are not known yet. Choose the payer each one means and save: the "
                   "mapping applies to this import and to every later one."));
    m_save->setText(tr("&Save mappings"));
    if (m_fileHeader)
        m_fileHeader->setText(tr("<b>Payer in the file</b>"));
    if (m_asHeader)
        m_asHeader->setText(tr("<b>Import as</b>"));
    // The rows stay (with the analyst's choices): only their translated texts change.
    for (const Row &row : m_choices) {
        row.choice->setAccessibleName(tr("Import %1 as").arg(row.raw));
        const int keep = row.choice->findData(QString());
        if (keep >= 0)
            row.choice->setItemText(keep, tr("Keep as is"));
    }
    if (m_rows)
        showIntro();
    showStatus();
}

void ImportPayerPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportPayerPage::showIntro()
{
    const int shown = int(m_choices.size());
    if (!m_targetError.isEmpty())
        m_intro->setText(tr("The known payers could not be read (%1); you can still keep the names as they are.")
                             .arg(m_targetError));
    else if (shown == 0)
        m_intro->setText(tr("Every payer in the file is known or mapped."));
    else
        m_intro->setText(tr("Payer names of the file not known yet: %1.").arg(formatCount(std::uint64_t(shown))));
}

void ImportPayerPage::showStatus()
{
    switch (m_saveStatus) {
    case SaveStatus::None:
        m_status->setStyleSheet(QString());
        m_status->clear();
        return;
    case SaveStatus::NothingToSave:
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Nothing to save: every payer is kept as is."));
        return;
    case SaveStatus::Failed:
        m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_status->setText(tr("The mappings were not saved: %1").arg(m_saveError));
        return;
    case SaveStatus::Saved:
        m_status->setStyleSheet(QStringLiteral("color: #1e7b34;"));
        m_status->setText(tr("Payer mappings saved: %1. Validating again with them…").arg(formatCount(m_savedCount)));
        return;
    }
}

void ImportPayerPage::initializePage()
{
    m_saveStatus = SaveStatus::None;
    showStatus();
    rebuild();
    // QWizard gives the page's first focusable widget the focus after initializePage: the first choice, afterwards.
    QTimer::singleShot(0, this, [this] {
        if (!m_choices.empty())
            m_choices.front().choice->setFocus();
    });
}

bool ImportPayerPage::isComplete() const
{
    return m_wizard->report != nullptr; // not while re-validating after a save
}

int ImportPayerPage::nextId() const
{
    return ImportWizard::QualityPageId;
}

void ImportPayerPage::rebuild()
{
    // A fresh rows widget each time: the scroll area deletes the previous one with its labels and combos.
    auto *rowsWidget = new QWidget;
    m_rows = new QGridLayout(rowsWidget);
    m_rows->setColumnStretch(2, 1); // combos as wide as their content, not the page
    m_rows->setHorizontalSpacing(16);
    m_choices.clear();

    const QStringList names = m_wizard->unmappedPayers();
    m_fileHeader = new QLabel(tr("<b>Payer in the file</b>"), rowsWidget);
    m_asHeader = new QLabel(tr("<b>Import as</b>"), rowsWidget);
    m_rows->addWidget(m_fileHeader, 0, 0);
    m_rows->addWidget(m_asHeader, 0, 1);
    QWidget *previous = nullptr;
    for (const QString &raw : names) {
        const int row = m_rows->rowCount();
        auto *choice = new QComboBox(rowsWidget);
        choice->setObjectName(QStringLiteral("payerChoice_%1").arg(row - 1));
        choice->setAccessibleName(tr("Import %1 as").arg(raw));
        choice->setMinimumContentsLength(28);
        for (const claims::PayerMatch &match : claims::likelyPayers(raw, m_wizard->knownPayers, 3))
            choice->addItem(match.payer, match.payer);
        choice->addItem(tr("Keep as is"), QString());
        choice->setCurrentIndex(0);
        auto *label = new QLabel(raw, rowsWidget);
        label->setTextFormat(Qt::PlainText);
        // No buddy: a raw name such as "Smith & Sons" would turn into a mnemonic. The combo carries the name.
        m_rows->addWidget(label, row, 0);
        m_rows->addWidget(choice, row, 1);
        if (previous)
            setTabOrder(previous, choice);
        previous = choice;
        m_choices.push_back({raw, choice});
    }
    m_rows->setRowStretch(m_rows->rowCount(), 1);
    m_scroll->setWidget(rowsWidget);
    if (previous)
        setTabOrder(previous, m_save);

    m_targetError = m_wizard->targetError;
    showIntro();
    m_save->setEnabled(!names.isEmpty());
    if (!m_choices.empty())
        m_choices.front().choice->setFocus();
    emit completeChanged();
}

void ImportPayerPage::save()
{
    std::vector<claims::Mapping> mappings;
    for (const Row &row : m_choices) {
        const QString to = row.choice->currentData().toString();
        if (to.isEmpty())
            continue; // kept as is: nothing stored, the name stays unmapped
        claims::Mapping m;
        m.kind = claims::MappingKind::Payer;
        m.from = claims::payerKey(row.raw);
        m.to = to;
        mappings.push_back(std::move(m));
    }
    if (mappings.empty()) {
        m_saveStatus = SaveStatus::NothingToSave;
        showStatus();
        return;
    }
    const std::uint64_t count = mappings.size();
    if (Status st = m_wizard->savePayerMappings(std::move(mappings)); !st.ok()) {
        m_saveStatus = SaveStatus::Failed;
        m_saveError = st.error().message;
        showStatus();
        return;
    }
    m_saveStatus = SaveStatus::Saved;
    m_savedCount = count;
    showStatus();
    m_save->setEnabled(false);
}

} // namespace upstream::views
