#pragma once
// Streaming CSV reading for claim imports (SPEC section 3), in two layers so that parsing can run on several
// threads:
//   CsvBlockReader  opens the file, detects encoding and delimiter, reads the header, then hands out blocks of
//                   complete records (cut at a row boundary outside quotes), never holding more than one block
//                   plus one record tail in memory.
//   RecordParser    splits a block into records and fields in place (string_views into the block; doubled
//                   quotes are unescaped in place), allocation-free.
// Failure modes are Error{InvalidInput} with a one-line reason: empty file, binary data, UTF-16 without a BOM,
// header only, too many columns, duplicate headers are reported by the validator, a record longer than the
// record limit (an unterminated quote or a huge field), I/O errors.
#include "core/Result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QFile;
class QStringDecoder;

namespace upstream::csv {

enum class Encoding : std::uint8_t { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };
const char *encodingName(Encoding encoding); // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
QString delimiterName(char delimiter);       // ",", ";", "tab", "|"

struct ReaderLimits {
    std::size_t blockBytes = std::size_t(4) << 20;     // target size of one block
    std::size_t maxRecordBytes = std::size_t(8) << 20; // a record (row) longer than this is an error
    std::size_t maxFieldBytes = std::size_t(1) << 20;  // a field longer than this is an error
    std::size_t maxColumns = 10000;
    bool computeSha256 = false; // hash the raw file bytes while reading (duplicate-file check; ~0.3 s per 100 MB)
    // Analyst overrides (import wizard): 0 = sniff the delimiter; forceWindows1252 reads a BOM-less file as
    // Windows-1252 even when its sample is valid UTF-8 (ignored for files with a BOM).
    char delimiter = 0;
    bool forceWindows1252 = false;
};

// A run of complete records. `data` is UTF-8, except that it holds raw Windows-1252 bytes when `windows1252`
// is set (the consumer converts; all syntax bytes are ASCII in both).
struct CsvBlock {
    std::vector<char> data; // capacity reused between blocks
    std::size_t size = 0;
    bool windows1252 = false;
    bool last = false;
};

class CsvBlockReader {
public:
    ~CsvBlockReader();
    static Result<std::unique_ptr<CsvBlockReader>> open(const QString &path, const ReaderLimits &limits = {});
    // Same, over bytes already in memory (tests, fuzzing).
    static Result<std::unique_ptr<CsvBlockReader>> openBytes(std::string bytes, const ReaderLimits &limits = {});

    Encoding encoding() const { return m_encoding; }
    char delimiter() const { return m_delimiter; }
    const std::vector<std::string> &header() const { return m_header; }
    const ReaderLimits &limits() const { return m_limits; }
    std::uint64_t fileSize() const { return m_fileSize; }
    std::uint64_t bytesConsumed() const { return m_consumed; }

    // Fills `block` with the next records. Returns false when there are no more records.
    Result<bool> next(CsvBlock &block);
    // SHA-256 of the raw file bytes (32 bytes), once next() returned false; empty unless computeSha256 was set.
    QByteArray sha256() const;

private:
    CsvBlockReader() = default;
    Status start();
    Result<std::size_t> readRaw(char *dst, std::size_t max);                  // raw file bytes
    Status fill(std::vector<char> &buf, std::size_t &size, std::size_t want); // decoded bytes appended
    std::size_t lastBoundary(const char *data, std::size_t size) const;

    std::unique_ptr<QFile> m_file;
    QString m_path;       // for read accounting
    std::string m_memory; // openBytes source
    std::size_t m_memoryPos = 0;
    std::unique_ptr<QStringDecoder> m_utf16;
    std::vector<char> m_raw;   // scratch for UTF-16 input
    std::vector<char> m_carry; // bytes after the last boundary of the previous block
    std::size_t m_carrySize = 0;
    bool m_eof = false;
    bool m_finished = false;
    Encoding m_encoding = Encoding::Utf8;
    char m_delimiter = ',';
    std::vector<std::string> m_header;
    ReaderLimits m_limits;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_consumed = 0;
    struct Sha256;
    std::unique_ptr<Sha256> m_sha;
};

// Read accounting (off by default; tests turn it on): each reader CsvBlockReader::open made records, when it is
// destroyed, how many raw bytes it read from its file. Every read of CSV input in the product goes through open(),
// so the list for a path says how often and how far the file was read: a full pass read fileSize() bytes.
void setReadAccounting(bool on);
std::vector<std::uint64_t> bytesReadPerOpen(const QString &path); // in the order the readers were destroyed
void clearReadAccounting();

// Splits records in a mutable UTF-8 buffer. Empty lines are skipped (they are not records).
// Unquoted fields are found through a 64-byte bitmap of structural bytes (delimiter, CR, LF, quote) computed
// once per 64 bytes and reused by the next fields; one parser per thread. Parsing a buffer must start at pos 0
// (that resets the bitmap, so the same memory may be reused for the next block).
class RecordParser {
public:
    enum class Step : std::uint8_t { Record, End, UnterminatedQuote, FieldTooLong };
    RecordParser(char delimiter, std::size_t maxFieldBytes) : m_delim(delimiter), m_maxField(maxFieldBytes) {}
    // Parses the record starting at `pos`, advances `pos` past its line ending and fills `fields`.
    Step next(char *data, std::size_t size, std::size_t &pos, std::vector<std::string_view> &fields) const;

private:
    std::size_t nextStructural(const char *data, std::size_t size, std::size_t from) const;

    char m_delim;
    std::size_t m_maxField;
    // Bitmap cache: bit i set when data[m_base + i] is structural. Only ever consulted at or after the current
    // position, where in-place unescaping has not moved any byte.
    mutable const char *m_data = nullptr;
    mutable std::size_t m_base = 0;
    mutable std::uint64_t m_bits = 0;
    mutable bool m_valid = false;
};

// Helpers shared by the reader and the validator.
bool isValidUtf8(const char *data, std::size_t size);
// Appends the UTF-8 form of Windows-1252 bytes to `out`.
void windows1252ToUtf8(const char *data, std::size_t size, std::vector<char> &out);

} // namespace upstream::csv
