#include "KpiTile.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace upstream::widgets {

KpiTile::KpiTile(const QString &title, QWidget *parent)
    : QFrame(parent), m_title(title), m_titleLabel(new QLabel(title, this)), m_value(new QLabel(this)),
      m_caption(new QLabel(this)), m_accent(palette().color(QPalette::Highlight))
{
    setObjectName(QStringLiteral("kpiTile"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMinimumHeight(74);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(14, 8, 10, 8);
    v->setSpacing(2);
    QFont small = m_titleLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_titleLabel->setFont(small);
    m_titleLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_value->setFont(big);
    m_value->setObjectName(QStringLiteral("kpiValue"));
    m_caption->setFont(small);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    v->addWidget(m_titleLabel);
    v->addWidget(m_value);
    v->addWidget(m_caption);
    setValue(QStringLiteral("–"));
}

void KpiTile::setValue(const QString &value, const QString &caption)
{
    m_value->setText(value);
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    setAccessibleName(m_title + QStringLiteral(": ") + value);
}

void KpiTile::setTitle(const QString &title)
{
    m_title = title;
    m_titleLabel->setText(title);
    setAccessibleName(m_title + QStringLiteral(": ") + m_value->text());
}

QString KpiTile::value() const
{
    return m_value->text();
}

void KpiTile::setAccent(const QColor &accent)
{
    m_accent = accent;
    update();
}

void KpiTile::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    p.fillRect(QRect(1, 1, 4, height() - 2), m_accent);
}

} // namespace upstream::widgets
