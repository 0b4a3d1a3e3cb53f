#pragma once
// Settings over two throwaway INI files: the user's and a machine policy filled by the test.
#include "settings/Settings.h"

#include <QSettings>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace upstream::test {

class SettingsFiles {
public:
    // A fresh pair of files per call; `policy` writes the machine policy first (nothing = no policy).
    std::unique_ptr<settings::Settings> make(const std::function<void(QSettings &)> &policy = {})
    {
        const QString policyPath = m_dir.filePath(QStringLiteral("policy-%1.ini").arg(m_counter));
        m_userPath = m_dir.filePath(QStringLiteral("user-%1.ini").arg(m_counter++));
        auto p = std::make_unique<QSettings>(policyPath, QSettings::IniFormat);
        if (policy) {
            policy(*p);
            p->sync();
        }
        return std::make_unique<settings::Settings>(std::make_unique<QSettings>(m_userPath, QSettings::IniFormat),
                                                    std::move(p));
    }
    QString lastUserPath() const { return m_userPath; } // the user's file of the last make()
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_userPath;
};

} // namespace upstream::test
