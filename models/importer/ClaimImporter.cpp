// ClaimImporter, PostgreSQL half: binary COPY into a TEMP staging table fed from the validator's acceptedRows
// callback (so loading overlaps validation), then upload + INSERT ... SELECT + report + audit in the same
// transaction. See ClaimImporter.h for the contract.
#include "importer/ClaimImporter.h"

#include "importer/ClaimImporterReport.h"
#include "logging/Log.h"
#include "phi/PhiScanner.h"
#include "storage/pg/PgConnection.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstring>

namespace upstream::importer {
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

constexpr const char *kCreateStaging =
    "CREATE TEMP TABLE upstream_import_staging (payer text, cpt text, cpt_group text, submitted_date date, "
    "decided_date date, outcome text, allowed_amount numeric(12,2), billed_amount numeric(12,2), "
    "paid_amount numeric(12,2), payment_date date, denial_reason_code text, denial_reason_text text, "
    "claim_ref_hmac bytea) ON COMMIT DROP";

constexpr const char *kMove =
    "INSERT INTO upstream.claims (customer_id, upload_id, payer, cpt, cpt_group, submitted_date, decided_date, "
    "outcome, allowed_amount, billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text, "
    "claim_ref_hmac) SELECT $1::bigint, $2::bigint, payer, cpt, cpt_group, submitted_date, decided_date, outcome, "
    "allowed_amount, billed_amount, paid_amount, payment_date, denial_reason_code, denial_reason_text, "
    "claim_ref_hmac FROM upstream_import_staging";

// The file's base name, unless it looks like it carries PHI (a patient's name in a file name is not rare).
QVariant safeFileName(const QString &path)
{
    const QByteArray name = QFileInfo(path).fileName().toUtf8();
    if (name.isEmpty() ||
        phi::containsPhi(std::string_view(name.constData(), std::size_t(name.size())), phi::FieldKind::FreeText))
        return QVariant();
    return QString::fromUtf8(name);
}

// Streams encoded rows into an open COPY; remembers the first failure (later rows are then dropped).
class CopySink {
public:
    CopySink(storage::PgConnection &c, CopyFormat format) : m_conn(c), m_binary(format == CopyFormat::Binary) {}

    Status begin()
    {
        if (Status st =
                m_conn.copyBegin(m_binary ? QStringLiteral("COPY upstream_import_staging FROM STDIN (FORMAT binary)")
                                          : QStringLiteral("COPY upstream_import_staging FROM STDIN"));
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
    void add(const std::vector<claims::ClaimRow> &rows)
    {
        if (!m_status.ok())
            return;
        for (const claims::ClaimRow &r : rows)
            m_binary ? encodeRow(m_buf, r) : appendCopyTextRow(m_buf, r);
        m_rows += rows.size();
        if (m_buf.size() >= kFlushBytes)
            flush();
    }
    Status finish()
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
    void abort(const QString &reason)
    {
        if (m_open)
            (void)m_conn.copyAbort(reason);
        m_open = false;
    }
    const Status &status() const { return m_status; }
    std::uint64_t rows() const { return m_rows; }

private:
    void flush()
    {
        if (m_status.ok() && !m_buf.empty())
            m_status = m_conn.copyPut(m_buf.data(), int(m_buf.size()));
        m_buf.clear();
    }
    storage::PgConnection &m_conn;
    std::string m_buf;
    Status m_status;
    std::uint64_t m_rows = 0;
    bool m_open = false;
    bool m_binary = true;
};

// The customer's history for the volume and outcome-shift anomalies (SPEC section 4): row counts of uploads in the
// last 30 days and the outcome mix of decided claims submitted in the 90 days before the import day (none: the
// default).
Result<quality::UploadHistory> loadHistory(storage::PgConnection &conn, qint64 customer, std::int32_t importDay)
{
    quality::UploadHistory history;
    auto uploads = conn.exec("SELECT total_rows FROM upstream.uploads WHERE customer_id = $1 AND uploaded_at >= "
                             "now() - interval '30 days' ORDER BY upload_id",
                             {customer});
    if (!uploads.ok())
        return uploads.error();
    for (int i = 0; i < uploads->rows(); ++i)
        history.rowCountsLast30Days.push_back(std::uint64_t(uploads->int64(i, 0)));
    // Decided claims only, as the upload's own mix (pending claims have no outcome yet).
    auto mix = conn.exec("SELECT count(*) FILTER (WHERE outcome = 'PAID'), count(*) FILTER (WHERE outcome = "
                         "'DENIED'), count(*) FILTER (WHERE outcome <> 'PENDING') FROM upstream.claims WHERE "
                         "customer_id = $1 AND submitted_date >= date '1970-01-01' + $2::int - 90 AND "
                         "submitted_date < date '1970-01-01' + $2::int",
                         {customer, importDay});
    if (!mix.ok())
        return mix.error();
    if (const double total = double(mix->int64(0, 2)); total > 0) {
        quality::OutcomeMix m;
        m.paid = double(mix->int64(0, 0)) / total;
        m.denied = double(mix->int64(0, 1)) / total;
        m.other = 1.0 - m.paid - m.denied;
        history.trailing90DayMix = m;
    }
    return history;
}

Error rollback(storage::PgConnection &conn, Error error)
{
    (void)conn.execScript(QStringLiteral("ROLLBACK"));
    return error;
}

} // namespace

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

Result<ImportResult> ClaimImporter::importToPostgres(storage::PgConnection &conn, const QString &path,
                                                     const ImportOptions &options, ValidationReport *reportOut)
{
    if (options.customerId <= 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("no customer to import into"));
    if (Status st = conn.execScript(QStringLiteral("BEGIN")); !st.ok())
        return st.error();
    ValidationOptions vo = options.validation;
    if (vo.history.rowCountsLast30Days.empty() && !vo.history.trailing90DayMix) {
        auto history = loadHistory(conn, options.customerId, vo.validator.importDay);
        if (!history.ok())
            return rollback(conn, history.error());
        vo.history = std::move(history.value());
    }
    if (Status st = conn.execScript(QLatin1String(kCreateStaging)); !st.ok())
        return rollback(conn, st.error());
    CopySink sink(conn, options.copyFormat);
    if (Status st = sink.begin(); !st.ok())
        return rollback(conn, st.error());

    vo.acceptedRows = [&sink](std::vector<claims::ClaimRow> &&rows) { sink.add(rows); };
    const auto userProgress = options.validation.progress;
    // A failed COPY stops validation early: there is no point reading the rest of a file we cannot load.
    vo.progress = [&sink, userProgress](std::uint64_t done, std::uint64_t total, std::uint64_t rows) {
        return sink.status().ok() && (!userProgress || userProgress(done, total, rows));
    };
    bool duplicateLookupFailed = false;
    // Called once after the last accepted batch: the COPY is finished first (the connection cannot run another
    // statement while a COPY is open).
    vo.importedBefore = [&](const QByteArray &sha256) {
        if (!sink.finish().ok())
            return false;
        auto seen = conn.exec("SELECT EXISTS (SELECT 1 FROM upstream.uploads WHERE customer_id = $1 AND sha256 = "
                              "decode($2, 'hex'))",
                              {options.customerId, QString::fromLatin1(sha256.toHex())});
        duplicateLookupFailed = !seen.ok();
        return seen.ok() && seen->boolean(0, 0);
    };

    auto validated = validateCsvFile(path, vo);
    if (!validated.ok()) {
        sink.abort(QStringLiteral("import cancelled"));
        // A COPY failure (e.g. a lost connection) surfaces as a cancel from the progress hook: report the cause.
        if (!sink.status().ok())
            return rollback(conn, sink.status().error());
        return rollback(conn, validated.error());
    }
    ImportResult result;
    result.report = std::move(validated.value());
    const ValidationReport &rep = result.report;
    if (reportOut)
        *reportOut = rep;
    if (Status st = sink.finish(); !st.ok())
        return rollback(conn, st.error());
    if (duplicateLookupFailed)
        return rollback(conn, makeError(ErrorCode::Internal, QStringLiteral("could not check for an earlier upload")));
    if (rep.accepted == 0)
        return rollback(conn, makeError(ErrorCode::InvalidInput,
                                        QStringLiteral("every row was rejected (%1)").arg(rejectionCountsLine(rep))));

    auto upload = conn.exec(
        "INSERT INTO upstream.uploads (customer_id, file_name, sha256, header_fingerprint, encoding, delimiter, "
        "total_rows, accepted_rows, rejected_rows, warning_rows) VALUES ($1, $2, decode($3, 'hex'), $4, $5, $6, $7, "
        "$8, $9, $10) RETURNING upload_id",
        {options.customerId, safeFileName(path), QString::fromLatin1(rep.fileSha256.toHex()),
         headerFingerprint(rep.header), QLatin1String(csv::encodingName(rep.encoding)),
         csv::delimiterName(rep.delimiter), qint64(rep.totalRows), qint64(rep.accepted), qint64(rep.rejected),
         qint64(rep.rowsWithWarnings)});
    if (!upload.ok())
        return rollback(conn, upload.error());
    result.uploadId = upload->int64(0, 0);

    auto moved = conn.exec(kMove, {options.customerId, result.uploadId});
    if (!moved.ok())
        return rollback(conn, moved.error());
    result.claimsLoaded = std::uint64_t(moved->affectedRows());
    if (result.claimsLoaded != rep.accepted || sink.rows() != rep.accepted)
        return rollback(
            conn,
            makeError(
                ErrorCode::Internal,
                QStringLiteral("loaded %1 claims but %2 were accepted").arg(result.claimsLoaded).arg(rep.accepted)));

    QJsonObject reportJson = validationReportJson(rep);
    reportJson.insert(QStringLiteral("upload_id"), result.uploadId);
    reportJson.insert(QStringLiteral("claims_loaded"), qint64(result.claimsLoaded));
    const QString reportText = QString::fromUtf8(QJsonDocument(reportJson).toJson(QJsonDocument::Compact));
    if (auto r = conn.exec("INSERT INTO upstream.upload_reports (customer_id, upload_id, report) VALUES ($1, $2, "
                           "$3::jsonb)",
                           {options.customerId, result.uploadId, reportText});
        !r.ok())
        return rollback(conn, r.error());

    const QJsonObject details{{QStringLiteral("upload_id"), result.uploadId},
                              {QStringLiteral("sha256"), QString::fromLatin1(rep.fileSha256.toHex())},
                              {QStringLiteral("total_rows"), qint64(rep.totalRows)},
                              {QStringLiteral("accepted"), qint64(rep.accepted)},
                              {QStringLiteral("rejected"), qint64(rep.rejected)},
                              {QStringLiteral("duplicate_file"), rep.duplicateFile}};
    if (auto r =
            conn.exec("SELECT upstream.audit_append($1, 'import', $2::jsonb, $3)",
                      {options.customerId, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)),
                       options.workstation.isEmpty() ? QVariant() : QVariant(options.workstation)});
        !r.ok())
        return rollback(conn, r.error());
    if (Status st = conn.execScript(QStringLiteral("COMMIT")); !st.ok())
        return rollback(conn, st.error());
    log::info(QStringLiteral("import: upload %1, %2 claims loaded, %3 rejected")
                  .arg(result.uploadId)
                  .arg(result.claimsLoaded)
                  .arg(rep.rejected));
    return result;
}

} // namespace upstream::importer
