#include "ImportSession.h"

#include "sync/Outbox.h"

#include <QThread>

namespace upstream::importer {
namespace {

using Clock = std::chrono::steady_clock;

// Rate and ETA from what is done so far; the byte fraction drives the ETA because the row total is unknown
// until the end of the file.
JobProgress makeProgress(Clock::time_point start, std::uint64_t done, double fraction)
{
    JobProgress p;
    p.done = done;
    p.fraction = std::clamp(fraction, 0.0, 1.0);
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (elapsed > 0.05 && done > 0) {
        p.rowsPerSecond = double(done) / elapsed;
        if (p.fraction > 0.001)
            p.etaSeconds = elapsed * (1.0 - p.fraction) / p.fraction;
    }
    return p;
}

} // namespace

Result<CsvPreview> readPreview(const QString &path, const csv::ReaderLimits &limits, int maxRows)
{
    csv::ReaderLimits small = limits;
    small.blockBytes = std::size_t(64) << 10; // the first rows only: never read the whole file
    small.computeSha256 = false;
    auto opened = csv::CsvBlockReader::open(path, small);
    if (!opened)
        return opened.error();
    csv::CsvBlockReader &reader = *opened.value();
    CsvPreview preview;
    preview.encoding = reader.encoding();
    preview.delimiter = reader.delimiter();
    preview.header = reader.header();
    preview.fileSize = reader.fileSize();
    csv::CsvBlock block;
    auto more = reader.next(block);
    if (!more)
        return more.error();
    if (block.size == 0)
        return preview;
    std::vector<char> utf8;
    char *data = block.data.data();
    std::size_t size = block.size;
    if (block.windows1252 || !csv::isValidUtf8(data, size)) {
        csv::windows1252ToUtf8(data, size, utf8);
        data = utf8.data();
        size = utf8.size();
    }
    csv::RecordParser parser(reader.delimiter(), small.maxFieldBytes);
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    while (int(preview.rows.size()) < maxRows &&
           parser.next(data, size, pos, fields) == csv::RecordParser::Step::Record) {
        std::vector<std::string> row;
        row.reserve(fields.size());
        for (std::string_view f : fields)
            row.emplace_back(f.substr(0, 200)); // a preview cell, not the whole field
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

// ---------------------------------------------------------------------------------------------------------------

ValidationRunner::ValidationRunner(QObject *parent) : QObject(parent) {}

ValidationRunner::~ValidationRunner()
{
    if (m_cancel)
        m_cancel->store(true);
    for (QThread *t : m_threads) {
        t->wait();
        delete t;
    }
}

void ValidationRunner::reap()
{
    std::erase_if(m_threads, [](QThread *t) {
        if (!t->isFinished())
            return false;
        t->wait();
        delete t;
        return true;
    });
}

void ValidationRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_running) {
        m_running = false;
        ++m_generation; // late results of the cancelled run are dropped
        emit cancelled();
    }
}

void ValidationRunner::start(const QString &path, ValidationOptions options)
{
    if (m_cancel)
        m_cancel->store(true); // the previous run stops at its next block; its thread is reaped later
    reap();
    const std::uint64_t gen = ++m_generation;
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelFlag;
    m_running = true;
    const auto interval = progressInterval;
    QThread *thread = QThread::create([this, gen, cancelFlag, interval, path, options = std::move(options)]() mutable {
        const auto start = Clock::now();
        auto lastEmit = start;
        options.progress = [&](std::uint64_t bytesDone, std::uint64_t bytesTotal, std::uint64_t rows) {
            if (cancelFlag->load())
                return false;
            const auto now = Clock::now();
            if (now - lastEmit >= interval) {
                lastEmit = now;
                JobProgress p = makeProgress(start, rows, bytesTotal ? double(bytesDone) / double(bytesTotal) : 0);
                p.bytesDone = bytesDone;
                p.bytesTotal = bytesTotal;
                QMetaObject::invokeMethod(
                    this,
                    [this, gen, p] {
                        if (gen == m_generation)
                            emit progress(p);
                    },
                    Qt::QueuedConnection);
            }
            return true;
        };
        auto result = validateCsvFile(path, options);
        std::shared_ptr<const ValidationReport> report;
        QString reason;
        bool wasCancelled = false;
        if (result)
            report = std::make_shared<const ValidationReport>(std::move(result.value()));
        else if (result.error().code == ErrorCode::Cancelled)
            wasCancelled = true;
        else
            reason = result.error().message;
        QMetaObject::invokeMethod(
            this,
            [this, gen, report, reason, wasCancelled] {
                if (gen != m_generation)
                    return; // superseded or cancelled by the caller
                m_running = false;
                if (report)
                    emit finished(report);
                else if (wasCancelled)
                    emit cancelled();
                else
                    emit failed(reason);
            },
            Qt::QueuedConnection);
    });
    m_threads.push_back(thread);
    thread->start();
}

// ---------------------------------------------------------------------------------------------------------------

JobRunner::JobRunner(QObject *parent) : QObject(parent) {}

JobRunner::~JobRunner() = default; // m_worker cancels and joins the run

void JobRunner::cancel()
{
    m_worker.cancel(); // the job sees it at its next progress call and fails with Cancelled
}

void JobRunner::cancelAndWait()
{
    m_worker.cancelAndWait();
}

void JobRunner::run(Job job, std::function<void()> onSuccess)
{
    if (m_running)
        return;
    const auto cancelFlag = m_worker.prepare();
    const std::uint64_t gen = ++m_generation;
    m_running = true;
    m_worker.start(QThread::create([this, gen, cancelFlag, job = std::move(job), onSuccess = std::move(onSuccess)] {
        const auto start = Clock::now();
        auto lastEmit = start - std::chrono::seconds(1);
        const ImportProgressFn progressFn = [&](std::uint64_t done, std::uint64_t total) {
            if (cancelFlag->load())
                return false;
            const auto now = Clock::now();
            if (now - lastEmit >= std::chrono::milliseconds(50)) {
                lastEmit = now;
                const JobProgress p = makeProgress(start, done, total ? double(done) / double(total) : 0);
                QMetaObject::invokeMethod(
                    this,
                    [this, gen, p] {
                        if (gen == m_generation)
                            emit progress(p);
                    },
                    Qt::QueuedConnection);
            }
            return true;
        };
        Status status = job(progressFn);
        QMetaObject::invokeMethod(
            this,
            [this, gen, status = std::move(status), onSuccess] {
                if (gen != m_generation)
                    return;
                m_running = false;
                if (status.ok())
                    onSuccess();
                else if (status.error().code == ErrorCode::Cancelled)
                    emit cancelled();
                else
                    emit failed(status.error().message);
            },
            Qt::QueuedConnection);
    }));
}

void ImportRunner::start(ImportFunction function, ImportRequest request)
{
    if (!function) {
        emit failed(tr("no importer is available in this build"));
        return;
    }
    JobRunner::start<ImportCounts>([function = std::move(function), request = std::move(request)](
                                       const ImportProgressFn &progress) { return function(request, progress); },
                                   [this](ImportCounts &&counts) { emit finished(counts); });
}

// ---------------------------------------------------------------------------------------------------------------

Status auditRejectedRowsExport(storage::LocalCache &cache, const QString &who, std::uint64_t rows)
{
    return sync::enqueueAudit(
        cache, who, QString(), QStringLiteral("export"),
        {{QStringLiteral("kind"), QStringLiteral("rejected_rows")}, {QStringLiteral("rows"), double(rows)}});
}

} // namespace upstream::importer
