#pragma once
// Copies text to the clipboard tagged as coming from the workstation, so that locking can clear exactly what the
// app put there (and nothing another program owns).
#include <QString>

namespace upstream::widgets {

inline constexpr const char *kClipboardMarkerMime = "application/x-upstream-workstation";

void copyToClipboard(const QString &text);
bool clipboardHoldsAppData();

} // namespace upstream::widgets
