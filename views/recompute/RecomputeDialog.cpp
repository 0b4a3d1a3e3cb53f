#include "RecomputeDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace upstream::views {
namespace {

constexpr int kProgressMax = 1000;

QCheckBox *productBox(QWidget *parent, const QString &text, const char *objectName, const QString &what)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(QLatin1String(objectName));
    box->setChecked(true);
    box->setToolTip(what);
    return box;
}

} // namespace

RecomputeDialog::RecomputeDialog(TargetFunction target, QWidget *parent)
    : QDialog(parent), m_target(std::move(target)), m_runner(new compute::RecomputeRunner(this))
{
    setObjectName(QStringLiteral("recomputeDialog"));
    setWindowTitle(tr("Recompute signals"));

    auto *products = new QGroupBox(tr("Products"), this);
    m_driftWatch =
        productBox(products, tr("&DriftWatch"), "productDriftWatch", tr("Denial rate by payer and CPT group"));
    m_denialScope = productBox(products, tr("De&nialScope"), "productDenialScope", tr("Denial reasons by payer"));
    m_delayGuard = productBox(products, tr("De&layGuard"), "productDelayGuard", tr("Adjudication and payment delays"));
    auto *productLayout = new QVBoxLayout(products);
    productLayout->addWidget(m_driftWatch);
    productLayout->addWidget(m_denialScope);
    productLayout->addWidget(m_delayGuard);

    auto *asOfBox = new QGroupBox(tr("As of"), this);
    m_dataDate = new QRadioButton(tr("The data's &own date (the day after its newest claim date)"), asOfBox);
    m_dataDate->setObjectName(QStringLiteral("asOfDataDate"));
    m_dataDate->setChecked(true);
    m_chosenDate = new QRadioButton(tr("&A chosen date:"), asOfBox);
    m_chosenDate->setObjectName(QStringLiteral("asOfChosenDate"));
    m_asOf = new QDateEdit(QDate::currentDate(), asOfBox);
    m_asOf->setObjectName(QStringLiteral("asOfDate"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOf->setAccessibleName(tr("As-of date"));
    m_asOf->setEnabled(false);
    auto *group = new QButtonGroup(this);
    group->addButton(m_dataDate);
    group->addButton(m_chosenDate);
    auto *chosenRow = new QHBoxLayout;
    chosenRow->addWidget(m_chosenDate);
    chosenRow->addWidget(m_asOf);
    chosenRow->addStretch(1);
    auto *asOfLayout = new QVBoxLayout(asOfBox);
    asOfLayout->addWidget(m_dataDate);
    asOfLayout->addLayout(chosenRow);
    auto *explain = new QLabel(tr("Windows end the day before the as-of date: an earlier date replays what an export "
                                  "taken that day would have shown."),
                               asOfBox);
    explain->setWordWrap(true);
    asOfLayout->addWidget(explain);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("recomputeProgress"));
    m_progress->setRange(0, kProgressMax);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Recompute progress"));
    m_step = new QLabel(this);
    m_step->setObjectName(QStringLiteral("recomputeStep"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("recomputeResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);

    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("recomputeStart"));
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("recomputeCancel"));
    m_cancel->setAutoDefault(false);
    m_cancel->setEnabled(false);
    m_close = new QPushButton(tr("Close"), this); // Esc: no mnemonic needed
    m_close->setObjectName(QStringLiteral("recomputeClose"));
    m_close->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(products);
    layout->addWidget(asOfBox);
    layout->addWidget(m_progress);
    layout->addWidget(m_step);
    layout->addWidget(m_result);
    layout->addLayout(buttons);
    setMinimumWidth(480);
    const QList<QWidget *> order{m_driftWatch, m_denialScope, m_delayGuard, m_dataDate, m_chosenDate,
                                 m_asOf,       m_start,       m_cancel,     m_close};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    for (QCheckBox *box : {m_driftWatch, m_denialScope, m_delayGuard})
        connect(box, &QCheckBox::toggled, this, &RecomputeDialog::updateStartButton);
    connect(m_chosenDate, &QRadioButton::toggled, m_asOf, &QDateEdit::setEnabled);
    connect(m_start, &QPushButton::clicked, this, &RecomputeDialog::startRun);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        m_cancel->setEnabled(false);
        m_step->setText(tr("Cancelling…"));
    });
    connect(m_close, &QPushButton::clicked, this, &RecomputeDialog::reject);

    connect(m_runner, &compute::RecomputeRunner::progress, this, [this](const compute::RecomputeProgress &p) {
        m_progress->setValue(int(p.fraction * kProgressMax));
        if (m_cancel->isEnabled()) // "Cancelling…" stays until the run stops
            m_step->setText(p.step);
    });
    connect(m_runner, &compute::RecomputeRunner::finished, this, [this](const compute::ComputeReport &r) {
        m_progress->setValue(kProgressMax);
        const QLocale locale;
        runEnded(tr("Signals found: %1 (%2 new, %3 updated). Alerts created: %4. As of %5.")
                     .arg(locale.toString(qulonglong(r.found.size())), locale.toString(r.signalsInserted),
                          locale.toString(r.signalsUpdated), locale.toString(r.alertsCreated),
                          r.asOf.toString(Qt::ISODate)));
        emit recomputed(r);
    });
    connect(m_runner, &compute::RecomputeRunner::failed, this,
            [this](const QString &reason) { runEnded(tr("The recompute failed: %1").arg(reason)); });
    connect(m_runner, &compute::RecomputeRunner::cancelled, this, [this] {
        m_progress->setValue(0);
        runEnded(tr("Cancelled: nothing was written; the signals are as they were."));
    });
}

compute::ComputeOptions RecomputeDialog::options() const
{
    compute::ComputeOptions o;
    o.products.clear();
    if (m_driftWatch->isChecked())
        o.products.push_back(engines::Product::DriftWatch);
    if (m_denialScope->isChecked())
        o.products.push_back(engines::Product::DenialScope);
    if (m_delayGuard->isChecked())
        o.products.push_back(engines::Product::DelayGuard);
    if (m_chosenDate->isChecked())
        o.asOf = m_asOf->date();
    return o;
}

void RecomputeDialog::updateStartButton()
{
    m_start->setEnabled(!m_runner->isRunning() &&
                        (m_driftWatch->isChecked() || m_denialScope->isChecked() || m_delayGuard->isChecked()));
}

void RecomputeDialog::setRunning(bool running)
{
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_driftWatch, m_denialScope, m_delayGuard, m_dataDate, m_chosenDate})
        w->setEnabled(!running);
    m_asOf->setEnabled(!running && m_chosenDate->isChecked());
    m_cancel->setEnabled(running);
    updateStartButton();
    (running ? static_cast<QWidget *>(m_cancel) : static_cast<QWidget *>(m_start))->setFocus();
}

void RecomputeDialog::startRun()
{
    const compute::ComputeOptions o = options();
    if (o.products.empty() || m_runner->isRunning())
        return;
    auto target = m_target ? m_target()
                           : Result<compute::RecomputeTarget>(makeError(
                                 ErrorCode::InvalidInput, tr("Open a workspace or sign in to a server first.")));
    if (!target.ok()) {
        m_result->setText(tr("The recompute cannot start: %1").arg(target.error().message));
        return;
    }
    m_result->clear();
    m_progress->setValue(0);
    m_step->setText(tr("Starting…"));
    m_runner->start(std::move(target.value()), o);
    setRunning(m_runner->isRunning());
}

void RecomputeDialog::runEnded(const QString &result)
{
    m_step->clear();
    m_result->setText(result);
    setRunning(false);
    if (m_closeWhenStopped) {
        m_closeWhenStopped = false;
        QDialog::reject();
    }
}

void RecomputeDialog::reject()
{
    if (m_runner->isRunning()) { // close once the run has stopped: the worker must not outlive its dialog's answer
        m_closeWhenStopped = true;
        m_runner->cancel();
        m_cancel->setEnabled(false);
        m_step->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace upstream::views
