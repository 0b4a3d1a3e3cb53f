#pragma once
// The statements of one sync transaction on the cache (a pulled batch applied, push results recorded), each
// prepared once and reused for every row: preparing per row was most of the cost of applying a pull (about 100 µs
// a row). Internal to SyncCacheStore and OutboxStore; lives as long as the transaction, on the cache's thread.
#include "core/Result.h"
#include "storage/cache/LocalCache.h"

#include <QString>
#include <QVariant>

#include <map>
#include <vector>

namespace upstream::storage {

class SyncStatementCache {
public:
    explicit SyncStatementCache(LocalCache &cache) : m_cache(cache) {}

    Status run(const QString &sql, const std::vector<QVariant> &params)
    {
        auto it = m_prepared.find(sql);
        if (it == m_prepared.end()) {
            auto q = m_cache.db().prepare(sql);
            if (!q.ok())
                return q.error();
            it = m_prepared.emplace(sql, std::move(q.value())).first;
        }
        CipherStatement &q = it->second;
        q.reset();
        for (size_t i = 0; i < params.size(); ++i)
            q.bind(int(i + 1), params[i]);
        return q.run();
    }

    // The prepared statement for sql, reset and ready to bind (nullptr when it cannot be prepared: see lastError).
    CipherStatement *statement(const QString &sql)
    {
        auto it = m_prepared.find(sql);
        if (it == m_prepared.end()) {
            auto q = m_cache.db().prepare(sql);
            if (!q.ok()) {
                m_lastError = q.error();
                return nullptr;
            }
            it = m_prepared.emplace(sql, std::move(q.value())).first;
        }
        it->second.reset();
        return &it->second;
    }
    Error lastError() const { return m_lastError; }
    // Rows the last statement run on this connection inserted, updated or deleted (an upsert whose WHERE found the
    // row unchanged counts 0).
    int changes() { return m_cache.db().changes(); }

private:
    LocalCache &m_cache;
    std::map<QString, CipherStatement> m_prepared;
    Error m_lastError;
};

} // namespace upstream::storage
