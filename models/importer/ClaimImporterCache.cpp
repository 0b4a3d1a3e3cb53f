// ClaimImporter, local-workspace half: validation feeds the in-process aggregator; the daily aggregates are merged
// into the cache's daily_aggregates rows (payer, cpt_group, reason, day ISO date, data = counters JSON) in one
// cache transaction.
#include "engines/DailyAggregate.h"
#include "importer/ClaimImporter.h"
#include "importer/ClaimImporterReport.h"
#include "logging/Log.h"
#include "storage/cache/AggregateStore.h"
#include "storage/cache/LocalCache.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace upstream::importer {
namespace {

QString fromUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

engines::ClaimRecord toClaimRecord(const claims::ClaimRow &row)
{
    static_assert(claims::kNoDate == engines::kNoDay, "the two 'no date' markers must agree");
    engines::ClaimRecord r;
    r.payer = fromUtf8(row.payer);
    r.cpt = fromUtf8(row.cpt);
    r.cptGroup = fromUtf8(row.cptGroup);
    r.submittedDay = row.submittedDate;
    r.decidedDay = row.decidedDate;
    r.paymentDay = row.paymentDate;
    switch (row.outcome) {
    case claims::Outcome::Paid: r.outcome = engines::Outcome::Paid; break;
    case claims::Outcome::Denied: r.outcome = engines::Outcome::Denied; break;
    case claims::Outcome::Other: r.outcome = engines::Outcome::Other; break;
    case claims::Outcome::Pending:
        // The validator already stores no dates for a pending row; the engines rely on it, so say it once more.
        r.outcome = engines::Outcome::Pending;
        r.decidedDay = engines::kNoDay;
        r.paymentDay = engines::kNoDay;
        break;
    }
    r.allowedCents = row.allowed.hasValue ? row.allowed.cents : engines::kNoAmount;
    r.billedCents = row.billed.hasValue ? row.billed.cents : engines::kNoAmount;
    r.paidCents = row.paid.hasValue ? row.paid.cents : engines::kNoAmount;
    r.denialReasonCode = fromUtf8(row.denialReasonCode);
    r.denialReasonText = fromUtf8(row.denialReasonText);
    return r;
}

Result<ImportResult> ClaimImporter::importToCache(storage::LocalCache &cache, const QString &path,
                                                  const ImportOptions &options, ValidationReport *reportOut)
{
    engines::ClaimAggregator aggregator;
    std::uint64_t rows = 0;
    std::vector<engines::ClaimRecord> records;
    ValidationOptions vo = options.validation;
    vo.acceptedRows = [&](std::vector<claims::ClaimRow> &&batch) {
        records.clear();
        records.reserve(batch.size());
        for (const claims::ClaimRow &row : batch)
            records.push_back(toClaimRecord(row));
        aggregator.add(records.data(), records.size());
        rows += batch.size();
    };
    auto validated = validateCsvFile(path, vo);
    if (!validated.ok())
        return validated.error();
    ImportResult result;
    result.report = std::move(validated.value());
    if (reportOut)
        *reportOut = result.report;
    if (result.report.accepted == 0)
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(result.report)));
    const engines::AggregateSet set = aggregator.take();
    if (set.overflow())
        return makeError(ErrorCode::InvalidInput, QStringLiteral("too many distinct payers, CPT groups or reasons"));

    Status st = cache.transaction([&] { return storage::mergeAggregates(cache, set); });
    if (!st.ok())
        return st.error();
    result.claimsLoaded = rows - std::uint64_t(set.skippedClaims());
    result.aggregateRows = set.rows().size();
    log::info(QStringLiteral("import: %1 claims aggregated into %2 daily rows of the workspace")
                  .arg(result.claimsLoaded)
                  .arg(result.aggregateRows));
    return result;
}

} // namespace upstream::importer
