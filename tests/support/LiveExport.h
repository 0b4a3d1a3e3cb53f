#pragma once
// A synthetic live claim export (the demo generator: newest claims pending or unpaid) aimed at a fixed as-of date,
// so what the engines find never depends on the day a test runs.
#include "demo/DemoDataGenerator.h"

#include <QDate>
#include <QDir>
#include <QString>

namespace upstream::test {

inline const QDate kLiveExportAsOf{2025, 3, 3};

// Writes the export as `name` in `dir`; returns its path, or an empty string when it could not be written.
inline QString writeLiveExport(const QDir &dir, const QString &name, std::int64_t rows, std::uint64_t seed,
                               int payers = 128)
{
    demo::DemoConfig config;
    config.rows = rows;
    config.seed = seed;
    config.payers = payers;
    config.asOf = kLiveExportAsOf;
    const QString path = dir.filePath(name);
    return demo::DemoDataGenerator(config).writeCsv(path).ok() ? path : QString();
}

} // namespace upstream::test
