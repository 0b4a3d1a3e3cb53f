#pragma once
// Pulled server rows into the cache: the mirrored tables (signals, alerts, judgments, ledger_entries) and the pull
// cursor (sync_state 'last_seq'). The one place that writes pulled rows; storage/pg/PullQueries reads them.
//
// applyPulled writes one batch in one cache transaction, parents before children, and moves the cursor with it, so
// a crash leaves the cache at a batch boundary. A row with local changes still queued in the outbox is not
// overwritten (the push decides on it); if that change was already refused (a conflict), the conflict's "theirs"
// is updated to the pulled row instead, so resolving it starts from the server's newest version.
//
// Connection: the LocalCache passed in, on the thread that owns it (the sync service may pass a second connection
// of its own, on its cache thread).
#include "core/Result.h"
#include "storage/pg/PullQueries.h"

namespace upstream::storage {

class LocalCache;

Status applyPulled(LocalCache &cache, const PulledBatch &batch);
// The highest change_log seq applied so far (0 before the first pull or when it cannot be read).
qint64 lastPulledSeq(LocalCache &cache);

} // namespace upstream::storage
