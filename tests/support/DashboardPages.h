#pragma once
// The three dashboards installed in a main window over one cache, as the workstation does (GUI tests only).
#include "dashboards/DashboardPage.h"
#include "shell/MainWindow.h"

#include <QDate>
#include <QList>

#include <memory>

namespace upstream::test {

// Loads synchronously (a screenshot or scan must not race the worker). `today` null = the real date.
inline QList<views::DashboardPage *> installDashboards(views::MainWindow &window,
                                                       const std::shared_ptr<storage::LocalCache> &cache,
                                                       const QString &user, QDate today = {})
{
    const std::pair<views::Page, views::DashboardProduct> products[] = {
        {views::Page::DriftWatch, views::DashboardProduct::driftWatch()},
        {views::Page::DenialScope, views::DashboardProduct::denialScope()},
        {views::Page::DelayGuard, views::DashboardProduct::delayGuard()}};
    QList<views::DashboardPage *> pages;
    for (const auto &[p, product] : products) {
        auto *page = new views::DashboardPage(product);
        if (today.isValid())
            page->setToday(today);
        page->setSynchronousLoad(true);
        page->bind(std::make_shared<dashboard::DashboardService>(cache, user, QStringLiteral("ws")));
        window.setPage(p, page);
        pages << page;
    }
    return pages;
}

} // namespace upstream::test
