#include "BadgeDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace upstream::widgets {

BadgeDelegate::BadgeDelegate(BadgesFor badges, QObject *parent)
    : QStyledItemDelegate(parent), m_badges(std::move(badges))
{
}

QColor BadgeDelegate::textColourOn(const QColor &background)
{
    // Relative luminance (sRGB weights): dark text on light badges, white on dark ones.
    const double l = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return l > 0.55 ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white);
}

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // selection and background

    const QList<Badge> badges = m_badges(index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.92);
    painter->setFont(f);
    const QFontMetrics fm(f);
    int x = option.rect.left() + 4;
    const int h = std::min(option.rect.height() - 6, fm.height() + 4);
    const int y = option.rect.top() + (option.rect.height() - h) / 2;
    for (const Badge &b : badges) {
        if (b.text.isEmpty())
            continue;
        const int w = std::min(fm.horizontalAdvance(b.text) + 16, option.rect.right() - x - 2);
        if (w <= 14)
            break;
        const QRect r(x, y, w, h);
        if (b.colour.isValid()) {
            QPainterPath path;
            path.addRoundedRect(r, h / 2.0, h / 2.0);
            painter->fillPath(path, b.colour);
            painter->setPen(textColourOn(b.colour));
        } else {
            painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                       : QPalette::Text));
        }
        // Elide against the exact inner width plus a pixel: horizontalAdvance rounds, elidedText must not.
        painter->drawText(r.adjusted(7, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(b.text, Qt::ElideRight, w - 12));
        x += w + 4;
    }
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    int w = 8;
    const QFontMetrics fm(option.font);
    for (const Badge &b : m_badges(index))
        w += fm.horizontalAdvance(b.text) + 18;
    return {std::max(s.width(), w), s.height()};
}

} // namespace upstream::widgets
