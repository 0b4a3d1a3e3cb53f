#include "storage/pg/ImportClaimsPg.h"

#include "storage/pg/PgConnection.h"

#include <QJsonDocument>

#include <cstdio>
#include <cstring>

namespace upstream::storage {
namespace {

// Binary COPY encoding (PostgreSQL "COPY ... (FORMAT binary)"): big-endian integers, per-field length prefix.
constexpr std::int32_t kPgEpochOffsetDays = 10957; // 2000-01-01 − 1970-01-01
constexpr std::size_t kFlushBytes = 512 * 1024;
constexpr std::int16_t kStagingColumns = 13;

void putU16(std::string &out, std::uint16_t v)
{
    const char b[2] = {char(v >> 8), char(v)};
    out.append(b, 2);
}
void putU32(std::string &out, std::uint32_t v)
{
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}
void putNull(std::string &out)
{
    putU32(out, 0xFFFFFFFFu);
}
void putText(std::string &out, const std::string &s, bool emptyIsNull)
{
    if (emptyIsNull && s.empty())
        return putNull(out);
    putU32(out, std::uint32_t(s.size()));
    out.append(s);
}
void putDate(std::string &out, std::int32_t epochDay)
{
    if (epochDay == claims::kNoDate)
        return putNull(out);
    putU32(out, 4);
    putU32(out, std::uint32_t(epochDay - kPgEpochOffsetDays));
}
// numeric(12,2) from cents: base-10000 digits, weight of the first digit, dscale 2.
void putAmount(std::string &out, const claims::Amount &a)
{
    if (!a.hasValue)
        return putNull(out);
    std::uint64_t v = a.cents < 0 ? std::uint64_t(-a.cents) : std::uint64_t(a.cents);
    std::uint64_t whole = v / 100;
    const std::uint16_t frac = std::uint16_t((v % 100) * 100);
    std::uint16_t groups[8];
    int n = 0;
    while (whole > 0) {
        groups[n++] = std::uint16_t(whole % 10000);
        whole /= 10000;
    }
    std::uint16_t digits[9];
    int nd = 0;
    for (int i = n - 1; i >= 0; --i)
        digits[nd++] = groups[i];
    std::int16_t weight = std::int16_t(n - 1);
    if (frac != 0)
        digits[nd++] = frac;
    else
        while (nd > 0 && digits[nd - 1] == 0) // PostgreSQL's canonical form has no trailing zero digits
            --nd;
    if (nd == 0)
        weight = 0;
    else if (n == 0)
        weight = -1;
    putU32(out, std::uint32_t(8 + 2 * nd));
    putU16(out, std::uint16_t(nd));
    putU16(out, std::uint16_t(weight));
    putU16(out, a.cents < 0 && nd > 0 ? 0x4000 : 0x0000);
    putU16(out, 2);
    for (int i = 0; i < nd; ++i)
        putU16(out, digits[i]);
}

void encodeRow(std::string &out, const claims::ClaimRow &r)
{
    putU16(out, std::uint16_t(kStagingColumns));
    putText(out, r.payer, false);
    putText(out, r.cpt, false);
    putText(out, r.cptGroup, false);
    putDate(out, r.submittedDate);
    putDate(out, r.decidedDate);
    const char *outcome = claims::outcomeName(r.outcome);
    putU32(out, std::uint32_t(std::strlen(outcome)));
    out.append(outcome);
    putAmount(out, r.allowed);
    putAmount(out, r.billed);
    putAmount(out, r.paid);
    putDate(out, r.paymentDate);
    putText(out, r.denialReasonCode, true);
    putText(out, r.denialReasonText, true);
    if (!r.hasClaimRef)
        return putNull(out);
    putU32(out, 32);
    out.append(reinterpret_cast<const char *>(r.claimRefHmac.data()), r.claimRefHmac.size());
}

// COPY text format: \N for NULL, backslash escapes for the bytes that delimit fields and rows.
void textField(std::string &out, const std::string &s, bool emptyIsNull)
{
    if (emptyIsNull && s.empty()) {
        out += "\\N";
        return;
    }
    for (char ch : s) {
        switch (ch) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += ch;
        }
    }
}

// Days since 1970-01-01 → "YYYY-MM-DD" without QDate (H. Hinnant's civil_from_days).
void textDate(std::string &out, std::int32_t epochDay)
{
    if (epochDay == claims::kNoDate) {
        out += "\\N";
        return;
    }
    const std::int64_t z = std::int64_t(epochDay) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    const int y = int(yoe + era * 400 + (m <= 2));
    char buf[16];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    out.append(buf, std::size_t(n));
}

void textAmount(std::string &out, const claims::Amount &a)
{
    if (!a.hasValue) {
        out += "\\N";
        return;
    }
    const std::uint64_t v = a.cents < 0 ? std::uint64_t(-a.cents) : std::uint64_t(a.cents);
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%s%llu.%02llu", a.cents < 0 ? "-" : "",
                                static_cast<unsigned long long>(v / 100), static_cast<unsigned long long>(v % 100));
    out.append(buf, std::size_t(n));
}

// seq: the row's place in the file (COPY assigns it in order), so the last row of a repeated claim_ref wins.
constexpr const char *kCreateStaging =
    "CREATE TEMP TABLE upstream_import_staging (payer text, cpt text, cpt_group text, submitted_date date, "
    "decided_date date, outcome text, allowed_amount numeric(12,2), billed_amount numeric(12,2), "
    "paid_amount numeric(12,2), payment_date date, denial_reason_code text, denial_reason_text text, "
    "claim_ref_hmac bytea, seq bigint GENERATED ALWAYS AS IDENTITY)";
constexpr const char *kStagingColumnList =
    "(payer, cpt, cpt_group, submitted_date, decided_date, outcome, allowed_amount, billed_amount, paid_amount, "
    "payment_date, denial_reason_code, denial_reason_text, claim_ref_hmac)";

// The claims of the file that have an identity, each as its last row.
constexpr const char *kLatest =
    "CREATE TEMP TABLE upstream_import_latest ON COMMIT DROP AS SELECT DISTINCT ON (claim_ref_hmac) payer, cpt, "
    "cpt_group, submitted_date, decided_date, outcome, allowed_amount, billed_amount, paid_amount, payment_date, "
    "denial_reason_code, denial_reason_text, claim_ref_hmac FROM upstream_import_staging WHERE claim_ref_hmac IS NOT "
    "NULL ORDER BY claim_ref_hmac, seq DESC";

constexpr const char *kCountIdentities =
    "SELECT (SELECT count(*) FROM upstream_import_staging WHERE claim_ref_hmac IS NOT NULL), "
    "(SELECT count(*) FROM upstream_import_latest), "
    "(SELECT count(*) FROM upstream_import_latest l WHERE EXISTS (SELECT 1 FROM upstream.claims c WHERE "
    "c.customer_id = $1 AND c.claim_ref_hmac = l.claim_ref_hmac))";

// A re-export replaces the state of the claims it holds (latest import wins); unchanged ones are left alone.
constexpr const char *kUpdateHeld =
    "UPDATE upstream.claims c SET upload_id = $2, payer = l.payer, cpt = l.cpt, cpt_group = l.cpt_group, "
    "submitted_date = l.submitted_date, decided_date = l.decided_date, outcome = l.outcome, allowed_amount = "
    "l.allowed_amount, billed_amount = l.billed_amount, paid_amount = l.paid_amount, payment_date = l.payment_date, "
    "denial_reason_code = l.denial_reason_code, denial_reason_text = l.denial_reason_text FROM upstream_import_latest "
    "l WHERE c.customer_id = $1 AND c.claim_ref_hmac = l.claim_ref_hmac AND (c.payer, c.cpt, c.cpt_group, "
    "c.submitted_date, c.decided_date, c.outcome, c.allowed_amount, c.billed_amount, c.paid_amount, c.payment_date, "
    "c.denial_reason_code, c.denial_reason_text) IS DISTINCT FROM (l.payer, l.cpt, l.cpt_group, l.submitted_date, "
    "l.decided_date, l.outcome, l.allowed_amount, l.billed_amount, l.paid_amount, l.payment_date, "
    "l.denial_reason_code, l.denial_reason_text)";

constexpr const char *kInsertNew =
    "INSERT INTO upstream.claims (customer_id, upload_id, payer, cpt, cpt_group, submitted_date, decided_date, "
    "outcome, allowed_amount, billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text, "
    "claim_ref_hmac) SELECT $1::bigint, $2::bigint, payer, cpt, cpt_group, submitted_date, decided_date, outcome, "
    "allowed_amount, billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text, "
    "claim_ref_hmac FROM upstream_import_latest l WHERE NOT EXISTS (SELECT 1 FROM upstream.claims c WHERE "
    "c.customer_id = $1 AND c.claim_ref_hmac = l.claim_ref_hmac)";

constexpr const char *kAppendWithoutRef =
    "INSERT INTO upstream.claims (customer_id, upload_id, payer, cpt, cpt_group, submitted_date, decided_date, "
    "outcome, allowed_amount, billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text) "
    "SELECT $1::bigint, $2::bigint, payer, cpt, cpt_group, submitted_date, decided_date, outcome, allowed_amount, "
    "billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text FROM upstream_import_staging "
    "WHERE claim_ref_hmac IS NULL";

} // namespace

Status lockCustomerImports(PgConnection &conn, qint64 customerId)
{
    auto lock = conn.exec("SELECT pg_advisory_xact_lock(8314, $1::int)", {customerId});
    if (!lock.ok())
        return lock.error();
    return Status::success();
}

Status createImportStaging(PgConnection &conn, StagingLifetime lifetime)
{
    const QString create = QString::fromLatin1(kCreateStaging);
    return conn.execScript(create + (lifetime == StagingLifetime::Transaction
                                         ? QStringLiteral(" ON COMMIT DROP")
                                         : QStringLiteral(" ON COMMIT PRESERVE ROWS")));
}

Status dropImportStaging(PgConnection &conn)
{
    return conn.execScript(QStringLiteral("DROP TABLE IF EXISTS pg_temp.upstream_import_staging"));
}

void appendCopyTextRow(std::string &out, const claims::ClaimRow &r)
{
    textField(out, r.payer, false);
    out += '\t';
    textField(out, r.cpt, false);
    out += '\t';
    textField(out, r.cptGroup, false);
    out += '\t';
    textDate(out, r.submittedDate);
    out += '\t';
    textDate(out, r.decidedDate);
    out += '\t';
    out += claims::outcomeName(r.outcome);
    out += '\t';
    textAmount(out, r.allowed);
    out += '\t';
    textAmount(out, r.billed);
    out += '\t';
    textAmount(out, r.paid);
    out += '\t';
    textDate(out, r.paymentDate);
    out += '\t';
    textField(out, r.denialReasonCode, true);
    out += '\t';
    textField(out, r.denialReasonText, true);
    out += '\t';
    if (r.hasClaimRef) {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\\\x"; // bytea hex input, its backslash escaped for COPY
        for (std::uint8_t b : r.claimRefHmac) {
            out += hex[b >> 4];
            out += hex[b & 15];
        }
    } else {
        out += "\\N";
    }
    out += '\n';
}

ClaimStagingCopy::ClaimStagingCopy(PgConnection &c, Format format) : m_conn(c), m_binary(format == Format::Binary) {}

Status ClaimStagingCopy::begin()
{
    if (Status st = m_conn.copyBegin(
            QStringLiteral("COPY upstream_import_staging %1 FROM STDIN%2")
                .arg(QLatin1String(kStagingColumnList), m_binary ? QStringLiteral(" (FORMAT binary)") : QString()));
        !st.ok())
        return st;
    m_open = true;
    m_buf.reserve(kFlushBytes + 64 * 1024);
    if (!m_binary)
        return {};
    static const char header[] = "PGCOPY\n\377\r\n\0";
    m_buf.append(header, 11);
    putU32(m_buf, 0); // flags
    putU32(m_buf, 0); // header extension length
    return {};
}

void ClaimStagingCopy::add(const std::vector<claims::ClaimRow> &rows)
{
    if (!m_status.ok())
        return;
    for (const claims::ClaimRow &r : rows)
        m_binary ? encodeRow(m_buf, r) : appendCopyTextRow(m_buf, r);
    m_rows += rows.size();
    if (m_buf.size() >= kFlushBytes)
        flush();
}

Status ClaimStagingCopy::finish()
{
    if (!m_open)
        return m_status;
    if (m_binary)
        putU16(m_buf, 0xFFFF); // trailer
    flush();
    m_open = false;
    if (!m_status.ok()) {
        (void)m_conn.copyAbort(QStringLiteral("import failed"));
        return m_status;
    }
    m_status = m_conn.copyEnd();
    return m_status;
}

void ClaimStagingCopy::abort(const QString &reason)
{
    if (m_open)
        (void)m_conn.copyAbort(reason);
    m_open = false;
}

void ClaimStagingCopy::flush()
{
    if (m_status.ok() && !m_buf.empty())
        m_status = m_conn.copyPut(m_buf.data(), int(m_buf.size()));
    m_buf.clear();
}

Result<StagedClaimCounts> moveStagedClaims(PgConnection &conn, qint64 customer, qint64 upload)
{
    if (Status st = conn.execScript(QLatin1String(kLatest)); !st.ok())
        return st.error();
    if (Status st = conn.execScript(QStringLiteral("ANALYZE upstream_import_latest")); !st.ok())
        return st.error();
    auto counts = conn.exec(kCountIdentities, {customer});
    if (!counts.ok())
        return counts.error();
    StagedClaimCounts c;
    c.withRef = std::uint64_t(counts->int64(0, 0));
    c.distinct = std::uint64_t(counts->int64(0, 1));
    c.held = std::uint64_t(counts->int64(0, 2));
    auto updated = conn.exec(kUpdateHeld, {customer, upload});
    if (!updated.ok())
        return updated.error();
    auto inserted = conn.exec(kInsertNew, {customer, upload});
    if (!inserted.ok())
        return inserted.error();
    auto appended = conn.exec(kAppendWithoutRef, {customer, upload});
    if (!appended.ok())
        return appended.error();
    c.updated = std::uint64_t(updated->affectedRows());
    c.inserted = std::uint64_t(inserted->affectedRows());
    c.appended = std::uint64_t(appended->affectedRows());
    return c;
}

Result<qint64> insertUpload(PgConnection &conn, qint64 customerId, const PgUploadRow &u)
{
    auto upload = conn.exec(
        "INSERT INTO upstream.uploads (customer_id, file_name, sha256, header_fingerprint, encoding, delimiter, "
        "total_rows, accepted_rows, rejected_rows, warning_rows) VALUES ($1, $2, decode($3, 'hex'), $4, $5, $6, $7, "
        "$8, $9, $10) RETURNING upload_id",
        {customerId, u.fileName.isEmpty() ? QVariant() : QVariant(u.fileName), u.sha256Hex, u.headerFingerprint,
         u.encoding, u.delimiter, u.totalRows, u.acceptedRows, u.rejectedRows, u.warningRows});
    if (!upload.ok())
        return upload.error();
    return upload->int64(0, 0);
}

Status insertUploadReport(PgConnection &conn, qint64 customerId, qint64 uploadId, const QString &reportJson)
{
    auto r = conn.exec("INSERT INTO upstream.upload_reports (customer_id, upload_id, report) VALUES ($1, $2, "
                       "$3::jsonb)",
                       {customerId, uploadId, reportJson});
    if (!r.ok())
        return r.error();
    return Status::success();
}

Status appendImportAudit(PgConnection &conn, qint64 customerId, const QJsonObject &details, const QString &workstation)
{
    auto r = conn.exec("SELECT upstream.audit_append($1, 'import', $2::jsonb, $3)",
                       {customerId, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)),
                        workstation.isEmpty() ? QVariant() : QVariant(workstation)});
    if (!r.ok())
        return r.error();
    return Status::success();
}

} // namespace upstream::storage
