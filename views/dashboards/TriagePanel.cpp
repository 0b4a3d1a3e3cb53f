#include "TriagePanel.h"

#include "alerts/AlertLabels.h"
#include "dashboard/TriageService.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace upstream::views {
TriagePanel::TriagePanel(QWidget *parent)
    : QWidget(parent), m_selection(new QLabel(this)), m_reason(new QComboBox(this)), m_notes(new QPlainTextEdit(this)),
      m_undo(new QPushButton(tr("Undo last (Ctrl+Z)"), this)), m_redo(new QPushButton(tr("Redo (Ctrl+Shift+Z)"), this)),
      m_readOnly(new QLabel(this)), m_offer(new QWidget(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("triagePanel"));
    setFixedWidth(220);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(8, 0, 0, 0);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Triage")), this);
    v->addWidget(title);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setVisible(false);
    v->addWidget(m_readOnly);
    m_selection->setWordWrap(true);
    v->addWidget(m_selection);

    m_reason->setAccessibleName(tr("Reason code"));
    m_reason->addItem(tr("(no reason code)"), QString());
    for (const QString &code : dashboard::TriageService::reasonCodes())
        m_reason->addItem(alerts::reasonLabel(code), code);
    m_notes->setAccessibleName(tr("Notes for the verdict"));
    m_notes->setPlaceholderText(tr("Notes (optional)"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(56);
    v->addWidget(new QLabel(tr("Reason code"), this));
    v->addWidget(m_reason);
    v->addWidget(m_notes);

    auto button = [&](const QString &text, const QString &verdict, const QString &accessible) {
        auto *b = new QPushButton(text, this);
        b->setAccessibleName(accessible);
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QPushButton::clicked, this, [this, verdict] { emit verdictRequested(verdict); });
        v->addWidget(b);
        m_triageControls << b;
        return b;
    };
    button(tr("Real  (R)"), QStringLiteral("real"), tr("Mark real"));
    button(tr("Noise  (N)"), QStringLiteral("noise"), tr("Mark noise"));
    button(tr("Needs follow-up  (F)"), QStringLiteral("needs_followup"), tr("Mark needs follow-up"));
    auto *deep = new QPushButton(tr("Deep dive  (Enter)"), this);
    deep->setAccessibleName(tr("Open the deep dive"));
    deep->setFocusPolicy(Qt::TabFocus);
    connect(deep, &QPushButton::clicked, this, &TriagePanel::deepDiveRequested);
    v->addWidget(deep);
    m_triageControls << m_reason << m_notes;
    m_undo->setAccessibleName(tr("Undo the last verdict"));
    m_undo->setFocusPolicy(Qt::TabFocus);
    connect(m_undo, &QPushButton::clicked, this, &TriagePanel::undoRequested);
    v->addWidget(m_undo);
    m_redo->setAccessibleName(tr("Record the undone verdict again"));
    m_redo->setFocusPolicy(Qt::TabFocus);
    connect(m_redo, &QPushButton::clicked, this, &TriagePanel::redoRequested);
    v->addWidget(m_redo);

    auto *ov = new QVBoxLayout(m_offer);
    ov->setContentsMargins(0, 6, 0, 0);
    auto *offerText = new QLabel(tr("Marked real. Track the money in the recovery ledger?"), m_offer);
    offerText->setWordWrap(true);
    auto *offerButton = new QPushButton(tr("Open ledger entry  (L)"), m_offer);
    offerButton->setAccessibleName(tr("Open a recovery-ledger entry"));
    offerButton->setFocusPolicy(Qt::TabFocus);
    m_triageControls << offerButton;
    connect(offerButton, &QPushButton::clicked, this, [this] {
        if (!m_offered.isEmpty())
            emit ledgerEntryRequested(m_offered);
    });
    ov->addWidget(offerText);
    ov->addWidget(offerButton);
    m_offer->setVisible(false);
    v->addWidget(m_offer);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("triageMessage"));
    v->addWidget(m_message);
    auto *keys = new QLabel(tr("Keys: J/K move · R real · N noise · F follow-up · Enter deep dive · L ledger entry · "
                               "/ search · Ctrl+Z undo · Ctrl+Shift+Z redo · Shift+J/K extend the selection"),
                            this);
    keys->setWordWrap(true);
    keys->setForegroundRole(QPalette::PlaceholderText);
    v->addStretch(1);
    v->addWidget(keys);
    setSelectionCount(0);
    setUndoRedoAvailable(false, false);
}

void TriagePanel::setSelectionCount(int count)
{
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
    m_message->setText(text);
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
