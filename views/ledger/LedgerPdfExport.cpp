#include "LedgerPdfExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace upstream::views {

Status writeLedgerPdf(const QString &path, const QString &html)
{
    return writeReportPdf(path, html, QCoreApplication::translate("LedgerPdfExport", "Recovery ledger"));
}

Status writeReportPdf(const QString &path, const QString &html, const QString &title)
{
    {
        // QPdfWriter reports nothing when it cannot open the file; probe first so the user gets a reason.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return makeError(ErrorCode::PermissionDenied,
                             QCoreApplication::translate("LedgerPdfExport", "Could not write the PDF file. Choose "
                                                                            "a folder you can write to."));
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setResolution(144);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Upstream Workstation"));
    QTextDocument doc;
    doc.setHtml(html);
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    doc.print(&writer);
    if (QFile(path).size() == 0)
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("LedgerPdfExport", "The PDF could not be rendered."));
    return Status::success();
}

} // namespace upstream::views
