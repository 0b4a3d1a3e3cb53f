#include "ImportValidation.h"

#include "FastText.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace upstream::importer {
namespace {

// Blocked Bloom filter for duplicate keys: three bits in one 64-byte line (one cache miss per row), sized from the
// file size (about one block per 400 bytes of file) and capped at 16 MiB whatever the row count: false-positive
// rate ~1e-5 at 1M rows, ~1% at 10M. Run by the merging thread over each block's keys in file order, so
// "duplicate" means "repeats an earlier row"; the next lines are prefetched because the misses, not the
// arithmetic, are the cost (an atomic filter shared by the workers was 40% of the run).
class DuplicateFilter {
public:
    explicit DuplicateFilter(std::uint64_t fileBytes)
    {
        std::size_t blocks = 64;
        while (blocks < kMaxBlocks && blocks * 400 < fileBytes)
            blocks *= 2;
        m_mask = blocks - 1;
        m_words.assign(blocks * 8, 0);
    }
    std::uint64_t countSeen(const std::vector<std::uint64_t> &keys)
    {
        constexpr std::size_t kAhead = 16;
        std::uint64_t seen = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
#if defined(__GNUC__) || defined(__clang__)
            if (i + kAhead < keys.size())
                __builtin_prefetch(&m_words[blockOf(detail::mix64(keys[i + kAhead])) * 8], 1);
#endif
            seen += testAndSet(keys[i]);
        }
        return seen;
    }

private:
    static constexpr std::size_t kMaxBlocks = std::size_t(1) << 18; // x 64 bytes = 16 MiB
    std::size_t blockOf(std::uint64_t h) const
    {
        return std::size_t(h >> 40) & m_mask;
    }
    bool testAndSet(std::uint64_t key)
    {
        const std::uint64_t h = detail::mix64(key);
        std::uint64_t *line = &m_words[blockOf(h) * 8];
        bool seen = true;
        for (int i = 0; i < 3; ++i) {
            const unsigned bit = unsigned(h >> (i * 9)) & 511U;
            const std::uint64_t mask = std::uint64_t(1) << (bit % 64);
            seen = seen && (line[bit / 64] & mask);
            line[bit / 64] |= mask;
        }
        return seen;
    }
    std::vector<std::uint64_t> m_words;
    std::size_t m_mask = 0;
};

struct BlockResult {
    std::uint64_t rows = 0, accepted = 0, rejected = 0, warnings = 0, rowsWithWarnings = 0, fallbackRows = 0;
    std::array<std::uint64_t, kRejectCategoryCount> categories{};
    std::array<std::uint64_t, kIssueCodeCount> codes{};
    std::array<std::uint64_t, phi::kPhiTypeCount> phi{};
    std::array<std::uint64_t, kColumnCount> empty{}, applicable{};
    std::uint64_t paid = 0, denied = 0, other = 0, pending = 0, withoutClaimRef = 0;
    std::int32_t newestSubmitted = claims::kNoDate; // of the accepted rows
    std::vector<Issue> issues;                      // kept for display, block-local rows (0-based)
    std::vector<Issue> rejections;                  // every rejection, only when exporting
    std::vector<claims::ClaimRow> claims;
    std::vector<std::uint64_t> dupKeys; // duplicate keys of accepted rows, in order
    csv::RecordParser::Step fatal = csv::RecordParser::Step::Record;
    std::uint64_t fatalRow = 0;

    void reset()
    {
        std::vector<Issue> keptIssues = std::move(issues), keptRejections = std::move(rejections);
        std::vector<claims::ClaimRow> keptRows = std::move(claims);
        std::vector<std::uint64_t> keptKeys = std::move(dupKeys);
        *this = BlockResult{};
        issues = std::move(keptIssues);
        rejections = std::move(keptRejections);
        claims = std::move(keptRows);
        dupKeys = std::move(keptKeys);
        dupKeys.clear();
        issues.clear();
        rejections.clear();
        claims.clear();
    }
};

struct Job {
    std::uint64_t seq = 0;
    csv::CsvBlock block;
    BlockResult result;
    std::vector<char> scratch; // Windows-1252 → UTF-8
};

struct Shared {
    const ValidationOptions &options;
    const ColumnPlan &plan;
    char delimiter{};
    DuplicateFilter duplicates;
};

void processBlock(Job &job, Shared &shared, ClaimValidator &validator, std::vector<std::string_view> &fields,
                  std::vector<Issue> &rowIssues)
{
    BlockResult &r = job.result;
    r.reset();
    char *data = job.block.data.data();
    std::size_t size = job.block.size;
    bool fallback = false;
    if (job.block.windows1252 || !csv::isValidUtf8(data, size)) {
        fallback = !job.block.windows1252;
        job.scratch.clear();
        csv::windows1252ToUtf8(data, size, job.scratch);
        data = job.scratch.data();
        size = job.scratch.size();
    }
    const ColumnMapping &map = shared.plan.mapping;
    const bool wantRows = bool(shared.options.acceptedRows);
    const bool exporting = !shared.options.rejectedRowsCsvPath.isEmpty();
    const std::size_t keep = shared.options.maxIssues;
    const csv::RecordParser parser(shared.delimiter, shared.options.limits.maxFieldBytes);
    struct MappedColumn {
        std::size_t column, index;
        unsigned expectedOn; // bit per claims::Outcome the column is expected on
    };
    constexpr auto bit = [](claims::Outcome o) { return 1U << unsigned(o); };
    constexpr unsigned kAll = ~0U;
    std::vector<MappedColumn> mapped;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        if (map.source[c] < 0)
            continue;
        const Column col = Column(c);
        // A pending claim has no decided date or paid amount yet (the validator drops them); only a payment has a
        // payment date; only a denial a reason.
        const unsigned expectedOn =
            (col == Column::DenialReasonCode || col == Column::DenialReasonText) ? bit(claims::Outcome::Denied)
            : col == Column::PaymentDate                                         ? bit(claims::Outcome::Paid)
            : (col == Column::DecidedDate || col == Column::PaidAmount)          ? kAll & ~bit(claims::Outcome::Pending)
                                                                                 : kAll;
        mapped.push_back({c, std::size_t(map.source[c]), expectedOn});
    }
    std::size_t pos = 0;
    for (std::uint64_t local = 0;; ++local) {
        const csv::RecordParser::Step step = parser.next(data, size, pos, fields);
        if (step == csv::RecordParser::Step::End)
            break;
        if (step != csv::RecordParser::Step::Record) {
            r.fatal = step;
            r.fatalRow = local;
            return;
        }
        ++r.rows;
        rowIssues.clear();
        claims::ClaimRow row; // a fresh one per record: the accepted one is moved into r.claims
        const RowOutcome res = validator.validate(fields, local, rowIssues, wantRows ? &row : nullptr);
        // Completeness per mapped column, counted only on the rows where the column is expected.
        for (const MappedColumn &mc : mapped) {
            if (!(mc.expectedOn & bit(res.outcome)))
                continue;
            ++r.applicable[mc.column];
            r.empty[mc.column] += mc.index >= fields.size() || detail::trim(fields[mc.index]).empty();
        }
        if (res.accepted) {
            ++r.accepted;
            r.warnings += rowIssues.size();
            r.rowsWithWarnings += !rowIssues.empty();
            switch (res.outcome) {
            case claims::Outcome::Paid: ++r.paid; break;
            case claims::Outcome::Denied: ++r.denied; break;
            case claims::Outcome::Other: ++r.other; break;
            case claims::Outcome::Pending: ++r.pending; break;
            }
            r.dupKeys.push_back(res.dupKey);
            r.withoutClaimRef += !res.hasClaimRef;
            r.newestSubmitted = std::max(r.newestSubmitted, res.submittedDate);
            if (wantRows)
                r.claims.push_back(std::move(row));
        } else {
            ++r.rejected;
            ++r.categories[std::size_t(res.rejectCategory)];
            if (exporting)
                r.rejections.push_back(rowIssues.back());
        }
        for (Issue &issue : rowIssues) {
            ++r.codes[std::size_t(issue.code)];
            if (issue.phiType >= 0)
                ++r.phi[std::size_t(std::uint8_t(issue.phiType))];
            if (r.issues.size() < keep)
                r.issues.push_back(std::move(issue));
        }
    }
    if (fallback) {
        r.fallbackRows = r.rows;
        r.codes[std::size_t(IssueCode::EncodingFallback)] += r.rows;
    }
}

QString fatalMessage(csv::RecordParser::Step step, std::uint64_t row, const csv::ReaderLimits &limits)
{
    if (step == csv::RecordParser::Step::UnterminatedQuote)
        return QCoreApplication::translate("upstream::importer::ImportValidation",
                                           "row %1 has an unterminated quote: a quoted field never ends")
            .arg(row);
    return QCoreApplication::translate("upstream::importer::ImportValidation",
                                       "row %1 has a field longer than %2 MiB, the field size limit")
        .arg(row)
        .arg(limits.maxFieldBytes >> 20);
}

Result<ValidationReport> run(Result<std::unique_ptr<csv::CsvBlockReader>> opened, const ValidationOptions &options)
{
    if (!opened)
        return opened.error();
    csv::CsvBlockReader &reader = **opened;
    ValidationReport report;
    report.encoding = reader.encoding();
    report.delimiter = reader.delimiter();
    report.header = reader.header();
    auto plan = planColumns(report.header, options.mapping);
    if (!plan)
        return plan.error();
    report.plan = std::move(*plan);

    std::unique_ptr<QFile> exportFile;
    if (!options.rejectedRowsCsvPath.isEmpty()) {
        exportFile = std::make_unique<QFile>(options.rejectedRowsCsvPath);
        if (!exportFile->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return makeError(ErrorCode::PermissionDenied,
                             QCoreApplication::translate("upstream::importer::ImportValidation",
                                                         "cannot write the rejected rows: %1")
                                 .arg(exportFile->errorString()));
        const std::string head = rejectedRowsCsvHeader();
        exportFile->write(head.data(), qint64(head.size()));
    }

    Shared shared{options, report.plan, report.delimiter, DuplicateFilter(reader.fileSize())};
    // At most 8 workers and workers + 2 blocks in flight: memory stays bounded on many-core machines too
    // (10 x 4 MiB blocks + the 16 MiB duplicate filter), and more workers would wait on the reader anyway.
    const int workers =
        std::clamp(options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency()), 1, 8);
    std::mutex mu;
    std::condition_variable cvWork, cvDone;
    std::deque<Job *> todo;
    std::map<std::uint64_t, Job *> done;
    bool stop = false;
    std::vector<std::thread> threads;
    threads.reserve(std::size_t(workers));
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&] {
            ClaimValidator validator(options.validator, report.plan);
            std::vector<std::string_view> fields;
            std::vector<Issue> rowIssues;
            for (;;) {
                Job *job = nullptr;
                {
                    std::unique_lock lock(mu);
                    cvWork.wait(lock, [&] { return stop || !todo.empty(); });
                    if (todo.empty())
                        return;
                    job = todo.front();
                    todo.pop_front();
                }
                processBlock(*job, shared, validator, fields, rowIssues);
                std::lock_guard lock(mu);
                done.emplace(job->seq, job);
                cvDone.notify_all();
            }
        });
    }

    std::vector<std::unique_ptr<Job>> jobs;
    std::vector<Job *> freeJobs;
    for (int k = 0; k < workers + 2; ++k) {
        jobs.push_back(std::make_unique<Job>());
        freeJobs.push_back(jobs.back().get());
    }
    std::optional<Error> failure;
    std::array<std::uint64_t, kColumnCount> empty{}, applicable{};
    std::string exportBuf;

    auto merge = [&](Job &job) {
        BlockResult &r = job.result;
        const std::uint64_t rowBase = 2 + report.totalRows; // header is row 1
        if (r.fatal != csv::RecordParser::Step::Record && !failure)
            failure = makeError(ErrorCode::InvalidInput, fatalMessage(r.fatal, rowBase + r.fatalRow, options.limits));
        if (failure)
            return;
        report.totalRows += r.rows;
        report.accepted += r.accepted;
        report.rejected += r.rejected;
        report.warnings += r.warnings;
        report.rowsWithWarnings += r.rowsWithWarnings;
        report.fallbackRows += r.fallbackRows;
        for (std::size_t k = 0; k < kRejectCategoryCount; ++k)
            report.categoryCounts[k] += r.categories[k];
        for (std::size_t k = 0; k < kIssueCodeCount; ++k)
            report.codeCounts[k] += r.codes[k];
        for (std::size_t k = 0; k < phi::kPhiTypeCount; ++k)
            report.phiCounts[k] += r.phi[k];
        for (std::size_t k = 0; k < kColumnCount; ++k) {
            empty[k] += r.empty[k];
            applicable[k] += r.applicable[k];
        }
        report.stats.paid += r.paid;
        report.stats.denied += r.denied;
        report.stats.other += r.other;
        report.stats.pending += r.pending;
        report.withoutClaimRef += r.withoutClaimRef;
        if (r.newestSubmitted != claims::kNoDate)
            report.stats.newestSubmittedDay =
                std::max(report.stats.newestSubmittedDay.value_or(r.newestSubmitted), r.newestSubmitted);
        report.stats.duplicates += shared.duplicates.countSeen(r.dupKeys);
        for (Issue &issue : r.issues) {
            if (report.issues.size() >= options.maxIssues) {
                report.issuesTruncated = true;
                break;
            }
            issue.row += rowBase;
            report.issues.push_back(std::move(issue));
        }
        if (exportFile) {
            exportBuf.clear();
            for (Issue &issue : r.rejections) {
                issue.row += rowBase;
                appendRejectedRowCsv(issue, exportBuf);
            }
            exportFile->write(exportBuf.data(), qint64(exportBuf.size()));
        }
        if (options.acceptedRows && !r.claims.empty()) {
            for (claims::ClaimRow &row : r.claims)
                row.sourceRow += rowBase;
            options.acceptedRows(std::move(r.claims));
            r.claims = {};
        }
    };
    // Merges finished blocks in order; with `wait`, blocks until the next one is done.
    std::uint64_t nextSeq = 0, mergeSeq = 0;
    auto mergeReady = [&](bool wait) {
        for (;;) {
            Job *job = nullptr;
            {
                std::unique_lock lock(mu);
                if (wait)
                    cvDone.wait(lock, [&] { return done.count(mergeSeq) > 0; });
                const auto it = done.find(mergeSeq);
                if (it == done.end())
                    return;
                job = it->second;
                done.erase(it);
            }
            merge(*job);
            ++mergeSeq;
            freeJobs.push_back(job);
            wait = false;
        }
    };

    for (;;) {
        if (freeJobs.empty())
            mergeReady(true);
        if (failure)
            break;
        Job *job = freeJobs.back();
        auto more = reader.next(job->block);
        if (!more) {
            failure = more.error();
            break;
        }
        if (!*more)
            break;
        freeJobs.pop_back();
        job->seq = nextSeq++;
        {
            std::lock_guard lock(mu);
            todo.push_back(job);
        }
        cvWork.notify_one();
        mergeReady(false);
        if (options.progress && !options.progress(reader.bytesConsumed(), reader.fileSize(), report.totalRows)) {
            failure =
                makeError(ErrorCode::Cancelled,
                          QCoreApplication::translate("upstream::importer::ImportValidation", "validation cancelled"));
            break;
        }
    }
    while (mergeSeq < nextSeq)
        mergeReady(true);
    {
        std::lock_guard lock(mu);
        stop = true;
    }
    cvWork.notify_all();
    for (std::thread &t : threads)
        t.join();
    if (failure)
        return *failure;
    report.fileSha256 = reader.sha256(); // empty unless the limits asked for it (or importedBefore is set)
    if (options.importedBefore)
        report.duplicateFile = !report.fileSha256.isEmpty() && options.importedBefore(report.fileSha256);
    if (report.totalRows == 0)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("upstream::importer::ImportValidation",
                                                     "the file has a header row but no data rows"));

    report.stats.totalRows = report.totalRows;
    report.stats.acceptedRows = report.accepted;
    report.stats.rowsWithWarnings = report.rowsWithWarnings;
    for (std::size_t c = 0; c < kColumnCount; ++c)
        if (report.plan.mapping.source[c] >= 0)
            report.stats.columns.push_back({columnName(Column(c)), empty[c], applicable[c]});
    report.qualityScore = quality::qualityScore(report.accepted, report.totalRows);
    report.grade = quality::grade(report.qualityScore);
    report.passes = quality::passes(report.qualityScore);
    report.anomalies = quality::detectAnomalies(report.stats, options.history);
    report.health = quality::healthInputs(report.stats, report.anomalies, options.history, options.validator.importDay);
    report.healthScore = quality::healthScore(report.health);
    report.healthBand = quality::healthBand(report.healthScore);
    return report;
}

// One cell of the rejected-rows export. A cell that starts with = + - @, a tab or a carriage return is read as a
// formula by spreadsheet programs (CSV injection: a claim export is attacker-controlled text), so it gets a leading
// single quote, which makes the spreadsheet show it as text. Then RFC 4180 quoting.
void appendCsvField(std::string_view v, std::string &out)
{
    const bool formula = !v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos;
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
        if (formula)
            out.push_back('\'');
        out.append(v);
        return;
    }
    out.push_back('"');
    if (formula)
        out.push_back('\'');
    for (char c : v) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

} // namespace

std::string rejectedRowsCsvHeader()
{
    return "row,column,value,code,message\n";
}

void appendRejectedRowCsv(const Issue &issue, std::string &out)
{
    // Every cell through appendCsvField, even those made of fixed identifiers today: the message is translated
    // text that embeds values, and a later column must not be the one that bypasses the neutralising.
    appendCsvField(std::to_string(issue.row), out);
    out.push_back(',');
    appendCsvField(issue.column >= 0 ? columnName(Column(issue.column)) : "", out);
    out.push_back(',');
    appendCsvField(issue.phiType >= 0 ? std::string_view() : std::string_view(issue.value), out);
    out.push_back(',');
    appendCsvField(issueCodeName(issue.code), out);
    out.push_back(',');
    const QByteArray message = issueMessage(issue).toUtf8();
    appendCsvField(std::string_view(message.constData(), std::size_t(message.size())), out);
    out.push_back('\n');
}

Result<ValidationReport> validateCsvFile(const QString &path, const ValidationOptions &options)
{
    csv::ReaderLimits limits = options.limits;
    limits.computeSha256 = limits.computeSha256 || bool(options.importedBefore);
    return run(csv::CsvBlockReader::open(path, limits), options);
}

Result<ValidationReport> validateCsvBytes(std::string bytes, const ValidationOptions &options)
{
    csv::ReaderLimits limits = options.limits;
    limits.computeSha256 = limits.computeSha256 || bool(options.importedBefore);
    return run(csv::CsvBlockReader::openBytes(std::move(bytes), limits), options);
}

} // namespace upstream::importer
