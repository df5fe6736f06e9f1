#include "ui/forms/amend_form.h"

#include <imgui.h>

#include "app/app.h"
#include "core/amend.h"
#include "core/workflow.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

// The ##id and the error's field of each amendable field (the intake's, so the same messages land).
const char* errorFieldOf(const char* field) { return std::string_view(field) == "phone" ? "customer_phone" : field; }

} // namespace

bool AmendForm::offered(const app::App& app, const core::Case& c) {
    const core::Role role = app.actor().role;
    if (c.erased || app.readOnly() || !core::roleMay(role, core::Action::Amend)) return false;
    return role == core::Role::Supervisor || role == core::Role::Admin ||
           (c.registeredBy == app.actor().staffId && core::isOpen(c.state));
}

void AmendForm::open(const core::Case& c) {
    m_open = true;
    m_focusFirst = true;
    m_error.reset();
    m_reason.clear();
    m_values.clear();
    for (const char* field : core::kAmendableFields) m_values[field] = core::amendableValue(c, field);
    m_values["received_at"] = formatDateTime(c.receivedAt);
    m_original = m_values;
}

core::Status AmendForm::submit(app::App& app, const core::Case& c) {
    core::Fields changes;
    for (const auto& [field, value] : m_values)
        if (value != m_original[field]) changes[field] = value;
    if (changes.count("received_at")) {
        auto received = parseTypedTime(changes["received_at"]);
        if (!received) {
            core::Error e = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
            e.fieldErrors.push_back(received.error());
            return e;
        }
        changes["received_at"] = std::to_string(received.value());
    }
    return app.cases().amend(c.id, changes, m_reason);
}

bool AmendForm::draw(app::App& app, const core::Case& c) {
    if (!m_open) return false;
    const bool submitKey = widgets::submitChord();
    if (m_focusFirst) ImGui::SetScrollHereY(0.0f); // just opened: the whole form in sight, not only its first field
    ImGui::SeparatorText(tr("action.amend"));
    ImGui::TextDisabled("%s", tr("amend.explain"));
    const float labelWidth = ImGui::GetFontSize() * 6;
    const auto row = [&](const char* field) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(std::string("amend.") + field));
        ImGui::SameLine(labelWidth);
        ImGui::SetNextItemWidth(-FLT_MIN);
    };
    for (const char* field : core::kAmendableFields) {
        const std::string id = std::string("##amend_") + field;
        std::string& value = m_values[field];
        row(field);
        if (std::string_view(field) == "contact_method")
            widgets::combo(id, "amend_contact_method",
                           widgets::codeChoices("contact", {"phone", "sms", "email", "letter", "in_person"}), value);
        else if (std::string_view(field) == "channel")
            widgets::combo(
                id, "amend_channel",
                widgets::codeChoices("channel", {"phone", "online", "email", "social_media", "letter_visit", "other"}),
                value);
        else if (std::string_view(field) == "content")
            widgets::textArea(id, value, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
        else {
            widgets::focusNextIf(m_focusFirst);
            widgets::textField(id, value);
        }
        widgets::fieldError(m_error, errorFieldOf(field));
    }
    ImGui::TextUnformatted(tr("field.amend_reason"));
    widgets::textArea("##amend_reason", m_reason, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 2));
    widgets::fieldError(m_error, "reason");
    if (m_error && m_error->fieldErrors.empty()) widgets::actionError(&*m_error);
    bool done = false;
    if (ImGui::Button(label("action.submit", "amend_submit").c_str()) || submitKey) {
        if (auto st = submit(app, c); st) {
            m_open = false;
            done = true;
        } else {
            m_error = st.error();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(label("action.close", "amend_close").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape))
        m_open = false;
    return done;
}

} // namespace tousu::ui
