#pragma once
// Shared by the import-preview tests (tst_staged_import_equals_one_go_import,
// tst_preview_signals_equal_import_then_recompute): a synthetic live export taken on D = 2026-06-01 and the one taken
// a week later — the same claims in a newer state (re-exported, decided, paid) plus a week of new ones, pending and
// unpaid among them — both imported on 2026-06-30. Every date is fixed, so the tests mean the same on any day.
#include "demo/DemoDataGenerator.h"
#include "importer/ClaimImporter.h"
#include "importer/ClaimValidator.h"

#include <QDate>
#include <QDir>
#include <QString>

#include <cstdint>

namespace upstream::test {

inline const QDate kReExportAsOf(2026, 6, 1);

struct WeekLaterReExport {
    QString exportD;     // taken on kReExportAsOf
    QString exportLater; // taken 7 days later
    bool ok() const { return !exportD.isEmpty() && !exportLater.isEmpty(); }
};

// Writes the two exports (export-d.csv, export-d7.csv) in `dir`; a path is empty when its file could not be written.
inline WeekLaterReExport writeWeekLaterReExport(const QDir &dir, std::int64_t rows, std::uint64_t seed, int payers)
{
    demo::DemoConfig config;
    config.rows = rows;
    config.seed = seed;
    config.payers = payers;
    config.asOf = kReExportAsOf;
    auto write = [&](const QString &name) {
        const QString path = dir.filePath(name);
        return demo::DemoDataGenerator(config).writeCsv(path).ok() ? path : QString();
    };
    WeekLaterReExport out;
    out.exportD = write(QStringLiteral("export-d.csv"));
    config.exportedOn = kReExportAsOf.addDays(7);
    out.exportLater = write(QStringLiteral("export-d7.csv"));
    return out;
}

// The options both exports are imported with: import day 2026-06-30, for `customer` (0: a workspace).
inline importer::ImportOptions reExportImportOptions(const QString &workstation, qint64 customer = 0)
{
    importer::ImportOptions o;
    o.validation.validator.importDay = importer::daysFromCivil(2026, 6, 30);
    o.customerId = customer;
    o.workstation = workstation;
    return o;
}

} // namespace upstream::test
