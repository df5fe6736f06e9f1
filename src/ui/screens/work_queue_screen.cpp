#include "ui/screens/work_queue_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

struct SectionText {
    const char* key;
    const char* id;
    const char* emptyKey;
};
constexpr SectionText kSections[] = {
    {"queue.mine", "queue_mine", "queue.mine_empty"},
    {"queue.department", "queue_department", "queue.department_empty"},
    {"queue.unassigned", "queue_unassigned", "queue.unassigned_empty"},
    {"queue.near", "queue_near", "queue.near_empty"},
    {"queue.overdue", "queue_overdue", "queue.overdue_empty"},
    {"queue.follow_ups", "queue_follow_ups", "queue.follow_ups_empty"},
};

} // namespace

core::ListFilter WorkQueueScreen::filterFor(const app::App& app, int section) const {
    core::ListFilter f;
    switch (section) {
    case Mine:
        f = core::todoOf(app.actor().staffId, app.actor().role);
        break;
    case Department:
        f.openOnly = true;
        f.department = "-"; // no department: matches nothing
        for (const core::StaffMember& s : app.staff())
            if (s.id == app.actor().staffId) f.department = s.department;
        break;
    case Unassigned:
        f.unassignedOnly = true;
        break;
    case Near:
        f.nearOnly = true;
        break;
    case Overdue:
        f.overdueOnly = true;
        break;
    case FollowUps:
        f.followUpDueOnly = true;
        break;
    }
    return f;
}

void WorkQueueScreen::refresh(app::App& app) {
    const long long minute = app.clock().now() / 60000;
    if (app.revision() == m_revision && minute == m_minute && app.actor().staffId == m_actor) return;
    m_revision = app.revision();
    m_minute = minute;
    m_actor = app.actor().staffId;
    core::ListQuery q;
    q.limit = 0; // counts only
    for (int i = 0; i < kSectionCount; ++i) {
        q.filter = m_filters[static_cast<std::size_t>(i)] = filterFor(app, i);
        auto page = app.cases().listCases(q);
        m_counts[static_cast<std::size_t>(i)] = page ? page.value().total : 0;
    }
    q.filter = {};
    auto all = app.cases().listCases(q);
    m_allCases = all ? all.value().total : 0;
}

std::optional<Navigation> WorkQueueScreen::draw(const ScreenContext& ctx) {
    app::App& app = ctx.app;

    refresh(app);
    if (m_allCases == 0) {
        widgets::emptyState(tr("main.empty"));
        return std::nullopt;
    }
    const float tileWidth = ImGui::GetFontSize() * 8.5f, tileHeight = ImGui::GetFontSize() * 3.4f;
    for (int i = 0; i < kSectionCount; ++i) {
        const int count = m_counts[static_cast<std::size_t>(i)];
        const bool alarm = count > 0 && (i == Overdue || i == Near);
        const ImVec4 accent = i == Overdue ? colour::kDanger : colour::kWarning;
        if (i) widgets::sameLineIfFits(tileWidth); // a second row of tiles on a narrow window
        ImGui::PushStyleColor(ImGuiCol_Button,
                              ImGui::GetStyleColorVec4(i == m_selected ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg));
        if (alarm) ImGui::PushStyleColor(ImGuiCol_Text, accent);
        const std::string tile =
            std::string(tr(kSections[i].key)) + "\n" + std::to_string(count) + "##" + kSections[i].id;
        if (ImGui::Button(tile.c_str(), ImVec2(tileWidth, tileHeight))) m_selected = i;
        ImGui::PopStyleColor(alarm ? 2 : 1);
    }
    ImGui::Spacing();
    if (m_counts[static_cast<std::size_t>(m_selected)] == 0) {
        widgets::emptyState(tr(kSections[m_selected].emptyKey));
        return std::nullopt;
    }
    // Visits due get their own table: sorted by their date, not by what the other lists sort by.
    if (m_selected == FollowUps)
        return m_visitTable.draw(app, m_filters[static_cast<std::size_t>(m_selected)], "##queue_visits");
    return m_table.draw(app, m_filters[static_cast<std::size_t>(m_selected)], "##queue_table");
}

} // namespace tousu::ui
