#include "claims/PayerNames.h"

#include <QSet>

#include <algorithm>

namespace upstream::claims {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Lower-case words without punctuation or legal-form suffixes.
QStringList coreWords(const QString &name)
{
    static const QSet<QString> kLegal{QStringLiteral("inc"),     QStringLiteral("incorporated"), QStringLiteral("llc"),
                                      QStringLiteral("corp"),    QStringLiteral("corporation"),  QStringLiteral("co"),
                                      QStringLiteral("company"), QStringLiteral("ltd"),          QStringLiteral("plc"),
                                      QStringLiteral("lp"),      QStringLiteral("llp"),          QStringLiteral("the"),
                                      QStringLiteral("of"),      QStringLiteral("and")};
    QString cleaned;
    cleaned.reserve(name.size());
    for (const QChar c : name) {
        if (c == QLatin1Char('&'))
            cleaned += QLatin1String(" and ");
        else
            cleaned += c.isLetterOrNumber() ? c.toLower() : QLatin1Char(' ');
    }
    QStringList words;
    for (const QString &w : cleaned.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!kLegal.contains(w))
            words << w;
    return words;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[std::size_t(j)];
            row[std::size_t(j)] =
                std::min({up + 1, row[std::size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

double similarity(const QStringList &a, const QStringList &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;
    if (a == b)
        return 1.0;
    const QStringList &shorter = a.size() <= b.size() ? a : b;
    const QStringList &longer = a.size() <= b.size() ? b : a;
    if (longer.mid(0, shorter.size()) == shorter)
        return 0.9;
    const QSet<QString> sa(a.begin(), a.end()), sb(b.begin(), b.end());
    const double common = double(QSet<QString>(sa).intersect(sb).size());
    const double overlap = common / double(QSet<QString>(sa).unite(sb).size());
    const QString ja = a.join(QLatin1Char(' ')), jb = b.join(QLatin1Char(' '));
    const double spelling = 1.0 - double(editDistance(ja, jb)) / double(std::max(ja.size(), jb.size()));
    const double best = std::max(overlap * 0.85, spelling >= 0.75 ? spelling * 0.85 : 0.0);
    return best >= 0.4 ? best : 0.0;
}

} // namespace

std::string payerKey(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    bool pendingSpace = false;
    for (char c : raw) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    return out;
}

QString payerKey(const QString &raw)
{
    const QByteArray utf8 = raw.toUtf8();
    return QString::fromStdString(payerKey(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
}

std::vector<PayerMatch> likelyPayers(const QString &raw, const QStringList &known, int limit)
{
    const QStringList words = coreWords(raw);
    std::vector<PayerMatch> matches;
    for (const QString &payer : known) {
        const double score = similarity(words, coreWords(payer));
        if (score > 0)
            matches.push_back({payer, score});
    }
    std::sort(matches.begin(), matches.end(), [](const PayerMatch &a, const PayerMatch &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.payer.size() != b.payer.size())
            return a.payer.size() < b.payer.size();
        return a.payer < b.payer;
    });
    if (matches.size() > std::size_t(std::max(0, limit)))
        matches.resize(std::size_t(std::max(0, limit)));
    return matches;
}

} // namespace upstream::claims
