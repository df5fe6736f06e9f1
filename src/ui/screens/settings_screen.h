// Settings 设置: this desk (language, text size, my PIN), the office (code and name), departments,
// staff and roles, categories' sub-types, deadline policies and the working-hours calendar, and the
// message templates, and for administrators the device's audit log. Everyone sees the rest; only
// administrators change the office's (the app layer refuses everyone else, and the screen says so
// instead of offering the controls).
#pragma once
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>

#include "app/settings.h"
#include "present/reference_names.h"
#include "ui/forms/personal_data_panel.h"
#include "ui/forms/policy_editor.h"
#include "ui/forms/reference_editor.h"
#include "ui/forms/save_outcome.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class SettingsScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;
    bool busy() const override { return m_personalData.busy(); }

  private:
    void drawPage(app::App& app, const Host& host);
    void load(const app::App& app);
    void drawDesk(app::App& app);
    void drawAccess(app::App& app);
    void drawOffice(app::App& app);
    void drawTemplates(app::App& app);
    void drawAttachmentLimits(app::App& app);
    void drawAudit(app::App& app, const Host& host);

    std::uint64_t m_revision = 0;
    std::string m_officeCode, m_officeName, m_pin, m_accessPassphrase, m_templateLanguage;
    std::string m_templates[std::size(app::Settings::kTemplateKinds)];
    SaveOutcome m_outcome;
    ReferenceEditor m_reference;
    PersonalDataPanel m_personalData;
    PolicyEditor m_policies;
    std::optional<core::Error> m_attachmentError;
    // The audit log's newest lines, read again when the data changed or on 刷新, never per frame.
    std::vector<core::AuditEntry> m_audit;
    std::int64_t m_auditTotal = 0;
    std::uint64_t m_auditRevision = UINT64_MAX;
    ReferenceNames m_names;
};

} // namespace tousu::ui
