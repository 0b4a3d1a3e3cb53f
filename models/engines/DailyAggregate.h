#pragma once
// Daily aggregates: the only input of the signal engines. One row per (payer, cpt_group, reason, submitted day)
// with counts, integer sums and integer sums of squares, so that an SQL GROUP BY over upstream.claims and the
// in-process ClaimAggregator produce exactly the same numbers (no floating point before the engines).
//
// reason is the DenialScope reason for DENIED claims (code, else text, else UNSPECIFIED) and the empty string
// for every other outcome. Amounts are cents; an absent amount counts as 0 in the sums. Day spans are
// decided−submitted and payment−submitted in whole days.
//
// Limits (checked when a name is first seen; exceeding them makes the set report overflow()): 2^20 payers,
// 2^12 CPT groups, 2^16 reasons, submitted days 1970-01-01 … 2149-06-06.
#include "core/HugePageAllocator.h"
#include "engines/ClaimRecord.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace upstream::engines {

// Field order is for the aggregator's cache behaviour: the first 64 bytes hold everything a PAID or DENIED claim
// updates except the payment fields, which start the second line.
struct DayCounters {
    std::int64_t total = 0;
    std::int64_t paid = 0;
    std::int64_t denied = 0;
    std::int64_t allowedPaidCents = 0;
    std::int64_t allowedDeniedCents = 0;
    // decided − submitted, PAID or DENIED claims with a decided date (DriftWatch DECISION_TIME).
    std::int64_t decisionPdCount = 0;
    std::int64_t decisionPdSum = 0;
    std::int64_t decisionPdSumSq = 0;
    // payment − submitted, PAID claims with a payment date (DelayGuard payment latency).
    std::int64_t paymentCount = 0;
    std::int64_t paymentSum = 0;
    std::int64_t paymentSumSq = 0;
    std::int64_t other = 0;
    std::int64_t allowedOtherCents = 0;
    // decided − submitted, OTHER claims with a decided date (DelayGuard decision latency over all claims).
    std::int64_t decisionOtherCount = 0;
    std::int64_t decisionOtherSum = 0;
    std::int64_t decisionOtherSumSq = 0;

    void add(const DayCounters &o);
    std::int64_t allowedCents() const { return allowedPaidCents + allowedDeniedCents + allowedOtherCents; }
    bool operator==(const DayCounters &) const = default;
};

struct alignas(64) AggregateRow {
    DayCounters c;            // first, cache-line aligned (see DayCounters)
    std::uint32_t payer = 0;  // index into AggregateSet::payers()
    std::uint32_t group = 0;  // index into AggregateSet::groups()
    std::uint32_t reason = 0; // index into AggregateSet::reasons(); 0 is always "" (not denied)
    EpochDay day = 0;
};

// A set of daily aggregate rows for one customer. Rows with the same key are merged on insertion, so the
// result does not depend on the order claims or SQL rows arrive in.
class AggregateSet {
public:
    AggregateSet();

    // The SQL path: one GROUP BY row. Merges into an existing row with the same key.
    void addRow(const QString &payer, const QString &group, const QString &reason, EpochDay day,
                const DayCounters &counters);

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
    DayCounters *slot(std::uint32_t payer, std::uint32_t group, std::uint32_t reason, EpochDay day);
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
// A claim without a submitted date or with an out-of-range one is skipped and counted (skippedClaims()).
class ClaimAggregator {
public:
    void add(const ClaimRecord &claim);
    // The same for a batch of parsed rows (what a CSV reader hands over), faster on unsorted input.
    void add(const ClaimRecord *claims, std::size_t count);
    const AggregateSet &aggregates() const { return m_set; }
    // Hands the aggregates over and starts afresh (the name caches refer to the old set's ids).
    AggregateSet take();

private:
    bool keyOf(const ClaimRecord &claim, std::uint64_t &packedKey);
    std::uint32_t payerId(const QString &s);
    std::uint32_t groupId(const QString &s);
    std::uint32_t reasonId(const ClaimRecord &claim);

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
