#include "LocalCache.h"

#include <QCoreApplication>

#include <sodium.h>

#include <array>

namespace upstream::storage {
namespace {

// Forward-only migrations; index i brings the schema from version i to i + 1. Never edit a released entry: add one.
const std::array<const char *, LocalCache::kSchemaVersion> kMigrations = {R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE signals (
  id TEXT PRIMARY KEY,                  -- fingerprint: product, type, group, window
  product TEXT NOT NULL, signal_type TEXT NOT NULL,
  payer TEXT NOT NULL, cpt_group TEXT, reason TEXT,
  severity TEXT NOT NULL, severity_score REAL, confidence REAL NOT NULL,
  baseline_value REAL, current_value REAL, delta REAL, p_value REAL, dollars REAL,
  window_start TEXT NOT NULL, window_end TEXT NOT NULL, as_of TEXT NOT NULL,
  evidence TEXT NOT NULL,               -- JSON: windows, counts, statistic, daily series
  computed_at TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0);
CREATE INDEX signals_product ON signals(product, severity_score DESC);
CREATE TABLE alerts (
  id TEXT PRIMARY KEY, signal_id TEXT NOT NULL REFERENCES signals(id),
  product TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending','acknowledged','resolved')),
  suppressed INTEGER NOT NULL DEFAULT 0, suppression_reason TEXT,
  created_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX alerts_signal ON alerts(signal_id);
CREATE TABLE judgments (
  id TEXT PRIMARY KEY, alert_id TEXT NOT NULL, operator TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('real','noise','needs_followup')),
  reason_code TEXT, notes TEXT, judged_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (alert_id, operator));
CREATE TABLE ledger_entries (
  id TEXT PRIMARY KEY, alert_id TEXT, signal_id TEXT, product TEXT NOT NULL, payer TEXT NOT NULL,
  expected_cents INTEGER NOT NULL DEFAULT 0 CHECK (expected_cents >= 0),
  recovered_cents INTEGER NOT NULL DEFAULT 0 CHECK (recovered_cents >= 0),
  recovered_date TEXT,
  state TEXT NOT NULL CHECK (state IN ('open','in_progress','recovered','written_off')),
  owner TEXT, notes TEXT, approved_by TEXT, approved_at TEXT,
  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE ledger_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT, entry_id TEXT NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL,
  before TEXT, after TEXT NOT NULL);
CREATE INDEX ledger_history_entry ON ledger_history(entry_id, id);
-- Local changes waiting for the server. id is generated here so a retried push never duplicates.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
  base_version INTEGER, payload TEXT NOT NULL, created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','conflict')));
CREATE TABLE conflicts (
  outbox_id TEXT PRIMARY KEY, entity_id TEXT NOT NULL, mine TEXT NOT NULL, theirs TEXT NOT NULL,
  detected_at TEXT NOT NULL);
CREATE TABLE audit_queue (
  id TEXT PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, workstation TEXT NOT NULL,
  action TEXT NOT NULL, details TEXT NOT NULL);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Local workspace only: daily aggregates from the in-process aggregator (JSON per key keeps the cache schema
-- independent of the aggregate's field list).
CREATE TABLE daily_aggregates (
  payer TEXT NOT NULL, cpt_group TEXT NOT NULL, reason TEXT NOT NULL, day TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (payer, cpt_group, reason, day));
CREATE TABLE drafts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, saved_at TEXT NOT NULL);
)SQL",
                                                                          R"SQL(
-- v2: the server's numeric ids of rows this workstation created under client UUIDs (sync maps deletions by them).
ALTER TABLE judgments ADD COLUMN server_id TEXT;
ALTER TABLE ledger_entries ADD COLUMN server_id TEXT;
CREATE INDEX judgments_server_id ON judgments(server_id);
CREATE INDEX ledger_entries_server_id ON ledger_entries(server_id);
CREATE INDEX outbox_entity ON outbox(entity_id);
)SQL",
                                                                          R"SQL(
-- v3: daily aggregates keyed on the date each event is observed (SPEC 6): kind decided / adjudication / payment
-- and the lag in days (65535 = unfinished). Rows of v2 were keyed on the submitted day only and cannot be
-- converted: they are dropped, and the workspace's claims must be imported again.
DROP TABLE daily_aggregates;
CREATE TABLE daily_aggregates (
  kind TEXT NOT NULL, payer TEXT NOT NULL, cpt_group TEXT NOT NULL, reason TEXT NOT NULL, day TEXT NOT NULL,
  lag INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (kind, payer, cpt_group, reason, day, lag));
)SQL",
                                                                          R"SQL(
-- v4: claims keep their identity (SPEC 3). The workspace's claim key (HMAC-SHA256 key of claim_ref, made once by
-- LocalCache::open with libsodium), one row per claim identity with its state (claims/ClaimState.h; upload_id
-- and prior = the state before the upload that last touched it, NULL when that upload created it), the uploads
-- (SHA-256 for the re-import warning, the stored report) and the workspace's payer and CPT-group mappings.
CREATE TABLE claim_key (id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL CHECK (length(key) = 32));
CREATE TABLE uploads (
  upload_id INTEGER PRIMARY KEY AUTOINCREMENT, sha256 BLOB NOT NULL, file_name TEXT, uploaded_at TEXT NOT NULL,
  total_rows INTEGER NOT NULL, accepted_rows INTEGER NOT NULL, rejected_rows INTEGER NOT NULL, report TEXT);
CREATE INDEX uploads_sha256 ON uploads(sha256);
CREATE TABLE claims (
  identity BLOB PRIMARY KEY, state BLOB NOT NULL, upload_id INTEGER NOT NULL, prior BLOB) WITHOUT ROWID;
CREATE TABLE payer_mappings (raw_key TEXT PRIMARY KEY, payer TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE cpt_group_mappings (cpt TEXT PRIMARY KEY, cpt_group TEXT NOT NULL, updated_at TEXT NOT NULL);
)SQL",
                                                                          R"SQL(
-- v5: who recorded each entry's recovered amount (server migration 0008_recovered_by). The server backfilled it
-- without announcing a change, so the pull cursor starts again: the next sync brings every row once more.
ALTER TABLE ledger_entries ADD COLUMN recovered_by TEXT;
DELETE FROM sync_state WHERE key = 'last_seq';
-- An audit event the server refuses is held back (not resent every round) and shown in "Changes needing attention"
-- with the server's reason, as outbox changes are.
ALTER TABLE audit_queue ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_queue ADD COLUMN last_error TEXT;
)SQL"};

} // namespace

Result<LocalCache> LocalCache::open(const QString &path, const QByteArray &key)
{
    return open(path, security::SecureBytes::fromByteArray(key));
}

Result<LocalCache> LocalCache::open(const QString &path, const security::SecureBytes &key)
{
    auto db = CipherDatabase::open(path, key);
    if (!db.ok())
        return db.error();
    LocalCache cache(std::move(db.value()), path);
    cache.m_key = key.copy();
    cache.m_encrypted = !key.isEmpty();
    // 4 KiB pages and a 64 MiB page cache (negative = KiB): the measured sweet spot for SQLCipher bulk writes.
    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
          "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY", "PRAGMA busy_timeout = 5000"}) {
        if (Status st = cache.m_db.exec(QString::fromLatin1(pragma)); !st.ok())
            return st.error();
    }
    if (Status st = cache.migrate(); !st.ok())
        return st.error();
    if (Status st = cache.ensureClaimKey(); !st.ok())
        return st.error();
    return cache;
}

Result<LocalCache> LocalCache::openAnotherConnection() const
{
    if (!m_db.isOpen() || (m_encrypted && m_key.isEmpty()))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("LocalCache", "The workspace is locked: unlock it first."));
    return open(m_path, m_key);
}

Status LocalCache::migrate()
{
    // scalar() finalizes its statement: one left open would lock the tables a migration drops (SQLITE_LOCKED).
    auto version = m_db.scalar(QStringLiteral("PRAGMA user_version"));
    if (!version.ok())
        return version.error();
    m_version = int(version.value());
    if (m_version > kSchemaVersion)
        return makeError(ErrorCode::TooNew,
                         QCoreApplication::translate("LocalCache",
                                                     "This local cache was written by a newer version of Upstream "
                                                     "Workstation (schema %1, this program knows %2). Update the "
                                                     "workstation; the cache was not changed.")
                             .arg(m_version)
                             .arg(kSchemaVersion));
    while (m_version < kSchemaVersion) {
        const int next = m_version + 1;
        Status st = transaction([&]() -> Status {
            if (Status s = m_db.exec(QString::fromUtf8(kMigrations[size_t(m_version)])); !s.ok())
                return s;
            return m_db.exec(QStringLiteral("PRAGMA user_version = %1").arg(next));
        });
        if (!st.ok())
            return st;
        m_version = next;
    }
    return Status::success();
}

// The workspace's claim key: 256 random bits from libsodium, made the first time the cache is opened at schema v4
// (a new workspace, or the upgrade of an older one). Never read back here: the importer reads it through
// WorkspaceImportStore and wipes its copy.
Status LocalCache::ensureClaimKey()
{
    auto held = m_db.scalar(QStringLiteral("SELECT count(*) FROM claim_key"));
    if (!held.ok())
        return held.error();
    if (held.value() > 0)
        return Status::success();
    if (sodium_init() < 0)
        return makeError(ErrorCode::Internal, QStringLiteral("libsodium could not be initialised"));
    QByteArray key(int(crypto_auth_hmacsha256_KEYBYTES), Qt::Uninitialized);
    randombytes_buf(key.data(), std::size_t(key.size()));
    auto insert = m_db.prepare(QStringLiteral("INSERT INTO claim_key (id, key) VALUES (1, ?)"));
    if (!insert.ok())
        return insert.error();
    insert->bind(1, key);
    Status st = insert->run();
    sodium_memzero(key.data(), std::size_t(key.size()));
    return st;
}

QString LocalCache::meta(const QString &key) const
{
    auto &db = const_cast<CipherDatabase &>(m_db);
    auto q = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!q.ok())
        return {};
    q->bind(1, key);
    auto row = q->step();
    return (row.ok() && row.value()) ? q->text(0) : QString();
}

Status LocalCache::setMeta(const QString &key, const QString &value)
{
    auto q = m_db.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (!q.ok())
        return q.error();
    q->bind(1, key);
    q->bind(2, value);
    return q->run();
}

} // namespace upstream::storage
