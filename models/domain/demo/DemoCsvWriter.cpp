// DemoDataGenerator::writeCsv: the streaming CSV writer. Millions of rows: every catalog string and every date
// is encoded to UTF-8 once, rows are assembled with memcpy and std::to_chars into a large stdio buffer.
#include "demo/DemoCatalog.h"
#include "demo/DemoDataGenerator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace upstream::demo {
namespace {

constexpr const char *kHeader = "payer,cpt,submitted_date,decided_date,outcome,allowed_amount,billed_amount,"
                                "paid_amount,payment_date,denial_reason_code,denial_reason_text,claim_ref\n";

std::string csvField(const QString &value)
{
    std::string s = value.toStdString();
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string quoted = "\"";
    for (char ch : s) {
        if (ch == '"')
            quoted += '"';
        quoted += ch;
    }
    return quoted + '"';
}

class RowBuffer {
public:
    void put(const std::string &s) { put(s.data(), s.size()); }
    void put(const char *s, std::size_t n)
    {
        std::memcpy(m_buf + m_len, s, n);
        m_len += n;
    }
    void put(char ch) { m_buf[m_len++] = ch; }
    void cents(std::int64_t v)
    {
        if (v < 0) {
            put('-');
            v = -v;
        }
        m_len = std::size_t(std::to_chars(m_buf + m_len, m_buf + sizeof(m_buf), v / 100).ptr - m_buf);
        put('.');
        put(char('0' + (v % 100) / 10));
        put(char('0' + v % 10));
    }
    void number(std::uint64_t v)
    {
        m_len = std::size_t(std::to_chars(m_buf + m_len, m_buf + sizeof(m_buf), v).ptr - m_buf);
    }
    const char *data() const { return m_buf; }
    std::size_t size() const { return m_len; }
    void clear() { m_len = 0; }

private:
    char m_buf[4096]{};
    std::size_t m_len = 0;
};

QString tr(const char *text)
{
    return QCoreApplication::translate("upstream::demo", text);
}
constexpr const char *kCannotWrite =
    QT_TRANSLATE_NOOP("upstream::demo", "Cannot write %1: %2. Check the path and free space.");

} // namespace

Status DemoDataGenerator::writeCsv(const QString &csvPath, const QString &truthPath) const
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(QFile::encodeName(csvPath).constData(), "wb"),
                                                          &std::fclose);
    if (!file)
        return makeError(ErrorCode::InvalidInput,
                         tr(kCannotWrite).arg(csvPath, QString::fromLocal8Bit(std::strerror(errno))));
    std::fputs(kHeader, file.get());

    const auto &groups = demoCptGroups();
    std::vector<std::string> payers, reasonCodes, reasonTexts, freeTexts;
    std::vector<std::vector<std::string>> cpts;
    for (const auto &p : m_truth.payers)
        payers.push_back(csvField(p));
    for (const auto &g : groups) {
        cpts.emplace_back();
        for (const auto &c : g.codes)
            cpts.back().push_back(csvField(c));
    }
    for (const auto *list : {&demoCommonReasons(), &demoNewReasons()})
        for (const auto &r : *list) {
            reasonCodes.push_back(csvField(r.code));
            reasonTexts.push_back(csvField(r.text));
        }
    for (const auto &t : demoFreeTextReasons())
        freeTexts.push_back(csvField(t));
    // Dates from the first submitted day to the export day (no later date is in the export).
    const engines::EpochDay first = engines::toEpochDay(m_config.asOf) - m_config.historyDays;
    std::vector<std::string> dates;
    for (engines::EpochDay d = first; d <= engines::toEpochDay(m_config.exportedOn); ++d)
        dates.push_back(engines::fromEpochDay(d).toString(Qt::ISODate).toStdString());
    auto date = [&](engines::EpochDay d) -> const std::string & { return dates[std::size_t(d - first)]; };
    static const std::string outcomes[] = {"PAID", "DENIED", "OTHER", "PENDING"};
    static_assert(int(engines::Outcome::Pending) == 3, "outcomes[] follows engines::Outcome");

    RowBuffer row;
    std::string pending; // rows are written in 1 MiB blocks: one locked fwrite per row costs a third of the time
    pending.reserve(std::size_t(1) << 20);
    bool ok = true;
    generate([&](const DemoClaim &c) {
        row.clear();
        row.put(payers[c.payer]);
        row.put(',');
        row.put(cpts[c.group][c.cpt]);
        row.put(',');
        row.put(date(c.submitted));
        row.put(',');
        if (c.decided != engines::kNoDay)
            row.put(date(c.decided));
        row.put(',');
        row.put(outcomes[int(c.outcome)]);
        row.put(',');
        row.cents(c.allowedCents);
        row.put(',');
        row.cents(c.billedCents);
        row.put(',');
        if (c.paidCents != engines::kNoAmount)
            row.cents(c.paidCents);
        row.put(',');
        if (c.payment != engines::kNoDay)
            row.put(date(c.payment));
        row.put(',');
        if (c.reason >= 0) {
            row.put(reasonCodes[std::size_t(c.reason)]);
            row.put(',');
            row.put(reasonTexts[std::size_t(c.reason)]);
        } else {
            row.put(',');
            if (c.freeText >= 0)
                row.put(freeTexts[std::size_t(c.freeText)]);
        }
        row.put(",DM", 3);
        row.number(c.ref);
        row.put('\n');
        if (pending.size() + row.size() > pending.capacity()) {
            ok = ok && std::fwrite(pending.data(), 1, pending.size(), file.get()) == pending.size();
            pending.clear();
        }
        pending.append(row.data(), row.size());
    });
    ok = ok && std::fwrite(pending.data(), 1, pending.size(), file.get()) == pending.size();
    const bool closed = std::fflush(file.get()) == 0;
    if (!ok || !closed)
        return makeError(ErrorCode::Internal,
                         tr(kCannotWrite).arg(csvPath, QString::fromLocal8Bit(std::strerror(errno))));
    file.reset();

    if (!truthPath.isEmpty()) {
        QFile truth(truthPath);
        if (!truth.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            truth.write(QJsonDocument(m_truth.toJson()).toJson(QJsonDocument::Indented)) < 0 || !truth.flush())
            return makeError(ErrorCode::InvalidInput, tr(kCannotWrite).arg(truthPath, truth.errorString()));
    }
    return Status::success();
}

} // namespace upstream::demo
