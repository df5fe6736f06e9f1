#include "ui/screens/suggestions_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/widgets.h"

namespace tousu::ui {

std::optional<Navigation> SuggestionsScreen::draw(const ScreenContext& ctx) {
    drawPage(ctx.app);
    return std::nullopt;
}

void SuggestionsScreen::drawForm(app::App& app) {
    const widgets::FormScope form("suggestion");
    std::vector<widgets::Choice> sources;
    for (const char* s : app::Suggestions::kSources) sources.push_back({s, trCode("suggestion.source", s)});
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    widgets::combo(label("suggestion.source", "suggestion_source"), "suggestion_source", sources, m_source);
    widgets::textArea("##suggestion_content", m_content, ImVec2(-FLT_MIN, ImGui::GetFontSize() * 4));
    widgets::fieldError(m_error, "suggestion_content");
    ImGui::BeginDisabled(app.readOnly());
    if (ImGui::Button(label("suggestion.add", "suggestion_add").c_str()) || (form.submitted() && !app.readOnly())) {
        auto added = app.suggestions().add(m_source, m_content);
        m_added = added.ok();
        if (added) {
            m_content.clear();
            m_error.reset();
        } else {
            m_error = added.error();
        }
    }
    ImGui::EndDisabled();
    if (m_added) {
        ImGui::SameLine();
        widgets::reportedText("suggestion_added", tr("suggestion.added"));
    }
    if (m_error && m_error->fieldErrors.empty()) widgets::actionError(&*m_error);
}

void SuggestionsScreen::drawPage(app::App& app) {
    m_names.refresh(app);
    ImGui::SeparatorText(tr("suggestion.title"));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("suggestion.explain"));
    ImGui::PopTextWrapPos();

    drawForm(app);

    ImGui::Spacing();
    if (app.revision() != m_revision)
        m_list = app.suggestions().list(), m_revision = app.revision(); // not SQL per frame
    const auto& list = m_list;
    if (list.empty()) {
        widgets::emptyState(tr("suggestion.empty"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##suggestions", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key :
         {"suggestion.when", "suggestion.source", "suggestion.content", "suggestion.recorded_by", "suggestion.status"})
        ImGui::TableSetupColumn(tr(key),
                                std::string(key) == "suggestion.content" ? ImGuiTableColumnFlags_WidthStretch : 0,
                                std::string(key) == "suggestion.content" ? 6.0f : 1.0f);
    ImGui::TableHeadersRow();
    std::vector<widgets::Choice> statuses;
    for (const char* s : app::Suggestions::kStatuses) statuses.push_back({s, trCode("suggestion.status", s)});
    int row = 0;
    for (const core::Suggestion& s : list) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatDateTime(s.createdAt).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(trCode("suggestion.source", s.source));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", s.content.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m_names.person(s.author));
        ImGui::TableNextColumn();
        std::string status = s.status;
        const std::string id = "suggestion_status_" + std::to_string(row++);
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::BeginDisabled(app.readOnly());
        if (widgets::combo("##" + id, id.c_str(), statuses, status)) (void)app.suggestions().setStatus(s.id, status);
        ImGui::EndDisabled();
    }
    ImGui::EndTable();
}

} // namespace tousu::ui
