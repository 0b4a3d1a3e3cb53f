#pragma once
// Shared by the tst_import_wizard_* GUI tests: a small synthetic claims CSV with known bad rows and PHI rows, the
// PHI strings planted in it (no widget may ever show them), a fake import function that reports progress, and a
// collector of every visible text in a widget tree. All data is invented.
#include "importer/ImportSession.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QStringList>
#include <QThread>
#include <QWidget>

namespace upstream::test {

struct SyntheticImport {
    int good = 0;    // clean rows
    int blanked = 0; // accepted rows whose reason text held PHI (blanked, SPEC 5)
    int phiRows = 0; // rows rejected for PHI (a patient name or SSN as payer)
    int badDates = 0, missingPayer = 0;
    QStringList phiValues; // every planted PHI string
    int accepted() const { return good + blanked; }
    int total() const { return good + blanked + phiRows + badDates + missingPayer; }
};

inline SyntheticImport writeSyntheticClaims(const QString &path, int good = 160)
{
    SyntheticImport s;
    QByteArray csv = "claim_id,Payer Name,CPT Code,Date Submitted,decided_date,status,allowed_amount,billed_amount,"
                     "paid_amount,payment_date,denial_reason_code,denial_reason_text,Patient Name\n";
    const char *payers[] = {"Aetna Better Health", "UnitedHealthcare", "Cigna Healthcare", "Humana Gold Plus",
                            "Medicare Part B"};
    const char *cpts[] = {"99213", "99214", "80053", "97110", "36415"};
    const char *people[] = {"Zelda Quimbyfield", "Orrin Pennywhistle"};
    s.phiValues << QString::fromLatin1(people[0]) << QString::fromLatin1(people[1]);
    auto row = [&](int i, const QByteArray &payer, const QByteArray &date, const QByteArray &status,
                   const QByteArray &reasonCode, const QByteArray &reasonText) {
        csv += QByteArray("CLM-") + QByteArray::number(100000 + i) + ',' + payer + ',' + cpts[i % 5] + ',' + date +
               ",2024-03-20," + status + ",120.00,150.00," + (status == "PAID" ? "110.00,2024-03-28" : "0,") + ',' +
               reasonCode + ",\"" + reasonText + "\"," + people[i % 2] + '\n';
    };
    int i = 0;
    for (; s.good < good; ++s.good, ++i) {
        const bool denied = i % 5 == 4;
        row(i, payers[i % 5], "2024-03-0" + QByteArray::number(1 + i % 9), denied ? "DENIED" : "PAID",
            denied ? "CO-16" : "", denied ? "Claim lacks information needed for adjudication" : "");
    }
    const char *ssn[] = {"123-45-6789", "987-65-4329"};
    for (int k = 0; k < 2; ++k, ++i, ++s.blanked) { // SSN and phone in the reason text
        row(i, payers[0], "2024-03-02", "DENIED", "CO-16",
            QByteArray("Member SSN ") + ssn[k] + " call 555-201-77" + QByteArray::number(10 + k));
        s.phiValues << QString::fromLatin1(ssn[k]) << QStringLiteral("555-201-77%1").arg(10 + k);
    }
    for (const char *name : {"James Smith", "Mary Johnson"}) { // a patient name as payer
        row(i++, name, "2024-03-02", "PAID", "", "");
        s.phiValues << QString::fromLatin1(name);
        ++s.phiRows;
    }
    row(i++, "Aetna 321-54-9876", "2024-03-02", "PAID", "", ""); // an SSN in the payer
    s.phiValues << QStringLiteral("321-54-9876");
    ++s.phiRows;
    row(i++, payers[1], "2024-03-02", "DENIED", "CO-16", "write to r.vantassel77@example.com");
    s.phiValues << QStringLiteral("r.vantassel77@example.com");
    ++s.blanked;
    for (int k = 0; k < 3; ++k, ++i, ++s.badDates)
        row(i, payers[2], "2024-13-45", "PAID", "", "");
    for (int k = 0; k < 2; ++k, ++i, ++s.missingPayer)
        row(i, "", "2024-03-03", "PAID", "", "");
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(csv);
    return s;
}

// The fake importer: counts through validation (so the numbers are the real ones) and reports progress in steps.
inline importer::ImportFunction fakeImporter(int steps = 20, int stepMs = 5)
{
    return [steps, stepMs](const importer::ImportRequest &request,
                           const importer::ImportProgressFn &progress) -> Result<importer::ImportCounts> {
        auto report = importer::validateCsvFile(request.path, request.options);
        if (!report)
            return report.error();
        const std::uint64_t total = report->accepted;
        for (int s = 1; s <= steps; ++s) {
            QThread::msleep(std::uint64_t(stepMs));
            if (!progress(total * std::uint64_t(s) / std::uint64_t(steps), total))
                return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        }
        // As into an empty target: every accepted row is a new claim.
        importer::ImportCounts counts{report->accepted, report->rejected, report->warnings};
        counts.claimsNew = report->accepted;
        counts.claimsWithoutRef = report->withoutClaimRef;
        return counts;
    };
}

// Every text a user can see in the visible part of `root`: labels, fields, buttons, combo items, group titles,
// window titles and every cell and header of visible item views.
inline QStringList visibleTexts(QWidget *root)
{
    QStringList out{root->windowTitle()};
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        out << w->toolTip() << w->accessibleName();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            out << e->text();
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            out << g->title();
        if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                out << c->itemText(i);
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model()) {
            const QAbstractItemModel *m = v->model();
            for (int c = 0; c < m->columnCount(); ++c)
                out << m->headerData(c, Qt::Horizontal).toString();
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    out << m->index(r, c).data().toString();
        }
    }
    return out;
}

inline QString firstLeak(QWidget *root, const QStringList &phiValues)
{
    const QStringList texts = visibleTexts(root);
    for (const QString &t : texts)
        for (const QString &p : phiValues)
            if (t.contains(p, Qt::CaseInsensitive))
                return p;
    return {};
}

} // namespace upstream::test
