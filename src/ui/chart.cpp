#include "ui/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <imgui_internal.h>

#include "present/format.h"
#include "ui/automation.h"
#include "ui/present.h"

namespace tousu::ui::chart {

namespace {

// Okabe & Ito (2008), without black (kept for text and lines).
constexpr ImU32 kOkabeIto[] = {IM_COL32(0, 114, 178, 255), IM_COL32(230, 159, 0, 255),  IM_COL32(0, 158, 115, 255),
                               IM_COL32(213, 94, 0, 255),  IM_COL32(86, 180, 233, 255), IM_COL32(204, 121, 167, 255),
                               IM_COL32(240, 228, 66, 255)};
constexpr ImU32 kLine = IM_COL32(40, 40, 40, 255);
constexpr ImU32 kGrid = IM_COL32(0, 0, 0, 28);
constexpr ImU32 kAxisText = IM_COL32(90, 90, 90, 255);

struct Plot {
    ImRect area;    // inside the axes
    float slot = 0; // width per label
};

// Axes, grid and labels; returns the plotting rectangle. Left axis 0..maxValue, optional right axis 0–100 %.
Plot frame(const std::vector<std::string>& labels, int maxValue, bool percentAxis, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, height));
    char text[32];
    std::snprintf(text, sizeof text, "%d", maxValue);
    const float left = ImGui::CalcTextSize(text).x + font * 0.6f, right = percentAxis ? font * 2.8f : font * 0.5f;
    Plot p;
    p.area = ImRect(origin.x + left, origin.y + font * 0.5f, origin.x + width - right, origin.y + height - font * 1.6f);
    p.slot = labels.empty() ? 0 : p.area.GetWidth() / float(labels.size());
    for (int i = 0; i <= 4; ++i) {
        const float y = p.area.Max.y - p.area.GetHeight() * float(i) / 4;
        dl->AddLine(ImVec2(p.area.Min.x, y), ImVec2(p.area.Max.x, y), kGrid);
        std::snprintf(text, sizeof text, "%d", maxValue * i / 4);
        dl->AddText(ImVec2(p.area.Min.x - ImGui::CalcTextSize(text).x - font * 0.3f, y - font * 0.5f), kAxisText, text);
        if (percentAxis) {
            std::snprintf(text, sizeof text, "%d%%", 25 * i);
            dl->AddText(ImVec2(p.area.Max.x + font * 0.3f, y - font * 0.5f), kAxisText, text);
        }
    }
    // As many labels as fit without overlapping, evenly spaced.
    float widest = 0;
    for (const std::string& l : labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
    const std::size_t every =
        std::max<std::size_t>(1, std::size_t(std::ceil((widest + font) / std::max(p.slot, 1.0f))));
    for (std::size_t i = 0; i < labels.size(); i += every) {
        const float w = ImGui::CalcTextSize(labels[i].c_str()).x;
        const float x = p.area.Min.x + p.slot * (float(i) + 0.5f) - w / 2;
        dl->AddText(ImVec2(x, p.area.Max.y + font * 0.25f), kAxisText, labels[i].c_str());
    }
    return p;
}

// An item over `rect` with the automation id "<chart>_<suffix>" and `label` as its text; true when clicked.
bool hitArea(const ImRect& rect, const std::string& id, const std::string& label, bool* hovered) {
    const ImGuiID itemId = ImGui::GetID(id.c_str());
    ImGui::ItemAdd(rect, itemId);
    automation::noteLabel(itemId, (label + "##" + id).c_str());
    bool held = false;
    const bool clicked = ImGui::ButtonBehavior(rect, itemId, hovered, &held);
    return clicked;
}

void rateLine(const Plot& p, const std::vector<double>& rate) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::optional<ImVec2> last;
    for (std::size_t i = 0; i < rate.size(); ++i) {
        if (rate[i] < 0) {
            last.reset(); // no data: a gap, not a fall to zero
            continue;
        }
        const ImVec2 pt(p.area.Min.x + p.slot * (float(i) + 0.5f), p.area.Max.y - p.area.GetHeight() * float(rate[i]));
        if (last) dl->AddLine(*last, pt, kLine, 2.0f);
        dl->AddCircleFilled(pt, 3.0f, kLine);
        last = pt;
    }
}

void legend(const std::vector<std::string>& names, bool withLine, const char* lineName) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) ImGui::SameLine(0, font);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(ImVec2(at.x, at.y + font * 0.2f), ImVec2(at.x + font * 0.8f, at.y + font), seriesColour(i));
        ImGui::Dummy(ImVec2(font, font));
        ImGui::SameLine(0, font * 0.3f);
        ImGui::TextUnformatted(names[i].c_str());
    }
    if (!withLine) return;
    ImGui::SameLine(0, font);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    dl->AddLine(ImVec2(at.x, at.y + font * 0.6f), ImVec2(at.x + font, at.y + font * 0.6f), kLine, 2.0f);
    ImGui::Dummy(ImVec2(font, font));
    ImGui::SameLine(0, font * 0.3f);
    ImGui::TextUnformatted(lineName);
}

std::string percent(double share) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

} // namespace

ImU32 seriesColour(std::size_t series) { return kOkabeIto[series % (sizeof kOkabeIto / sizeof kOkabeIto[0])]; }

std::optional<Hit> stackedBars(const char* id, const std::vector<std::string>& labels,
                               const std::vector<Series>& series, const std::vector<double>* rate, const char* rateName,
                               float height) {
    std::vector<std::string> names;
    for (const Series& s : series) names.push_back(s.name);
    legend(names, rate != nullptr, rateName);
    std::vector<int> totals(labels.size(), 0);
    for (const Series& s : series)
        for (std::size_t i = 0; i < labels.size(); ++i) totals[i] += s.values[i];
    const int top = axisTop(totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end()));
    const Plot p = frame(labels, top, rate != nullptr, height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::optional<Hit> clicked;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float x0 = p.area.Min.x + p.slot * (float(i) + 0.15f), x1 = p.area.Min.x + p.slot * (float(i) + 0.85f);
        float y = p.area.Max.y;
        for (std::size_t s = 0; s < series.size(); ++s) {
            const int v = series[s].values[i];
            if (v == 0) continue;
            const float h = p.area.GetHeight() * float(v) / float(top);
            const ImRect bar(x0, y - h, x1, y);
            dl->AddRectFilled(bar.Min, bar.Max, seriesColour(s));
            bool hovered = false;
            if (hitArea(bar, std::string(id) + "_" + std::to_string(i) + "_" + std::to_string(s),
                        series[s].name + " " + std::to_string(v), &hovered))
                clicked = Hit{i, s};
            if (hovered) {
                ImGui::BeginTooltip();
                ImGui::Text("%s", labels[i].c_str());
                for (std::size_t k = 0; k < series.size(); ++k)
                    ImGui::Text("%s%s: %d", k == s ? "● " : "   ", series[k].name.c_str(), series[k].values[i]);
                if (rate && (*rate)[i] >= 0) ImGui::Text("   %s: %s", rateName, percent((*rate)[i]).c_str());
                ImGui::EndTooltip();
            }
            y -= h;
        }
    }
    if (rate) rateLine(p, *rate);
    return clicked;
}

std::optional<std::size_t> pareto(const char* id, const std::vector<std::string>& labels,
                                  const std::vector<int>& counts, const std::vector<double>& cumulative,
                                  const char* countName, const char* shareName, float height) {
    legend({countName}, true, shareName);
    const int top = axisTop(counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end()));
    const Plot p = frame(labels, top, true, height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::optional<std::size_t> clicked;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const float h = p.area.GetHeight() * float(counts[i]) / float(top);
        const ImRect bar(p.area.Min.x + p.slot * (float(i) + 0.15f), p.area.Max.y - h,
                         p.area.Min.x + p.slot * (float(i) + 0.85f), p.area.Max.y);
        dl->AddRectFilled(bar.Min, bar.Max, seriesColour(0));
        bool hovered = false;
        if (hitArea(bar, std::string(id) + "_" + std::to_string(i), labels[i] + " " + std::to_string(counts[i]),
                    &hovered))
            clicked = i;
        if (hovered)
            ImGui::SetTooltip("%s\n%s: %d\n%s: %s", labels[i].c_str(), countName, counts[i], shareName,
                              percent(cumulative[i]).c_str());
    }
    rateLine(p, cumulative);
    return clicked;
}

std::optional<Hit> heatMap(const char* id, const std::vector<std::string>& rows,
                           const std::vector<std::string>& columns, const std::vector<int>& cells) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    float rowLabel = 0, cellWidth = font * 3;
    for (const std::string& r : rows) rowLabel = std::max(rowLabel, ImGui::CalcTextSize(r.c_str()).x);
    for (const std::string& c : columns)
        cellWidth = std::max(cellWidth, ImGui::CalcTextSize(c.c_str()).x + font * 0.6f);
    rowLabel += font * 0.6f;
    const float cellHeight = font * 1.8f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(rowLabel + cellWidth * float(columns.size()), cellHeight * float(rows.size() + 1)));
    const int top = cells.empty() ? 0 : *std::max_element(cells.begin(), cells.end());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const float w = ImGui::CalcTextSize(columns[c].c_str()).x;
        dl->AddText(ImVec2(origin.x + rowLabel + cellWidth * (float(c) + 0.5f) - w / 2, origin.y + font * 0.3f),
                    kAxisText, columns[c].c_str());
    }
    std::optional<Hit> clicked;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const float y = origin.y + cellHeight * float(r + 1);
        dl->AddText(ImVec2(origin.x, y + (cellHeight - font) / 2), kAxisText, rows[r].c_str());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const int v = cells[r * columns.size() + c];
            const ImRect cell(origin.x + rowLabel + cellWidth * float(c) + 1, y + 1,
                              origin.x + rowLabel + cellWidth * float(c + 1) - 1, y + cellHeight - 1);
            // Light (239, 243, 255) to dark (8, 69, 148) blue, by the cell's share of the largest.
            const float t = top ? float(v) / float(top) : 0;
            const auto mix = [t](int a, int b) { return int(float(a) + (float(b) - float(a)) * t); };
            dl->AddRectFilled(cell.Min, cell.Max,
                              v ? IM_COL32(mix(239, 8), mix(243, 69), mix(255, 148), 255)
                                : IM_COL32(248, 248, 248, 255));
            if (!v) continue;
            const std::string text = std::to_string(v);
            const float w = ImGui::CalcTextSize(text.c_str()).x;
            dl->AddText(ImVec2(cell.GetCenter().x - w / 2, cell.GetCenter().y - font / 2),
                        t > 0.5f ? IM_COL32_WHITE : IM_COL32(30, 30, 30, 255), text.c_str());
            bool hovered = false;
            if (hitArea(cell, std::string(id) + "_" + std::to_string(r) + "_" + std::to_string(c), text, &hovered))
                clicked = Hit{r, c};
            if (hovered) ImGui::SetTooltip("%s × %s: %d", rows[r].c_str(), columns[c].c_str(), v);
        }
    }
    return clicked;
}

} // namespace tousu::ui::chart
