#include "ui/screens/intake_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

namespace tousu::ui {

void IntakeScreen::reset(const app::App& app) {
    m_form = core::Registration{"phone", "", "", "", "phone", "", "", "", "normal", 0, 0};
    m_received = formatDateTime(app.clock().now());
    m_categoryTouched = false;
    m_error.reset();
    m_started = true;
}

std::optional<Navigation> IntakeScreen::draw(app::App& app) {
    if (!m_started) reset(app);
    const float labelWidth = ImGui::GetFontSize() * 7;
    const auto row = [&](const char* key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(key));
        ImGui::SameLine(labelWidth);
        ImGui::SetNextItemWidth(-FLT_MIN);
    };
    const core::Error* err = m_error ? &*m_error : nullptr;

    row("field.channel");
    widgets::combo("##channel", "channel",
                   widgets::codeChoices("channel", {"phone", "online", "email", "social_media", "letter_visit", "other"}),
                   m_form.channel);
    row("field.customer_name");
    widgets::textField("##customer_name", m_form.customerName);
    widgets::fieldError(err, "customer_name");
    row("field.customer_phone");
    widgets::textField("##customer_phone", m_form.phone);
    widgets::fieldError(err, "customer_phone");
    row("field.account");
    widgets::textField("##account", m_form.account);
    widgets::fieldError(err, "account");
    row("field.contact_method");
    widgets::combo("##contact_method", "contact_method",
                   widgets::codeChoices("contact", {"phone", "sms", "email", "letter", "in_person"}), m_form.contactMethod);
    row("field.content");
    if (widgets::textArea("##content", m_form.content, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 5)) &&
        !m_categoryTouched)
        if (auto suggestion = core::suggestCategory(m_form.content)) m_form.category = core::code(*suggestion);
    widgets::fieldError(err, "content");
    if (!m_categoryTouched && !m_form.category.empty()) {
        ImGui::SetCursorPosX(labelWidth);
        ImGui::TextDisabled(tr("intake.suggested"), trCode("category", m_form.category));
    }
    row("field.received_at");
    widgets::textField("##received_at", m_received);
    widgets::fieldError(err, "received_at");
    row("field.category");
    if (widgets::combo("##category", "category",
                       widgets::codeChoices("category", {"service_quality", "billing", "business", "other"}),
                       m_form.category))
        m_categoryTouched = true;
    widgets::fieldError(err, "category");
    row("field.importance");
    widgets::combo("##importance", "importance", widgets::codeChoices("importance", {"normal", "important", "urgent"}),
                   m_form.importance);

    ImGui::Spacing();
    ImGui::SetCursorPosX(labelWidth);
    const bool save = ImGui::Button(label("action.save_case", "save_case").c_str()) ||
                      (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Enter, false));
    if (err && err->fieldErrors.empty()) widgets::actionError(err);
    else if (err) ImGui::TextColored(ImVec4(0.78f, 0.12f, 0.12f, 1), "%s", tr("error.invalid_input"));
    if (!save) return std::nullopt;

    auto received = parseTypedTime(m_received);
    if (!received) {
        core::Error e = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
        e.fieldErrors.push_back(received.error());
        m_error = e;
        return std::nullopt;
    }
    m_form.receivedAt = received.value();
    auto ref = app.registerCase(m_form);
    if (!ref) {
        m_error = ref.error();
        return std::nullopt;
    }
    reset(app);
    return Navigation{View::CaseDetail, ref.value().id};
}

} // namespace tousu::ui
