#include "ImportSession.h"

#include "sync/Outbox.h"

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

ValidationRunner::~ValidationRunner() = default; // m_job cancels and joins every run

void ValidationRunner::cancel()
{
    if (m_job.isRunning()) {
        m_job.supersede(); // late results of the cancelled run are dropped
        emit cancelled();
    }
}

void ValidationRunner::start(const QString &path, ValidationOptions options)
{
    // A run in progress is superseded: it stops at its next block and nothing more of it arrives.
    m_job.start([this, path, options = std::move(options)](const JobContext &job) mutable {
        const auto start = Clock::now();
        options.progress = [&](std::uint64_t bytesDone, std::uint64_t bytesTotal, std::uint64_t rows) {
            if (job.cancelRequested())
                return false;
            job.postProgress([this,
                              p = makeProgress(start, rows, bytesTotal ? double(bytesDone) / double(bytesTotal) : 0),
                              bytesDone, bytesTotal]() mutable {
                p.bytesDone = bytesDone;
                p.bytesTotal = bytesTotal;
                emit progress(p);
            });
            return true;
        };
        auto result = validateCsvFile(path, options);
        if (result) {
            auto report = std::make_shared<const ValidationReport>(std::move(result.value()));
            job.finish([this, report] { emit finished(report); });
        } else if (result.error().code == ErrorCode::Cancelled) {
            job.finish([this] { emit cancelled(); });
        } else {
            job.finish([this, reason = result.error().message] { emit failed(reason); });
        }
    });
}

// ---------------------------------------------------------------------------------------------------------------

JobRunner::JobRunner(QObject *parent) : QObject(parent) {}

JobRunner::~JobRunner() = default; // m_job cancels and joins the run

void JobRunner::cancel()
{
    m_job.cancel(); // the job sees it at its next progress call and fails with Cancelled
}

void JobRunner::cancelAndWait()
{
    m_job.cancelAndWait();
}

void JobRunner::run(Job job, std::function<void()> onSuccess)
{
    if (m_job.isRunning())
        return;
    m_job.start([this, job = std::move(job), onSuccess = std::move(onSuccess)](const JobContext &context) {
        const auto start = Clock::now();
        const ImportProgressFn progressFn = [&](std::uint64_t done, std::uint64_t total) {
            if (context.cancelRequested())
                return false;
            context.postProgress(
                [this, p = makeProgress(start, done, total ? double(done) / double(total) : 0)] { emit progress(p); });
            return true;
        };
        Status status = job(progressFn);
        context.finish([this, status = std::move(status), onSuccess] {
            if (status.ok())
                onSuccess();
            else if (status.error().code == ErrorCode::Cancelled)
                emit cancelled();
            else
                emit failed(status.error().message);
        });
    });
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
