#pragma once
// KpiTile: one key figure on a dashboard (title, big value, caption) with a coloured accent bar. Colours come from
// the palette (light and dark follow the system); only the accent is fixed. The accessible name carries the title
// and the value so screen readers announce both.
#include <QFrame>

class QLabel;

namespace upstream::widgets {

class KpiTile : public QFrame {
    Q_OBJECT
public:
    explicit KpiTile(const QString &title, QWidget *parent = nullptr);
    // The owner sets a translated title again on a language change (the tile holds no text of its own).
    void setTitle(const QString &title);
    QString title() const { return m_title; }
    void setValue(const QString &value, const QString &caption = {});
    void setAccent(const QColor &accent);
    QString value() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QLabel *m_titleLabel;
    QLabel *m_value;
    QLabel *m_caption;
    QColor m_accent;
};

} // namespace upstream::widgets
