#include "storage/cache/WorkspaceImportStore.h"

#include "storage/cache/LocalCache.h"

#include "engines/DayCountersJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <utility>

namespace upstream::storage {
namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QByteArray view(const std::uint8_t *data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

QByteArray view(const std::string &s)
{
    return QByteArray::fromRawData(s.data(), qsizetype(s.size()));
}

} // namespace

Result<QByteArray> readClaimKey(LocalCache &cache)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT key FROM claim_key WHERE id = 1"));
    if (!q.ok())
        return q.error();
    auto row = q->step();
    if (!row.ok())
        return row.error();
    const QByteArray key = row.value() ? q->value(0).toByteArray() : QByteArray();
    if (key.size() != 32)
        return makeError(ErrorCode::Corrupt, QStringLiteral("the workspace has no valid claim key"));
    return key;
}

Result<bool> importedBefore(LocalCache &cache, const QByteArray &sha256)
{
    auto exists = cache.db().scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM uploads WHERE sha256 = ?)"), {sha256});
    if (!exists.ok())
        return exists.error();
    return exists.value() != 0;
}

Result<qint64> addUpload(LocalCache &cache, const WorkspaceUpload &u)
{
    auto q = cache.db().prepare(
        QStringLiteral("INSERT INTO uploads (sha256, file_name, uploaded_at, total_rows, accepted_rows, rejected_rows) "
                       "VALUES (?, ?, ?, ?, ?, ?) RETURNING upload_id"));
    if (!q.ok())
        return q.error();
    q->bind(1, u.sha256);
    if (u.fileName.isEmpty())
        q->bindNull(2);
    else
        q->bind(2, u.fileName);
    q->bind(3, nowIso());
    q->bind(4, qint64(u.totalRows));
    q->bind(5, qint64(u.accepted));
    q->bind(6, qint64(u.rejected));
    auto row = q->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Internal, QStringLiteral("the upload row was not written"));
    return q->int64(0);
}

Status finishUpload(LocalCache &cache, qint64 uploadId, const WorkspaceUpload &u)
{
    auto q = cache.db().prepare(QStringLiteral(
        "UPDATE uploads SET sha256 = ?, total_rows = ?, accepted_rows = ?, rejected_rows = ? WHERE upload_id = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, u.sha256);
    q->bind(2, qint64(u.totalRows));
    q->bind(3, qint64(u.accepted));
    q->bind(4, qint64(u.rejected));
    q->bind(5, uploadId);
    return q->run();
}

Status setUploadReport(LocalCache &cache, qint64 uploadId, const QString &reportJson)
{
    auto q = cache.db().prepare(QStringLiteral("UPDATE uploads SET report = ? WHERE upload_id = ?"));
    if (!q.ok())
        return q.error();
    q->bind(1, reportJson);
    q->bind(2, uploadId);
    return q->run();
}

Result<quality::UploadHistory> uploadHistory(LocalCache &cache, std::int32_t importDay)
{
    const QDate epoch(1970, 1, 1);
    const QString last = epoch.addDays(importDay).toString(Qt::ISODate);
    quality::UploadHistory history;
    history.acceptedRowsLast30Days = 0;
    // uploaded_at is an ISO UTC timestamp: its first ten characters are the day, and ISO days compare as text.
    auto uploads = cache.db().prepare(
        QStringLiteral("SELECT total_rows, accepted_rows, report FROM uploads WHERE substr(uploaded_at, 1, 10) > ? "
                       "AND substr(uploaded_at, 1, 10) <= ? ORDER BY upload_id"));
    if (!uploads.ok())
        return uploads.error();
    uploads->bind(1, epoch.addDays(importDay - 30).toString(Qt::ISODate));
    uploads->bind(2, last);
    Status st = uploads->forEachRow([&] {
        history.rowCountsLast30Days.push_back(std::uint64_t(uploads->int64(0)));
        *history.acceptedRowsLast30Days += std::uint64_t(uploads->int64(1));
        const QJsonArray anomalies =
            QJsonDocument::fromJson(uploads->text(2).toUtf8()).object().value(QLatin1String("anomalies")).toArray();
        history.anomaliesLast30Days += int(anomalies.size());
        for (const QJsonValue a : anomalies)
            history.criticalAnomaliesLast30Days +=
                a.toObject().value(QLatin1String("severity")).toString() == QLatin1String("critical");
    });
    if (!st.ok())
        return st.error();
    auto decided = cache.db().prepare(
        QStringLiteral("SELECT data FROM daily_aggregates WHERE kind = 'decided' AND day > ? AND day <= ?"));
    if (!decided.ok())
        return decided.error();
    decided->bind(1, epoch.addDays(importDay - 90).toString(Qt::ISODate));
    decided->bind(2, last);
    engines::DayCounters sum;
    st = decided->forEachRow([&] { sum.add(engines::dayCountersFromJson(decided->text(0))); });
    if (!st.ok())
        return st.error();
    if (const std::int64_t n = sum.decided(); n > 0)
        history.trailing90DayMix = quality::OutcomeMix{double(sum.paid) / double(n), double(sum.denied) / double(n),
                                                       double(sum.other) / double(n)};
    return history;
}

Result<std::vector<claims::Mapping>> listMappings(LocalCache &cache)
{
    auto q = cache.db().prepare(
        QStringLiteral("SELECT 'payer', raw_key, payer, updated_at FROM payer_mappings UNION ALL "
                       "SELECT 'cpt-group', cpt, cpt_group, updated_at FROM cpt_group_mappings ORDER BY 1 DESC, 2"));
    if (!q.ok())
        return q.error();
    std::vector<claims::Mapping> out;
    const Status st = q->forEachRow([&] {
        claims::Mapping m;
        m.kind = *claims::mappingKindFromName(q->text(0));
        m.from = q->text(1);
        m.to = q->text(2);
        m.updatedAt = q->text(3);
        out.push_back(std::move(m));
    });
    if (!st.ok())
        return st.error();
    return out;
}

Status saveMappings(LocalCache &cache, std::vector<claims::Mapping> mappings)
{
    auto payer = cache.db().prepare(
        QStringLiteral("INSERT INTO payer_mappings (raw_key, payer, updated_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (raw_key) DO UPDATE SET payer = excluded.payer, updated_at = excluded.updated_at"));
    auto cpt = cache.db().prepare(QStringLiteral(
        "INSERT INTO cpt_group_mappings (cpt, cpt_group, updated_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (cpt) DO UPDATE SET cpt_group = excluded.cpt_group, updated_at = excluded.updated_at"));
    if (!payer.ok())
        return payer.error();
    if (!cpt.ok())
        return cpt.error();
    const QString at = nowIso();
    for (claims::Mapping &m : mappings) {
        if (const QString why = claims::normaliseMapping(m); !why.isEmpty())
            return makeError(ErrorCode::InvalidInput, QStringLiteral("%1: %2").arg(m.from, why));
        CipherStatement &st = m.kind == claims::MappingKind::Payer ? payer.value() : cpt.value();
        st.reset();
        st.bind(1, m.from);
        st.bind(2, m.to);
        st.bind(3, at);
        if (Status s = st.run(); !s.ok())
            return s;
    }
    return Status::success();
}

Result<QStringList> knownPayers(LocalCache &cache)
{
    auto q = cache.db().prepare(
        QStringLiteral("SELECT payer FROM payer_mappings UNION SELECT payer FROM daily_aggregates ORDER BY 1"));
    if (!q.ok())
        return q.error();
    QStringList out;
    const Status st = q->forEachRow([&] { out << q->text(0); });
    if (!st.ok())
        return st.error();
    return out;
}

struct WorkspaceClaimWriter::Statements {
    CipherStatement select, insert, firstTouch, repeat;
};

WorkspaceClaimWriter::WorkspaceClaimWriter(std::unique_ptr<Statements> st, qint64 uploadId)
    : m_st(std::move(st)), m_upload(uploadId)
{
}
WorkspaceClaimWriter::~WorkspaceClaimWriter() = default;
WorkspaceClaimWriter::WorkspaceClaimWriter(WorkspaceClaimWriter &&) noexcept = default;
WorkspaceClaimWriter &WorkspaceClaimWriter::operator=(WorkspaceClaimWriter &&) noexcept = default;

Result<WorkspaceClaimWriter> WorkspaceClaimWriter::begin(LocalCache &cache, qint64 uploadId)
{
    auto select = cache.db().prepare(QStringLiteral("SELECT state, upload_id, prior FROM claims WHERE identity = ?"));
    auto insert =
        cache.db().prepare(QStringLiteral("INSERT INTO claims (identity, state, upload_id, prior) VALUES (?, ?, ?, "
                                          "NULL)"));
    // The right-hand sides read the row as it was: prior becomes the state before this upload.
    auto firstTouch = cache.db().prepare(
        QStringLiteral("UPDATE claims SET prior = state, state = ?2, upload_id = ?3 WHERE identity = ?1"));
    auto repeat = cache.db().prepare(QStringLiteral("UPDATE claims SET state = ?2 WHERE identity = ?1"));
    for (auto *r : {&select, &insert, &firstTouch, &repeat})
        if (!r->ok())
            return r->error();
    auto st = std::make_unique<Statements>(Statements{std::move(select.value()), std::move(insert.value()),
                                                      std::move(firstTouch.value()), std::move(repeat.value())});
    return WorkspaceClaimWriter(std::move(st), uploadId);
}

Result<WorkspaceClaimWriter::Put> WorkspaceClaimWriter::put(const Identity &identity, const std::string &state,
                                                            std::string *replaced)
{
    const QByteArray id = view(identity.data(), identity.size()), newState = view(state);
    Statements &s = *m_st;
    s.select.reset();
    s.select.bind(1, id);
    auto found = s.select.step();
    if (!found.ok())
        return found.error();
    if (!found.value()) {
        s.insert.reset();
        s.insert.bind(1, id);
        s.insert.bind(2, newState);
        s.insert.bind(3, m_upload);
        if (Status st = s.insert.run(); !st.ok())
            return st.error();
        ++m_counts.created;
        return Put::New;
    }
    const QByteArray current = s.select.value(0).toByteArray();
    const bool touched = s.select.int64(1) == m_upload;
    const bool createdHere = s.select.isNull(2);
    const QByteArray prior = s.select.value(2).toByteArray();
    s.select.reset();
    const bool same = current == newState;
    if (touched) {
        ++m_counts.repeated;
        if (!createdHere) { // reclassify against the state before the upload
            (prior == current ? m_counts.unchanged : m_counts.updated) -= 1;
            (prior == newState ? m_counts.unchanged : m_counts.updated) += 1;
        }
        if (same)
            return Put::Same;
        s.repeat.reset();
        s.repeat.bind(1, id);
        s.repeat.bind(2, newState);
        if (Status st = s.repeat.run(); !st.ok())
            return st.error();
    } else {
        // Also for an unchanged claim: it is marked as touched by this upload (a repeat later in the file).
        s.firstTouch.reset();
        s.firstTouch.bind(1, id);
        s.firstTouch.bind(2, newState);
        s.firstTouch.bind(3, m_upload);
        if (Status st = s.firstTouch.run(); !st.ok())
            return st.error();
        ++(same ? m_counts.unchanged : m_counts.updated);
        if (same)
            return Put::Same;
    }
    if (replaced)
        replaced->assign(current.constData(), std::size_t(current.size()));
    return Put::Replaced;
}

// ---------------------------------------------------------------------------------------------------------------

struct WorkspaceImportStage::Statements {
    CipherStatement insert;
};

WorkspaceImportStage::WorkspaceImportStage(LocalCache &cache, std::unique_ptr<Statements> st)
    : m_cache(&cache), m_st(std::move(st)), m_open(true)
{
}

WorkspaceImportStage::~WorkspaceImportStage()
{
    abort();
}

WorkspaceImportStage::WorkspaceImportStage(WorkspaceImportStage &&other) noexcept
    : m_cache(other.m_cache), m_st(std::move(other.m_st)), m_open(std::exchange(other.m_open, false))
{
}

WorkspaceImportStage &WorkspaceImportStage::operator=(WorkspaceImportStage &&other) noexcept
{
    if (this != &other) {
        abort();
        m_cache = other.m_cache;
        m_st = std::move(other.m_st);
        m_open = std::exchange(other.m_open, false);
    }
    return *this;
}

Result<WorkspaceImportStage> WorkspaceImportStage::create(LocalCache &cache)
{
    // SQLCipher encrypts the main database, not SQLite's temporary files: the staged (decrypted) rows must stay in
    // memory.
    auto store = cache.db().scalar(QStringLiteral("PRAGMA temp_store"));
    if (!store.ok())
        return store.error();
    if (store.value() != 2)
        return makeError(ErrorCode::Internal, QStringLiteral("the cache's temporary store is not in memory"));
    if (Status st = drop(cache); !st.ok())
        return st.error();
    if (Status st = cache.db().exec(QStringLiteral(
            "CREATE TEMP TABLE import_stage (seq INTEGER PRIMARY KEY, identity BLOB, state BLOB NOT NULL)"));
        !st.ok())
        return st.error();
    // A deferred transaction that writes only the temp table: the workspace itself is not locked.
    if (Status st = cache.db().exec(QStringLiteral("BEGIN")); !st.ok())
        return st.error();
    auto insert = cache.db().prepare(QStringLiteral("INSERT INTO import_stage (identity, state) VALUES (?, ?)"));
    if (!insert.ok()) {
        (void)cache.db().exec(QStringLiteral("ROLLBACK"));
        return insert.error();
    }
    return WorkspaceImportStage(cache, std::make_unique<Statements>(Statements{std::move(insert.value())}));
}

Status WorkspaceImportStage::add(const Identity *identity, const std::string &state)
{
    CipherStatement &q = m_st->insert;
    q.reset();
    if (identity)
        q.bind(1, view(identity->data(), identity->size()));
    else
        q.bindNull(1);
    q.bind(2, view(state));
    return q.run();
}

Status WorkspaceImportStage::finish()
{
    if (!m_open)
        return makeError(ErrorCode::Internal, QStringLiteral("the import stage is not open"));
    m_st.reset(); // finalized before COMMIT
    m_open = false;
    return m_cache->db().exec(QStringLiteral("COMMIT"));
}

void WorkspaceImportStage::abort()
{
    if (!m_open)
        return;
    m_st.reset();
    m_open = false;
    (void)m_cache->db().exec(QStringLiteral("ROLLBACK"));
    (void)drop(*m_cache);
}

Status WorkspaceImportStage::forEach(LocalCache &cache,
                                     const std::function<Status(const Identity *, std::string_view)> &onRow)
{
    auto q = cache.db().prepare(QStringLiteral("SELECT identity, state FROM import_stage ORDER BY seq"));
    if (!q.ok())
        return q.error();
    Identity identity{};
    return q->forEachRow([&]() -> Status {
        const QByteArray state = q->value(1).toByteArray();
        const std::string_view bytes(state.constData(), std::size_t(state.size()));
        if (q->isNull(0))
            return onRow(nullptr, bytes);
        const QByteArray id = q->value(0).toByteArray();
        if (id.size() != qsizetype(identity.size()))
            return makeError(ErrorCode::Corrupt, QStringLiteral("a staged claim identity is damaged"));
        std::memcpy(identity.data(), id.constData(), identity.size());
        return onRow(&identity, bytes);
    });
}

Status WorkspaceImportStage::drop(LocalCache &cache)
{
    return cache.db().exec(QStringLiteral("DROP TABLE IF EXISTS temp.import_stage"));
}

} // namespace upstream::storage
