#pragma once
// Shared by the upload-history tests (tst_import_history_anomalies_live, tst_import_history_from_server,
// tst_import_health_score_stored): synthetic claim exports with a chosen outcome mix, and the customer history they
// make when imported, pinned to a fixed import day so the tests pass on any calendar date. All data is invented.
//
// The history (import day D = 2026-06-01): three uploads in the 30 days ending on D, of 100, 120 and 80 rows
// (mean 100, sample deviation 20), each 95 % PAID / 5 % DENIED, decided on D-20; and one older upload (D-40, 200
// DENIED claims decided on D-120) that neither the 30-day volume window nor the 90-day mix may count. So the
// history is: rows {100, 120, 80}, 300 accepted, mix PAID .95 / DENIED .05 / OTHER 0. The importer judges each
// of them against the history before it (read as of D): P1 has no recent claims to compare with, so its 95 % PAID
// shifts 20 points from the default mix (one medium anomaly, stored in its report); P2 and P3 match P1's mix and
// their volume needs two earlier uploads (P3: z = |80 − 110| / 14.1 = 2.1, below 3). So one stored anomaly.
#include "importer/ClaimImporter.h"
#include "storage/cache/LocalCache.h"
#include "storage/pg/PgConnection.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstdint>
#include <vector>

namespace upstream::test {

inline const QDate kHistoryImportDay(2026, 6, 1);

inline std::int32_t epochDay(const QDate &day)
{
    return std::int32_t(QDate(1970, 1, 1).daysTo(day));
}

struct OutcomeCounts {
    int paid = 0, denied = 0, other = 0;
    int total() const { return paid + denied + other; }
};

inline QByteArray claimHeader()
{
    return "claim_ref,payer,cpt,submitted_date,decided_date,outcome,allowed_amount,paid_amount,payment_date,"
           "denial_reason_code\n";
}

// One decided claim, every applicable column filled: PAID with its payment date, DENIED with a reason code, OTHER
// (outcome ADJUSTED, a warning) with neither.
inline QByteArray claimLine(const QByteArray &ref, const char *outcome, const QDate &submitted, const QDate &decided)
{
    const char *payers[] = {"Acme Health", "Beta Care", "Gamma Plan"};
    const char *cpts[] = {"99213", "99214", "80053"};
    const int k = int(qHash(ref) % 3);
    const QByteArray o(outcome);
    const bool paid = o == "PAID", denied = o == "DENIED";
    return ref + ',' + payers[k] + ',' + cpts[k] + ',' + submitted.toString(Qt::ISODate).toLatin1() + ',' +
           decided.toString(Qt::ISODate).toLatin1() + ',' + (paid || denied ? o : QByteArray("ADJUSTED")) + ",120.00," +
           (paid ? "100.00" : "0.00") + ',' +
           (paid ? decided.addDays(2).toString(Qt::ISODate).toLatin1() : QByteArray()) + ',' + (denied ? "CO-45" : "") +
           '\n';
}

// A file of `counts` decided claims (claim_ref prefix-N), all submitted on `submitted` and decided on `decided`.
inline bool writeDecidedClaims(const QString &path, const QByteArray &prefix, const OutcomeCounts &counts,
                               const QDate &submitted, const QDate &decided)
{
    QByteArray csv = claimHeader();
    int n = 0;
    auto add = [&](int count, const char *outcome) {
        for (int i = 0; i < count; ++i)
            csv += claimLine(prefix + '-' + QByteArray::number(++n), outcome, submitted, decided);
    };
    add(counts.paid, "PAID");
    add(counts.denied, "DENIED");
    add(counts.other, "OTHER");
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(csv) == csv.size();
}

struct HistoryUpload {
    QByteArray prefix;
    OutcomeCounts counts;
    QDate submitted, decided, uploaded;
};

// The four earlier uploads described above, oldest first.
inline std::vector<HistoryUpload> historyUploads()
{
    const QDate d = kHistoryImportDay;
    return {{"OLD", {0, 200, 0}, d.addDays(-130), d.addDays(-120), d.addDays(-40)},
            {"P1", {95, 5, 0}, d.addDays(-30), d.addDays(-20), d.addDays(-3)},
            {"P2", {114, 6, 0}, d.addDays(-30), d.addDays(-20), d.addDays(-2)},
            {"P3", {76, 4, 0}, d.addDays(-30), d.addDays(-20), d.addDays(-1)}};
}

// The upload the history judges: 220 rows (z = (220 − 100) / 20 = 6, a high volume anomaly) in the default mix
// (.75 / .15 / .10: no shift without history), which is 20 points less PAID than the history's .95 (a medium
// outcome shift on PAID). Submitted on D-5, decided on D-2.
inline OutcomeCounts currentCounts()
{
    return {165, 33, 22};
}
inline bool writeCurrentUpload(const QString &path)
{
    return writeDecidedClaims(path, "CUR", currentCounts(), kHistoryImportDay.addDays(-5),
                              kHistoryImportDay.addDays(-2));
}

inline constexpr double kExpectedVolumeZ = 6.0;
inline constexpr double kExpectedPaidDeviation = 0.20;

inline importer::ImportOptions historyImportOptions()
{
    importer::ImportOptions o;
    o.validation.validator.importDay = epochDay(kHistoryImportDay);
    o.validation.threads = 2;
    return o;
}

// Imports the history into a workspace with the real importer, then dates each upload on its day (noon UTC; the
// importer stamps the wall clock). Returns an error text, empty on success.
inline QString seedWorkspaceHistory(storage::LocalCache &cache, const QString &dir)
{
    for (const HistoryUpload &u : historyUploads()) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(u.prefix) + QStringLiteral(".csv"));
        if (!writeDecidedClaims(path, u.prefix, u.counts, u.submitted, u.decided))
            return QStringLiteral("cannot write ") + path;
        auto r = importer::ClaimImporter::importToCache(cache, path, historyImportOptions());
        if (!r.ok())
            return r.error().message;
        auto st = cache.db().prepare(QStringLiteral("UPDATE uploads SET uploaded_at = ? WHERE upload_id = ?"));
        if (!st.ok())
            return st.error().message;
        st->bind(1, u.uploaded.toString(Qt::ISODate) + QStringLiteral("T12:00:00.000Z"));
        st->bind(2, qint64(r->uploadId));
        if (Status done = st->run(); !done.ok())
            return done.error().message;
    }
    return {};
}

// The same history on the server: imported by `analyst` for `customer` with the real importer, each upload then
// dated on its day by `superuser` (noon UTC). Returns an error text, empty on success.
inline QString seedServerHistory(storage::PgConnection &analyst, storage::PgConnection &superuser, qint64 customer,
                                 const QString &dir)
{
    for (const HistoryUpload &u : historyUploads()) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(u.prefix) + QStringLiteral("-server.csv"));
        if (!writeDecidedClaims(path, u.prefix, u.counts, u.submitted, u.decided))
            return QStringLiteral("cannot write ") + path;
        importer::ImportOptions o = historyImportOptions();
        o.customerId = customer;
        auto r = importer::ClaimImporter::importToPostgres(analyst, path, o);
        if (!r.ok())
            return r.error().message;
        auto st =
            superuser.exec("UPDATE upstream.uploads SET uploaded_at = $1::timestamptz WHERE customer_id = $2 "
                           "AND upload_id = $3",
                           {u.uploaded.toString(Qt::ISODate) + QStringLiteral(" 12:00:00+00"), customer, r->uploadId});
        if (!st.ok())
            return st.error().message;
    }
    return {};
}

} // namespace upstream::test
