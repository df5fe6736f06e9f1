#include "ui/forms/reference_editor.h"

#include <imgui.h>

#include "app/app.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

// A table of records, one selectable row each ("<prefix>_row_<record id>"), the chosen one
// highlighted; returns the index of the row clicked, or -1.
template <class Rows, class Cells>
int recordTable(const std::string& prefix, std::initializer_list<const char*> headers, const Rows& rows,
                const std::string& chosen, Cells cells) {
    int clicked = -1;
    const float height = ImGui::GetTextLineHeightWithSpacing() * 9;
    if (!ImGui::BeginTable(("##" + prefix).c_str(), static_cast<int>(headers.size()),
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                           ImVec2(0, height)))
        return clicked;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : headers) ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    int i = 0;
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const auto texts = cells(r);
        const std::string row = texts[0] + "##" + prefix + "_row_" + r.id;
        if (ImGui::Selectable(row.c_str(), r.id == chosen, ImGuiSelectableFlags_SpanAllColumns)) clicked = i;
        for (std::size_t c = 1; c < texts.size(); ++c) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(texts[c].c_str());
        }
        ++i;
    }
    ImGui::EndTable();
    return clicked;
}

// The form's heading says whether it adds or renames; "new" starts again with an empty form.
bool formHeading(const std::string& id, const char* newId) {
    ImGui::SeparatorText(tr(id.empty() ? "settings.adding" : "settings.editing"));
    ImGui::SameLine();
    return ImGui::SmallButton(label("settings.new", newId).c_str());
}

void field(const char* key, const char* id, std::string& value, SaveOutcome& outcome, const char* form,
           const char* errorField) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    widgets::textField(label(key, id), value);
    outcome.fieldError(form, errorField);
}

} // namespace

bool ReferenceEditor::hasSecret(const app::App& app, const std::string& staffId) {
    if (app.revision() != m_pinRevision) {
        m_pinRevision = app.revision();
        m_withPin.clear();
        for (const core::StaffMember& s : app.staff())
            if (app.access().hasSecret(s.id)) m_withPin.insert(s.id);
    }
    return m_withPin.count(staffId) > 0;
}

void ReferenceEditor::drawDepartments(app::App& app) {
    m_names.refresh(app);
    const auto& depts = m_names.departments();
    const int clicked = recordTable("dept", {"settings.name_zh", "settings.name_en", "settings.head"}, depts,
                                    m_department.id, [&](const core::Department& d) {
                                        return std::vector<std::string>{d.nameZh, d.nameEn, m_names.person(d.head)};
                                    });
    if (clicked >= 0) m_department = depts[static_cast<std::size_t>(clicked)], m_outcome.clear();
    if (formHeading(m_department.id, "dept_new")) m_department = {}, m_outcome.clear();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const widgets::FormScope form("dept");
    field("settings.name_zh", "dept_name_zh", m_department.nameZh, m_outcome, "dept", "name_zh");
    field("settings.name_en", "dept_name_en", m_department.nameEn, m_outcome, "dept", "name_en");
    std::vector<widgets::Choice> heads{{"", tr("settings.nobody")}};
    for (const auto& s : m_names.staff()) heads.push_back({s.id, s.name});
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    widgets::combo(label("settings.head", "dept_head"), "dept_head", heads, m_department.head);
    m_outcome.fieldError("dept", "head");
    if (ImGui::Button(label("settings.save", "dept_save").c_str()) || form.submitted()) {
        auto saved = app.settings().saveDepartment(m_department);
        if (m_outcome.record("dept", saved)) m_department.id = saved.value();
    }
    ImGui::EndDisabled();
    m_outcome.draw("dept");
}

void ReferenceEditor::drawStaff(app::App& app) {
    m_names.refresh(app);
    const auto& staff = m_names.staff();
    const int clicked = recordTable("staff", {"settings.name", "settings.role", "field.department", "settings.pin"},
                                    staff, m_person.id, [&](const core::StaffMember& s) {
                                        return std::vector<std::string>{
                                            s.name, trCode("role", s.role), m_names.department(s.department),
                                            hasSecret(app, s.id) ? tr("settings.pin_set_short") : ""};
                                    });
    if (clicked >= 0) m_person = staff[static_cast<std::size_t>(clicked)], m_outcome.clear();
    if (formHeading(m_person.id, "staff_new")) m_person = {"", "", "agent", m_person.department}, m_outcome.clear();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const widgets::FormScope form("staff");
    field("settings.name", "staff_name", m_person.name, m_outcome, "staff", "name");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    widgets::combo(label("settings.role", "staff_role"), "staff_role",
                   widgets::codeChoices("role", {"agent", "handler", "supervisor", "admin", "trainer"}), m_person.role);
    m_outcome.fieldError("staff", "role");
    std::vector<widgets::Choice> depts;
    for (const auto& d : m_names.departments()) depts.push_back({d.id, m_names.department(d.id)});
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    widgets::combo(label("field.department", "staff_department"), "staff_department", depts, m_person.department);
    m_outcome.fieldError("staff", "department");
    if (ImGui::Button(label("settings.save", "staff_save").c_str()) || form.submitted()) {
        auto saved = app.settings().saveStaff(m_person);
        if (m_outcome.record("staff", saved)) m_person.id = saved.value();
    }
    ImGui::EndDisabled();
    m_outcome.draw("staff");
    if (!m_person.id.empty()) drawSecret(app);
}

// A new colleague's first secret or a forgotten one, set by the administrator (who tells the person),
// and a profile locked out by wrong entries unlocked.
void ReferenceEditor::drawSecret(app::App& app) {
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const widgets::FormScope form("staff_secret");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18); // the hint whole
    widgets::textField(label("settings.pin", "staff_secret"), m_secret, tr("settings.pin_hint"),
                       ImGuiInputTextFlags_Password);
    m_outcome.fieldError("staff_secret", "secret");
    ImGui::SameLine();
    if (ImGui::Button(label("settings.pin_save", "staff_secret_save").c_str()) || form.submitted())
        if (m_outcome.record("staff_secret", app.access().setSecret(m_person.id, m_secret))) m_secret.clear();
    const app::SignInAttempts attempts = app.access().attempts(m_person.id);
    if (attempts.failures > 0) {
        char line[160];
        std::snprintf(line, sizeof line, tr(attempts.lockedOut ? "settings.locked_out" : "settings.failures"),
                      attempts.failures);
        widgets::reportedText("staff_failures", line, &colour::kWarning);
        ImGui::SameLine();
        if (ImGui::Button(label("settings.unlock", "staff_unlock").c_str()))
            m_outcome.record("staff_secret", app.access().unlock(m_person.id));
    }
    ImGui::EndDisabled();
    m_outcome.draw("staff_secret");
}

void ReferenceEditor::drawSubTypes(app::App& app) {
    m_names.refresh(app);
    const auto& subs = m_names.subTypes();
    const int clicked =
        recordTable("sub_type", {"field.category", "settings.name_zh", "settings.name_en"}, subs, m_subType.id,
                    [](const core::SubType& t) {
                        return std::vector<std::string>{trCode("category", t.category), t.nameZh, t.nameEn};
                    });
    if (clicked >= 0) m_subType = subs[static_cast<std::size_t>(clicked)], m_outcome.clear();
    if (formHeading(m_subType.id, "sub_type_new")) m_subType = {"", m_subType.category, "", ""}, m_outcome.clear();
    ImGui::BeginDisabled(!app.settings().mayEditSettings());
    const widgets::FormScope form("sub_type");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    widgets::combo(label("field.category", "sub_type_category"), "sub_type_category",
                   widgets::codeChoices("category", {"service_quality", "billing", "business", "other"}),
                   m_subType.category);
    field("settings.name_zh", "sub_type_name_zh", m_subType.nameZh, m_outcome, "sub_type", "name_zh");
    field("settings.name_en", "sub_type_name_en", m_subType.nameEn, m_outcome, "sub_type", "name_en");
    if (ImGui::Button(label("settings.save", "sub_type_save").c_str()) || form.submitted()) {
        auto saved = app.settings().saveSubType(m_subType);
        if (m_outcome.record("sub_type", saved)) m_subType.id = saved.value();
    }
    ImGui::EndDisabled();
    m_outcome.draw("sub_type");
}

} // namespace tousu::ui
