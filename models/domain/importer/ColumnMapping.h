#pragma once
// Header auto-mapping (SPEC section 3): source headers are matched trimmed and case-insensitively (also ignoring
// `_`, `-`, `.` and repeated spaces) against the canonical claim columns and their synonyms. A mapping the
// analyst confirmed is remembered per header fingerprint (SHA-256 of the normalised header list) in
// MappingMemory, so the same export layout maps itself next time.
// planColumns() fails (InvalidInput, one line, never echoing a header that contains PHI) on duplicate headers,
// two headers claiming the same column, or missing required columns.
#include "core/Result.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace upstream::importer {

enum class Column : std::uint8_t {
    Payer,
    Cpt,
    SubmittedDate,
    DecidedDate,
    Outcome,
    AllowedAmount,
    BilledAmount,
    PaidAmount,
    PaymentDate,
    DenialReasonCode,
    DenialReasonText,
    ClaimRef,
};
inline constexpr std::size_t kColumnCount = 12;
const char *columnName(Column column); // canonical snake_case name, e.g. "submitted_date"
bool isRequired(Column column);
std::optional<Column> columnFromName(const QString &canonicalName);

// Normalised form used for matching: lower-case, separators folded to single spaces, trimmed.
std::string normaliseHeader(std::string_view header);
// The canonical column a header means, by name or synonym.
std::optional<Column> matchHeader(std::string_view header);

// canonical column → source column index (-1 = not in the file).
struct ColumnMapping {
    std::array<int, kColumnCount> source{};
    ColumnMapping() { source.fill(-1); }
    int operator[](Column c) const { return source[std::size_t(c)]; }
    int &operator[](Column c) { return source[std::size_t(c)]; }
};

ColumnMapping autoMap(const std::vector<std::string> &header);
QString headerFingerprint(const std::vector<std::string> &header); // 64 hex chars

// A header column the import will not store.
struct DroppedColumn {
    int index = 0;
    bool suspicious = false; // the header announces patient data (SPEC 5): flagged to the analyst
    bool phiInName = false;  // the header text itself contains PHI: never shown
};

struct ColumnPlan {
    ColumnMapping mapping;
    std::vector<DroppedColumn> dropped;
    std::size_t headerColumns = 0;
};

// Checks the header against `mapping` (auto-mapped when not given).
Result<ColumnPlan> planColumns(const std::vector<std::string> &header,
                               const std::optional<ColumnMapping> &mapping = std::nullopt);
// A header label that is safe to print: the header itself, or "column N" when it contains PHI.
QString safeHeaderLabel(const std::vector<std::string> &header, int index);

// Confirmed mappings per header fingerprint, persisted as a small JSON file (by name of the source header, so a
// reordered file with the same headers still maps).
class MappingMemory {
public:
    explicit MappingMemory(QString filePath = {}) : m_path(std::move(filePath)) {}
    Status load();
    Status save() const;
    void remember(const std::vector<std::string> &header, const ColumnMapping &mapping);
    std::optional<ColumnMapping> recall(const std::vector<std::string> &header) const;

private:
    QString m_path;
    std::map<QString, std::map<QString, QString>> m_entries; // fingerprint → canonical name → source header
};

} // namespace upstream::importer
