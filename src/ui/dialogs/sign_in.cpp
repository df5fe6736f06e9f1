#include "ui/dialogs/sign_in.h"

#include <imgui.h>

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {
constexpr const char* kPopup = "###pin_dialog";
}

void SignIn::choose(app::App& app, const std::string& staffId) {
    if (app.access().mode() != app::AccessMode::Secured) {
        (void)app.signIn(staffId);
        return;
    }
    offer(staffId);
    m_open = m_openPopup = true;
}

void SignIn::offer(const std::string& staffId) {
    m_staffId = staffId;
    m_secret.clear();
    m_error.reset();
    m_refocus = true;
}

void SignIn::drawForm(app::App& app, const Host& host) {
    m_names.refresh(app);
    char line[200];
    std::snprintf(line, sizeof line, tr("pin.prompt"), m_names.person(m_staffId));
    ImGui::TextUnformatted(line);
    // Ready to type on opening, and again after a wrong entry (Enter leaves the field).
    if (ImGui::IsWindowAppearing() || m_refocus) ImGui::SetKeyboardFocusHere();
    m_refocus = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const bool entered = widgets::textField("##pin_entry", m_secret, tr("pin.hint"),
                                            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    widgets::fieldError(m_error ? &*m_error : nullptr, "secret");
    // Wrong entries wait their time: the seconds left, counted down (a frame each second).
    const app::SignInAttempts attempts = app.access().attempts(m_staffId);
    const core::TimeMs now = app.clock().now();
    const bool waiting = attempts.lockedOut || (attempts.failures > 0 && now < attempts.retryAt);
    if (attempts.lockedOut) {
        if (attempts.retryAt > 0)
            std::snprintf(line, sizeof line, tr("pin.locked_out_until"), formatDateTime(attempts.retryAt).c_str());
        else
            std::snprintf(line, sizeof line, "%s", tr("pin.locked_out"));
        widgets::reportedText("sign_in_wait", line, &colour::kDanger);
    } else if (waiting) {
        const core::TimeMs left = attempts.retryAt - now;
        std::snprintf(line, sizeof line, tr("pin.wait"), static_cast<int>((left + 999) / 1000));
        widgets::reportedText("sign_in_wait", line, &colour::kWarning);
        if (host.requestRedrawAfter) // the next second of the countdown
            host.requestRedrawAfter(static_cast<double>((left - 1) % 1000 + 1) + Host::kTimerSlackMs);
    }
    ImGui::BeginDisabled(waiting);
    if (ImGui::Button(label("pin.ok", "pin_ok").c_str()) || (entered && !waiting)) {
        auto st = app.signIn(m_staffId, m_secret);
        m_secret.clear();
        m_error.reset();
        if (st)
            m_open = false;
        else
            m_error = st.error(), m_refocus = true;
    }
    ImGui::EndDisabled();
}

void SignIn::drawLocked(app::App& app, const Host& host) {
    ImGui::SeparatorText(tr("pin.locked"));
    drawForm(app, host);
    // Someone else may sign in instead, with their own secret.
    ImGui::SeparatorText(tr("pin.someone_else"));
    for (const core::StaffMember& s : m_names.staff()) {
        if (s.id == m_staffId) continue;
        const std::string item = s.name + " · " + trCode("role", s.role) + "##unlock_as_" + s.id;
        if (ImGui::Selectable(item.c_str())) offer(s.id);
    }
}

void SignIn::draw(app::App& app, const Host& host) {
    if (m_openPopup) {
        ImGui::OpenPopup(kPopup);
        m_openPopup = false;
    }
    if (!ImGui::BeginPopupModal((std::string(tr("pin.title")) + kPopup).c_str(), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize))
        return;
    drawForm(app, host);
    ImGui::SameLine();
    if (ImGui::Button(label("action.close", "pin_cancel").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape))
        m_open = false;
    if (!m_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace tousu::ui
