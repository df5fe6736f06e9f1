#include "app/case_list_model.h"

#include "app/app.h"

namespace tousu::app {

void CaseListModel::setQuery(const core::ListFilter& filter, core::SortKey sort, bool descending) {
    if (filter == m_filter && sort == m_sort && descending == m_descending) return;
    m_filter = filter;
    m_sort = sort;
    m_descending = descending;
    m_total = -1;
    m_blocks.clear();
}

void CaseListModel::refreshIfStale(const App& app) {
    const bool timeDependent = m_filter.overdueOnly || m_filter.nearOnly || m_filter.followUpDueOnly;
    const long long minute = timeDependent ? app.clock().now() / 60000 : 0;
    if (app.revision() == m_revision && minute == m_minute && m_total >= 0) return;
    m_revision = app.revision();
    m_minute = minute;
    m_blocks.clear();
    core::ListQuery q{m_filter, m_sort, m_descending, 0, 0, 0};
    auto page = app.cases().listCases(q);
    m_total = page ? page.value().total : 0;
}

int CaseListModel::total(const App& app) {
    refreshIfStale(app);
    return m_total;
}

const core::CaseRow* CaseListModel::row(const App& app, int index) {
    refreshIfStale(app);
    if (index < 0 || index >= m_total) return nullptr;
    const int block = index / kBlock;
    auto it = m_blocks.find(block);
    if (it == m_blocks.end()) {
        if (m_blocks.size() > 50) m_blocks.clear(); // bounded memory while scrolling far
        core::ListQuery q{m_filter, m_sort, m_descending, block * kBlock, kBlock, 0};
        auto page = app.cases().listCases(q);
        it = m_blocks.emplace(block, page ? std::move(page.value().rows) : std::vector<core::CaseRow>{}).first;
    }
    const std::size_t offset = static_cast<std::size_t>(index % kBlock);
    return offset < it->second.size() ? &it->second[offset] : nullptr;
}

} // namespace tousu::app
