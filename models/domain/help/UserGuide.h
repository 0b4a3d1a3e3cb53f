#pragma once
// Where the user guide for a role is: the guides (docs/user-guide-*.md and their screenshots) are installed with the
// packages (share/doc/upstream-workstation on Linux, next to the executable on Windows, the bundle's Resources on
// macOS) and also compiled into the program (":/docs"), so Help always opens a local copy — never the network.
// GUI-free.
#include <QString>
#include <QStringList>

namespace upstream::help {

// The guide written for a role: viewer and operator → operator, analyst → analyst, supervisor and admin →
// supervisor. Returns the file name ("user-guide-operator.md").
QString guideFileFor(const QString &role);
// The directories searched, in order: installed locations relative to the running executable, then ":/docs".
QStringList guideDirectories();
// The first existing copy of the role's guide; empty when none is found.
QString findGuide(const QString &role, const QStringList &directories = guideDirectories());

} // namespace upstream::help
