#include "ui/dialogs/sign_in.h"

#include <imgui.h>

#include "app/app.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {
constexpr const char* kPopup = "###pin_dialog";
}

void SignIn::choose(app::App& app, const std::string& staffId) {
    if (!app.settings().hasPin(staffId)) {
        (void)app.signIn(staffId);
        return;
    }
    m_staffId = staffId;
    m_pin.clear();
    m_error.reset();
    m_open = m_openPopup = true;
}

void SignIn::drawForm(app::App& app) {
    m_names.refresh(app);
    char line[200];
    std::snprintf(line, sizeof line, tr("pin.prompt"), m_names.person(m_staffId));
    ImGui::TextUnformatted(line);
    // Ready to type on opening, and again after a wrong PIN (Enter leaves the field).
    if (ImGui::IsWindowAppearing() || m_refocus) ImGui::SetKeyboardFocusHere();
    m_refocus = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const bool entered = widgets::textField("##pin_entry", m_pin, tr("settings.pin_hint"),
                                            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal |
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    widgets::fieldError(m_error ? &*m_error : nullptr, "pin");
    if (ImGui::Button(label("pin.ok", "pin_ok").c_str()) || entered) {
        auto st = app.signIn(m_staffId, m_pin);
        m_pin.clear();
        m_error.reset();
        if (st)
            m_open = m_locked = false;
        else
            m_error = st.error(), m_refocus = true;
    }
    if (m_locked) {
        // Someone else may sign in instead: a profile without a PIN at once, or with theirs.
        ImGui::SeparatorText(tr("pin.someone_else"));
        for (const core::StaffMember& s : m_names.staff()) {
            if (s.id == m_staffId) continue;
            const std::string item = s.name + " · " + trCode("role", s.role) + "##unlock_as_" + s.id;
            if (ImGui::Selectable(item.c_str())) {
                m_staffId = s.id;
                m_error.reset();
                if (!app.settings().hasPin(s.id) && app.signIn(s.id)) m_open = m_locked = false;
            }
        }
    } else {
        ImGui::SameLine();
        if (ImGui::Button(label("action.close", "pin_cancel").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape))
            m_open = false;
    }
}

void SignIn::draw(app::App& app) {
    if (m_locked) {
        ImGui::SeparatorText(tr("pin.locked"));
        drawForm(app);
        return;
    }
    if (m_openPopup) {
        ImGui::OpenPopup(kPopup);
        m_openPopup = false;
    }
    if (!ImGui::BeginPopupModal((std::string(tr("pin.title")) + kPopup).c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize))
        return;
    drawForm(app);
    if (!m_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace tousu::ui
