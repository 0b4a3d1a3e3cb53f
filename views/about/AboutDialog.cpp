#include "AboutDialog.h"

#include "diagnostics/Versions.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace upstream::views {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Upstream Workstation"));
    setObjectName(QStringLiteral("aboutDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Upstream Workstation</h2><p>Finds and recovers money lost to payers: "
                                "DriftWatch, DenialScope and DelayGuard.</p>"),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    auto addRow = [&](const QString &label, const QString &value, const char *name) {
        auto *v = new QLabel(value, this);
        v->setObjectName(QString::fromLatin1(name));
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, v);
    };
    addRow(tr("Version:"), versions::app(), "appVersion");
    addRow(tr("Qt:"), versions::qt(), "qtVersion");
    addRow(tr("PostgreSQL client (libpq):"), versions::libpq(), "libpqVersion");
    addRow(tr("SQLCipher:"), versions::sqlcipher(), "sqlcipherVersion");
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace upstream::views
