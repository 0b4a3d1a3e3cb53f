#include "LedgerPage.h"

#include "DialogSeam.h"
#include "LedgerEntryEditor.h"
#include "LedgerHistoryView.h"
#include "LedgerPdfExport.h"
#include "conflict/ConflictDialog.h"
#include "ledger/LedgerExport.h"
#include "session/RolePermissions.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <tuple>

namespace upstream::views {

using namespace ledger;

namespace {

// A totals card: its caption and its value label (the texts are set by the page's retranslateUi()).
std::pair<QLabel *, QLabel *> addCard(QHBoxLayout *row, QWidget *parent, const QString &name)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("totalsCard"));
    card->setStyleSheet(QStringLiteral("#totalsCard{background:#f5f7fa;border:1px solid #d9dde2;border-radius:6px}"));
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(12, 8, 12, 8);
    v->setSpacing(2);
    auto *cap = new QLabel(card);
    cap->setStyleSheet(QStringLiteral("color:#52606d"));
    auto *value = new QLabel(card);
    value->setObjectName(name);
    value->setStyleSheet(QStringLiteral("font-size:16pt;font-weight:600;color:#1f2933"));
    v->addWidget(cap);
    v->addWidget(value);
    row->addWidget(card, 1);
    return {cap, value};
}

} // namespace

LedgerPage::LedgerPage(LedgerRepository *repository, QWidget *parent)
    : QWidget(parent), m_repository(repository), m_model(new LedgerTableModel(this)), m_steps(repository)
{
    setObjectName(QStringLiteral("ledgerPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);

    m_title = new QLabel(this);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("subtitle"));
    m_subtitle->setStyleSheet(QStringLiteral("color:#52606d"));
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(buildTotals());
    layout->addWidget(buildFilters());
    layout->addWidget(buildConflictBanner());

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("ledgerTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(26);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->sortByColumn(LedgerTableModel::Updated, Qt::DescendingOrder);
    const int widths[] = {230, 105, 100, 110, 110, 105, 110, 170};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_table->setColumnWidth(c, widths[c]);
    // An empty ledger says how entries arrive, instead of an empty grid.
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setVisible(false);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    auto button = [&](const QString &name) { // texts and tool tips: retranslateUi() and updateActions()
        auto *b = new QPushButton(this);
        b->setObjectName(name);
        actions->addWidget(b);
        return b;
    };
    m_new = button(QStringLiteral("newEntry"));
    m_edit = button(QStringLiteral("editEntry"));
    m_approve = button(QStringLiteral("approveEntry"));
    m_history = button(QStringLiteral("showHistory"));
    m_undo = button(QStringLiteral("undoEdit"));
    m_redo = button(QStringLiteral("redoEdit"));
    // Ctrl+Z / Ctrl+Shift+Z anywhere on the page (the table or a button has the focus); the editor is a dialog.
    for (const auto &[sequence, redo] : {std::pair{QKeySequence::Undo, false}, std::pair{QKeySequence::Redo, true}}) {
        auto *action = new QAction(this);
        action->setShortcuts(sequence);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, redo = redo] { stepEdit(redo); });
        addAction(action);
    }
    actions->addStretch(1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    actions->addWidget(m_status);
    actions->addStretch(1);
    m_exportCsv = button(QStringLiteral("exportCsv"));
    m_exportPdf = button(QStringLiteral("exportPdf"));
    layout->addLayout(actions);

    connect(m_new, &QPushButton::clicked, this, [this] { newEntry(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editSelected(); });
    connect(m_approve, &QPushButton::clicked, this, [this] { approveSelected(); });
    connect(m_history, &QPushButton::clicked, this, [this] { showHistory(); });
    connect(m_undo, &QPushButton::clicked, this, [this] { undoEdit(); });
    connect(m_redo, &QPushButton::clicked, this, [this] { redoEdit(); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportPdf(); });
    connect(m_table, &QTableView::activated, this, [this] { editSelected(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LedgerPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LedgerPage::updateActions);
    retranslateUi(); // before the load: the load then totals once, in the words just set
    reload();
}

void LedgerPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LedgerPage::retranslateUi()
{
    m_title->setText(QStringLiteral("<h1 style='margin:0'>%1</h1>").arg(tr("Recovery ledger").toHtmlEscaped()));
    m_subtitle->setText(
        tr("Expected and recovered amounts per signal, their approval and history. Signed in as %1 (%2).")
            .arg(m_repository->actor().user, m_repository->actor().role));

    const QStringList captions = {tr("Recovered this month"), tr("Recovered, last 30 days"), tr("Recovered, all time"),
                                  tr("Still expected (open)")};
    const std::array<QLabel *, 4> values = {m_thisMonth, m_last30, m_allTime, m_outstanding};
    for (size_t i = 0; i < values.size(); ++i) {
        m_cardCaptions[i]->setText(captions[qsizetype(i)]);
        values[i]->setAccessibleName(captions[qsizetype(i)]);
    }
    m_breakdownCaption->setText(tr("Money recovered by"));
    m_breakdownBy->setAccessibleName(tr("Break totals down by"));
    m_breakdownBy->setToolTip(tr("Operator: who recorded the recovered amount. Owner: who works the entry."));
    // Item texts only: the current index (the breakdown shown) and each item's data stay.
    const QStringList breakdowns = {tr("Product"), tr("Payer"), tr("Operator"), tr("Owner")};
    for (int i = 0; i < breakdowns.size() && i < m_breakdownBy->count(); ++i)
        m_breakdownBy->setItemText(i, breakdowns[i]);

    m_stateFilter->setAccessibleName(tr("Filter by state"));
    m_stateFilter->setItemText(0, tr("All states"));
    for (int i = 1; i < m_stateFilter->count(); ++i)
        m_stateFilter->setItemText(i, stateLabel(LedgerState(m_stateFilter->itemData(i).toInt())));
    m_stateLabel->setText(tr("S&tate"));
    m_productFilter->setAccessibleName(tr("Filter by product"));
    m_productFilter->setItemText(0, tr("All products"));
    for (int i = 1; i < m_productFilter->count(); ++i)
        m_productFilter->setItemText(i, productLabel(m_productFilter->itemData(i).toString()));
    m_productLabel->setText(tr("P&roduct"));
    m_payerFilter->setAccessibleName(tr("Filter by payer"));
    if (m_payerFilter->count() > 0 && m_payerFilter->itemData(0).toString().isEmpty())
        m_payerFilter->setItemText(0, tr("All payers"));
    m_payerLabel->setText(tr("Pa&yer"));
    m_search->setAccessibleName(tr("Search the ledger"));
    m_search->setPlaceholderText(tr("Search payer, owner, notes…"));

    m_resolve->setText(tr("Re&solve…"));
    m_resolve->setToolTip(tr("Compare your version with the one on the server, field by field"));
    showConflictCount();

    m_table->setAccessibleName(tr("Ledger entries"));
    m_model->retranslate();
    m_empty->setText(tr("No recovery entries yet. Mark an alert real on a dashboard (R) and accept the ledger "
                        "offer (L), or add one with New entry (Ctrl+N)."));
    m_new->setText(tr("&New entry"));
    m_new->setShortcut(QKeySequence::New); // after the text: a mnemonic in it would replace Ctrl+N with Alt+N
    m_edit->setText(tr("&Edit"));
    m_approve->setText(tr("&Approve"));
    m_history->setText(tr("H&istory"));
    m_history->setToolTip(tr("Who changed what, and when"));
    m_undo->setText(tr("Undo"));
    m_redo->setText(tr("Redo"));
    m_status->setAccessibleName(tr("Ledger status"));
    if (m_statusText)
        m_status->setText(m_statusText());
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportCsv->setToolTip(tr("Export the visible entries as CSV"));
    m_exportPdf->setText(tr("Export &PDF…"));
    m_exportPdf->setToolTip(tr("Export the visible entries as a PDF"));
    updateActions(); // the tool tips that depend on the selection and the role
    updateTotals();  // from the entries held: amounts and the breakdown's words
}

QWidget *LedgerPage::buildTotals()
{
    auto *strip = new QWidget(this);
    strip->setObjectName(QStringLiteral("totalsStrip"));
    auto *row = new QHBoxLayout(strip);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(10);
    std::tie(m_cardCaptions[0], m_thisMonth) = addCard(row, strip, QStringLiteral("totalThisMonth"));
    std::tie(m_cardCaptions[1], m_last30) = addCard(row, strip, QStringLiteral("totalLast30Days"));
    std::tie(m_cardCaptions[2], m_allTime) = addCard(row, strip, QStringLiteral("totalAllTime"));
    std::tie(m_cardCaptions[3], m_outstanding) = addCard(row, strip, QStringLiteral("totalOutstanding"));

    auto *by = new QFrame(strip);
    by->setObjectName(QStringLiteral("totalsCard"));
    by->setStyleSheet(QStringLiteral("#totalsCard{background:#f5f7fa;border:1px solid #d9dde2;border-radius:6px}"));
    auto *v = new QVBoxLayout(by);
    v->setContentsMargins(12, 6, 12, 6);
    v->setSpacing(2);
    auto *h = new QHBoxLayout;
    m_breakdownCaption = new QLabel(by);
    m_breakdownCaption->setStyleSheet(QStringLiteral("color:#52606d"));
    m_breakdownBy = new QComboBox(by);
    m_breakdownBy->setObjectName(QStringLiteral("breakdownBy"));
    // Product, payer, recovered by, owner: the words are set by retranslateUi().
    m_breakdownBy->addItems({QString(), QString(), QString(), QString()});
    h->addWidget(m_breakdownCaption);
    h->addWidget(m_breakdownBy);
    h->addStretch(1);
    m_breakdown = new QLabel(by);
    m_breakdown->setObjectName(QStringLiteral("breakdown"));
    m_breakdown->setTextFormat(Qt::RichText);
    v->addLayout(h);
    v->addWidget(m_breakdown);
    row->addWidget(by, 2);
    connect(m_breakdownBy, &QComboBox::currentIndexChanged, this, &LedgerPage::updateTotals);
    return strip;
}

QWidget *LedgerPage::buildConflictBanner()
{
    m_conflictBanner = new QFrame(this);
    m_conflictBanner->setObjectName(QStringLiteral("syncConflictBanner"));
    m_conflictBanner->setStyleSheet(
        QStringLiteral("#syncConflictBanner{background:#fff4e5;border:1px solid #e0a040;border-radius:6px}"));
    auto *row = new QHBoxLayout(m_conflictBanner);
    row->setContentsMargins(12, 6, 12, 6);
    m_conflictText = new QLabel(m_conflictBanner);
    m_conflictText->setObjectName(QStringLiteral("syncConflictText"));
    m_conflictText->setWordWrap(true);
    m_resolve = new QPushButton(m_conflictBanner);
    m_resolve->setObjectName(QStringLiteral("resolveSyncConflicts"));
    row->addWidget(m_conflictText, 1);
    row->addWidget(m_resolve);
    connect(m_resolve, &QPushButton::clicked, this, [this] { resolveSyncConflicts(); });
    m_conflictBanner->hide();
    return m_conflictBanner;
}

void LedgerPage::updateConflictBanner()
{
    auto conflicts = m_repository->syncConflicts();
    m_syncConflicts = conflicts.ok() ? int(conflicts->size()) : 0;
    showConflictCount();
    m_conflictBanner->setVisible(m_syncConflicts > 0);
}

void LedgerPage::showConflictCount()
{
    m_conflictText->setText(tr("Ledger entries changed on another workstation while you edited them: %1. Your "
                               "edits are kept here and wait until you choose what to keep.")
                                .arg(m_syncConflicts));
}

ConflictDialog *LedgerPage::resolveSyncConflicts()
{
    auto conflicts = m_repository->syncConflicts();
    if (!conflicts.ok()) {
        showStatus(conflicts.error().message, true);
        return nullptr;
    }
    if (conflicts->empty()) {
        updateConflictBanner();
        return nullptr;
    }
    const SyncConflict conflict = conflicts->front();
    if (conflict.theirs.id.isEmpty()) {
        const auto answer = widgets::MessageBox::question(
            this, tr("Entry removed on the server"),
            tr("The %1 entry you changed no longer exists on the server. Keep your version (it is sent again as a "
               "new entry) or remove it from this workstation?")
                .arg(conflict.mine.payer),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        // Only an explicit choice acts: Cancel, Escape or the workstation locking meanwhile (NoButton) leave it.
        if (answer != QMessageBox::Save && answer != QMessageBox::Discard)
            return nullptr;
        auto done = m_repository->resolveSyncConflict(conflict, conflict.mine, answer == QMessageBox::Discard);
        if (done.ok())
            showTranslatedStatus([] { return tr("Conflict resolved."); });
        else
            showStatus(done.error().message, true);
        reload();
        return nullptr;
    }
    auto *dialog = new ConflictDialog(conflict.mine, conflict.theirs, QString(), nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, conflict] {
        const bool takeTheirs = dialog->resolution() == ConflictDialog::Resolution::TakeTheirs;
        auto done = m_repository->resolveSyncConflict(conflict, dialog->resolvedEntry(), takeTheirs);
        if (!done.ok()) {
            showStatus(done.error().message, true);
            return;
        }
        showTranslatedStatus([] { return tr("Conflict resolved; the result is queued for the server."); });
        reload();
        emit entrySaved(done.value());
        if (m_syncConflicts > 0)
            QTimer::singleShot(0, this, [this] { resolveSyncConflicts(); }); // the next one
    });
    dialog->open();
    return dialog;
}

QWidget *LedgerPage::buildFilters()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto addLabeled = [&](QWidget *w) { // the label's words: retranslateUi()
        auto *l = new QLabel(bar);
        l->setBuddy(w);
        row->addWidget(l);
        row->addWidget(w);
        return l;
    };
    // Item texts are set by retranslateUi(); the data is what the filter uses.
    m_stateFilter = new QComboBox(bar);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItem(QString(), -1);
    for (int s = 0; s < kLedgerStateCount; ++s)
        m_stateFilter->addItem(QString(), s);
    m_stateLabel = addLabeled(m_stateFilter);

    m_productFilter = new QComboBox(bar);
    m_productFilter->setObjectName(QStringLiteral("productFilter"));
    m_productFilter->addItem(QString(), QString());
    for (const QString &p : kLedgerProducts)
        m_productFilter->addItem(QString(), p);
    m_productLabel = addLabeled(m_productFilter);

    m_payerFilter = new QComboBox(bar);
    m_payerFilter->setObjectName(QStringLiteral("payerFilter"));
    m_payerFilter->setMinimumContentsLength(22);
    m_payerFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_payerLabel = addLabeled(m_payerFilter);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    row->addWidget(m_search, 1);

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &LedgerPage::applyFilters);
    connect(m_productFilter, &QComboBox::currentIndexChanged, this, &LedgerPage::applyFilters);
    connect(m_payerFilter, &QComboBox::currentIndexChanged, this, &LedgerPage::applyFilters);
    // Typing restarts a short timer: one filter pass per pause, not per keystroke (a pass over 1M rows is ~0.3 s).
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(std::chrono::milliseconds(200));
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &LedgerPage::applyFilters);
    return bar;
}

void LedgerPage::reload()
{
    updateConflictBanner();
    const auto selected = selectedEntry();
    auto entries = m_repository->all();
    if (!entries.ok()) {
        showStatus(entries.error().message, true);
        return;
    }
    m_empty->setVisible(entries->empty());
    m_model->setEntries(std::move(entries.value()));
    const QString payer = m_payerFilter->currentData().toString();
    {
        const QSignalBlocker block(m_payerFilter);
        m_payerFilter->clear();
        m_payerFilter->addItem(tr("All payers"), QString());
        for (const QString &p : m_model->payers())
            m_payerFilter->addItem(p, p);
        m_payerFilter->setCurrentIndex(std::max(0, m_payerFilter->findData(payer)));
    }
    applyFilters();
    if (selected)
        selectEntry(selected->id);
}

void LedgerPage::clearData()
{
    m_steps.clear(); // its steps hold decrypted entries
    m_model->setEntries({});
    m_empty->setVisible(false);
    for (QLabel *card : {m_thisMonth, m_last30, m_allTime, m_outstanding})
        card->setText(QStringLiteral("—"));
    m_breakdown->clear();
}

void LedgerPage::applyFilters()
{
    LedgerFilter f;
    if (const int s = m_stateFilter->currentData().toInt(); s >= 0)
        f.state = LedgerState(s);
    f.product = m_productFilter->currentData().toString();
    f.payer = m_payerFilter->currentData().toString();
    f.text = m_search->text().trimmed();
    m_model->setFilter(f);
    updateTotals();
    updateActions();
}

void LedgerPage::updateTotals()
{
    const LedgerTotals t = m_model->visibleTotals(m_repository->today());
    m_thisMonth->setText(formatCents(t.recoveredThisMonthCents));
    m_last30->setText(formatCents(t.recoveredLast30DaysCents));
    m_allTime->setText(formatCents(t.allTime.recoveredCents));
    m_outstanding->setText(formatCents(t.allTime.outstandingCents));

    const int by = m_breakdownBy->currentIndex();
    // Product, Payer, Operator (SPEC 7's "by operator": who recorded the recovered amount), Owner.
    const QMap<QString, LedgerBucket> &buckets = by == 0   ? t.byProduct
                                                 : by == 1 ? t.byPayer
                                                 : by == 2 ? t.byRecoveredBy
                                                           : t.byOwner;
    std::vector<std::pair<QString, qint64>> top;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
        top.emplace_back(it.key(), it.value().recoveredCents);
    std::stable_sort(top.begin(), top.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='1' width='100%'>");
    const size_t shown = std::min<size_t>(top.size(), 3);
    for (size_t i = 0; i < shown; ++i) {
        QString name = by == 0 ? productLabel(top[i].first) : top[i].first;
        if (name.isEmpty())
            name = by == 2 ? tr("Not recorded") : tr("Unassigned");
        html += QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
                    .arg(name.toHtmlEscaped(), formatCents(top[i].second));
    }
    if (top.size() > shown)
        html += QStringLiteral("<tr><td colspan='2' style='color:#52606d'>%1</td></tr>")
                    .arg(tr("and %n more", nullptr, int(top.size() - shown)).toHtmlEscaped());
    if (top.empty())
        html += QStringLiteral("<tr><td style='color:#52606d'>%1</td></tr>").arg(tr("No entries").toHtmlEscaped());
    m_breakdown->setText(html + QStringLiteral("</table>"));
}

void LedgerPage::updateActions()
{
    const auto e = selectedEntry();
    // A role that may not change the ledger (a viewer) reads it: New and Edit say why they are off.
    const QString readOnly = session::roleRefusal(m_repository->actor().role, session::RoleAction::EditLedger);
    m_new->setEnabled(readOnly.isEmpty());
    m_new->setToolTip(readOnly.isEmpty() ? tr("Add a recovery to the ledger (Ctrl+N)") : readOnly);
    m_edit->setEnabled(readOnly.isEmpty() && e && !e->isApproved());
    m_edit->setToolTip(!readOnly.isEmpty()    ? readOnly
                       : e && e->isApproved() ? tr("Approved entries are final; record a correction as a new entry")
                                              : tr("Edit the selected entry (Enter)"));
    m_history->setEnabled(e.has_value());
    m_undo->setEnabled(readOnly.isEmpty() && m_steps.canUndo());
    m_undo->setToolTip(m_steps.canUndo() ? m_steps.undoText() : tr("Nothing to undo (Ctrl+Z)"));
    m_redo->setEnabled(readOnly.isEmpty() && m_steps.canRedo());
    m_redo->setToolTip(m_steps.canRedo() ? m_steps.redoText() : tr("Nothing to redo (Ctrl+Shift+Z)"));
    const bool supervisor = m_repository->actor().canApprove();
    m_approve->setEnabled(supervisor && e && isTerminal(e->state) && !e->isApproved());
    m_approve->setToolTip(!supervisor ? tr("Only a supervisor can approve entries")
                                      : tr("Approve a recovered or written-off entry"));
    const bool any = m_model->rowCount() > 0;
    m_exportCsv->setEnabled(any);
    m_exportPdf->setEnabled(any);
}

void LedgerPage::showTranslatedStatus(std::function<QString()> text, bool error)
{
    showStatus(text(), error);
    m_statusText = std::move(text);
}

void LedgerPage::showStatus(const QString &text, bool error)
{
    m_statusText = nullptr;
    m_status->setStyleSheet(error ? QStringLiteral("color:#b3261e") : QStringLiteral("color:#2f6f3e"));
    m_status->setText(text);
}

void LedgerPage::selectEntry(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, 0));
}

std::optional<LedgerEntry> LedgerPage::selectedEntry() const
{
    if (!m_table || !m_table->selectionModel())
        return std::nullopt;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->entryAt(rows.first().row());
}

LedgerEntryEditor *LedgerPage::openEditor(std::optional<LedgerEntry> entry)
{
    auto *editor = new LedgerEntryEditor(m_repository, entry, m_model->payers(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &LedgerEntryEditor::saved, this, [this, before = std::move(entry)](const LedgerEntry &saved) {
        if (before)
            m_steps.recordEdit(*before, saved);
        onSaved(saved);
    });
    connect(editor, &LedgerEntryEditor::conflictDetected, this, [this, editor](const LedgerEntry &mine) {
        editor->close();
        resolveConflict(mine);
    });
    editor->open();
    return editor;
}

bool LedgerPage::mayEdit()
{
    const QString role = m_repository->actor().role;
    const bool refused = !session::roleRefusal(role, session::RoleAction::EditLedger).isEmpty();
    if (refused)
        showTranslatedStatus([role] { return session::roleRefusal(role, session::RoleAction::EditLedger); }, true);
    return !refused;
}

LedgerEntryEditor *LedgerPage::newEntry()
{
    if (!mayEdit())
        return nullptr;
    return openEditor(std::nullopt);
}

LedgerEntryEditor *LedgerPage::editSelected()
{
    if (!mayEdit())
        return nullptr;
    const auto e = selectedEntry();
    return e && !e->isApproved() ? openEditor(e) : nullptr;
}

void LedgerPage::onSaved(const LedgerEntry &entry)
{
    reload();
    selectEntry(entry.id);
    showTranslatedStatus([payer = entry.payer, version = entry.version] {
        return tr("Saved %1 (version %2).").arg(payer).arg(version);
    });
    emit entrySaved(entry);
}

bool LedgerPage::undoEdit()
{
    return stepEdit(false);
}

bool LedgerPage::redoEdit()
{
    return stepEdit(true);
}

bool LedgerPage::stepEdit(bool redo)
{
    if (!(redo ? m_steps.canRedo() : m_steps.canUndo()) || !mayEdit())
        return false;
    auto stored = redo ? m_steps.redo() : m_steps.undo();
    if (!stored.ok()) {
        showStatus(stored.error().message, true);
        updateActions();
        return false;
    }
    reload();
    selectEntry(stored->id);
    showTranslatedStatus([redo, payer = stored->payer, version = stored->version] {
        return (redo ? tr("Redone: %1 (version %2).") : tr("Undone: %1 (version %2).")).arg(payer).arg(version);
    });
    emit entrySaved(stored.value());
    return true;
}

bool LedgerPage::approveSelected()
{
    const auto e = selectedEntry();
    if (!e)
        return false;
    const auto answer =
        widgets::MessageBox::question(this, tr("Approve entry"),
                                      tr("Approve the %1 entry: %2 recovered of %3 expected?")
                                          .arg(e->payer, formatCents(e->recoveredCents), formatCents(e->expectedCents)),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return false;
    auto approved = m_repository->approve(e->id, e->version);
    if (!approved.ok()) {
        showStatus(approved.error().message, true);
        if (approved.error().code != ErrorCode::Conflict)
            widgets::MessageBox::warning(this, tr("Approval not saved"), approved.error().message);
        reload();
        return false;
    }
    onSaved(approved.value());
    showTranslatedStatus([payer = approved->payer] { return tr("Approved %1.").arg(payer); });
    return true;
}

LedgerHistoryView *LedgerPage::showHistory()
{
    const auto e = selectedEntry();
    if (!e)
        return nullptr;
    auto *view = new LedgerHistoryView(m_repository, *e, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->open();
    return view;
}

ConflictDialog *LedgerPage::resolveConflict(const LedgerEntry &mine)
{
    auto theirs = m_repository->get(mine.id);
    if (!theirs.ok()) {
        showStatus(theirs.error().message, true);
        return nullptr;
    }
    auto history = m_repository->history(mine.id);
    QString author;
    std::optional<LedgerEntry> base; // the version the refused edit started from
    if (history.ok()) {
        for (const LedgerHistoryRecord &r : history.value()) {
            if (r.after.version == mine.version)
                base = r.after;
            if (r.after.version > mine.version)
                author = r.who; // the last one who saved after my base
        }
    }
    auto *dialog = new ConflictDialog(mine, theirs.value(), author, base ? &*base : nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto saved = m_repository->update(dialog->resolvedEntry(), /*overRecoveryConfirmed=*/true);
        if (saved.ok()) {
            onSaved(saved.value());
        } else if (saved.error().code == ErrorCode::Conflict) {
            resolveConflict(dialog->resolvedEntry()); // changed again meanwhile: compare with the newest
        } else {
            // The merged combination breaks a rule (e.g. a state step): let the user fix it in the editor.
            showStatus(saved.error().message, true);
            auto current = m_repository->get(dialog->resolvedEntry().id);
            if (current.ok())
                openEditor(current.value())->setDraft(dialog->resolvedEntry());
        }
    });
    dialog->open();
    return dialog;
}

bool LedgerPage::exportCsv()
{
    const QString path = widgets::FileDialog::getSaveFileName(
        this, tr("Export ledger as CSV"), QStringLiteral("recovery-ledger.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    const Status st = writeCsvFile(path, m_model->visibleEntries());
    if (!st.ok()) {
        showStatus(st.error().message, true);
        return false;
    }
    showTranslatedStatus([n = m_model->rowCount()] { return tr("Exported %n entries to CSV.", nullptr, n); });
    (void)m_repository->recordExport(QStringLiteral("csv"), m_model->rowCount());
    return true;
}

bool LedgerPage::exportPdf()
{
    const QString path = widgets::FileDialog::getSaveFileName(
        this, tr("Export ledger as PDF"), QStringLiteral("recovery-ledger.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    const auto entries = m_model->visibleEntries();
    const QString html = exportHtmlReport(entries, m_model->visibleTotals(m_repository->today()), m_repository->now());
    const Status st = writeLedgerPdf(path, html);
    if (!st.ok()) {
        showStatus(st.error().message, true);
        return false;
    }
    showTranslatedStatus([n = int(entries.size())] { return tr("Exported %n entries to PDF.", nullptr, n); });
    (void)m_repository->recordExport(QStringLiteral("pdf"), int(entries.size()));
    return true;
}

} // namespace upstream::views
