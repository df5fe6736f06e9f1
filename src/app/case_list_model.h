// The case list as a screen sees it: the total and the rows, fetched in blocks around what is
// visible (so 200k cases scroll without loading 200k rows), re-queried only when the data
// revision or the query changes — never per frame.
#pragma once
#include <cstdint>
#include <map>
#include <vector>

#include "core/read_models.h"

namespace tousu::app {

class App;

class CaseListModel {
  public:
    static constexpr int kBlock = 100;

    // Sets filter and sort; a different query drops what was cached.
    void setQuery(const core::ListFilter& filter, core::SortKey sort, bool descending);
    int total(const App& app);
    const core::CaseRow* row(const App& app, int index);

  private:
    void refreshIfStale(const App& app);

    core::ListFilter m_filter;
    core::SortKey m_sort = core::SortKey::Received;
    bool m_descending = true;
    std::uint64_t m_revision = 0;
    long long m_minute = -1; // overdue / near / follow-up filters depend on the time: re-query once a minute
    int m_total = -1;
    std::map<int, std::vector<core::CaseRow>> m_blocks;
};

} // namespace tousu::app
