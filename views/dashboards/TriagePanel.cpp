#include "TriagePanel.h"

#include "alerts/AlertLabels.h"
#include "dashboard/TriageService.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {
TriagePanel::TriagePanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_selection(new QLabel(this)), m_reasonLabel(new QLabel(this)),
      m_reason(new QComboBox(this)), m_notes(new QPlainTextEdit(this)), m_undo(new QPushButton(this)),
      m_redo(new QPushButton(this)), m_real(new QPushButton(this)), m_noise(new QPushButton(this)),
      m_followUp(new QPushButton(this)), m_deep(new QPushButton(this)), m_readOnly(new QLabel(this)),
      m_offer(new QWidget(this)), m_offerText(new QLabel(m_offer)), m_offerButton(new QPushButton(m_offer)),
      m_message(new QLabel(this)), m_keys(new QLabel(this))
{
    setObjectName(QStringLiteral("triagePanel"));
    setFixedWidth(220);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(8, 0, 0, 0);
    v->addWidget(m_title);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setVisible(false);
    v->addWidget(m_readOnly);
    m_selection->setWordWrap(true);
    v->addWidget(m_selection);

    m_reason->addItem(QString(), QString()); // "(no reason code)"; the words are set by retranslateUi()
    for (const QString &code : dashboard::TriageService::reasonCodes())
        m_reason->addItem(QString(), code);
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(56);
    v->addWidget(m_reasonLabel);
    v->addWidget(m_reason);
    v->addWidget(m_notes);

    for (const auto &[b, verdict] :
         {std::pair{m_real, QStringLiteral("real")}, std::pair{m_noise, QStringLiteral("noise")},
          std::pair{m_followUp, QStringLiteral("needs_followup")}}) {
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QPushButton::clicked, this, [this, verdict = verdict] { emit verdictRequested(verdict); });
        v->addWidget(b);
        m_triageControls << b;
    }
    m_deep->setFocusPolicy(Qt::TabFocus);
    connect(m_deep, &QPushButton::clicked, this, &TriagePanel::deepDiveRequested);
    v->addWidget(m_deep);
    m_triageControls << m_reason << m_notes;
    m_undo->setFocusPolicy(Qt::TabFocus);
    connect(m_undo, &QPushButton::clicked, this, &TriagePanel::undoRequested);
    v->addWidget(m_undo);
    m_redo->setFocusPolicy(Qt::TabFocus);
    connect(m_redo, &QPushButton::clicked, this, &TriagePanel::redoRequested);
    v->addWidget(m_redo);

    auto *ov = new QVBoxLayout(m_offer);
    ov->setContentsMargins(0, 6, 0, 0);
    m_offerText->setWordWrap(true);
    m_offerButton->setFocusPolicy(Qt::TabFocus);
    m_triageControls << m_offerButton;
    connect(m_offerButton, &QPushButton::clicked, this, [this] {
        if (!m_offered.isEmpty())
            emit ledgerEntryRequested(m_offered);
    });
    ov->addWidget(m_offerText);
    ov->addWidget(m_offerButton);
    m_offer->setVisible(false);
    v->addWidget(m_offer);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("triageMessage"));
    v->addWidget(m_message);
    m_keys->setWordWrap(true);
    m_keys->setForegroundRole(QPalette::PlaceholderText);
    v->addStretch(1);
    v->addWidget(m_keys);
    setUndoRedoAvailable(false, false);
    retranslateUi();
}

void TriagePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TriagePanel::retranslateUi()
{
    m_title->setText(QStringLiteral("<b>%1</b>").arg(tr("Triage")));
    m_reason->setAccessibleName(tr("Reason code"));
    m_reason->setItemText(0, tr("(no reason code)"));
    for (int i = 1; i < m_reason->count(); ++i) // the current choice and its code stay
        m_reason->setItemText(i, alerts::reasonLabel(m_reason->itemData(i).toString()));
    m_notes->setAccessibleName(tr("Notes for the verdict"));
    m_notes->setPlaceholderText(tr("Notes (optional)"));
    m_reasonLabel->setText(tr("Reason code"));
    m_real->setText(tr("Real  (R)"));
    m_real->setAccessibleName(tr("Mark real"));
    m_noise->setText(tr("Noise  (N)"));
    m_noise->setAccessibleName(tr("Mark noise"));
    m_followUp->setText(tr("Needs follow-up  (F)"));
    m_followUp->setAccessibleName(tr("Mark needs follow-up"));
    m_deep->setText(tr("Deep dive  (Enter)"));
    m_deep->setAccessibleName(tr("Open the deep dive"));
    m_undo->setText(tr("Undo last (Ctrl+Z)"));
    m_undo->setAccessibleName(tr("Undo the last verdict"));
    m_redo->setText(tr("Redo (Ctrl+Shift+Z)"));
    m_redo->setAccessibleName(tr("Record the undone verdict again"));
    m_offerText->setText(tr("Marked real. Track the money in the recovery ledger?"));
    m_offerButton->setText(tr("Open ledger entry  (L)"));
    m_offerButton->setAccessibleName(tr("Open a recovery-ledger entry"));
    m_keys->setText(tr("Keys: J/K move · R real · N noise · F follow-up · Enter deep dive · L ledger entry · "
                       "/ search · Ctrl+Z undo · Ctrl+Shift+Z redo · Shift+J/K extend the selection"));
    setSelectionCount(m_selectionCount);
    if (m_messageText)
        m_message->setText(m_messageText());
}

void TriagePanel::setSelectionCount(int count)
{
    m_selectionCount = count;
    m_selection->setText(count == 0   ? tr("No alert selected.")
                         : count == 1 ? tr("1 alert selected.")
                                      : tr("%1 alerts selected: one verdict applies to all.").arg(count));
}

void TriagePanel::setUndoRedoAvailable(bool undo, bool redo)
{
    m_undoAvailable = undo;
    m_redoAvailable = redo;
    m_undo->setEnabled(undo && !isReadOnly());
    m_redo->setEnabled(redo && !isReadOnly());
}

void TriagePanel::setReadOnlyReason(const QString &reason)
{
    m_readOnlyReason = reason;
    for (QWidget *w : std::as_const(m_triageControls)) {
        w->setEnabled(reason.isEmpty());
        w->setToolTip(reason);
    }
    m_undo->setToolTip(reason);
    m_redo->setToolTip(reason);
    m_readOnly->setText(reason);
    m_readOnly->setVisible(!reason.isEmpty());
    setUndoRedoAvailable(m_undoAvailable, m_redoAvailable);
    if (!reason.isEmpty())
        withdrawLedgerOffer();
}

QString TriagePanel::reasonCode() const
{
    return m_reason->currentData().toString();
}

QString TriagePanel::notes() const
{
    return m_notes->toPlainText().trimmed();
}

void TriagePanel::clearInput()
{
    m_reason->setCurrentIndex(0);
    m_notes->clear();
}

void TriagePanel::setMessage(const QString &text)
{
    m_messageText = nullptr;
    m_message->setText(text);
}

void TriagePanel::setTranslatedMessage(std::function<QString()> text)
{
    m_messageText = std::move(text);
    m_message->setText(m_messageText ? m_messageText() : QString());
}

QString TriagePanel::message() const
{
    return m_message->text();
}

void TriagePanel::offerLedgerEntry(const QString &alertId)
{
    if (isReadOnly())
        return;
    m_offered = alertId;
    m_offer->setVisible(true);
}

void TriagePanel::withdrawLedgerOffer()
{
    m_offered.clear();
    m_offer->setVisible(false);
}

} // namespace upstream::views
