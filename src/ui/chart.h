// Charts drawn with ImDrawList (no plotting library is available from our registries): stacked
// bars with an optional rate line, a Pareto chart, a heat map. Okabe–Ito colours (safe for the
// common colour-vision deficiencies), axes with labels, legends, tooltips with the exact values.
// Every bar and cell is an item with an automation id ("<id>_<index>"), so it can be clicked — the
// click is returned for drill-down.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

namespace tousu::ui::chart {

ImU32 seriesColour(std::size_t series);

struct Series {
    std::string name;
    std::vector<int> values; // one per label
};

struct Hit {
    std::size_t index = 0;  // bar (label) or heat-map row
    std::size_t series = 0; // stacked segment or heat-map column
};

// Bars of `series` stacked over `labels`; `rate` (0–1, negative = no data), if given, is drawn as a
// line on a 0–100 % right axis named `rateName`.
std::optional<Hit> stackedBars(const char* id, const std::vector<std::string>& labels,
                               const std::vector<Series>& series, const std::vector<double>* rate, const char* rateName,
                               float height);

// Bars in the given (descending) order with the cumulative share (0–1) as a line on a 0–100 % axis.
std::optional<std::size_t> pareto(const char* id, const std::vector<std::string>& labels,
                                  const std::vector<int>& counts, const std::vector<double>& cumulative,
                                  const char* countName, const char* shareName, float height);

// Counts by row and column (row-major), shaded from light to dark blue; empty cells stay blank.
std::optional<Hit> heatMap(const char* id, const std::vector<std::string>& rows,
                           const std::vector<std::string>& columns, const std::vector<int>& cells);

} // namespace tousu::ui::chart
