#include "storage/cache/TriageStore.h"

#include "storage/cache/LocalCache.h"

namespace upstream::storage {

struct TriageWriter::Statements {
    CipherStatement alert, judgment, upsert, restore, drop, update;
};

TriageWriter::TriageWriter(std::unique_ptr<Statements> st) : m_st(std::move(st)) {}
TriageWriter::~TriageWriter() = default;
TriageWriter::TriageWriter(TriageWriter &&) noexcept = default;
TriageWriter &TriageWriter::operator=(TriageWriter &&) noexcept = default;

Result<TriageWriter> TriageWriter::begin(LocalCache &cache)
{
    auto &db = cache.db();
    auto alert = db.prepare(QStringLiteral("SELECT status, version FROM alerts WHERE id = ?"));
    auto judgment = db.prepare(QStringLiteral("SELECT id, verdict, reason_code, notes, judged_at, version "
                                              "FROM judgments WHERE alert_id = ? AND operator = ?"));
    auto upsert = db.prepare(
        QStringLiteral("INSERT INTO judgments(id, alert_id, operator, verdict, reason_code, notes, judged_at) "
                       "VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?) ON CONFLICT(alert_id, operator) DO UPDATE "
                       "SET verdict = excluded.verdict, reason_code = excluded.reason_code, notes = excluded.notes, "
                       "judged_at = excluded.judged_at, version = judgments.version + 1"));
    auto restore = db.prepare(QStringLiteral(
        "UPDATE judgments SET verdict = ?, reason_code = ?, notes = ?, judged_at = ?, version = version + 1 "
        "WHERE alert_id = ? AND operator = ?"));
    auto drop = db.prepare(QStringLiteral("DELETE FROM judgments WHERE alert_id = ? AND operator = ?"));
    auto update = db.prepare(QStringLiteral("UPDATE alerts SET status = ?, version = version + 1 WHERE id = ?"));
    if (!alert.ok() || !judgment.ok() || !upsert.ok() || !restore.ok() || !drop.ok() || !update.ok())
        return makeError(ErrorCode::Internal, db.lastError());
    return TriageWriter(std::make_unique<Statements>(Statements{std::move(alert.value()), std::move(judgment.value()),
                                                                std::move(upsert.value()), std::move(restore.value()),
                                                                std::move(drop.value()), std::move(update.value())}));
}

Result<std::optional<TriageAlertRecord>> TriageWriter::alert(const QString &alertId)
{
    CipherStatement &q = m_st->alert;
    q.reset();
    q.bind(1, alertId);
    auto row = q.step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<TriageAlertRecord>();
    return std::optional<TriageAlertRecord>(TriageAlertRecord{q.text(0), q.int64(1)});
}

Result<std::optional<TriageJudgmentRecord>> TriageWriter::judgment(const QString &alertId, const QString &operatorName)
{
    CipherStatement &q = m_st->judgment;
    q.reset();
    q.bind(1, alertId);
    q.bind(2, operatorName);
    auto row = q.step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<TriageJudgmentRecord>();
    TriageJudgmentRecord j;
    j.id = q.text(0);
    j.verdict = q.text(1);
    if (!q.isNull(2))
        j.reasonCode = q.text(2);
    if (!q.isNull(3))
        j.notes = q.text(3);
    j.judgedAt = q.text(4);
    j.version = q.int64(5);
    return std::optional<TriageJudgmentRecord>(std::move(j));
}

Status TriageWriter::putJudgment(const QString &id, const QString &alertId, const QString &operatorName,
                                 const QString &verdict, const QString &reasonCode, const QString &notes,
                                 const QString &judgedAt)
{
    CipherStatement &q = m_st->upsert;
    q.reset();
    q.bind(1, id);
    q.bind(2, alertId);
    q.bind(3, operatorName);
    q.bind(4, verdict);
    q.bind(5, reasonCode);
    q.bind(6, notes);
    q.bind(7, judgedAt);
    return q.run();
}

Status TriageWriter::restoreJudgment(const QString &alertId, const QString &operatorName, const QString &verdict,
                                     const std::optional<QString> &reasonCode, const std::optional<QString> &notes,
                                     const QString &judgedAt)
{
    CipherStatement &q = m_st->restore;
    q.reset();
    q.bind(1, verdict);
    reasonCode ? q.bind(2, *reasonCode) : q.bindNull(2);
    notes ? q.bind(3, *notes) : q.bindNull(3);
    q.bind(4, judgedAt);
    q.bind(5, alertId);
    q.bind(6, operatorName);
    return q.run();
}

Status TriageWriter::dropJudgment(const QString &alertId, const QString &operatorName)
{
    CipherStatement &q = m_st->drop;
    q.reset();
    q.bind(1, alertId);
    q.bind(2, operatorName);
    return q.run();
}

Status TriageWriter::setAlertStatus(const QString &alertId, const QString &status)
{
    CipherStatement &q = m_st->update;
    q.reset();
    q.bind(1, status);
    q.bind(2, alertId);
    return q.run();
}

Result<std::optional<TriageAlertSignal>> triageAlertSignal(LocalCache &cache, const QString &alertId)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT a.signal_id, s.product, s.payer, COALESCE(s.dollars, 0) "
                                               "FROM alerts a JOIN signals s ON s.id = a.signal_id WHERE a.id = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, alertId);
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<TriageAlertSignal>();
    return std::optional<TriageAlertSignal>(TriageAlertSignal{q->text(0), q->text(1), q->text(2), q->real(3)});
}

} // namespace upstream::storage
