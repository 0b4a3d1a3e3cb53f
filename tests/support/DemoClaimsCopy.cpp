#include "DemoClaimsCopy.h"

namespace upstream::test {
namespace {

using namespace upstream::engines;

QByteArray cents(std::int64_t v)
{
    if (v == kNoAmount)
        return "\\N";
    return QByteArray::number(v / 100) + '.' + QByteArray::number(v % 100).rightJustified(2, '0');
}

QByteArray day(EpochDay d)
{
    return d == kNoDay ? QByteArray("\\N") : fromEpochDay(d).toString(Qt::ISODate).toUtf8();
}

QByteArray text(const QString &s)
{
    return s.isEmpty() ? QByteArray("\\N") : s.toUtf8();
}

} // namespace

QString copyDemoClaims(storage::PgConnection &conn, qint64 customerId, const demo::DemoDataGenerator &gen,
                       engines::ClaimAggregator *alsoAggregate)
{
    if (Status st = conn.copyBegin(QStringLiteral("COPY upstream.claims (customer_id, payer, cpt, cpt_group, "
                                                  "submitted_date, decided_date, outcome, allowed_amount, "
                                                  "billed_amount, paid_amount, payment_date, denial_reason_code, "
                                                  "denial_reason_text) FROM STDIN"));
        !st.ok())
        return st.error().message;
    const QByteArray customerField = QByteArray::number(customerId) + '\t';
    QByteArray chunk;
    QString error;
    gen.generate([&](const demo::DemoClaim &c) {
        if (!error.isEmpty())
            return;
        const ClaimRecord r = gen.toRecord(c);
        if (alsoAggregate)
            alsoAggregate->add(r);
        static const char *const outcomes[] = {"PAID", "DENIED", "OTHER", "PENDING"};
        chunk += customerField + r.payer.toUtf8() + '\t' + r.cpt.toUtf8() + '\t' + r.cptGroup.toUtf8() + '\t' +
                 day(r.submittedDay) + '\t' + day(r.decidedDay) + '\t' + outcomes[int(r.outcome)] + '\t' +
                 cents(r.allowedCents) + '\t' + cents(r.billedCents) + '\t' + cents(r.paidCents) + '\t' +
                 day(r.paymentDay) + '\t' + text(r.denialReasonCode) + '\t' + text(r.denialReasonText) + '\n';
        if (chunk.size() > (1 << 20)) {
            if (Status st = conn.copyPut(chunk.constData(), int(chunk.size())); !st.ok())
                error = st.error().message;
            chunk.clear();
        }
    });
    if (error.isEmpty())
        if (Status st = conn.copyPut(chunk.constData(), int(chunk.size())); !st.ok())
            error = st.error().message;
    if (!error.isEmpty()) {
        (void)conn.copyAbort(error);
        return error;
    }
    if (Status st = conn.copyEnd(); !st.ok())
        return st.error().message;
    return {};
}

} // namespace upstream::test
