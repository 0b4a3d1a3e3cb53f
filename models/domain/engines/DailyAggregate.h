#pragma once
// Daily aggregates: the only input of the signal engines (SPEC 6). Three kinds of rows, each keyed on the date
// its event is observed, so an export taken on a working day (pending and unpaid claims) is read without bias:
//  - Decided:      (payer, cpt_group, reason, decided day) — outcome counts and allowed cents of decided claims
//                  (DriftWatch, DenialScope);
//  - Adjudication: (payer, submitted day, lag = decided − submitted) — every claim; a claim with no decided
//                  date has lag kUnfinishedLag (DelayGuard adjudication_delay);
//  - Payment:      (payer, decided day, lag = payment − decided) — PAID claims; no payment date = kUnfinishedLag
//                  (DelayGuard payment_delay).
// The rows hold the claims' lags as they stand in the data, not as of a date: the engines apply the replay rule
// (a lag ≥ T − day has not happened yet at as-of T), so one set serves every as-of date.
//
// An SQL GROUP BY over upstream.claims (storage/pg/AggregateSql.h) and the in-process ClaimAggregator produce exactly
// the same rows (integer counts and cents, no floating point before the engines). reason is the DenialScope reason of
// DENIED claims (code, else text, else UNSPECIFIED), "" otherwise; lag rows have cpt_group "" and reason "". Amounts
// are cents; an absent amount counts as 0 in the sums.
//
// Limits (checked when a name is first seen; exceeding them makes the set report overflow()): 2^18 payers,
// 2^12 CPT groups, 2^16 reasons, days 1970-01-01 … 2149-06-06, lags up to kMaxLag days (longer ones count as
// kMaxLag).
#include "core/HugePageAllocator.h"
#include "engines/ClaimRecord.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace upstream::engines {

enum class AggregateKind : std::uint8_t { Decided = 0, Adjudication = 1, Payment = 2 };
inline constexpr int kAggregateKinds = 3;
QString aggregateKindName(AggregateKind kind); // "decided", "adjudication", "payment"
std::optional<AggregateKind> aggregateKindFromName(const QString &name);

inline constexpr std::uint16_t kUnfinishedLag = 0xffff; // no decided (payment) date in the data
inline constexpr std::uint16_t kMaxLag = 0xfffe;

// One row's counters: one cache line.
struct DayCounters {
    std::int64_t claims = 0; // every claim of the row
    // Decided rows only:
    std::int64_t paid = 0;
    std::int64_t denied = 0;
    std::int64_t other = 0;
    std::int64_t allowedPaidCents = 0;
    std::int64_t allowedDeniedCents = 0;
    std::int64_t allowedOtherCents = 0;
    // Lag rows only: Σ billed, allowed where billed is absent (the dollars an overdue claim puts at risk).
    std::int64_t atRiskCents = 0;

    void add(const DayCounters &o);
    void subtract(const DayCounters &o);
    std::int64_t decided() const { return paid + denied + other; }
    bool isZero() const { return *this == DayCounters{}; }
    bool operator==(const DayCounters &) const = default;
};

struct alignas(64) AggregateRow {
    DayCounters c;            // first, cache-line aligned
    std::uint32_t payer = 0;  // index into AggregateSet::payers()
    std::uint32_t group = 0;  // index into AggregateSet::groups(); 0 is always "" (lag rows)
    std::uint32_t reason = 0; // index into AggregateSet::reasons(); 0 is always "" (not denied, lag rows)
    EpochDay day = 0;         // decided day (Decided, Payment) or submitted day (Adjudication)
    std::uint16_t lag = 0;    // lag rows: days, or kUnfinishedLag; 0 for Decided rows
    AggregateKind kind = AggregateKind::Decided;

    // At as-of day T: the claims of this lag row were finished before T (the replay rule).
    bool finishedBefore(EpochDay asOf) const { return lag != kUnfinishedLag && std::int64_t(day) + lag < asOf; }
};

// A set of daily aggregate rows for one customer. Rows with the same key are merged on insertion, so the
// result does not depend on the order claims or SQL rows arrive in.
class AggregateSet {
public:
    AggregateSet();

    // The SQL path and stored rows: one row. Merges into an existing row with the same key. Lag rows ignore
    // group and reason.
    void addRow(AggregateKind kind, const QString &payer, const QString &group, const QString &reason, EpochDay day,
                std::uint16_t lag, const DayCounters &counters);
    // Every row of `other` merged into this set (subtract = false) or taken out of it (true); rows whose counters
    // end at zero stay, with zero counts.
    void merge(const AggregateSet &other, bool subtract = false);

    // The newest day any claim was submitted or decided (kNoDay when empty): the export's own date is the day after.
    EpochDay newestEventDay() const;

    using Rows = std::vector<AggregateRow, core::HugePageAllocator<AggregateRow>>;
    const Rows &rows() const { return m_rows; }
    const QStringList &payers() const { return m_payers; }
    const QStringList &groups() const { return m_groups; }
    const QStringList &reasons() const { return m_reasons; }
    bool overflow() const { return m_overflow; }
    std::int64_t skippedClaims() const { return m_skipped; }

    // Exact equality of content, independent of row order and name ids.
    bool sameContent(const AggregateSet &other) const;

private:
    friend class ClaimAggregator;
    std::uint32_t intern(QHash<QString, std::uint32_t> &ids, QStringList &names, const QString &name,
                         std::uint32_t limit);
    DayCounters *slot(std::uint64_t packedKey);
    std::uint32_t rowFor(std::uint64_t packedKey); // finds or inserts the row
    std::size_t indexPosition(std::uint64_t packedKey) const;
    const void *indexEntryFor(std::uint64_t packedKey) const; // for prefetching; valid until the next insert
    void reserveFor(std::size_t moreRows);

    QStringList m_payers, m_groups, m_reasons;
    QHash<QString, std::uint32_t> m_payerIds, m_groupIds, m_reasonIds;
    // Packed key -> row index: open addressing with linear probing (the aggregator's hot path; QHash's
    // node spans cost about a third of the throughput here). kEmpty marks a free slot.
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);
    struct IndexEntry {
        std::uint64_t key;
        std::uint32_t row;
    };
    std::vector<IndexEntry, core::HugePageAllocator<IndexEntry>> m_index;
    std::uint64_t m_lastKey = kEmpty; // one-entry cache: consecutive claims often share a key
    std::uint32_t m_lastRow = 0;
    void grow();
    Rows m_rows;
    bool m_overflow = false;
    std::int64_t m_skipped = 0;
};

// The in-process aggregator over parsed rows (local workspace, import preview). Not thread-safe; aggregate
// chunks in separate instances and merge them with AggregateSet::addRow if parallelism is wanted.
// A claim without a submitted date or with an out-of-range one is skipped and counted (skippedClaims()). Each
// claim updates its Adjudication row, its Decided row when it has a decided date and its Payment row when PAID.
class ClaimAggregator {
public:
    void add(const ClaimRecord &claim);
    // The same for a batch of parsed rows (what a CSV reader hands over), faster on unsorted input.
    void add(const ClaimRecord *claims, std::size_t count);
    const AggregateSet &aggregates() const { return m_set; }
    // Hands the aggregates over and starts afresh (the name caches refer to the old set's ids).
    AggregateSet take();

private:
    std::uint32_t payerId(const QString &s);
    std::uint32_t groupId(const QString &s);
    std::uint32_t reasonId(const ClaimRecord &claim);
    int keysOf(const ClaimRecord &claim, std::uint64_t keys[3], AggregateKind kinds[3]);

    AggregateSet m_set;
    // Name -> id caches in front of the set's QHash interning: direct-mapped on a cheap hash (length and three
    // characters), verified by a full compare. Parsed rows repeat a few dozen payers, groups and reasons in any
    // order, so nearly every lookup is one compare instead of a full string hash and QHash probe. Entries point
    // at the set's own interned names, whose data never changes; take() clears them.
    struct NameCache {
        struct Slot {
            const QChar *data = nullptr;
            qsizetype size = -1; // never matches until filled
            std::uint32_t id = 0;
        };
        static constexpr std::size_t kSlots = 256;
        Slot entries[kSlots];
        void clear() { std::fill(std::begin(entries), std::end(entries), Slot{}); }
    };
    std::uint32_t cachedId(NameCache &cache, QHash<QString, std::uint32_t> &ids, QStringList &names,
                           const QString &name, std::uint32_t limit);
    NameCache m_payerCache, m_groupCache, m_reasonCache;
};

} // namespace upstream::engines
