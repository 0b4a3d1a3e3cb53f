// SPEC section 7: which signals become alerts, verdict → status, the 4 h cooldown, noise memory (≥ 2 noise
// verdicts on similar alerts in 30 days suppress; real never does), all keyed per customer + product + signal
// type + group — including the regression where DelayGuard alerts were matched against the wrong key — and
// the context badge texts.
#include "alerts/AlertBook.h"
#include "alerts/AlertLabels.h"

#include <QTest>

using namespace upstream;
using namespace upstream::alerts;
using namespace upstream::engines;

namespace {

const QDateTime kT0(QDate(2026, 6, 1), QTime(9, 0), Qt::UTC);
int g_window = 20000; // every made signal gets its own window, hence its own fingerprint

Signal makeSignal(Product product, SignalType type, const QString &payer, const QString &group = {},
                  const QString &reason = {})
{
    Signal s;
    s.product = product;
    s.type = type;
    s.payer = payer;
    s.cptGroup = group;
    s.reason = reason;
    s.severity = Severity::Medium;
    s.confidence = 0.9;
    s.evidence.current = {g_window, g_window + 14};
    s.evidence.baseline = {g_window - 90, g_window};
    ++g_window;
    s.fingerprint = fingerprintOf(s);
    return s;
}

Signal delayGuard(const QString &payer)
{
    return makeSignal(Product::DelayGuard, SignalType::PaymentDelay, payer);
}
Signal driftWatch(const QString &payer, const QString &group)
{
    return makeSignal(Product::DriftWatch, SignalType::DenialRate, payer, group);
}

qint64 raise(AlertBook &book, const Signal &s, const QDateTime &at, const QString &customer = QStringLiteral("c1"))
{
    const auto ids = book.ingest(customer, {s}, at);
    return ids.size() == 1 ? ids.front() : -1;
}

void markNoise(AlertBook &book, qint64 id, const QDateTime &at)
{
    QVERIFY(book.judge(id, QStringLiteral("op1"), Verdict::Noise, VerdictReason::FalsePositive, at).ok());
}

} // namespace

class AlertSuppressionTest : public QObject {
    Q_OBJECT
private slots:
    void onlyQualifyingSignalsBecomeAlerts()
    {
        Signal s = driftWatch(QStringLiteral("Cedar Mutual"), QStringLiteral("LAB"));
        QVERIFY(shouldAlert(s));
        s.severity = Severity::Low;
        s.confidence = 0.5;
        QVERIFY(shouldAlert(s));
        s.confidence = 0.49;
        QVERIFY(!shouldAlert(s));
        s.severity = Severity::High;
        s.direction = Direction::Improving;
        QVERIFY(!shouldAlert(s));
        AlertBook book;
        QVERIFY(book.ingest(QStringLiteral("c1"), {s}, kT0).empty());
    }

    void recomputeDoesNotDuplicateAlerts()
    {
        AlertBook book;
        const Signal s = driftWatch(QStringLiteral("Cedar Mutual"), QStringLiteral("LAB"));
        QCOMPARE(book.ingest(QStringLiteral("c1"), {s}, kT0).size(), std::size_t(1));
        QCOMPARE(book.ingest(QStringLiteral("c1"), {s}, kT0.addSecs(60)).size(), std::size_t(0));
        QCOMPARE(book.ingest(QStringLiteral("c2"), {s}, kT0).size(), std::size_t(1)); // other customer
    }

    void verdictsDriveStatusAndUndo()
    {
        AlertBook book;
        const qint64 id = raise(book, driftWatch(QStringLiteral("Cedar Mutual"), QStringLiteral("LAB")), kT0);
        QCOMPARE(book.find(id)->status, AlertStatus::Pending);
        QVERIFY(book.judge(id, QStringLiteral("op1"), Verdict::Real, VerdictReason::PayerPolicyChange, kT0).ok());
        QCOMPARE(book.find(id)->status, AlertStatus::Acknowledged);
        QVERIFY(
            book.judge(id, QStringLiteral("op1"), Verdict::Noise, VerdictReason::FalsePositive, kT0.addSecs(10)).ok());
        QCOMPARE(book.find(id)->status, AlertStatus::Resolved);
        QCOMPARE(book.find(id)->judgments.size(), std::size_t(1)); // one judgment per (alert, operator)
        QVERIFY(
            book.judge(id, QStringLiteral("op2"), Verdict::NeedsFollowup, VerdictReason::Other, kT0.addSecs(20)).ok());
        QCOMPARE(book.find(id)->status, AlertStatus::Pending);
        QCOMPARE(book.find(id)->judgments.size(), std::size_t(2));
        QVERIFY(book.undoLastVerdict(id, QStringLiteral("op2")).ok());
        QCOMPARE(book.find(id)->status, AlertStatus::Resolved);
        QVERIFY(book.undoLastVerdict(id, QStringLiteral("op1")).ok()); // back to op1's "real"
        QCOMPARE(book.find(id)->status, AlertStatus::Acknowledged);
        QVERIFY(book.undoLastVerdict(id, QStringLiteral("op1")).ok());
        QCOMPARE(book.find(id)->status, AlertStatus::Pending);
        QCOMPARE(book.undoLastVerdict(id, QStringLiteral("op1")).error().code, ErrorCode::InvalidInput);
        QCOMPARE(book.judge(9999, QStringLiteral("op1"), Verdict::Real, VerdictReason::Other, kT0).error().code,
                 ErrorCode::NotFound);
    }

    void cooldownSuppressesForFourHours()
    {
        AlertBook book;
        const QString payer = QStringLiteral("Cedar Mutual"), group = QStringLiteral("LAB");
        const qint64 first = raise(book, driftWatch(payer, group), kT0);
        QVERIFY(!book.find(first)->suppressed);
        const qint64 second = raise(book, driftWatch(payer, group), kT0.addSecs(2 * 3600));
        QVERIFY(book.find(second)->suppressed);
        QVERIFY(book.find(second)->suppressionBadge.contains(QStringLiteral("cooldown")));
        // Another group of the same payer is not in the cooldown.
        QVERIFY(!book.find(raise(book, driftWatch(payer, QStringLiteral("E&M")), kT0.addSecs(3600)))->suppressed);
        // After 4 h from the last shown alert: shown again (the suppressed one does not extend the cooldown).
        QVERIFY(!book.find(raise(book, driftWatch(payer, group), kT0.addSecs(4 * 3600 + 60)))->suppressed);
    }

    void twoNoiseVerdictsIn30DaysSuppress()
    {
        AlertBook book;
        const QString payer = QStringLiteral("Cedar Mutual"), group = QStringLiteral("LAB");
        const qint64 a = raise(book, driftWatch(payer, group), kT0);
        markNoise(book, a, kT0.addDays(1));
        const qint64 b = raise(book, driftWatch(payer, group), kT0.addDays(2));
        QVERIFY(!book.find(b)->suppressed); // one noise verdict is not enough
        markNoise(book, b, kT0.addDays(3));
        const qint64 c = raise(book, driftWatch(payer, group), kT0.addDays(5));
        QVERIFY(book.find(c)->suppressed);
        QVERIFY(book.find(c)->suppressionBadge.contains(QStringLiteral("noise")));
        // The badge is stored in its source form, whatever the language of whoever computed it, and shown in the
        // reader's: the display label recognises both stored forms; other text passes through unchanged.
        QCOMPARE(book.find(c)->suppressionBadge, alerts::noiseSuppression(2));
        QCOMPARE(alerts::suppressionLabel(alerts::noiseSuppression(2)),
                 QStringLiteral("Suppressed: marked noise 2 times in the last 30 days"));
        QCOMPARE(alerts::suppressionLabel(alerts::cooldownSuppression(75)),
                 QStringLiteral("Suppressed: a similar alert was raised 75 min ago (4 h cooldown)"));
        QCOMPARE(alerts::suppressionLabel(QStringLiteral("held by IT")), QStringLiteral("held by IT"));
        // Suppressed alerts stay visible, with their badge.
        QCOMPARE(book.alerts().size(), std::size_t(3));
        // 30 days after the verdicts the memory has expired.
        QVERIFY(!book.find(raise(book, driftWatch(payer, group), kT0.addDays(34)))->suppressed);
    }

    void realNeverSuppresses()
    {
        AlertBook book;
        const QString payer = QStringLiteral("Cedar Mutual"), group = QStringLiteral("LAB");
        for (int i = 0; i < 3; ++i) {
            const qint64 id = raise(book, driftWatch(payer, group), kT0.addDays(i));
            QVERIFY(!book.find(id)->suppressed);
            QVERIFY(book.judge(id, QStringLiteral("op1"), Verdict::Real, VerdictReason::PayerPolicyChange,
                               kT0.addDays(i).addSecs(600))
                        .ok());
        }
        // Within 4 h of an alert confirmed real: still shown.
        QVERIFY(!book.find(raise(book, driftWatch(payer, group), kT0.addDays(2).addSecs(3600)))->suppressed);
        // ...while an unjudged alert does start the cooldown.
        QVERIFY(!book.suppressionFor(book.alerts().back().similarityKey(), kT0.addDays(2).addSecs(7200)).isEmpty());
    }

    void suppressionIsPerCustomerProductTypeAndGroup()
    {
        AlertBook book;
        const QString payer = QStringLiteral("Cedar Mutual");
        for (int i = 0; i < 2; ++i)
            markNoise(book, raise(book, driftWatch(payer, QStringLiteral("LAB")), kT0.addDays(i)), kT0.addDays(i));
        const QDateTime later = kT0.addDays(3);
        QVERIFY(book.find(raise(book, driftWatch(payer, QStringLiteral("LAB")), later))->suppressed);
        QVERIFY(!book.find(raise(book, driftWatch(payer, QStringLiteral("RADIOLOGY")), later))->suppressed);
        QVERIFY(
            !book.find(raise(book, driftWatch(payer, QStringLiteral("LAB")), later, QStringLiteral("c2")))->suppressed);
    }

    void delayGuardMatchesItsOwnKeyOnly()
    {
        // Regression: the replaced system matched DelayGuard alerts against the wrong key, so noise on one
        // payer (or on DriftWatch for the same payer) silenced slow-payment alerts elsewhere.
        AlertBook book;
        const QString a = QStringLiteral("Cedar Mutual"), b = QStringLiteral("Granite Health Plan");
        for (int i = 0; i < 2; ++i) {
            markNoise(book, raise(book, delayGuard(a), kT0.addDays(i)), kT0.addDays(i));
            markNoise(book, raise(book, driftWatch(b, QStringLiteral("LAB")), kT0.addDays(i)), kT0.addDays(i));
        }
        const QDateTime later = kT0.addDays(3);
        QVERIFY(!book.find(raise(book, delayGuard(b), later))->suppressed); // B's noise was DriftWatch
        QVERIFY(book.find(raise(book, delayGuard(a), later))->suppressed);  // A's own DelayGuard noise
        QVERIFY(!book.find(raise(book, makeSignal(Product::DelayGuard, SignalType::AdjudicationDelay, a), later))
                     ->suppressed);
        QVERIFY(!book.find(raise(book, driftWatch(a, QStringLiteral("LAB")), later))->suppressed);
    }

    void contextBadgeShowsLatestSimilarVerdict()
    {
        AlertBook book;
        const QString payer = QStringLiteral("Cedar Mutual"), group = QStringLiteral("LAB");
        const qint64 first = raise(book, driftWatch(payer, group), kT0);
        QCOMPARE(book.contextBadge(first, kT0), QString());
        markNoise(book, first, kT0);
        const qint64 second = raise(book, driftWatch(payer, group), kT0.addDays(9));
        QCOMPARE(book.contextBadge(second, kT0.addDays(9)), QStringLiteral("marked noise 9 days ago"));
        QVERIFY(
            book.judge(second, QStringLiteral("op1"), Verdict::Real, VerdictReason::PayerPolicyChange, kT0.addDays(10))
                .ok());
        QVERIFY(book.setRecovered(second, 12400.0).ok());
        const qint64 third = raise(book, driftWatch(payer, group), kT0.addDays(12));
        QCOMPARE(book.contextBadge(third, kT0.addDays(12)), QStringLiteral("confirmed real, $12,400 recovered"));
        QVERIFY(book.judge(third, QStringLiteral("op1"), Verdict::NeedsFollowup, VerdictReason::Other, kT0.addDays(13))
                    .ok());
        const qint64 fourth = raise(book, driftWatch(payer, group), kT0.addDays(14));
        QCOMPARE(book.contextBadge(fourth, kT0.addDays(14)), QStringLiteral("follow-up open"));
        // Another payer's history never leaks into the badge.
        const qint64 other = raise(book, driftWatch(QStringLiteral("Granite Health Plan"), group), kT0.addDays(14));
        QCOMPARE(book.contextBadge(other, kT0.addDays(14)), QString());
    }
};

QTEST_GUILESS_MAIN(AlertSuppressionTest)
#include "tst_alert_suppression.moc"
