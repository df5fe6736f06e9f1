#include "ui/screens/dashboard_screen.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <imgui.h>

#include "app/app.h"
#include "core/validate.h"
#include "present/format.h"
#include "present/i18n.h"
#include "present/kpi_summary.h"
#include "present/report.h"
#include "ui/chart.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

// Statistics are built for up to this long per frame, so frames keep coming while it works.
constexpr auto kFrameBudget = std::chrono::milliseconds(12);
constexpr core::TimeMs kDayMs = 24 * core::kHourMs;

void drawTile(const HeadlineKpi& k, ImVec2 size) {
    ImGui::BeginChild(k.id, size, true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextDisabled("%s", tr(k.titleKey));
    ImGui::SetWindowFontScale(1.5f);
    widgets::reportedText(k.id, kpiValue(k.kind, k.current));
    ImGui::SetWindowFontScale(1.0f);
    if (k.current < 0 || k.previous < 0) {
        ImGui::TextDisabled("%s", tr("dash.previous_none"));
    } else {
        const bool rise = k.current > k.previous;
        const ImVec4 colour = kpiFlat(k) || k.better == 0 ? colour::kMuted
                              : rise == (k.better > 0)    ? colour::kSuccess
                                                          : colour::kDanger;
        ImGui::TextColored(colour, "%s %s", tr("dash.vs_previous"), kpiChange(k).c_str());
    }
    ImGui::EndChild();
}

} // namespace

core::Period DashboardScreen::period(const app::App& app) const {
    const core::TimeMs now = app.clock().now();
    switch (m_choice) {
    case PeriodChoice::Week:
        return core::periodContaining(core::PeriodKind::Week, now);
    case PeriodChoice::Quarter:
        return core::periodContaining(core::PeriodKind::Quarter, now);
    case PeriodChoice::Custom:
        if (m_custom) return *m_custom;
        break;
    case PeriodChoice::Month:
        break;
    }
    return core::periodContaining(core::PeriodKind::Month, now);
}

void DashboardScreen::drawControls(app::App& app) {
    const std::pair<PeriodChoice, const char*> choices[] = {{PeriodChoice::Week, "week"},
                                                            {PeriodChoice::Month, "month"},
                                                            {PeriodChoice::Quarter, "quarter"},
                                                            {PeriodChoice::Custom, "custom"}};
    for (const auto& [choice, code] : choices) {
        if (choice != PeriodChoice::Week) ImGui::SameLine();
        const std::string id = std::string("period_") + code;
        if (ImGui::RadioButton(label((std::string("dash.period_") + code).c_str(), id.c_str()).c_str(),
                               m_choice == choice))
            m_choice = choice;
    }
    ImGui::SameLine();
    const core::Period p = period(app);
    ImGui::TextDisabled("%s — %s", formatDate(p.from).c_str(), formatDate(p.to - 1).c_str());
    if (m_choice == PeriodChoice::Custom) {
        const float w = ImGui::GetFontSize() * 7;
        ImGui::SetNextItemWidth(w);
        widgets::textField("##period_from", m_customFrom, "2026-11-01");
        ImGui::SameLine();
        ImGui::TextUnformatted("—");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        widgets::textField("##period_to", m_customTo, "2026-11-30");
        ImGui::SameLine();
        if (ImGui::Button(label("dash.apply", "period_apply").c_str())) {
            auto from = core::parseDate(m_customFrom), to = core::parseDate(m_customTo);
            if (!from || !to)
                m_customError = "error.date_format";
            else if (to.value() < from.value())
                m_customError = "error.period_order";
            else if (to.value() - from.value() > 3 * 366 * kDayMs)
                m_customError = "error.period_too_long";
            else
                m_customError.clear(), m_custom = core::periodOfDays(from.value(), to.value());
        }
        if (!m_customError.empty()) widgets::reportedText("period_error", tr(m_customError), &colour::kDanger);
    }

    m_names.refresh(app);
    const float w = ImGui::GetFontSize() * 8;
    std::vector<widgets::Choice> categories{{"", tr("list.filter_category")}};
    for (core::Category c : core::kCategories) categories.push_back({core::code(c), trCode("category", core::code(c))});
    std::vector<widgets::Choice> channels{{"", tr("dash.any_channel")}};
    for (core::Channel c : core::kChannels) channels.push_back({core::code(c), trCode("channel", core::code(c))});
    std::vector<widgets::Choice> departments{{"", tr("dash.any_department")}};
    for (const core::Department& d : m_names.departments()) departments.push_back({d.id, m_names.department(d.id)});
    std::vector<widgets::Choice> people{{"", tr("dash.any_person")}};
    for (const core::StaffMember& s : m_names.staff()) people.push_back({s.id, s.name});
    const std::pair<const char*, std::pair<std::vector<widgets::Choice>*, std::string*>> filters[] = {
        {"dash_category", {&categories, &m_filter.category}},
        {"dash_channel", {&channels, &m_filter.channel}},
        {"dash_department", {&departments, &m_filter.department}},
        {"dash_person", {&people, &m_filter.person}}};
    for (const auto& [id, choice] : filters) {
        if (id != filters[0].first) ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        widgets::combo(std::string("##") + id, id, *choice.first, *choice.second);
    }
}

void DashboardScreen::drawTiles() const {
    const std::vector<HeadlineKpi> tiles = headlineKpis(*m_shown);
    const core::Period& compared = m_shown->compared;
    char line[160];
    std::snprintf(line, sizeof line, tr("dash.compared_with"), formatDate(compared.from).c_str(),
                  formatDate(compared.to - 1).c_str());
    widgets::reportedText("compared_with", line, &colour::kMuted);
    // As few rows as the width allows, the tiles spread evenly over them.
    const float spacing = ImGui::GetStyle().ItemSpacing.x, avail = ImGui::GetContentRegionAvail().x;
    const int count = int(tiles.size());
    const int fit = std::max(1, int((avail + spacing) / (ImGui::GetFontSize() * 10 + spacing)));
    const int rows = (count + fit - 1) / fit, perRow = (count + rows - 1) / rows;
    const float width = (avail - spacing * float(perRow - 1)) / float(perRow);
    int i = 0;
    for (const HeadlineKpi& k : tiles) {
        if (i++ % perRow) ImGui::SameLine();
        drawTile(k, ImVec2(width, ImGui::GetFontSize() * 5.2f));
    }
}

core::ListFilter DashboardScreen::drillDown() const {
    core::ListFilter f;
    f.receivedFrom = m_shown->period.from;
    f.receivedTo = m_shown->period.to;
    f.excludeCancelled = true;
    f.category = m_model.shownFilter().category;
    f.channel = m_model.shownFilter().channel;
    f.department = m_model.shownFilter().department;
    f.person = m_model.shownFilter().person;
    return f;
}

std::optional<Navigation> DashboardScreen::drawCharts() {
    const core::Dashboard& d = *m_shown;
    std::optional<Navigation> go;
    const auto list = [](core::ListFilter f) { return Navigation{View::CaseList, {}, std::move(f)}; };
    const float height = ImGui::GetFontSize() * 15;

    ImGui::SeparatorText(tr(d.bucketMs > kDayMs ? "dash.trend_weekly" : "dash.trend_daily"));
    std::vector<std::string> labels;
    std::vector<double> rate;
    std::vector<chart::Series> series;
    for (core::Category c : core::kCategories) series.push_back({trCode("category", core::code(c)), {}});
    for (const core::TrendBucket& b : d.trend) {
        labels.push_back(formatDate(b.start).substr(5));
        rate.push_back(b.onTimeRate());
        for (std::size_t s = 0; s < core::kCategoryCount; ++s) series[s].values.push_back(b.byCategory[s]);
    }
    if (auto hit = chart::stackedBars("trend", labels, series, &rate, tr("dash.on_time_rate"), height)) {
        core::ListFilter f = drillDown();
        f.receivedFrom = d.trend[hit->index].start;
        f.receivedTo = std::min(d.trend[hit->index].start + d.bucketMs, d.period.to);
        f.category = core::code(core::kCategories[hit->series]);
        go = list(f);
    }

    ImGui::SeparatorText(tr("dash.hotspots"));
    if (d.pareto.empty()) widgets::reportedText("pareto_empty", tr("dash.no_data"));
    std::vector<std::string> subTypes;
    std::vector<int> counts;
    std::vector<double> cumulative;
    for (const core::ParetoBar& bar : d.pareto) {
        subTypes.push_back(m_names.subType(bar.subType));
        counts.push_back(bar.count);
        cumulative.push_back(bar.cumulativeShare);
    }
    if (!d.pareto.empty())
        if (auto hit = chart::pareto("pareto", subTypes, counts, cumulative, tr("dash.cases"), tr("dash.cumulative"),
                                     height)) {
            core::ListFilter f = drillDown();
            f.subType = d.pareto[*hit].subType;
            go = list(f);
        }

    const auto categoryNames = [](const core::HeatMap& h) {
        std::vector<std::string> out;
        for (const std::string& c : h.rows) out.push_back(trCode("category", c));
        return out;
    };
    std::vector<std::string> channels, departments;
    for (const std::string& c : d.categoryByChannel.columns) channels.push_back(trCode("channel", c));
    for (const std::string& id : d.categoryByDepartment.columns)
        departments.push_back(id.empty() ? tr("dash.unassigned") : m_names.department(id));
    if (!ImGui::BeginTable("##heat_maps", 2)) return go;
    ImGui::TableNextColumn();
    ImGui::SeparatorText(tr("dash.by_channel"));
    if (auto hit =
            chart::heatMap("heat_channel", categoryNames(d.categoryByChannel), channels, d.categoryByChannel.cells)) {
        core::ListFilter f = drillDown();
        f.category = d.categoryByChannel.rows[hit->index];
        f.channel = d.categoryByChannel.columns[hit->series];
        go = list(f);
    }
    ImGui::TableNextColumn();
    ImGui::SeparatorText(tr("dash.by_department"));
    if (auto hit = chart::heatMap("heat_department", categoryNames(d.categoryByDepartment), departments,
                                  d.categoryByDepartment.cells)) {
        core::ListFilter f = drillDown();
        f.category = d.categoryByDepartment.rows[hit->index];
        f.department = d.categoryByDepartment.columns[hit->series];
        if (f.department.empty()) f.unassignedOnly = true;
        go = list(f);
    }
    ImGui::EndTable();
    return go;
}

void DashboardScreen::drawDeadlineHealth() const {
    ImGui::SeparatorText(tr("dash.deadline_health"));
    ImGui::TextDisabled("%s", tr("dash.bands_caption"));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##deadline_health", 10, flags)) return;
    for (const char* key :
         {"col.category", "notice.milestone", "dash.met_on_time", "dash.met_late", "dash.on_time_share", "dash.band_0",
          "dash.band_1", "dash.band_2", "dash.band_3", "dash.band_4"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    for (core::Category category : core::kCategories) {
        const auto it = m_shown->deadlineHealth.find(core::code(category));
        if (it == m_shown->deadlineHealth.end()) continue;
        const core::DeadlineHealth& h = it->second;
        int resolved = 0;
        for (int n : h.usedBands) resolved += n;
        for (std::size_t i = 0; i < h.milestones.size(); ++i) {
            const core::DeadlineHealth::Met& m = h.milestones[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (i == 0) ImGui::TextUnformatted(trCode("category", core::code(category)));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(trCode("milestone", core::code(m.milestone)));
            ImGui::TableNextColumn();
            ImGui::Text("%d", m.onTime);
            ImGui::TableNextColumn();
            ImGui::Text("%d", m.late);
            ImGui::TableNextColumn();
            const double share = m.onTimeShare();
            ImGui::TextUnformatted(share < 0 ? tr("dash.no_data") : formatNumber("%.1f%%", share * 100).c_str());
            // The bands belong to the category (the last milestone's limit): shown once, on its first row.
            for (int band : h.usedBands) {
                ImGui::TableNextColumn();
                if (i == 0)
                    ImGui::TextUnformatted(resolved ? formatNumber("%.0f%%", 100.0 * band / resolved).c_str() : "—");
            }
        }
    }
    ImGui::EndTable();
}

std::optional<Navigation> DashboardScreen::drawPeople() {
    ImGui::SeparatorText(tr("dash.people"));
    struct Row {
        std::string id, name;
        const core::KpiGroup* g;
    };
    std::vector<Row> rows;
    for (const auto& [id, g] : m_shown->byPerson) rows.push_back({id, m_names.person(id), &g});
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##people", 6, flags)) return std::nullopt;
    for (const char* key :
         {"dash.person", "dash.cases", "dash.on_time_rate", "dash.satisfaction", "dash.repeats", "dash.handling_hours"})
        ImGui::TableSetupColumn(tr(key),
                                key == std::string("dash.cases")
                                    ? ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending
                                    : 0);
    ImGui::TableHeadersRow();
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount) {
        const int column = specs->Specs[0].ColumnIndex;
        const bool ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        const auto key = [column](const Row& r) -> double {
            switch (column) {
            case 1:
                return r.g->cases;
            case 2:
                return r.g->onTimeRate();
            case 3:
                return r.g->satisfactionMean();
            case 4:
                return r.g->repeats;
            case 5:
                return r.g->meanHandlingHours();
            default:
                return 0;
            }
        };
        std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
            if (column == 0) return ascending ? a.name < b.name : a.name > b.name;
            return ascending ? key(a) < key(b) : key(a) > key(b);
        });
    }
    std::optional<Navigation> go;
    const auto rateText = [](double v) {
        return v < 0 ? std::string(tr("dash.no_data")) : formatNumber("%.1f%%", v * 100);
    };
    const auto numberText = [](double v, const char* f) {
        return v < 0 ? std::string(tr("dash.no_data")) : formatNumber(f, v);
    };
    for (const Row& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable((r.name + "##person_" + r.id).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
            core::ListFilter f = drillDown();
            f.person = r.id;
            go = Navigation{View::CaseList, {}, f};
        }
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.g->cases);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(rateText(r.g->onTimeRate()).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(numberText(r.g->satisfactionMean(), "%.2f").c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.g->repeats);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(numberText(r.g->meanHandlingHours(), "%.1f").c_str());
    }
    ImGui::EndTable();
    return go;
}

std::optional<Navigation> DashboardScreen::drawRepeaters() {
    ImGui::SeparatorText(tr("dash.repeaters"));
    if (m_shown->topRepeaters.empty()) ImGui::TextDisabled("%s", tr("dash.no_repeaters"));
    std::optional<Navigation> go;
    int i = 0;
    for (const core::RepeatCustomer& c : m_shown->topRepeaters) {
        const std::string who = core::maskPhone(c.phone.empty() ? c.customerKey : c.phone);
        char text[128];
        std::snprintf(text, sizeof text, tr("dash.repeater_cases"), who.c_str(), c.cases);
        if (ImGui::Selectable((std::string(text) + "##repeater_" + std::to_string(i++)).c_str())) {
            core::ListFilter f = drillDown();
            f.customerKey = c.customerKey;
            go = Navigation{View::CaseList, {}, f};
        }
    }
    return go;
}

void DashboardScreen::drawReportDialog(app::App& app, const Host& host) {
    if (m_openReport) {
        ImGui::OpenPopup("###report_dialog");
        m_openReport = false;
        m_reportFile.clear();
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("report.dialog_title")) + "###report_dialog";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const core::Period p = m_shown->period;
    ImGui::Text("%s %s — %s", tr("report.period"), formatDate(p.from).c_str(), formatDate(p.to - 1).c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(tr("report.explain"));
    ImGui::PopTextWrapPos();
    widgets::textArea("##report_actions", m_actions, ImVec2(ImGui::GetFontSize() * 32, ImGui::GetFontSize() * 8));
    const std::string stamp = formatDate(p.from) + "-" + formatDate(p.to - 1);
    const auto save = [&](const std::string& name, const char* mime, const core::Result<std::string>& bytes) {
        if (!bytes) return; // a read of our own database failed: the figures above came from it just now
        if (host.saveFile) host.saveFile(name, mime, bytes.value());
        m_reportFile = name;
    };
    if (ImGui::Button(label("report.download_html", "report_html").c_str()))
        save("tousu-" + app.info().officeCode + "-report-" + stamp + ".html", "text/html;charset=utf-8",
             reviewReportHtml(app, p, m_model.shownFilter(), m_actions));
    ImGui::SameLine();
    if (ImGui::Button(label("report.download_csv", "report_csv").c_str()))
        save("tousu-" + app.info().officeCode + "-report-" + stamp + ".csv", "text/csv;charset=utf-8",
             reviewReportCsv(app, p, m_model.shownFilter()));
    ImGui::SameLine();
    if (ImGui::Button(label("about.close", "report_close").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape))
        ImGui::CloseCurrentPopup();
    if (!m_reportFile.empty())
        widgets::reportedText("report_done", std::string(tr("report.downloaded")) + " " + m_reportFile);
    ImGui::EndPopup();
}

std::optional<Navigation> DashboardScreen::draw(const ScreenContext& ctx) {
    app::App& app = ctx.app;
    const Host& host = ctx.host;

    drawControls(app);
    m_model.update(app, period(app), m_filter, kFrameBudget);
    m_shown = m_model.shown();
    if (m_model.busy()) {
        const float done = float(m_model.progress());
        char text[64];
        std::snprintf(text, sizeof text, tr("dash.computing"), int(done * 100));
        ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 20, 0), text);
        widgets::reportedText("dash_progress", text);
    }
    if (!m_shown) return std::nullopt;
    if (ImGui::Button(label("report.open", "report_open").c_str())) m_openReport = true;
    drawReportDialog(app, host);
    ImGui::Separator();
    if (!ImGui::BeginChild("##dashboard_scroll")) {
        ImGui::EndChild();
        return std::nullopt;
    }
    drawTiles();
    std::optional<Navigation> go = drawCharts();
    drawDeadlineHealth();
    if (auto p = drawPeople()) go = p;
    if (auto r = drawRepeaters()) go = r;
    ImGui::EndChild();
    return go;
}

} // namespace tousu::ui
