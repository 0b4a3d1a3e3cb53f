#include "AppClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace upstream::widgets {

void copyToClipboard(const QString &text)
{
    auto *data = new QMimeData;
    data->setText(text);
    data->setData(QString::fromLatin1(kClipboardMarkerMime), QByteArrayLiteral("1"));
    QGuiApplication::clipboard()->setMimeData(data);
}

bool clipboardHoldsAppData()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    return data && data->hasFormat(QString::fromLatin1(kClipboardMarkerMime));
}

} // namespace upstream::widgets
