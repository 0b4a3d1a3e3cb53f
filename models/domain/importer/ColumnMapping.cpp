#include "ColumnMapping.h"

#include "phi/PhiScanner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringList>

#include <algorithm>

namespace upstream::importer {
namespace {

constexpr std::array<const char *, kColumnCount> kNames = {"payer",
                                                           "cpt",
                                                           "submitted_date",
                                                           "decided_date",
                                                           "outcome",
                                                           "allowed_amount",
                                                           "billed_amount",
                                                           "paid_amount",
                                                           "payment_date",
                                                           "denial_reason_code",
                                                           "denial_reason_text",
                                                           "claim_ref"};

struct Synonym {
    const char *text; // normalised
    Column column;
};
// Order matters only for readability; every entry is unique.
constexpr Synonym kSynonyms[] = {
    {"payer", Column::Payer},
    {"payer name", Column::Payer},
    {"insurance", Column::Payer},
    {"insurance name", Column::Payer},
    {"insurance company", Column::Payer},
    {"insurer", Column::Payer},
    {"carrier", Column::Payer},
    {"health plan", Column::Payer},
    {"plan name", Column::Payer},
    {"primary payer", Column::Payer},
    {"payor", Column::Payer},
    {"payor name", Column::Payer},
    {"cpt", Column::Cpt},
    {"cpt code", Column::Cpt},
    {"procedure code", Column::Cpt},
    {"procedure", Column::Cpt},
    {"hcpcs", Column::Cpt},
    {"hcpcs code", Column::Cpt},
    {"cpt hcpcs", Column::Cpt},
    {"proc code", Column::Cpt},
    {"service code", Column::Cpt},
    {"submitted date", Column::SubmittedDate},
    {"date submitted", Column::SubmittedDate},
    {"submission date", Column::SubmittedDate},
    {"submit date", Column::SubmittedDate},
    {"claim submitted date", Column::SubmittedDate},
    {"date of submission", Column::SubmittedDate},
    {"sent date", Column::SubmittedDate},
    {"claim date", Column::SubmittedDate},
    {"decided date", Column::DecidedDate},
    {"decision date", Column::DecidedDate},
    {"date decided", Column::DecidedDate},
    {"adjudication date", Column::DecidedDate},
    {"adjudicated date", Column::DecidedDate},
    {"processed date", Column::DecidedDate},
    {"date processed", Column::DecidedDate},
    {"determination date", Column::DecidedDate},
    {"outcome", Column::Outcome},
    {"status", Column::Outcome},
    {"claim status", Column::Outcome},
    {"decision", Column::Outcome},
    {"result", Column::Outcome},
    {"adjudication status", Column::Outcome},
    {"allowed amount", Column::AllowedAmount},
    {"allowed", Column::AllowedAmount},
    {"allowed amt", Column::AllowedAmount},
    {"amount allowed", Column::AllowedAmount},
    {"billed amount", Column::BilledAmount},
    {"billed", Column::BilledAmount},
    {"billed amt", Column::BilledAmount},
    {"amount billed", Column::BilledAmount},
    {"charge amount", Column::BilledAmount},
    {"charges", Column::BilledAmount},
    {"total charges", Column::BilledAmount},
    {"paid amount", Column::PaidAmount},
    {"paid", Column::PaidAmount},
    {"paid amt", Column::PaidAmount},
    {"amount paid", Column::PaidAmount},
    {"payment amount", Column::PaidAmount},
    {"payment date", Column::PaymentDate},
    {"paid date", Column::PaymentDate},
    {"date paid", Column::PaymentDate},
    {"check date", Column::PaymentDate},
    {"denial reason code", Column::DenialReasonCode},
    {"denial code", Column::DenialReasonCode},
    {"reason code", Column::DenialReasonCode},
    {"carc", Column::DenialReasonCode},
    {"carc code", Column::DenialReasonCode},
    {"adjustment reason code", Column::DenialReasonCode},
    {"denial reason text", Column::DenialReasonText},
    {"denial reason", Column::DenialReasonText},
    {"denial description", Column::DenialReasonText},
    {"reason description", Column::DenialReasonText},
    {"reason text", Column::DenialReasonText},
    {"denial reason description", Column::DenialReasonText},
    {"claim ref", Column::ClaimRef},
    {"claim id", Column::ClaimRef},
    {"claim number", Column::ClaimRef},
    {"claim no", Column::ClaimRef},
    {"claim reference", Column::ClaimRef},
    {"icn", Column::ClaimRef},
    {"claim control number", Column::ClaimRef},
};

bool headerHasPhi(const std::string &header)
{
    return phi::containsPhi(header, phi::FieldKind::FreeText);
}

} // namespace

const char *columnName(Column column)
{
    return kNames[std::size_t(column)];
}

bool isRequired(Column column)
{
    return std::size_t(column) <= std::size_t(Column::Outcome);
}

std::optional<Column> columnFromName(const QString &canonicalName)
{
    for (std::size_t i = 0; i < kColumnCount; ++i)
        if (canonicalName == QLatin1String(kNames[i]))
            return Column(i);
    return std::nullopt;
}

std::string normaliseHeader(std::string_view header)
{
    std::string out;
    out.reserve(header.size());
    bool space = false;
    for (char c : header) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t' || c == '/' || c == '#') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return out;
}

std::optional<Column> matchHeader(std::string_view header)
{
    const std::string n = normaliseHeader(header);
    for (const Synonym &s : kSynonyms)
        if (n == s.text)
            return s.column;
    return std::nullopt;
}

ColumnMapping autoMap(const std::vector<std::string> &header)
{
    ColumnMapping mapping;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (const auto c = matchHeader(header[i]); c && mapping[*c] < 0)
            mapping[*c] = int(i);
    return mapping;
}

QString headerFingerprint(const std::vector<std::string> &header)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const std::string &h : header) {
        const std::string n = normaliseHeader(h);
        hash.addData(QByteArrayView(n.data(), qsizetype(n.size())));
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString safeHeaderLabel(const std::vector<std::string> &header, int index)
{
    if (index < 0 || std::size_t(index) >= header.size() || headerHasPhi(header[std::size_t(index)]))
        return QCoreApplication::translate("upstream::importer::ColumnMapping", "column %1").arg(index + 1);
    // Printable on one line: control characters (a quoted header may contain line breaks) become spaces, and a
    // long header is cut.
    QString label = QString::fromUtf8(header[std::size_t(index)].data(), qsizetype(header[std::size_t(index)].size()));
    for (QChar &c : label)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    if (label.size() > 60)
        label = label.left(60) + QStringLiteral("...");
    return label;
}

Result<ColumnPlan> planColumns(const std::vector<std::string> &header, const std::optional<ColumnMapping> &mapping)
{
    ColumnPlan plan;
    plan.headerColumns = header.size();
    plan.mapping = mapping ? *mapping : autoMap(header);
    // Duplicate header names make "which one is the payer?" unanswerable.
    std::vector<std::pair<std::string, int>> names;
    names.reserve(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string n = normaliseHeader(header[i]);
        if (!n.empty())
            names.emplace_back(std::move(n), int(i));
    }
    std::sort(names.begin(), names.end());
    for (std::size_t i = 1; i < names.size(); ++i)
        if (names[i].first == names[i - 1].first)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate("upstream::importer::ColumnMapping",
                                            "duplicate header '%1' in columns %2 and %3; rename one of them")
                    .arg(safeHeaderLabel(header, names[i - 1].second))
                    .arg(std::min(names[i - 1].second, names[i].second) + 1)
                    .arg(std::max(names[i - 1].second, names[i].second) + 1));
    QStringList missing;
    std::vector<bool> used(header.size(), false);
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        const int src = plan.mapping.source[c];
        if (src >= int(header.size()))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("upstream::importer::ColumnMapping",
                                                         "the mapping refers to column %1, but the file has %2")
                                 .arg(src + 1)
                                 .arg(header.size()));
        if (src >= 0) {
            if (used[std::size_t(src)])
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate("upstream::importer::ColumnMapping",
                                                             "column '%1' is mapped to two claim fields")
                                     .arg(safeHeaderLabel(header, src)));
            used[std::size_t(src)] = true;
        } else if (isRequired(Column(c))) {
            missing << QLatin1String(kNames[c]);
        }
    }
    if (!missing.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("upstream::importer::ColumnMapping",
                                                     "missing required columns: %1; map them or add them to the file")
                             .arg(missing.join(QStringLiteral(", "))));
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (used[i])
            continue;
        DroppedColumn d;
        d.index = int(i);
        d.phiInName = headerHasPhi(header[i]);
        d.suspicious =
            d.phiInName || phi::isSuspiciousHeader(QString::fromUtf8(header[i].data(), qsizetype(header[i].size())));
        plan.dropped.push_back(d);
    }
    return plan;
}

Status MappingMemory::load()
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("upstream::importer::ColumnMapping",
                                                     "cannot read the saved column mappings: %1")
                             .arg(file.errorString()));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    m_entries.clear();
    for (auto it = root.begin(); it != root.end(); ++it) {
        std::map<QString, QString> entry;
        const QJsonObject o = it.value().toObject();
        for (auto c = o.begin(); c != o.end(); ++c)
            entry[c.key()] = c.value().toString();
        m_entries[it.key()] = std::move(entry);
    }
    return {};
}

Status MappingMemory::save() const
{
    QJsonObject root;
    for (const auto &[fingerprint, entry] : m_entries) {
        QJsonObject o;
        for (const auto &[column, source] : entry)
            o.insert(column, source);
        root.insert(fingerprint, o);
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::PermissionDenied, QCoreApplication::translate("upstream::importer::ColumnMapping",
                                                                                  "cannot save the column mappings: %1")
                                                          .arg(file.errorString()));
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return makeError(ErrorCode::PermissionDenied, QCoreApplication::translate("upstream::importer::ColumnMapping",
                                                                                  "cannot save the column mappings: %1")
                                                          .arg(file.errorString()));
    return {};
}

void MappingMemory::remember(const std::vector<std::string> &header, const ColumnMapping &mapping)
{
    std::map<QString, QString> entry;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        const int src = mapping.source[c];
        if (src >= 0 && std::size_t(src) < header.size())
            entry[QLatin1String(kNames[c])] = QString::fromStdString(normaliseHeader(header[std::size_t(src)]));
    }
    m_entries[headerFingerprint(header)] = std::move(entry);
}

std::optional<ColumnMapping> MappingMemory::recall(const std::vector<std::string> &header) const
{
    const auto it = m_entries.find(headerFingerprint(header));
    if (it == m_entries.end())
        return std::nullopt;
    ColumnMapping mapping;
    for (const auto &[column, source] : it->second) {
        const auto c = columnFromName(column);
        if (!c)
            continue;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (QString::fromStdString(normaliseHeader(header[i])) == source)
                mapping[*c] = int(i);
    }
    return mapping;
}

} // namespace upstream::importer
