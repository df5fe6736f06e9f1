#include "ui/forms/policy_editor.h"

#include <imgui.h>

#include "app/app.h"
#include "app/built_in.h"
#include "core/policy.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

void PolicyEditor::load(const app::App& app) {
    if (app.revision() == m_revision) return;
    m_revision = app.revision();
    for (const core::CategoryPolicy& p : app.policies().categories) {
        const std::string category = core::code(p.category);
        for (const core::MilestoneRule& r : p.rules) m_hours[category + "_" + core::code(r.milestone)] = r.limitHours;
        m_hours[category + "_max"] = p.maxHours;
    }
}

void PolicyEditor::draw(app::App& app) {
    load(app);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("settings.policies_explain"));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const float width = ImGui::GetFontSize() * 7;
    for (const core::CategoryPolicy& p : app.policies().categories) {
        const std::string category = core::code(p.category);
        char heading[160];
        std::snprintf(heading, sizeof heading, tr("settings.policy_heading"), trCode("category", category), p.version);
        ImGui::SeparatorText(heading);
        const std::string form = "policy_" + category;
        const widgets::FormScope scope(form.c_str());
        std::vector<std::pair<std::string, int>> limits;
        const auto hoursField = [&](const std::string& key, const char* text) {
            ImGui::SetNextItemWidth(width);
            const std::string id = "policy_" + key;
            ImGui::InputInt((std::string(text) + "##" + id).c_str(), &m_hours[key], 1, 24);
        };
        for (const core::MilestoneRule& r : p.rules) {
            const std::string key = category + "_" + core::code(r.milestone);
            hoursField(key, trCode("milestone", core::code(r.milestone)));
            ImGui::SameLine();
            limits.emplace_back(core::code(r.milestone), m_hours[key]);
        }
        hoursField(category + "_max", tr("settings.max_hours"));
        ImGui::SameLine();
        if (ImGui::Button(label("settings.save", ("policy_save_" + category).c_str()).c_str()) || scope.submitted())
            m_outcome.record(form, app.settings().updatePolicy(category, limits, m_hours[category + "_max"]));
        if (const core::Error* e = m_outcome.error(form); e && !e->fieldErrors.empty())
            ImGui::TextColored(colour::kDanger, "%s", tr("settings.hours_range"));
        m_outcome.draw(form);
    }
    drawCalendar(app);
    ImGui::EndDisabled();
}

void PolicyEditor::drawCalendar(app::App& app) {
    ImGui::SeparatorText(tr("settings.calendar"));
    if (const auto days = app.settings().calendarDaysLeft()) {
        char line[200];
        std::snprintf(line, sizeof line, tr("settings.calendar_working"), *days);
        widgets::reportedText("calendar_mode", line);
        if (ImGui::Button(label("settings.use_clock_hours", "use_clock_hours").c_str()))
            m_outcome.record("calendar", app.settings().useClockHours());
    } else {
        widgets::reportedText("calendar_mode", tr("settings.calendar_clock"));
        if (ImGui::Button(label("settings.use_working_hours", "use_working_hours").c_str()))
            m_outcome.record("calendar", app.settings().useWorkingHours(std::string(app::builtInCalendarTsv())));
    }
    m_outcome.draw("calendar");
}

} // namespace tousu::ui
