#pragma once
// BadgeDelegate: paints a table cell as a rounded badge ("critical", "urgent", "suppressed", "marked noise 9 days
// ago"). The badge colour comes from a callback on the index (so the delegate knows no model roles); the text
// colour is chosen for contrast against that badge colour, and the cell background stays the view's palette.
#include <QStyledItemDelegate>

#include <functional>

namespace upstream::widgets {

class BadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    struct Badge {
        QString text;
        QColor colour; // invalid = no badge for this text
    };
    using BadgesFor = std::function<QList<Badge>(const QModelIndex &)>;

    BadgeDelegate(BadgesFor badges, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor textColourOn(const QColor &background);

private:
    BadgesFor m_badges;
};

} // namespace upstream::widgets
