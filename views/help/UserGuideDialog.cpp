#include "UserGuideDialog.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace upstream::views {

UserGuideDialog::UserGuideDialog(const QString &path, QWidget *parent)
    : QDialog(parent), m_path(path), m_browser(new QTextBrowser(this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("User guide"));
    resize(900, 700);
    auto *v = new QVBoxLayout(this);
    m_browser->setObjectName(QStringLiteral("userGuide"));
    m_browser->setAccessibleName(tr("User guide"));
    // Only the local guides are followed: a web link would leave the program (and this computer's network policy).
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(false);
    m_browser->setTabChangesFocus(true); // Tab reaches Close; arrows and Page Up/Down scroll the text
    v->addWidget(m_browser, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    v->addLayout(buttons);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &link) {
        const QUrl target = m_browser->source().resolved(link);
        if ((target.isLocalFile() || target.scheme() == QLatin1String("qrc")) &&
            target.path().endsWith(QLatin1String(".md")))
            m_browser->setSource(target, QTextDocument::MarkdownResource);
    });
    const QFileInfo file(path);
    if (path.isEmpty() || !file.exists()) {
        m_browser->setPlainText(tr("The user guide is not installed on this computer. Ask IT to reinstall Upstream "
                                   "Workstation, or read the guides in the docs folder of the installation media."));
    } else {
        m_browser->setSearchPaths({file.absolutePath()});
        const QUrl url = path.startsWith(QLatin1String(":/")) ? QUrl(QStringLiteral("qrc") + path)
                                                              : QUrl::fromLocalFile(file.absoluteFilePath());
        m_browser->setSource(url, QTextDocument::MarkdownResource);
    }
    setTabOrder(m_browser, m_close);
    m_browser->setFocus();
}

} // namespace upstream::views
