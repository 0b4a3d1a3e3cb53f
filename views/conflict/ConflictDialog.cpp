#include "ConflictDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace upstream::views {

using namespace ledger;

namespace {

// Radio buttons do not word-wrap; long notes are broken at spaces so both columns stay readable side by side.
QString wrapped(const QString &text, int width = 44)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '))) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    lines << line;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ConflictDialog::ConflictDialog(const LedgerEntry &mine, const LedgerEntry &theirs, const QString &theirAuthor,
                               const LedgerEntry *base, QWidget *parent)
    : QDialog(parent), m_mine(mine), m_theirs(theirs), m_resolved(theirs)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve a conflicting change"));
    setMinimumWidth(720);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("This entry was changed elsewhere").toHtmlEscaped()), this));
    const QString who = theirAuthor.isEmpty() ? tr("another workstation") : theirAuthor;
    auto *intro = new QLabel(tr("While you were editing the %1 entry, %2 saved version %3. Nothing has been "
                                "overwritten. Choose, field by field, which value to keep.")
                                 .arg(theirs.payer, who)
                                 .arg(theirs.version),
                             this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("differences"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(frame);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(8);
    auto header = [&](const QString &text, int column) {
        auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), frame);
        grid->addWidget(l, 0, column);
    };
    header(tr("Field"), 0);
    header(tr("Mine (your edit)"), 1);
    header(tr("Theirs (saved, version %1)").arg(theirs.version), 2);
    auto *line = new QFrame(frame);
    line->setFrameShape(QFrame::HLine);
    grid->addWidget(line, 1, 0, 1, 3);

    int row = 2;
    const QMap<LedgerField, MergeSide> suggested = suggestedChoices(base, mine, theirs);
    for (const FieldDifference &d : differingFields(mine, theirs)) {
        const bool both = base && bothChanged(*base, mine, theirs, d.field);
        auto *label =
            new QLabel(both ? tr("%1\n(changed by both)").arg(fieldLabel(d.field)) : fieldLabel(d.field), frame);
        if (both)
            label->setObjectName(QStringLiteral("bothChanged_%1").arg(int(d.field)));
        if (both)
            label->setStyleSheet(QStringLiteral("color:#8a5a00;font-weight:600"));
        auto *group = new QButtonGroup(frame);
        auto *m = new QRadioButton(d.mine.isEmpty() ? tr("(empty)") : wrapped(d.mine), frame);
        auto *t = new QRadioButton(d.theirs.isEmpty() ? tr("(empty)") : wrapped(d.theirs), frame);
        m->setAccessibleName(tr("Keep my %1").arg(fieldLabel(d.field)));
        t->setAccessibleName(tr("Take their %1").arg(fieldLabel(d.field)));
        m->setObjectName(QStringLiteral("mine_%1").arg(int(d.field)));
        t->setObjectName(QStringLiteral("theirs_%1").arg(int(d.field)));
        group->addButton(m);
        group->addButton(t);
        (suggested.value(d.field, MergeSide::Mine) == MergeSide::Mine ? m : t)->setChecked(true);
        grid->addWidget(label, row, 0, Qt::AlignTop);
        grid->addWidget(m, row, 1, Qt::AlignTop);
        grid->addWidget(t, row, 2, Qt::AlignTop);
        m_mineButtons.insert(d.field, m);
        m_theirsButtons.insert(d.field, t);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addWidget(frame);

    const int same = int(kEditableFields.size()) - differenceCount();
    auto *sameLabel = new QLabel(tr("%n other field(s) are the same in both versions.", nullptr, same), this);
    sameLabel->setObjectName(QStringLiteral("sameFields"));
    sameLabel->setStyleSheet(QStringLiteral("color:#52606d"));
    layout->addWidget(sameLabel);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    auto *mineButton = buttons->addButton(tr("Keep &mine"), QDialogButtonBox::ActionRole);
    auto *theirsButton = buttons->addButton(tr("Take &theirs"), QDialogButtonBox::ActionRole);
    auto *mergeButton = buttons->addButton(tr("&Save merge"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    mineButton->setObjectName(QStringLiteral("keepMine"));
    theirsButton->setObjectName(QStringLiteral("takeTheirs"));
    mergeButton->setObjectName(QStringLiteral("saveMerge"));
    mergeButton->setDefault(true);
    layout->addWidget(buttons);
    connect(mineButton, &QPushButton::clicked, this, &ConflictDialog::keepMine);
    connect(theirsButton, &QPushButton::clicked, this, &ConflictDialog::takeTheirs);
    connect(mergeButton, &QPushButton::clicked, this, &ConflictDialog::saveMerge);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConflictDialog::choose(LedgerField field, MergeSide side)
{
    if (auto *b = (side == MergeSide::Mine ? m_mineButtons : m_theirsButtons).value(field))
        b->setChecked(true);
}

QMap<LedgerField, MergeSide> ConflictDialog::choices() const
{
    QMap<LedgerField, MergeSide> out;
    for (auto it = m_mineButtons.cbegin(); it != m_mineButtons.cend(); ++it)
        out.insert(it.key(), it.value()->isChecked() ? MergeSide::Mine : MergeSide::Theirs);
    return out;
}

void ConflictDialog::keepMine()
{
    QMap<LedgerField, MergeSide> all;
    for (LedgerField f : kEditableFields)
        all.insert(f, MergeSide::Mine);
    finish(Resolution::KeepMine, all);
}

void ConflictDialog::takeTheirs()
{
    finish(Resolution::TakeTheirs, {});
}

void ConflictDialog::saveMerge()
{
    finish(Resolution::Merge, choices());
}

void ConflictDialog::finish(Resolution resolution, const QMap<LedgerField, MergeSide> &choices)
{
    m_resolution = resolution;
    m_resolved = mergeEntries(m_mine, m_theirs, choices);
    accept();
}

} // namespace upstream::views
