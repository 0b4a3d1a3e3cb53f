// bench_csv_validate: generates a synthetic 1,000,000-row claim CSV (~120 MB, with some bad and PHI rows), then
// times on the same file, in one run: Python's csv module merely reading the rows, a plain C++ line split, our
// full validation (all SPEC checks, PHI included) in-process, and the `upstream validate --json` CLI end to end.
// Prints the figures, the ratio to Python and peak RSS (getrusage).
// Usage: bench_csv_validate [rows] [dir] [keep]   (keep: leave the generated file for profiling)
#include "importer/ImportValidation.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;
using namespace upstream;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

void generate(const std::string &path, long rows)
{
    std::FILE *f = std::fopen(path.c_str(), "wb");
    std::mt19937_64 rng(42);
    const char *payers[] = {"Aetna Better Health", "UnitedHealthcare", "Blue Cross Blue Shield of Texas",
                            "Cigna Healthcare", "Humana Gold Plus", "Medicare Part B", "Medicaid of Ohio",
                            "Kaiser Permanente", "Anthem Blue Cross", "Molina Healthcare"};
    const char *cpts[] = {"99213", "99214", "99203", "80053", "G0439", "J1100", "3074F", "0042T", "97110", "36415"};
    const char *reasons[][2] = {{"CO-45", "Charge exceeds fee schedule"},
                                {"CO-97", "Payment included in another service"},
                                {"PR-1", "Deductible amount"},
                                {"CO-16", "Claim lacks information needed for adjudication"},
                                {"CO-50", "Not deemed a medical necessity by the payer"}};
    std::string buf;
    buf.reserve(1 << 20);
    buf += "claim_id,Payer Name,CPT Code,Date Submitted,decided_date,status,allowed_amount,billed_amount,"
           "paid_amount,payment_date,denial_reason_code,denial_reason_text\n";
    char line[512];
    for (long i = 0; i < rows; ++i) {
        const std::uint64_t r = rng();
        const int y = 2024 + int(r % 2), m = 1 + int((r >> 8) % 12), d = 1 + int((r >> 16) % 27);
        const int lag = 5 + int((r >> 24) % 20);
        const int dm = d + lag > 28 ? (m % 12) + 1 : m, dd = d + lag > 28 ? d + lag - 28 : d + lag;
        const int dy = d + lag > 28 && m == 12 ? y + 1 : y;
        const int outcome = int((r >> 32) % 100);
        const long allowed = 5000 + long((r >> 40) % 200000);
        const char *payer = payers[(r >> 48) % 10];
        const char *cpt = cpts[(r >> 52) % 10];
        int n;
        if (outcome < 75) {
            n = std::snprintf(line, sizeof line,
                              "CLAIM-REF-2024-%010ld,%s,%s,%04d-%02d-%02d,%04d-%02d-%02d,PAID,%ld.%02ld,%ld.%02ld,%ld.%02ld,"
                              "%04d-%02d-%02d,,\n",
                              i, payer, cpt, y, m, d, dy, dm, dd, allowed / 100, allowed % 100, allowed * 13 / 1000,
                              allowed % 100, allowed * 9 / 1000, allowed % 100, dy, dm, dd);
        } else if (outcome < 92) {
            const auto &rs = reasons[(r >> 56) % 5];
            n = std::snprintf(line, sizeof line,
                              "CLAIM-REF-2024-%010ld,%s,%s,%02d/%02d/%04d,%02d/%02d/%04d,DENIED,\"$%ld,%03ld.%02ld\",%ld.00,0.00,,%s,"
                              "\"%s\"\n",
                              i, payer, cpt, m, d, y, dm, dd, dy, allowed / 100000, (allowed / 100) % 1000,
                              allowed % 100, allowed * 12 / 1000, rs[0], rs[1]);
        } else if (outcome < 97) {
            n = std::snprintf(line, sizeof line,
                              "CLAIM-REF-2024-%010ld,%s,%s,%04d/%02d/%02d,%04d/%02d/%02d,PENDED,%ld.%02ld,,,,,\n", i, payer, cpt,
                              y, m, d, dy, dm, dd, allowed / 100, allowed % 100);
        } else if (outcome < 98) { // PHI: patient name in payer, SSN / phone / email in the reason text
            static const char *phiRows[] = {"James Smith", "Mary Johnson"};
            n = std::snprintf(line, sizeof line,
                              "CLAIM-REF-2024-%010ld,%s,%s,%04d-%02d-%02d,%04d-%02d-%02d,DENIED,10.00,12.00,0,,CO-16,"
                              "\"Member SSN 123-45-%04ld; call 555-201-%04ld or j.doe%ld@example.com\"\n",
                              i, phiRows[i % 2], cpt, y, m, d, dy, dm, dd, i % 10000, i % 10000, i % 100);
        } else if (outcome < 99) { // bad dates
            n = std::snprintf(line, sizeof line, "CLAIM-REF-2024-%010ld,%s,%s,2024-13-45,%04d-%02d-%02d,PAID,10.00,,,,,\n", i,
                              payer, cpt, dy, dm, dd);
        } else { // missing payer / bad amount
            n = std::snprintf(line, sizeof line, "CLAIM-REF-2024-%010ld,%s,%s,%04d-%02d-%02d,%04d-%02d-%02d,PAID,%s,,,,,\n", i,
                              (i % 2) ? "" : payer, cpt, y, m, d, dy, dm, dd, (i % 2) ? "1.00" : "12..5");
        }
        buf.append(line, std::size_t(n));
        if (buf.size() > (1 << 20) - 512) {
            std::fwrite(buf.data(), 1, buf.size(), f);
            buf.clear();
        }
    }
    std::fwrite(buf.data(), 1, buf.size(), f);
    std::fclose(f);
}

double cpuSeconds(int who)
{
    rusage ru{};
    getrusage(who, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Wall seconds; *cpu gets the child's user+sys seconds (robust when other jobs share the cores).
double runCommand(const std::string &cmd, double *cpu = nullptr)
{
    const double c0 = cpuSeconds(RUSAGE_CHILDREN);
    const auto t0 = Clock::now();
    const int rc = std::system(cmd.c_str());
    const auto t1 = Clock::now();
    if (cpu)
        *cpu = cpuSeconds(RUSAGE_CHILDREN) - c0;
    if (rc == -1 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 127))
        std::fprintf(stderr, "command failed: %s\n", cmd.c_str());
    return seconds(t0, t1);
}

double plainSplit(const std::string &path, long *rowsOut)
{
    const auto t0 = Clock::now();
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::vector<std::string> fields;
    long rows = 0;
    while (std::getline(in, line)) {
        fields.clear();
        std::size_t start = 0;
        for (;;) {
            const std::size_t comma = line.find(',', start);
            fields.emplace_back(line, start, comma == std::string::npos ? std::string::npos : comma - start);
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
        ++rows;
    }
    *rowsOut = rows;
    return seconds(t0, Clock::now());
}

long maxRssKb(int who)
{
    rusage ru{};
    getrusage(who, &ru);
    return ru.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    QTemporaryDir tmp(argc > 2 ? QString::fromLocal8Bit(argv[2]) + QStringLiteral("/bench-XXXXXX") : QString());
    tmp.setAutoRemove(!(argc > 3 && std::string(argv[3]) == "keep"));
    const std::string path = (tmp.path() + QStringLiteral("/claims.csv")).toStdString();
    const auto g0 = Clock::now();
    generate(path, rows);
    std::printf("generated %ld rows, %.1f MB in %.2f s: %s\n", rows,
                double(QFileInfo(QString::fromStdString(path)).size()) / 1e6, seconds(g0, Clock::now()), path.c_str());
    runCommand("cat '" + path + "' > /dev/null"); // warm the page cache: every contender reads from memory

    const std::string cli = UPSTREAM_CLI_PATH;
    double py = 1e9, split = 1e9, ours = 1e9, cliTime = 1e9;
    double pyCpu = 1e9, splitCpu = 1e9, oursCpu = 1e9, cliCpu = 1e9, c = 0;
    long splitRows = 0;
    importer::ValidationReport last;
    for (int rep = 0; rep < 3; ++rep) {
        cliTime = std::min(cliTime, runCommand(cli + " validate --json '" + path + "' > /dev/null", &c));
        cliCpu = std::min(cliCpu, c);
        py = std::min(py, runCommand("python3 -c 'import csv,sys; n=sum(1 for _ in csv.reader(open(sys.argv[1], "
                                     "newline=\"\")))' '" + path + "'", &c));
        pyCpu = std::min(pyCpu, c);
        const double s0 = cpuSeconds(RUSAGE_SELF);
        split = std::min(split, plainSplit(path, &splitRows));
        splitCpu = std::min(splitCpu, cpuSeconds(RUSAGE_SELF) - s0);
        importer::ValidationOptions options;
        options.validator.importDay = std::int32_t(QDate(1970, 1, 1).daysTo(QDate::currentDate()));
        const double v0 = cpuSeconds(RUSAGE_SELF);
        const auto t0 = Clock::now();
        auto report = importer::validateCsvFile(QString::fromStdString(path), options);
        ours = std::min(ours, seconds(t0, Clock::now()));
        oursCpu = std::min(oursCpu, cpuSeconds(RUSAGE_SELF) - v0);
        if (!report) {
            std::printf("validate failed: %s\n", qPrintable(report.error().message));
            return 1;
        }
        last = std::move(*report);
    }
    std::printf("rows: total %llu accepted %llu rejected %llu warnings %llu (missing %llu, phi %llu, dates %llu, "
                "values %llu); plain split saw %ld lines\n",
                (unsigned long long)last.totalRows, (unsigned long long)last.accepted,
                (unsigned long long)last.rejected, (unsigned long long)last.warnings,
                (unsigned long long)last.categoryCounts[0], (unsigned long long)last.categoryCounts[1],
                (unsigned long long)last.categoryCounts[2], (unsigned long long)last.categoryCounts[3], splitRows);
    std::printf("best of 3, wall seconds (CPU user+sys seconds):\n");
    std::printf("  python csv.reader, read only : %.3f s (cpu %.3f)\n", py, pyCpu);
    std::printf("  plain C++ getline + split    : %.3f s (cpu %.3f)\n", split, splitCpu);
    std::printf("  full validate (in-process)   : %.3f s (cpu %.3f)  wall ratio to python %.3f (target <= 0.333)\n",
                ours, oursCpu, ours / py);
    std::printf("  upstream validate --json CLI : %.3f s (cpu %.3f)  wall ratio to python %.3f\n", cliTime, cliCpu,
                cliTime / py);
    std::printf("  CPU-time ratio to python: in-process %.3f, CLI %.3f (stable when other jobs share the cores)\n",
                oursCpu / pyCpu, cliCpu / pyCpu);
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) > 0)
        std::printf("load average during the run: %.2f (other jobs sharing the cores inflate every wall time)\n",
                    load[0]);
    std::printf("peak RSS: this process %.1f MB, largest child (CLI or python) %.1f MB\n",
                double(maxRssKb(RUSAGE_SELF)) / 1024.0, double(maxRssKb(RUSAGE_CHILDREN)) / 1024.0);
    return 0;
}
