#include "CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstring>
#include <map>
#include <mutex>

namespace upstream::csv {
namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

// Length of the incomplete UTF-8 sequence at the end of [data, data+size), so validation of a sample cut in
// the middle of a character does not misreport the file as Windows-1252.
std::size_t incompleteTail(const char *data, std::size_t size)
{
    for (std::size_t back = 1; back <= 3 && back <= size; ++back) {
        const auto c = static_cast<unsigned char>(data[size - back]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: keep looking for the lead
        std::size_t need = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

// True when the sample looks like UTF-16 code units without a BOM: many NUL bytes on one parity.
bool looksLikeBomlessUtf16(const char *data, std::size_t size)
{
    std::size_t even = 0, odd = 0;
    const std::size_t n = std::min<std::size_t>(size, 4096) & ~std::size_t(1);
    for (std::size_t i = 0; i < n; i += 2) {
        even += data[i] == 0;
        odd += data[i + 1] == 0;
    }
    const std::size_t pairs = n / 2;
    return pairs >= 2 && (even * 10 >= pairs * 4 || odd * 10 >= pairs * 4) && (even == 0 || odd == 0);
}

bool looksBinary(const char *data, std::size_t size)
{
    std::size_t control = 0;
    for (std::size_t i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ++control;
    }
    return control * 100 > size;
}

// Chooses the candidate whose per-line count outside quotes is non-zero and most consistent over the first
// lines; ties go to the larger count, then to the order , ; TAB |.
char sniffDelimiter(const char *data, std::size_t size)
{
    constexpr int kLines = 30;
    std::array<std::array<int, kLines>, 4> counts{};
    int lines = 0;
    bool inQuote = false;
    for (std::size_t i = 0; i < size && lines < kLines; ++i) {
        const char c = data[i];
        if (c == '"') {
            inQuote = !inQuote;
        } else if (!inQuote && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < size && data[i + 1] == '\n')
                ++i;
            ++lines;
        } else if (!inQuote) {
            for (std::size_t k = 0; k < kDelimiters.size(); ++k)
                counts[k][lines] += c == kDelimiters[k];
        }
    }
    const int used = std::max(1, std::min(lines + 1, kLines));
    char best = ',';
    int bestConsistent = 0, bestFirst = 0;
    for (std::size_t k = 0; k < kDelimiters.size(); ++k) {
        const int first = counts[k][0];
        if (first == 0)
            continue;
        int consistent = 0;
        for (int l = 0; l < used; ++l)
            consistent += counts[k][l] == first;
        if (consistent > bestConsistent || (consistent == bestConsistent && first > bestFirst)) {
            best = kDelimiters[k];
            bestConsistent = consistent;
            bestFirst = first;
        }
    }
    return best;
}

// Windows-1252 0x80..0x9F (0 = undefined, mapped to U+FFFD).
constexpr std::array<char16_t, 32> kCp1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

#if !(defined(__SSE2__) || defined(_M_X64))
// 0x80 in each byte of x that is zero, exactly (no borrow false positives).
constexpr std::uint64_t zeroBytes(std::uint64_t x)
{
    constexpr std::uint64_t k7f = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((x & k7f) + k7f) | x | k7f);
}
#endif

// Bit i set when p[i] (0 <= i < 64) is the delimiter, CR, LF or a quote.
std::uint64_t structuralMask(const char *p, char delim)
{
    std::uint64_t bits = 0;
#if defined(__SSE2__) || defined(_M_X64)
    const __m128i d = _mm_set1_epi8(delim), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), q = _mm_set1_epi8('"');
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
        const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, q)));
        bits |= std::uint64_t(unsigned(_mm_movemask_epi8(m))) << (16 * k);
    }
#else
    const std::uint64_t dp = 0x0101010101010101ULL * static_cast<unsigned char>(delim);
    for (int k = 0; k < 8; ++k) {
        std::uint64_t w;
        std::memcpy(&w, p + 8 * k, 8);
        const std::uint64_t m = zeroBytes(w ^ dp) | zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AULL) |
                                zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DULL) | zeroBytes(w ^ 0x2222222222222222ULL);
        bits |= (((m >> 7) * 0x0102040810204080ULL) >> 56) << (8 * k); // gather one bit per byte
    }
#endif
    return bits;
}

} // namespace

const char *encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf8Bom: return "utf-8-bom";
    case Encoding::Utf16Le: return "utf-16le";
    case Encoding::Utf16Be: return "utf-16be";
    case Encoding::Windows1252: return "windows-1252";
    }
    return "utf-8";
}

QString delimiterName(char delimiter)
{
    return delimiter == '\t' ? QStringLiteral("tab") : QString(QLatin1Char(delimiter));
}

bool isValidUtf8(const char *data, std::size_t size)
{
    const auto *s = reinterpret_cast<const unsigned char *>(data);
    std::size_t i = 0;
    while (i < size) {
        if (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > size)
            return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

void windows1252ToUtf8(const char *data, std::size_t size, std::vector<char> &out)
{
    for (std::size_t i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c < 0x80) {
            out.push_back(char(c));
            continue;
        }
        char16_t u = c;
        if (c < 0xA0)
            u = kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : char16_t(0xFFFD);
        if (u < 0x800) {
            out.push_back(char(0xC0 | (u >> 6)));
            out.push_back(char(0x80 | (u & 0x3F)));
        } else {
            out.push_back(char(0xE0 | (u >> 12)));
            out.push_back(char(0x80 | ((u >> 6) & 0x3F)));
            out.push_back(char(0x80 | (u & 0x3F)));
        }
    }
}

struct CsvBlockReader::Sha256 {
    crypto_hash_sha256_state state{};
    QByteArray digest;
};

namespace {

struct ReadAccounting {
    std::atomic<bool> on{false};
    std::mutex mutex;
    std::map<QString, std::vector<std::uint64_t>> reads;
};

ReadAccounting &readAccounting()
{
    static ReadAccounting accounting;
    return accounting;
}

} // namespace

void setReadAccounting(bool on)
{
    readAccounting().on = on;
}

std::vector<std::uint64_t> bytesReadPerOpen(const QString &path)
{
    ReadAccounting &a = readAccounting();
    const std::lock_guard lock(a.mutex);
    const auto it = a.reads.find(path);
    return it == a.reads.end() ? std::vector<std::uint64_t>() : it->second;
}

void clearReadAccounting()
{
    ReadAccounting &a = readAccounting();
    const std::lock_guard lock(a.mutex);
    a.reads.clear();
}

CsvBlockReader::~CsvBlockReader()
{
    if (!m_file || !readAccounting().on)
        return;
    ReadAccounting &a = readAccounting();
    const std::lock_guard lock(a.mutex);
    a.reads[m_path].push_back(m_consumed);
}

QByteArray CsvBlockReader::sha256() const
{
    return m_sha ? m_sha->digest : QByteArray();
}

Result<std::unique_ptr<CsvBlockReader>> CsvBlockReader::open(const QString &path, const ReaderLimits &limits)
{
    std::unique_ptr<CsvBlockReader> reader(new CsvBlockReader);
    reader->m_limits = limits;
    reader->m_file = std::make_unique<QFile>(path);
    reader->m_path = path;
    if (!reader->m_file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return invalid(QCoreApplication::translate("upstream::csv::CsvReader", "cannot open the file: %1")
                           .arg(reader->m_file->errorString()));
    reader->m_fileSize = std::uint64_t(std::max<qint64>(0, reader->m_file->size()));
    if (const Status st = reader->start(); !st.ok())
        return st.error();
    return reader;
}

Result<std::unique_ptr<CsvBlockReader>> CsvBlockReader::openBytes(std::string bytes, const ReaderLimits &limits)
{
    std::unique_ptr<CsvBlockReader> reader(new CsvBlockReader);
    reader->m_limits = limits;
    reader->m_fileSize = bytes.size();
    reader->m_memory = std::move(bytes);
    if (const Status st = reader->start(); !st.ok())
        return st.error();
    return reader;
}

Result<std::size_t> CsvBlockReader::readRaw(char *dst, std::size_t max)
{
    std::size_t n = 0;
    if (m_file) {
        const qint64 got = m_file->read(dst, qint64(max));
        if (got < 0)
            return invalid(QCoreApplication::translate("upstream::csv::CsvReader", "cannot read the file: %1")
                               .arg(m_file->errorString()));
        n = std::size_t(got);
    } else {
        n = std::min(max, m_memory.size() - m_memoryPos);
        std::memcpy(dst, m_memory.data() + m_memoryPos, n);
        m_memoryPos += n;
    }
    m_consumed += n;
    if (m_sha) {
        if (n > 0) {
            crypto_hash_sha256_update(&m_sha->state, reinterpret_cast<const unsigned char *>(dst), n);
        } else if (m_sha->digest.isEmpty()) {
            m_sha->digest.resize(crypto_hash_sha256_BYTES);
            crypto_hash_sha256_final(&m_sha->state, reinterpret_cast<unsigned char *>(m_sha->digest.data()));
        }
    }
    return n;
}

Status CsvBlockReader::fill(std::vector<char> &buf, std::size_t &size, std::size_t want)
{
    if (m_eof || want == 0)
        return {};
    if (!m_utf16) {
        if (buf.size() < size + want)
            buf.resize(size + want);
        auto got = readRaw(buf.data() + size, want);
        if (!got)
            return got.error();
        size += *got;
        m_eof = *got == 0;
        return {};
    }
    m_raw.resize(std::max<std::size_t>(2, want & ~std::size_t(1)));
    auto got = readRaw(m_raw.data(), m_raw.size());
    if (!got)
        return got.error();
    if (*got == 0) {
        m_eof = true;
        return {};
    }
    const QString text = m_utf16->decode(QByteArrayView(m_raw.data(), qsizetype(*got)));
    const QByteArray utf8 = text.toUtf8();
    if (buf.size() < size + std::size_t(utf8.size()))
        buf.resize(size + std::size_t(utf8.size()));
    std::memcpy(buf.data() + size, utf8.constData(), std::size_t(utf8.size()));
    size += std::size_t(utf8.size());
    return {};
}

Status CsvBlockReader::start()
{
    if (m_limits.computeSha256) {
        if (sodium_init() < 0)
            return makeError(
                ErrorCode::Internal,
                QCoreApplication::translate("upstream::csv::CsvReader", "the cryptography library failed to start"));
        m_sha = std::make_unique<Sha256>();
        crypto_hash_sha256_init(&m_sha->state);
    }
    std::vector<char> head(kSampleBytes);
    std::size_t headSize = 0;
    while (headSize < head.size()) {
        auto got = readRaw(head.data() + headSize, head.size() - headSize);
        if (!got)
            return got.error();
        if (*got == 0) {
            m_eof = true;
            break;
        }
        headSize += *got;
    }
    if (headSize == 0)
        return invalid(QCoreApplication::translate("upstream::csv::CsvReader", "the file is empty"));
    const auto *u = reinterpret_cast<const unsigned char *>(head.data());
    std::size_t skip = 0;
    if (headSize >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        m_encoding = Encoding::Utf8Bom;
        skip = 3;
    } else if (headSize >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        m_encoding = Encoding::Utf16Le;
        skip = 2;
    } else if (headSize >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        m_encoding = Encoding::Utf16Be;
        skip = 2;
    }
    m_carry.clear();
    m_carrySize = 0;
    if (m_encoding == Encoding::Utf16Le || m_encoding == Encoding::Utf16Be) {
        m_utf16 = std::make_unique<QStringDecoder>(m_encoding == Encoding::Utf16Le ? QStringConverter::Utf16LE
                                                                                   : QStringConverter::Utf16BE);
        const QString text = m_utf16->decode(QByteArrayView(head.data() + skip, qsizetype(headSize - skip)));
        const QByteArray utf8 = text.toUtf8();
        m_carry.assign(utf8.begin(), utf8.end());
    } else {
        if (m_encoding == Encoding::Utf8 && looksLikeBomlessUtf16(head.data(), headSize))
            return invalid(QCoreApplication::translate(
                "upstream::csv::CsvReader",
                "the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 "
                "with a BOM) and try again"));
        m_carry.assign(head.begin() + std::ptrdiff_t(skip), head.begin() + std::ptrdiff_t(headSize));
        const std::size_t checked = m_carry.size() - (m_eof ? 0 : incompleteTail(m_carry.data(), m_carry.size()));
        if ((m_limits.forceWindows1252 && m_encoding == Encoding::Utf8) || !isValidUtf8(m_carry.data(), checked))
            m_encoding = Encoding::Windows1252;
    }
    m_carrySize = m_carry.size();
    if (looksBinary(m_carry.data(), m_carrySize))
        return invalid(
            QCoreApplication::translate("upstream::csv::CsvReader", "the file contains binary data, not CSV text"));
    std::size_t firstText = 0;
    while (firstText < m_carrySize &&
           (m_carry[firstText] == '\n' || m_carry[firstText] == '\r' || m_carry[firstText] == ' '))
        ++firstText;
    if (firstText == m_carrySize && m_eof)
        return invalid(QCoreApplication::translate("upstream::csv::CsvReader", "the file is empty"));
    m_delimiter = m_limits.delimiter != 0 ? m_limits.delimiter
                                          : sniffDelimiter(m_carry.data() + firstText, m_carrySize - firstText);

    // The header must be one complete record: read until a boundary appears.
    std::size_t boundary = lastBoundary(m_carry.data(), m_carrySize);
    while (boundary == 0 && !m_eof) {
        if (m_carrySize > m_limits.maxRecordBytes)
            return invalid(
                QCoreApplication::translate("upstream::csv::CsvReader",
                                            "the header row is longer than %1 MiB; check for an unterminated quote")
                    .arg(m_limits.maxRecordBytes >> 20));
        if (Status st = fill(m_carry, m_carrySize, m_limits.blockBytes); !st.ok())
            return st;
        boundary = lastBoundary(m_carry.data(), m_carrySize);
    }
    RecordParser parser(m_delimiter, m_limits.maxFieldBytes);
    std::vector<std::string_view> fields;
    std::size_t pos = 0;
    const RecordParser::Step step = parser.next(m_carry.data(), m_carrySize, pos, fields);
    if (step == RecordParser::Step::End)
        return invalid(QCoreApplication::translate("upstream::csv::CsvReader", "the file is empty"));
    if (step == RecordParser::Step::UnterminatedQuote)
        return invalid(
            QCoreApplication::translate("upstream::csv::CsvReader", "the header row has an unterminated quote"));
    if (step == RecordParser::Step::FieldTooLong)
        return invalid(QCoreApplication::translate("upstream::csv::CsvReader", "a header name is longer than %1 MiB")
                           .arg(m_limits.maxFieldBytes >> 20));
    if (fields.size() > m_limits.maxColumns)
        return invalid(QCoreApplication::translate("upstream::csv::CsvReader",
                                                   "the header has %1 columns; at most %2 are supported")
                           .arg(fields.size())
                           .arg(m_limits.maxColumns));
    m_header.reserve(fields.size());
    for (std::string_view f : fields) {
        if (m_encoding == Encoding::Windows1252) {
            std::vector<char> out;
            windows1252ToUtf8(f.data(), f.size(), out);
            m_header.emplace_back(out.begin(), out.end());
        } else {
            m_header.emplace_back(f);
        }
    }
    std::memmove(m_carry.data(), m_carry.data() + pos, m_carrySize - pos);
    m_carrySize -= pos;
    // Header only: nothing but line endings follows.
    for (;;) {
        std::size_t k = 0;
        while (k < m_carrySize && (m_carry[k] == '\n' || m_carry[k] == '\r'))
            ++k;
        if (k < m_carrySize)
            break;
        if (m_eof)
            return invalid(
                QCoreApplication::translate("upstream::csv::CsvReader", "the file has a header row but no data rows"));
        if (Status st = fill(m_carry, m_carrySize, m_limits.blockBytes); !st.ok())
            return st;
    }
    return {};
}

std::size_t CsvBlockReader::lastBoundary(const char *data, std::size_t size) const
{
    std::size_t boundary = 0;
    std::size_t p = 0;
    bool inQuote = false;
    for (;;) {
        const void *q = std::memchr(data + p, '"', size - p);
        const std::size_t end = q ? std::size_t(static_cast<const char *>(q) - data) : size;
        if (!inQuote && end > p) {
            // Last line ending in [p, end): a backward scan (memrchr is not portable) that stops at the first hit.
            for (std::size_t k = end; k > p; --k) {
                if (data[k - 1] == '\n' || data[k - 1] == '\r') {
                    boundary = k;
                    break;
                }
            }
        }
        if (!q)
            break;
        inQuote = !inQuote;
        p = end + 1;
    }
    return boundary;
}

Result<bool> CsvBlockReader::next(CsvBlock &block)
{
    if (m_finished)
        return false;
    block.windows1252 = m_encoding == Encoding::Windows1252;
    block.last = false;
    if (block.data.size() < std::max(m_carrySize, m_limits.blockBytes))
        block.data.resize(std::max(m_carrySize, m_limits.blockBytes));
    std::memcpy(block.data.data(), m_carry.data(), m_carrySize);
    std::size_t size = m_carrySize;
    m_carrySize = 0;
    std::size_t target = m_limits.blockBytes;
    for (;;) {
        while (!m_eof && size < target)
            if (const Status st = fill(block.data, size, target - size); !st.ok())
                return st.error();
        if (m_eof) {
            block.size = size;
            block.last = true;
            m_finished = true;
            return size > 0;
        }
        const std::size_t boundary = lastBoundary(block.data.data(), size);
        if (boundary > 0) {
            if (m_carry.size() < size - boundary)
                m_carry.resize(size - boundary);
            std::memcpy(m_carry.data(), block.data.data() + boundary, size - boundary);
            m_carrySize = size - boundary;
            block.size = boundary;
            return true;
        }
        if (size > m_limits.maxRecordBytes)
            return invalid(
                QCoreApplication::translate("upstream::csv::CsvReader",
                                            "a row is longer than %1 MiB (fields are limited to %2 MiB); check for an "
                                            "unterminated quote or an oversized field")
                    .arg(m_limits.maxRecordBytes >> 20)
                    .arg(m_limits.maxFieldBytes >> 20));
        target = std::min(target + m_limits.blockBytes, m_limits.maxRecordBytes + 1);
    }
}

RecordParser::Step RecordParser::next(char *data, std::size_t size, std::size_t &pos,
                                      std::vector<std::string_view> &fields) const
{
    fields.clear();
    if (pos == 0 || data != m_data)
        m_valid = false;
    while (pos < size && (data[pos] == '\n' || data[pos] == '\r'))
        ++pos;
    if (pos >= size)
        return Step::End;
    const char delim = m_delim;
    for (;;) {
        if (pos < size && data[pos] == '"') {
            const std::size_t start = pos + 1;
            std::size_t w = start, r = start;
            for (;;) {
                const void *q = std::memchr(data + r, '"', size - r);
                if (!q)
                    return Step::UnterminatedQuote;
                const std::size_t qi = std::size_t(static_cast<const char *>(q) - data);
                if (w != r)
                    std::memmove(data + w, data + r, qi - r);
                w += qi - r;
                if (qi + 1 < size && data[qi + 1] == '"') {
                    data[w++] = '"';
                    r = qi + 2;
                    continue;
                }
                r = qi + 1;
                break;
            }
            pos = r;
            // Lenient: text after the closing quote (`"ab"c`) is kept as part of the field.
            std::size_t e = pos;
            while (e < size && data[e] != delim && data[e] != '\n' && data[e] != '\r')
                ++e;
            if (e > pos) {
                std::memmove(data + w, data + pos, e - pos);
                w += e - pos;
                pos = e;
            }
            if (w - start > m_maxField)
                return Step::FieldTooLong;
            fields.emplace_back(data + start, w - start);
        } else {
            const std::size_t start = pos;
            for (;;) {
                pos = nextStructural(data, size, pos);
                if (pos >= size || data[pos] != '"')
                    break;
                ++pos; // a quote inside an unquoted field is data
            }
            if (pos - start > m_maxField)
                return Step::FieldTooLong;
            fields.emplace_back(data + start, pos - start);
        }
        if (pos >= size)
            return Step::Record;
        const char c = data[pos++];
        if (c == delim) {
            if (pos >= size) {
                fields.emplace_back();
                return Step::Record;
            }
            continue;
        }
        if (c == '\r' && pos < size && data[pos] == '\n')
            ++pos;
        return Step::Record;
    }
}

std::size_t RecordParser::nextStructural(const char *data, std::size_t size, std::size_t from) const
{
    for (;;) {
        if (m_valid && from >= m_base && from < m_base + 64) {
            const std::uint64_t m = m_bits & (~std::uint64_t(0) << (from - m_base));
            if (m)
                return m_base + std::size_t(std::countr_zero(m));
            from = m_base + 64;
        }
        if (from >= size)
            return size;
        if (from + 64 > size) { // the tail of the buffer: byte by byte
            for (; from < size; ++from) {
                const char c = data[from];
                if (c == m_delim || c == '\n' || c == '\r' || c == '"')
                    return from;
            }
            return size;
        }
        m_data = data;
        m_base = from;
        m_bits = structuralMask(data + from, m_delim);
        m_valid = true;
    }
}

} // namespace upstream::csv
