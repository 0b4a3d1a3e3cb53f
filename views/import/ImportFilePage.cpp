#include "ImportFilePage.h"

#include "DialogSeam.h"
#include "ImportWizard.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QEvent>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>

namespace upstream::views {
namespace {

// A path field that takes a dropped file (a local file URL) as its path instead of inserting the URL text.
class FileDropEdit final : public QLineEdit {
public:
    using QLineEdit::QLineEdit;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (localFile(event->mimeData()).isEmpty())
            QLineEdit::dragEnterEvent(event);
        else
            event->acceptProposedAction();
    }
    void dragMoveEvent(QDragMoveEvent *event) override { event->acceptProposedAction(); }
    void dropEvent(QDropEvent *event) override
    {
        const QString file = localFile(event->mimeData());
        if (file.isEmpty())
            return QLineEdit::dropEvent(event);
        setText(file);
        event->acceptProposedAction();
    }

private:
    static QString localFile(const QMimeData *mime)
    {
        if (!mime || !mime->hasUrls() || mime->urls().isEmpty())
            return {};
        return mime->urls().constFirst().toLocalFile();
    }
};

// What the user meant by the field's text: surrounding spaces and quotes dropped (a path copied from a terminal or
// a file manager often carries them), and a pasted file:// URL read as the local file it names.
QString normalisedPath(const QString &text)
{
    QString path = text.trimmed();
    if (path.size() >= 2 && (path.front() == QLatin1Char('"') || path.front() == QLatin1Char('\'')) &&
        path.back() == path.front())
        path = path.mid(1, path.size() - 2);
    if (path.startsWith(QLatin1String("file://")))
        path = QUrl(path).toLocalFile();
    return path;
}

} // namespace

ImportFilePage::ImportFilePage(ImportWizard *wizard) : QWizardPage(wizard), m_wizard(wizard)
{
    m_path = new FileDropEdit(this);
    m_path->setObjectName(QStringLiteral("filePathEdit"));
    m_path->setClearButtonEnabled(true);
    // Completes folders and files as the path is typed, like the file dialog's own field. The model reads folders
    // on its own thread, so typing never waits on a slow network share.
    auto *completer = new QCompleter(m_path);
    m_completer = completer;
    auto *files = new QFileSystemModel(completer);
    files->setFilter(QDir::AllDirs | QDir::Files | QDir::NoDotAndDotDot);
    files->setRootPath(QString());
    completer->setModel(files);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setCaseSensitivity(Qt::CaseSensitive);
    m_path->setCompleter(completer);
    // Return with nothing picked in the list means "this path": close the list and go on, as without a list.
    completer->popup()->installEventFilter(this);
    m_pathLabel = new QLabel(this);
    m_pathLabel->setBuddy(m_path);
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setAutoDefault(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("fileError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #5f6368;"));

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_pathLabel, 0, 0);
    grid->addWidget(m_path, 0, 1);
    grid->addWidget(m_browse, 0, 2);
    grid->addWidget(m_hint, 1, 1, 1, 2);
    grid->addWidget(m_error, 2, 1, 1, 2);
    grid->setRowStretch(3, 1);
    grid->setColumnStretch(1, 1);
    setTabOrder(m_path, m_browse);

    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_errorReason.clear();
        showError();
        emit completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    retranslateUi();
}

void ImportFilePage::retranslateUi()
{
    setTitle(tr("Choose a claims file"));
    setSubTitle(tr("A CSV export from a billing system or clearinghouse. Type its path, drop the file on the field "
                   "or browse for it. The file is read, never changed."));
    m_path->setAccessibleName(tr("CSV file path"));
    m_path->setPlaceholderText(tr("/path/to/claims.csv"));
    m_pathLabel->setText(tr("File &path:"));
    m_browse->setText(tr("&Browse…"));
    m_browse->setAccessibleName(tr("Browse for a CSV file"));
    m_error->setAccessibleName(tr("File problem"));
    m_hint->setText(tr("Accepted: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252; delimiters "
                       "comma, semicolon, tab or pipe; one header row. Million-row files are fine."));
    showError();
}

void ImportFilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void ImportFilePage::showError()
{
    // The reason itself stays in the language it was produced in: re-reading the file to say it again is not
    // worth a disk access on the GUI thread.
    m_error->setText(m_errorReason.isEmpty() ? QString() : tr("This file cannot be imported: %1").arg(m_errorReason));
}

bool ImportFilePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_completer->popup()->currentIndex().isValid()) {
            m_completer->popup()->hide();
            if (isComplete())
                wizard()->next();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void ImportFilePage::browse()
{
    const QString file = widgets::FileDialog::getOpenFileName(this, tr("Choose a claims file"),
                                                              tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
    m_path->setFocus();
}

bool ImportFilePage::isComplete() const
{
    const QFileInfo info(normalisedPath(m_path->text()));
    return info.isFile() && info.isReadable();
}

bool ImportFilePage::validatePage()
{
    const QString path = normalisedPath(m_path->text());
    m_wizard->readerLimits = {}; // a new file starts from detection, not from the last file's overrides
    auto preview = importer::readPreview(path, m_wizard->readerLimits);
    if (!preview) {
        m_errorReason = preview.error().message;
        showError();
        return false;
    }
    m_wizard->filePath = path;
    m_wizard->preview = std::move(preview.value());
    m_wizard->report.reset();
    return true;
}

} // namespace upstream::views
