#include "ImportMappingPage.h"

#include "ImportWizard.h"
#include "phi/PhiScanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace upstream::views {

using importer::Column;
using importer::kColumnCount;

QString ImportMappingPage::columnLabel(Column column)
{
    switch (column) {
    case Column::Payer: return tr("Pa&yer");
    case Column::Cpt: return tr("C&PT code");
    case Column::SubmittedDate: return tr("&Submitted date");
    case Column::DecidedDate: return tr("D&ecided date");
    case Column::Outcome: return tr("&Outcome");
    case Column::AllowedAmount: return tr("&Allowed amount");
    case Column::BilledAmount: return tr("B&illed amount");
    case Column::PaidAmount: return tr("Paid amo&unt");
    case Column::PaymentDate: return tr("Pay&ment date");
    case Column::DenialReasonCode: return tr("&Denial reason code");
    case Column::DenialReasonText: return tr("Denial reason te&xt");
    case Column::ClaimRef: return tr("C&laim reference");
    }
    return {};
}

ImportMappingPage::ImportMappingPage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    m_box = new QGroupBox(this);
    auto *grid = new QGridLayout(m_box);
    grid->setHorizontalSpacing(12);
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        const Column column = Column(c);
        auto *combo = new QComboBox(m_box);
        combo->setObjectName(QStringLiteral("map_%1").arg(QLatin1String(importer::columnName(column))));
        combo->setMinimumContentsLength(22);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        auto *label = new QLabel(m_box);
        if (importer::isRequired(column)) {
            QFont f = label->font();
            f.setBold(true);
            label->setFont(f);
        }
        label->setBuddy(combo);
        // Two columns of six: reading order down the left half, then the right half (tab order follows).
        const int row = int(c % 6), col = int(c / 6) * 2;
        grid->addWidget(label, row, col);
        grid->addWidget(combo, row, col + 1);
        m_combos[c] = combo;
        m_labels[c] = label;
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportMappingPage::mappingEdited);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(2, 170);
    for (std::size_t c = 1; c < kColumnCount; ++c)
        setTabOrder(m_combos[c - 1], m_combos[c]);

    m_recalled = new QLabel(this);
    m_recalled->setObjectName(QStringLiteral("mappingRecalled"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    m_status->setWordWrap(true);
    m_dropped = new QLabel(this);
    m_dropped->setObjectName(QStringLiteral("droppedColumns"));
    m_dropped->setWordWrap(true);
    m_dropped->setTextFormat(Qt::RichText);
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(QStringLiteral("rememberMapping"));
    m_remember->setChecked(true);
    setTabOrder(m_combos[kColumnCount - 1], m_remember);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_recalled);
    layout->addWidget(m_box);
    layout->addWidget(m_status);
    layout->addWidget(m_dropped);
    layout->addStretch(1);
    layout->addWidget(m_remember);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, m_wizard, &ImportWizard::revalidate);
    retranslateUi();
}

void ImportMappingPage::retranslateUi()
{
    setTitle(tr("Map the columns"));
    setSubTitle(tr("Each claim column takes one column of the file. Columns marked * are required. Validation "
                   "runs in the background as you change the mapping."));
    m_box->setTitle(tr("Claim column ← column in the file"));
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        const Column column = Column(c);
        const bool required = importer::isRequired(column);
        m_labels[c]->setText(columnLabel(column) + (required ? QStringLiteral(" *") : QString()) + QLatin1Char(':'));
        m_combos[c]->setAccessibleName(QString(columnLabel(column)).remove(QLatin1Char('&')) +
                                       (required ? tr(" (required)") : QString()));
    }
    m_remember->setText(tr("&Remember this mapping for files with these headers"));
    // Only while the page is in the wizard's history do the combos hold the columns of the wizard's file.
    if (!m_wizard->hasVisitedPage(ImportWizard::MappingPageId))
        return;
    // Item texts only: the items, their data and the chosen index (the analyst's mapping) stay as they are.
    const auto &header = m_wizard->preview.header;
    for (QComboBox *combo : m_combos) {
        const QSignalBlocker block(combo);
        for (int i = 0; i < combo->count(); ++i) {
            const int source = combo->itemData(i).toInt();
            combo->setItemText(i, source < 0 ? tr("— not in the file —") : importer::safeHeaderLabel(header, source));
        }
    }
    showRecalled();
    refreshStatus();
}

void ImportMappingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportMappingPage::showRecalled()
{
    m_recalled->setText(m_wasRecalled ? tr("This layout was imported before: its confirmed mapping was restored.")
                                      : tr("Columns were matched by name and known synonyms."));
}

void ImportMappingPage::initializePage()
{
    const auto &header = m_wizard->preview.header;
    std::optional<importer::ColumnMapping> recalled;
    if (m_wizard->mappingMemory())
        recalled = m_wizard->mappingMemory()->recall(header);
    m_wizard->mapping = recalled ? *recalled : importer::autoMap(header);
    m_wasRecalled = recalled.has_value();
    showRecalled();
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        QComboBox *combo = m_combos[c];
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("— not in the file —"), -1);
        for (int i = 0; i < int(header.size()); ++i)
            combo->addItem(importer::safeHeaderLabel(header, i), i);
        combo->setCurrentIndex(std::max(0, combo->findData(m_wizard->mapping.source[c])));
    }
    refreshStatus();
    m_debounce->stop();
    if (m_ok)
        m_wizard->revalidate(); // validation starts while the analyst reviews the mapping
}

void ImportMappingPage::mappingEdited()
{
    for (std::size_t c = 0; c < kColumnCount; ++c)
        m_wizard->mapping.source[c] = m_combos[c]->currentData().toInt();
    refreshStatus();
    m_wizard->validationRunner()->cancel();
    m_wizard->report.reset();
    if (m_ok)
        m_debounce->start();
}

void ImportMappingPage::refreshStatus()
{
    const auto &header = m_wizard->preview.header;
    const auto plan = importer::planColumns(header, m_wizard->mapping);
    m_ok = bool(plan);
    if (!plan) {
        m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_status->setText(tr("Fix the mapping: %1").arg(plan.error().message));
        m_dropped->clear();
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #1e7b34;"));
        m_status->setText(tr("All required columns are mapped."));
        QStringList items;
        for (const importer::DroppedColumn &d : plan.value().dropped) {
            QString item = importer::safeHeaderLabel(header, d.index).toHtmlEscaped();
            if (d.suspicious || d.phiInName)
                item = tr("<span style='color:#b3261e'>⚠ %1 (patient data: never read, never stored)</span>").arg(item);
            items << item;
        }
        m_dropped->setText(items.isEmpty()
                               ? tr("Every column of the file is used.")
                               : tr("<b>Dropped columns</b> (not imported): %1").arg(items.join(QStringLiteral(", "))));
    }
    emit completeChanged();
}

bool ImportMappingPage::isComplete() const
{
    return m_ok;
}

bool ImportMappingPage::validatePage()
{
    if (m_debounce->isActive()) { // an edit not yet validated: validate it now
        m_debounce->stop();
        m_wizard->revalidate();
    }
    if (m_remember->isChecked() && m_wizard->mappingMemory()) {
        m_wizard->mappingMemory()->remember(m_wizard->preview.header, m_wizard->mapping);
        (void)m_wizard->mappingMemory()->save(); // a failed save only loses the convenience, not the import
    }
    return true;
}

} // namespace upstream::views
