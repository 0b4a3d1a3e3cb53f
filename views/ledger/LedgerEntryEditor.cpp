#include "LedgerEntryEditor.h"

#include "DialogSeam.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {

using namespace ledger;

namespace {

QString centsText(qint64 cents)
{
    return formatCents(cents).mid(1); // "1,250.00": the field shows the $ as a prefix label
}

} // namespace

LedgerEntryEditor::LedgerEntryEditor(LedgerRepository *repository, std::optional<LedgerEntry> existing,
                                     const QStringList &knownPayers, QWidget *parent)
    : QDialog(parent), m_repository(repository), m_existing(std::move(existing))
{
    setObjectName(QStringLiteral("ledgerEntryEditor"));
    setWindowTitle(m_existing ? tr("Edit ledger entry") : tr("New ledger entry"));
    setMinimumWidth(520);
    const LedgerEntry e = m_existing.value_or(LedgerEntry{});

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(windowTitle().toHtmlEscaped()), this);
    layout->addWidget(title);
    if (m_existing) {
        auto *meta = new QLabel(tr("Version %1 · last changed %2")
                                    .arg(e.version)
                                    .arg(e.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                                this);
        meta->setObjectName(QStringLiteral("entryMeta"));
        meta->setStyleSheet(QStringLiteral("color:#52606d"));
        layout->addWidget(meta);
    }
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("background:#fdecea;color:#8a1c12;border:1px solid #f5c2bd;"
                                           "border-radius:4px;padding:6px"));
    m_banner->setAccessibleName(tr("Save problem"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(4);
    layout->addLayout(form);

    auto addRow = [&](const QString &label, QWidget *field, QLabel *error, const QString &accessible) {
        field->setAccessibleName(accessible);
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(1);
        v->addWidget(field);
        v->addWidget(error);
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, box);
    };

    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("product"));
    for (const QString &p : kLedgerProducts)
        m_product->addItem(productLabel(p), p);
    m_product->setCurrentIndex(std::max(0, m_product->findData(e.product)));
    m_errProduct = addErrorLabel(QStringLiteral("productError"));
    addRow(tr("&Product"), m_product, m_errProduct, tr("Product"));

    m_payer = new QLineEdit(e.payer, this);
    m_payer->setObjectName(QStringLiteral("payer"));
    m_payer->setPlaceholderText(tr("Payer name as it appears on the remittance"));
    auto *completer = new QCompleter(knownPayers, m_payer);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_payer->setCompleter(completer);
    m_errPayer = addErrorLabel(QStringLiteral("payerError"));
    addRow(tr("Pa&yer"), m_payer, m_errPayer, tr("Payer"));

    m_expected = new QLineEdit(m_existing ? centsText(e.expectedCents) : QString(), this);
    m_expected->setObjectName(QStringLiteral("expected"));
    m_expected->setPlaceholderText(QStringLiteral("0.00"));
    m_expected->setAlignment(Qt::AlignRight);
    m_errExpected = addErrorLabel(QStringLiteral("expectedError"));
    addRow(tr("E&xpected ($)"), m_expected, m_errExpected, tr("Expected amount in dollars"));

    m_recovered = new QLineEdit(m_existing ? centsText(e.recoveredCents) : QString(), this);
    m_recovered->setObjectName(QStringLiteral("recovered"));
    m_recovered->setPlaceholderText(QStringLiteral("0.00"));
    m_recovered->setAlignment(Qt::AlignRight);
    m_errRecovered = addErrorLabel(QStringLiteral("recoveredError"));
    addRow(tr("&Recovered ($)"), m_recovered, m_errRecovered, tr("Recovered amount in dollars"));
    m_hintRecovered = addErrorLabel(QStringLiteral("recoveredHint"));
    m_hintRecovered->setStyleSheet(QStringLiteral("color:#8a5a00"));
    static_cast<QVBoxLayout *>(m_errRecovered->parentWidget()->layout())->addWidget(m_hintRecovered);

    auto *dateRow = new QWidget(this);
    auto *dateLayout = new QHBoxLayout(dateRow);
    dateLayout->setContentsMargins(0, 0, 0, 0);
    m_hasDate = new QCheckBox(tr("Money received on"), dateRow);
    m_hasDate->setObjectName(QStringLiteral("hasRecoveredDate"));
    m_hasDate->setAccessibleName(tr("Recovered date is set"));
    m_date = new QDateEdit(dateRow);
    m_date->setObjectName(QStringLiteral("recoveredDate"));
    m_date->setAccessibleName(tr("Recovered date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(e.recoveredDate.isValid() ? e.recoveredDate : m_repository->today());
    m_hasDate->setChecked(e.recoveredDate.isValid());
    dateLayout->addWidget(m_hasDate);
    dateLayout->addWidget(m_date, 1);
    m_errDate = addErrorLabel(QStringLiteral("recoveredDateError"));
    addRow(tr("Recovered &date"), dateRow, m_errDate, tr("Recovered date"));
    connect(m_hasDate, &QCheckBox::toggled, this, &LedgerEntryEditor::updateDateEnabled);
    updateDateEnabled();

    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("state"));
    for (LedgerState s : allowedNextStates(e.state))
        m_state->addItem(stateLabel(s), int(s));
    m_state->setCurrentIndex(m_state->findData(int(e.state)));
    m_errState = addErrorLabel(QStringLiteral("stateError"));
    addRow(tr("&State"), m_state, m_errState, tr("State"));

    m_owner = new QLineEdit(m_existing ? e.owner : m_repository->actor().user, this);
    m_owner->setObjectName(QStringLiteral("owner"));
    addRow(tr("&Owner"), m_owner, addErrorLabel(QStringLiteral("ownerError")), tr("Owner"));

    m_notes = new QPlainTextEdit(e.notes, this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true); // keyboard users leave the notes with Tab, like every other field
    m_notes->setPlaceholderText(tr("What was done, who was contacted. No patient details."));
    m_notes->setFixedHeight(84);
    m_errNotes = addErrorLabel(QStringLiteral("notesError"));
    addRow(tr("&Notes"), m_notes, m_errNotes, tr("Notes"));

    if (m_existing && (!e.alertId.isEmpty() || e.isApproved())) {
        QString links;
        if (!e.alertId.isEmpty())
            links += tr("Alert %1").arg(e.alertId);
        if (e.isApproved())
            links += (links.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("Approved by %1").arg(e.approvedBy);
        auto *l = new QLabel(links, this);
        l->setObjectName(QStringLiteral("links"));
        l->setWordWrap(true);
        l->setStyleSheet(QStringLiteral("color:#52606d"));
        form->addRow(QString(), l);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save entry"));
    layout->addStretch(1);
    layout->addSpacing(8);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LedgerEntryEditor::save);
    for (QLineEdit *f : {m_payer, m_expected, m_recovered, m_owner})
        connect(f, &QLineEdit::textChanged, this, &LedgerEntryEditor::onFieldChanged);
    connect(m_product, &QComboBox::currentIndexChanged, this, &LedgerEntryEditor::onFieldChanged);
    connect(m_state, &QComboBox::currentIndexChanged, this, &LedgerEntryEditor::onFieldChanged);
    connect(m_hasDate, &QCheckBox::toggled, this, &LedgerEntryEditor::onFieldChanged);
    connect(m_date, &QDateEdit::dateChanged, this, &LedgerEntryEditor::onFieldChanged);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &LedgerEntryEditor::onFieldChanged);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_payer->setFocus();
}

QLabel *LedgerEntryEditor::addErrorLabel(const QString &name)
{
    auto *l = new QLabel(this);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color:#b3261e"));
    l->hide();
    return l;
}

void LedgerEntryEditor::updateDateEnabled()
{
    m_date->setEnabled(m_hasDate->isChecked());
}

void LedgerEntryEditor::setDraft(const LedgerEntry &d)
{
    m_product->setCurrentIndex(std::max(0, m_product->findData(d.product)));
    m_payer->setText(d.payer);
    m_expected->setText(centsText(d.expectedCents));
    m_recovered->setText(centsText(d.recoveredCents));
    m_hasDate->setChecked(d.recoveredDate.isValid());
    if (d.recoveredDate.isValid())
        m_date->setDate(d.recoveredDate);
    if (m_state->findData(int(d.state)) < 0)
        m_state->addItem(stateLabel(d.state), int(d.state)); // not allowed from here: validation will say so
    m_state->setCurrentIndex(m_state->findData(int(d.state)));
    m_owner->setText(d.owner);
    m_notes->setPlainText(d.notes);
    validateForm();
}

LedgerEntry LedgerEntryEditor::editedEntry() const
{
    LedgerEntry e = m_existing.value_or(LedgerEntry{});
    e.product = m_product->currentData().toString();
    e.payer = m_payer->text().trimmed();
    qint64 cents = 0;
    if (parseCents(m_expected->text().isEmpty() ? QStringLiteral("0") : m_expected->text(), &cents))
        e.expectedCents = cents;
    if (parseCents(m_recovered->text().isEmpty() ? QStringLiteral("0") : m_recovered->text(), &cents))
        e.recoveredCents = cents;
    e.recoveredDate = m_hasDate->isChecked() ? m_date->date() : QDate();
    e.state = LedgerState(m_state->currentData().toInt());
    e.owner = m_owner->text().trimmed();
    e.notes = m_notes->toPlainText();
    return e;
}

void LedgerEntryEditor::showIssues(const ValidationReport &report, bool expectedParses, bool recoveredParses)
{
    auto show = [&](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };
    const QString notMoney = tr("Enter an amount in dollars, e.g. 1250.00 (not negative).");
    show(m_errProduct, report.messageFor(LedgerField::Product));
    show(m_errPayer, report.messageFor(LedgerField::Payer));
    show(m_errExpected, expectedParses ? report.messageFor(LedgerField::Expected) : notMoney);
    show(m_errRecovered, recoveredParses ? report.messageFor(LedgerField::Recovered) : notMoney);
    show(m_errDate, report.messageFor(LedgerField::RecoveredDate));
    show(m_errState, report.messageFor(LedgerField::State));
    show(m_errNotes, report.messageFor(LedgerField::Notes));
}

bool LedgerEntryEditor::validateForm()
{
    qint64 ignored = 0;
    const bool expectedParses = m_expected->text().trimmed().isEmpty() || parseCents(m_expected->text(), &ignored);
    const bool recoveredParses = m_recovered->text().trimmed().isEmpty() || parseCents(m_recovered->text(), &ignored);
    const LedgerEntry e = editedEntry();
    const ValidationReport report =
        validate(e, m_existing ? &*m_existing : nullptr, m_repository->today(), /*overRecoveryConfirmed=*/true);
    showIssues(report, expectedParses, recoveredParses);
    updateOverRecoveryHint(e, expectedParses && recoveredParses);
    return report.issues.empty() && expectedParses && recoveredParses;
}

void LedgerEntryEditor::updateOverRecoveryHint(const LedgerEntry &e, bool amountsParse)
{
    const bool over = amountsParse && e.recoveredCents > e.expectedCents;
    m_hintRecovered->setText(over ? tr("More than the expected %1: you will be asked to confirm when saving.")
                                        .arg(formatCents(e.expectedCents))
                                  : QString());
    m_hintRecovered->setVisible(over);
}

void LedgerEntryEditor::onFieldChanged()
{
    if (m_triedSave) {
        validateForm();
        return;
    }
    qint64 ignored = 0;
    const auto parses = [&](QLineEdit *f) { return f->text().trimmed().isEmpty() || parseCents(f->text(), &ignored); };
    updateOverRecoveryHint(editedEntry(), parses(m_expected) && parses(m_recovered));
}

void LedgerEntryEditor::save()
{
    m_triedSave = true;
    m_banner->hide();
    if (!validateForm())
        return;
    const LedgerEntry e = editedEntry();
    bool confirmed = false;
    if (e.recoveredCents > e.expectedCents) {
        const auto answer = widgets::MessageBox::question(
            this, tr("Recovered more than expected?"),
            tr("The recovered amount (%1) is more than the expected amount (%2). Save it anyway?")
                .arg(formatCents(e.recoveredCents), formatCents(e.expectedCents)));
        if (answer != QMessageBox::Yes) {
            m_recovered->setFocus();
            return;
        }
        confirmed = true;
    }
    auto result = m_existing ? m_repository->update(e, confirmed) : m_repository->create(e, confirmed);
    if (result.ok()) {
        m_saved = result.value();
        emit saved(result.value());
        accept();
        return;
    }
    m_banner->setText(result.error().message);
    m_banner->show();
    if (result.error().code == ErrorCode::Conflict)
        emit conflictDetected(e);
}

} // namespace upstream::views
