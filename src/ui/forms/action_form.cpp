#include "ui/forms/action_form.h"

#include <imgui.h>

#include "app/app.h"
#include "core/policy.h"
#include "present/format.h"
#include "present/i18n.h"
#include "present/messages.h"
#include "present/reference_names.h"
#include "ui/present.h"
#include "ui/widgets.h"

namespace tousu::ui {

using core::Action;

namespace {

// The free-text field an action asks for, by its field name (also its ##id and string key).
const char* textFieldOf(Action a) {
    switch (a) {
    case Action::Confirm:
        return "confirmation_text";
    case Action::Investigate:
    case Action::RecordContact:
    case Action::CustomerResponded:
    case Action::FollowUp:
    case Action::Note:
        return "note";
    case Action::Message:
        return "message_text";
    case Action::WaitForCustomer:
    case Action::RejectSolution:
    case Action::Reopen:
    case Action::Reassign:
    case Action::Cancel:
    case Action::Merge:
    case Action::SetDeadline:
        return "reason";
    case Action::ProposeSolution:
        return "solution";
    case Action::Implement:
        return "step";
    case Action::Feedback:
        return "result";
    case Action::Survey:
        return "comment";
    default:
        return nullptr;
    }
}

bool needsMethod(Action a) {
    return a == Action::Confirm || a == Action::RecordContact || a == Action::Feedback || a == Action::Message;
}
// Confirming also classifies: the agent checks the category the intake suggested, in the same form.
bool needsCategory(Action a) { return a == Action::Confirm || a == Action::Classify; }
bool needsAssignee(Action a) { return a == Action::Dispatch || a == Action::Reassign; }

} // namespace

const char* actionId(Action a) { return a == Action::ProposeSolution ? "solution" : core::code(a); }

void ActionForm::open(Action action, const core::Case& c, const app::App& app) {
    m_action = action;
    m_focusFirst = true;
    m_error.reset();
    m_text.clear();
    m_into.clear();
    m_template.clear();
    m_method = core::code(c.contactMethod);
    m_category = core::code(c.category);
    m_subType = c.subType;
    m_importance = core::code(c.importance);
    m_department = c.department;
    m_person = c.person;
    if (action == Action::Dispatch && m_department.empty()) { // where this office sends such complaints
        const app::Assignee suggested = app.cases().suggestAssignee(m_category, m_subType);
        m_department = suggested.department;
        m_person = suggested.person;
    }
    m_rating = 0;
    m_declined = false;
    m_resolved.reset();
    m_hours = c.milestones.empty() ? 24 : static_cast<int>(c.milestones.back().limitMs / core::kHourMs);
    // The confirmation and the result are sent to the customer (SMS, e-mail or read out on the
    // phone): they start from the office's template; the survey invitation is read out as it is.
    if (action == Action::Confirm) m_text = m_generated = confirmation(app, c);
    if (action == Action::Feedback) m_text = caseMessage(app, "feedback", c);
    m_invitation = action == Action::Survey ? caseMessage(app, "survey", c) : std::string();
}

std::string ActionForm::confirmation(const app::App& app, const core::Case& c) const {
    core::Case classified = c; // as the customer will have it: its category and that category's limits
    classified.category = core::categoryFromCode(m_category).value_or(c.category);
    if (classified.category != c.category)
        classified.milestones = core::milestonesFor(app.policies(), classified.category);
    return caseMessage(app, "confirmation", classified);
}

core::Status ActionForm::submit(app::App& app, const core::Case& c) {
    const std::string& id = c.id;
    const core::TimeMs expected = app.clock().now() + static_cast<core::TimeMs>(m_hours) * core::kHourMs;
    switch (*m_action) {
    case Action::Confirm:
        if (auto st = app.cases().confirm(id, m_method, m_text); !st) return st;
        return app.cases().classify(id, m_category, m_subType, m_importance);
    case Action::Classify:
        return app.cases().classify(id, m_category, m_subType, m_importance);
    case Action::Dispatch:
        return app.cases().dispatch(id, m_department, m_person, expected);
    case Action::Investigate:
        return app.cases().investigate(id, m_text);
    case Action::RecordContact:
        return app.cases().recordContact(id, m_method, m_text);
    case Action::WaitForCustomer:
        return app.cases().waitForCustomer(id, m_text);
    case Action::CustomerResponded:
        return app.cases().customerResponded(id, m_text);
    case Action::ProposeSolution:
        return app.cases().proposeSolution(id, m_text);
    case Action::RejectSolution:
        return app.cases().rejectSolution(id, m_text);
    case Action::Implement:
        return app.cases().implement(id, m_text);
    case Action::Feedback:
        return app.cases().feedback(id, m_text, m_method);
    case Action::Survey:
        return app.cases().survey(id, m_rating, m_text, m_declined);
    case Action::Archive:
        return app.cases().archive(id);
    case Action::FollowUp:
        if (!m_resolved) return widgets::requiredChoice("resolved");
        return app.cases().followUp(id, *m_resolved, m_text);
    case Action::Reopen:
        return app.cases().reopen(id, m_text);
    case Action::Reassign:
        return app.cases().reassign(id, m_department, m_person, m_text);
    case Action::Cancel:
        return app.cases().cancel(id, m_text);
    case Action::Merge:
        return app.cases().merge(id, m_into, m_text);
    case Action::Note:
        return app.cases().addNote(id, m_text);
    case Action::Message:
        return app.cases().messageCustomer(id, m_method, m_text);
    case Action::SetDeadline: {
        const char* milestone = c.milestones.empty() ? "handled" : core::code(c.milestones.back().milestone);
        return app.cases().setDeadline(id, milestone, m_hours, m_text);
    }
    default:
        return core::makeError(core::ErrorCode::NotAllowed, "error.action_not_allowed");
    }
}

bool ActionForm::draw(app::App& app, const core::Case& c, const ReferenceNames& names) {
    if (!m_action) return false;
    const Action a = *m_action;
    const bool submitKey = widgets::submitChord();
    ImGui::SeparatorText(trCode("action", core::code(a)));
    if (a != Action::Survey) widgets::focusNextIf(m_focusFirst); // the survey's first field is the rating
    if (needsMethod(a)) {
        widgets::combo(label("field.contact_method", "contact_method"), "contact_method",
                       widgets::codeChoices("contact", {"phone", "sms", "email", "letter", "in_person"}), m_method);
    }
    if (needsCategory(a)) {
        if (widgets::combo(label("field.category", "category"), "category",
                           widgets::codeChoices("category", {"service_quality", "billing", "business", "other"}),
                           m_category)) {
            m_subType.clear();
            if (a == Action::Confirm && m_text == m_generated) m_text = m_generated = confirmation(app, c); // new limit
        }
        std::vector<widgets::Choice> subs;
        for (const auto& s : names.subTypes()) // cached per data revision, never SQL per frame
            if (s.category == m_category) subs.push_back({s.id, language() == Language::ZhCN ? s.nameZh : s.nameEn});
        widgets::combo(label("field.sub_type", "sub_type"), "sub_type", subs, m_subType);
        widgets::combo(label("field.importance", "importance"), "importance",
                       widgets::codeChoices("importance", {"normal", "important", "urgent"}), m_importance);
    }
    if (needsAssignee(a)) {
        std::vector<widgets::Choice> depts, people;
        for (const auto& d : names.departments()) depts.push_back({d.id, names.department(d.id)});
        for (const auto& s : names.staff())
            if (s.department == m_department) people.push_back({s.id, s.name});
        if (widgets::combo(label("field.department", "department"), "department", depts, m_department))
            m_person.clear();
        widgets::fieldError(m_error, "department");
        widgets::combo(label("field.person", "person"), "person", people, m_person);
        widgets::fieldError(m_error, "person");
    }
    if (a == Action::Dispatch || a == Action::SetDeadline) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::InputInt(label("field.expected_hours", "expected_hours").c_str(), &m_hours);
        widgets::fieldError(m_error, a == Action::Dispatch ? "expected_at" : "limit_hours");
    }
    if (a == Action::Survey) {
        ImGui::TextUnformatted(tr("field.invitation"));
        widgets::textArea("##survey_invitation", m_invitation, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 2.5f),
                          ImGuiInputTextFlags_ReadOnly);
        ImGui::TextUnformatted(tr("field.rating"));
        for (int r = 1; r <= 5; ++r) {
            ImGui::SameLine();
            widgets::focusNextIf(m_focusFirst);
            const std::string item = std::to_string(r) + "##rating_" + std::to_string(r);
            if (ImGui::RadioButton(item.c_str(), m_rating == r)) m_rating = r;
        }
        widgets::fieldError(m_error, "rating");
        ImGui::Checkbox(label("field.declined", "declined").c_str(), &m_declined);
    }
    if (a == Action::FollowUp) {
        widgets::yesNo("field.resolved", "resolved", m_resolved);
        widgets::fieldError(m_error, "resolved");
    }
    if (a == Action::Message) { // a template to start from, filled in for this case
        std::vector<widgets::Choice> templates{{"", tr("message.free_text")}};
        for (const char* kind : app::Settings::kTemplateKinds)
            if (std::string_view(kind) != "survey") templates.push_back({kind, tr(std::string("template.") + kind)});
        if (widgets::combo(label("field.message_template", "message_template"), "message_template", templates,
                           m_template))
            m_text = m_template.empty() ? std::string() : caseMessage(app, m_template, c);
    }
    if (a == Action::Merge) {
        widgets::textField(label("field.into", "into"), m_into);
        widgets::fieldError(m_error, "into");
    }
    if (const char* field = textFieldOf(a)) {
        // What the customer is told is worded by how it reaches them (an SMS, a call, a letter, …).
        ImGui::TextUnformatted(
            tr(a == Action::Confirm ? "field.confirmation_text." + m_method : std::string("field.") + field));
        // "form_" keeps the field's id apart from the action buttons' (the "solution" button, say).
        widgets::textArea(std::string("##form_") + field, m_text, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
        widgets::fieldError(m_error, field);
    }
    if (m_error && m_error->fieldErrors.empty()) widgets::actionError(&*m_error);
    bool done = false;
    if (ImGui::Button(label("action.submit", "submit").c_str()) || submitKey) {
        if (auto st = submit(app, c); st) {
            m_action.reset();
            done = true;
        } else {
            m_error = st.error();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(label("action.close", "close").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape)) m_action.reset();
    return done;
}

} // namespace tousu::ui
