#include "ui/screens/settings_screen.h"

#include <imgui.h>

#include "app/app.h"
#include "present/audit_csv.h"
#include "present/i18n.h"
#include "present/messages.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr std::size_t kTemplateCount = std::size(app::Settings::kTemplateKinds);

} // namespace

void SettingsScreen::load(const app::App& app) {
    if (app.revision() == m_revision && m_templateLanguage == languageTag(language())) return;
    m_revision = app.revision();
    m_templateLanguage = languageTag(language());
    const app::AppInfo info = app.info();
    m_officeCode = info.officeCode;
    m_officeName = info.officeName;
    for (std::size_t i = 0; i < kTemplateCount; ++i)
        m_templates[i] = messageTemplate(app, app::Settings::kTemplateKinds[i]);
}

std::optional<Navigation> SettingsScreen::draw(const ScreenContext& ctx) {
    drawPage(ctx.app, ctx.host);
    return std::nullopt;
}

void SettingsScreen::drawPage(app::App& app, const Host& host) {
    load(app);
    if (!app.settings().mayEditSettings())
        ImGui::TextDisabled("%s", tr(app.readOnly() ? "readonly.banner" : "settings.admin_only"));
    if (!ImGui::BeginTabBar("##settings_tabs")) return;
    const auto tab = [&](const char* key, const char* id, auto drawTab) {
        if (!widgets::tabItem(label(key, id))) return;
        ImGui::BeginChild("##settings_page");
        drawTab();
        ImGui::EndChild();
        ImGui::EndTabItem();
    };
    tab("settings.desk", "settings_desk", [&] { drawDesk(app); });
    tab("settings.office", "settings_office", [&] { drawOffice(app); });
    tab("settings.departments", "settings_departments", [&] { m_reference.drawDepartments(app); });
    tab("settings.staff", "settings_staff", [&] { m_reference.drawStaff(app); });
    tab("settings.sub_types", "settings_sub_types", [&] { m_reference.drawSubTypes(app); });
    tab("settings.policies", "settings_policies", [&] { m_policies.draw(app); });
    tab("settings.templates", "settings_templates", [&] { drawTemplates(app); });
    tab("settings.attachments", "settings_attachments", [&] { drawAttachmentLimits(app); });
    if (core::roleMay(app.actor().role, core::Action::Erase))
        tab("settings.personal_data", "settings_personal_data", [&] { m_personalData.draw(app); });
    if (app.may(core::Operation::ReadAudit)) tab("settings.audit", "settings_audit", [&] { drawAudit(app, host); });
    ImGui::EndTabBar();
}

// How large a file, and all of a case's files, may be (administrators; for this device).
void SettingsScreen::drawAttachmentLimits(app::App& app) {
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const auto choice = [&](const char* key, const char* id, std::initializer_list<int> megabytes, int current,
                            core::Status (app::Attachments::*set)(int)) {
        std::vector<widgets::Choice> choices;
        for (int mb : megabytes) choices.push_back({std::to_string(mb), std::to_string(mb) + " MB"});
        std::string value = std::to_string(current);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (widgets::combo(label(key, id), id, choices, value))
            if (auto st = (app.attachments().*set)(std::atoi(value.c_str())); !st) m_attachmentError = st.error();
    };
    choice("settings.attachment_file", "attachment_max_file", {5, 10, 25, 50, 100},
           app.attachments().maxFileMegabytes(), &app::Attachments::setMaxFileMegabytes);
    choice("settings.attachment_case", "attachment_max_case", {50, 100, 200, 500, 1000, 2000},
           app.attachments().maxCaseMegabytes(), &app::Attachments::setMaxCaseMegabytes);
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("settings.attachment_explain"));
    ImGui::PopTextWrapPos();
    widgets::actionError(m_attachmentError ? &*m_attachmentError : nullptr);
}

// What belongs to this browser and the person at it: anyone may change these.
void SettingsScreen::drawDesk(app::App& app) {
    const float width = ImGui::GetFontSize() * 12;
    std::string lang = languageTag(language());
    ImGui::SetNextItemWidth(width);
    if (widgets::combo(label("settings.language", "settings_language"), "settings_language",
                       {{"zh-CN", "简体中文"}, {"en", "English"}}, lang)) {
        setLanguage(lang == "en" ? Language::En : Language::ZhCN);
        (void)app.settings().setPreference("language", lang);
    }
    std::vector<widgets::Choice> sizes;
    for (float px : kFontSizes)
        sizes.push_back({std::to_string(static_cast<int>(px)), std::to_string(static_cast<int>(px)) + " px"});
    std::string size = std::to_string(static_cast<int>(fontSizePx()));
    ImGui::SetNextItemWidth(width);
    if (widgets::combo(label("settings.font_size", "font_size"), "font_size", sizes, size)) {
        setFontSizePx(std::stof(size));
        (void)app.settings().setPreference("font_size", size);
    }

    ImGui::SeparatorText(tr("settings.my_pin"));
    const widgets::FormScope form("my_pin");
    const bool secured = app.access().mode() == app::AccessMode::Secured;
    ImGui::TextDisabled("%s",
                        tr(m_reference.hasSecret(app, app.actor().staffId) ? "settings.pin_set" : "settings.pin_none"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18); // the hint whole
    widgets::textField("##my_pin", m_pin, tr("settings.pin_hint"), ImGuiInputTextFlags_Password);
    m_outcome.fieldError("my_pin", "secret");
    ImGui::BeginDisabled(app.readOnly());
    const auto setSecret = [&](const std::string& secret) {
        if (m_outcome.record("my_pin", app.access().setSecret(app.actor().staffId, secret))) m_pin.clear();
    };
    if (ImGui::Button(label("settings.pin_save", "my_pin_save").c_str()) || form.submitted()) setSecret(m_pin);
    if (!secured) { // a secured desk keeps a secret for everyone
        ImGui::SameLine();
        if (ImGui::Button(label("settings.pin_remove", "my_pin_remove").c_str())) setSecret("");
    }
    ImGui::EndDisabled();
    m_outcome.draw("my_pin");
    drawAccess(app);
}

// How the desk is signed in to (app/access.h): administrators change it.
void SettingsScreen::drawAccess(app::App& app) {
    ImGui::SeparatorText(tr("settings.access"));
    const bool secured = app.access().mode() == app::AccessMode::Secured;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(secured ? "settings.access_secured" : "settings.access_single"));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const widgets::FormScope form("access");
    if (secured) {
        std::vector<widgets::Choice> minutes;
        for (int m : {5, 10, 15, 30, 60}) {
            char text[64];
            std::snprintf(text, sizeof text, tr("settings.idle_minutes_n"), m);
            minutes.push_back({std::to_string(m), text});
        }
        std::string idle = std::to_string(app.access().idleLockMinutes());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        if (widgets::combo(label("settings.idle_minutes", "idle_minutes"), "idle_minutes", minutes, idle))
            m_outcome.record("access", app.access().setIdleLockMinutes(std::atoi(idle.c_str())));
        if (ImGui::Button(label("settings.access_use_single", "access_single").c_str()))
            m_outcome.record("access", app.access().useSinglePersonDesk());
    } else {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        widgets::textField("##access_passphrase", m_accessPassphrase, tr("first_start.passphrase_hint"),
                           ImGuiInputTextFlags_Password);
        m_outcome.fieldError("access", "secret");
        ImGui::SameLine();
        if (ImGui::Button(label("settings.access_secure", "access_secure").c_str()) || form.submitted()) {
            const std::string me = app.actor().staffId;
            auto st = app.access().secure(me, m_accessPassphrase);
            if (st) st = app.signIn(me, m_accessPassphrase);
            m_accessPassphrase.clear();
            m_outcome.record("access", st);
        }
    }
    ImGui::EndDisabled();
    m_outcome.draw("access");
}

void SettingsScreen::drawOffice(app::App& app) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("settings.office_explain"));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const widgets::FormScope form("office");
    const float width = ImGui::GetFontSize() * 14;
    ImGui::SetNextItemWidth(width);
    widgets::textField(label("settings.office_code", "office_code"), m_officeCode);
    m_outcome.fieldError("office", "office_code");
    ImGui::SetNextItemWidth(width);
    widgets::textField(label("settings.office_name", "office_name"), m_officeName);
    m_outcome.fieldError("office", "office_name");
    if (ImGui::Button(label("settings.save", "office_save").c_str()) || form.submitted())
        m_outcome.record("office", app.settings().setOffice(m_officeCode, m_officeName));
    ImGui::EndDisabled();
    m_outcome.draw("office");
}

void SettingsScreen::drawTemplates(app::App& app) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("settings.templates_explain"));
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    for (std::size_t i = 0; i < kTemplateCount; ++i) {
        const std::string kind = app::Settings::kTemplateKinds[i];
        ImGui::SeparatorText(trCode("template", kind));
        const std::string form = "template_" + kind;
        const widgets::FormScope scope(form.c_str());
        widgets::textArea("##" + form, m_templates[i], ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
        m_outcome.fieldError(form, "template");
        const auto save = [&](const std::string& text) {
            m_outcome.record(form, app.settings().setMessageTemplate(kind, languageTag(language()), text));
        };
        if (ImGui::Button(label("settings.save", ("template_save_" + kind).c_str()).c_str()) || scope.submitted())
            save(m_templates[i]);
        ImGui::SameLine();
        if (ImGui::Button(label("settings.template_reset", ("template_reset_" + kind).c_str()).c_str())) save("");
        m_outcome.draw(form);
    }
    ImGui::EndDisabled();
}

void SettingsScreen::drawAudit(app::App& app, const Host& host) {
    constexpr std::int64_t kShown = 500;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("audit.explain"));
    ImGui::PopTextWrapPos();
    const bool refresh = ImGui::Button(label("audit.refresh", "audit_refresh").c_str());
    if (refresh || app.revision() != m_auditRevision) {
        m_auditRevision = app.revision();
        auto log = app.auditLog(kShown);
        auto total = app.auditCount();
        m_audit = log ? std::move(log.value()) : std::vector<core::AuditEntry>{};
        m_auditTotal = total ? total.value() : 0;
        m_names.refresh(app);
    }
    ImGui::SameLine();
    if (ImGui::Button(label("audit.export_csv", "audit_export_csv").c_str()) && host.saveFile)
        if (auto csv = present::auditCsv(app))
            host.saveFile("tousu-" + app.info().officeCode + "-audit.csv", "text/csv;charset=utf-8", csv.value());
    char shown[160];
    std::snprintf(shown, sizeof shown, tr("audit.shown"), int(m_audit.size()), int(m_auditTotal));
    widgets::reportedText("audit_count", shown);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##audit_log", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"audit.when", "audit.who", "audit.what", "audit.detail"}) ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(m_audit.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::TableNextRow();
            for (const std::string& cell : present::auditCells(m_audit[std::size_t(i)], m_names)) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(cell.c_str());
            }
        }
    ImGui::EndTable();
}

} // namespace tousu::ui
