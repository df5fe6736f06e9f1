#include "ui/screens/case_detail_screen.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "app/app.h"
#include "core/deadline.h"
#include "present/case_file.h"
#include "present/event_details.h"
#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

// Steps that take a case off its path (reassign, a new deadline) or end it without a result (cancel,
// merge): drawn apart from the process's next steps, the ending ones in red, so an arrow key or a
// hurried click on the row of next steps never lands on them.
bool setApart(core::Action a) {
    return a == core::Action::Reassign || a == core::Action::SetDeadline || a == core::Action::Cancel ||
           a == core::Action::Merge;
}

ImVec4 levelColour(core::DeadlineLevel level) {
    switch (level) {
    case core::DeadlineLevel::Overdue:
    case core::DeadlineLevel::MetLate:
        return colour::kDanger;
    case core::DeadlineLevel::Near:
        return colour::kWarning;
    case core::DeadlineLevel::Met:
        return colour::kSuccess;
    default:
        return colour::kText;
    }
}

} // namespace

void CaseDetailScreen::load(app::App& app, const std::string& caseId) {
    if (caseId == m_caseId && app.revision() == m_revision) return;
    if (caseId != m_caseId) {
        m_form.close();
        m_amend.close();
        m_erase.close();
        m_files.close();
        m_focusAction = true;
        m_recorded.clear();
    }
    m_caseId = caseId;
    m_revision = app.revision();
    auto c = app.cases().caseById(caseId);
    m_case = c ? std::optional<core::Case>(c.value()) : std::nullopt;
    auto events = app.cases().timeline(caseId);
    m_events = events ? events.value() : std::vector<core::Event>{};
    m_repeatOfNumber.clear();
    if (m_case) m_files.refresh(app, *m_case);
    if (m_case && !m_case->repeatOf.empty())
        if (auto earlier = app.cases().caseById(m_case->repeatOf)) m_repeatOfNumber = earlier.value().number;
    m_names.refresh(app);
}

std::optional<Navigation> CaseDetailScreen::drawHeader(const app::App& app) {
    const core::Case& c = *m_case;
    std::optional<Navigation> nav;
    ImGui::Text("%s  ·  %s  ·  %s", c.number.c_str(), trCode("state", core::code(c.state)),
                trCode("category", core::code(c.category)));
    if (!c.repeatOf.empty()) { // names the earlier complaint, and opens it
        ImGui::SameLine();
        ImGui::TextColored(colour::kWarning, "  %s", tr("detail.repeat"));
        if (!m_repeatOfNumber.empty()) {
            widgets::sameLineIfFits(ImGui::CalcTextSize(m_repeatOfNumber.c_str()).x + ImGui::GetFontSize());
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
            if (ImGui::SmallButton((m_repeatOfNumber + "##repeat_of").c_str()))
                nav = Navigation{View::CaseDetail, c.repeatOf};
            ImGui::PopStyleColor();
        }
    }
    if (c.concurrentEdit) ImGui::TextColored(colour::kWarning, "%s", tr("detail.concurrent"));
    if (c.number != c.registeredNumber) { // a twin: another desk gave the same number while apart
        char twin[256];
        std::snprintf(twin, sizeof twin, tr("detail.twin_number"), c.registeredNumber.c_str(), c.number.c_str());
        widgets::reportedText("twin_number", twin, &colour::kWarning);
    }
    if (c.erased) // on request or past the years kept (app/personal_data.h)
        widgets::reportedText("customer_erased", tr("detail.customer_erased"), &colour::kMuted);
    std::string customer = c.customerName + "  " + phoneFor(app, c.phone);
    if (!c.account.empty()) customer += "  " + accountFor(app, c.account);
    customer +=
        std::string("  ·  ") + trCode("channel", core::code(c.channel)) + "  ·  " + formatDateTime(c.receivedAt);
    ImGui::PushTextWrapPos(0);
    widgets::reportedText("customer_line", customer);
    if (!c.customerKey.empty()) { // every complaint of this customer
        const std::string record = label("customer.open", "customer_record");
        widgets::sameLineIfFits(ImGui::CalcTextSize(record.c_str(), nullptr, true).x + ImGui::GetFontSize());
        if (ImGui::SmallButton(record.c_str())) nav = customerRecord(c.customerKey);
    }
    if (!c.email.empty() || !c.address.empty()) {
        std::string reach = c.email;
        if (!c.address.empty()) reach += (reach.empty() ? "" : "  ·  ") + c.address;
        widgets::reportedText("customer_reach", reach);
    }
    ImGui::PopTextWrapPos();
    ImGui::TextWrapped("%s", c.content.c_str());
    if (!c.person.empty())
        ImGui::Text("%s：%s / %s", tr("field.person"), m_names.department(c.department), m_names.person(c.person));

    ImGui::SeparatorText(tr("detail.milestones"));
    const core::Calendar cal = c.workingHours ? app.calendar() : core::Calendar::clockHours();
    for (const auto& s : core::deadlineStatus(c, app.clock().now(), cal, app.policies().nearShare)) {
        std::string status = s.level == core::DeadlineLevel::Met       ? tr("detail.met")
                             : s.level == core::DeadlineLevel::MetLate ? tr("detail.met_late")
                             : c.pausedSince                           ? tr("time.paused")
                                                                       : formatRemaining(s.remainingMs);
        const bool met = s.level == core::DeadlineLevel::Met || s.level == core::DeadlineLevel::MetLate;
        if (!core::isOpen(c.state) && !met) status = tr("time.done");
        ImGui::TextColored(levelColour(s.level), "%s  %s  %s", trCode("milestone", core::code(s.milestone)),
                           formatDateTime(s.dueAt).c_str(), status.c_str());
    }
    if (core::isOpen(c.state))
        ImGui::TextDisabled(tr("detail.appeal_risk"), formatDateTime(core::appealRiskAt(c, app.policies())).c_str());
    return nav;
}

void CaseDetailScreen::drawTimeline(const app::App& app) {
    ImGui::SeparatorText(tr("detail.timeline"));
    const std::pair<TimelineFilter, const char*> filters[] = {{TimelineFilter::All, "all"},
                                                              {TimelineFilter::Steps, "steps"},
                                                              {TimelineFilter::Notes, "notes"},
                                                              {TimelineFilter::Messages, "messages"}};
    for (const auto& [filter, id] : filters) {
        if (filter != TimelineFilter::All) ImGui::SameLine();
        const std::string item = std::string(tr(std::string("timeline.filter_") + id)) + "##timeline_" + id;
        if (ImGui::RadioButton(item.c_str(), m_filter == filter)) m_filter = filter;
    }
    const auto shown = [&](const core::Event& e) {
        switch (m_filter) {
        case TimelineFilter::Steps:
            return e.type != "note" && e.type != "message";
        case TimelineFilter::Notes:
            return e.type == "note";
        case TimelineFilter::Messages: // what the customer was told: replies, and the process's confirmation and result
            return e.type == "message" || e.type == "confirm" || e.type == "feedback";
        default:
            return true;
        }
    };
    const bool whole = app.seesWholeContacts();
    for (auto it = m_events.rbegin(); it != m_events.rend(); ++it) {
        const core::Event& e = *it;
        if (!shown(e)) continue;
        const core::TimeMs at = core::getInt(e.fields, "at", e.hlc.wall);
        ImGui::TextDisabled("%s", formatDateTime(at).c_str());
        ImGui::SameLine();
        const std::string id = "event_" + std::to_string(std::distance(it, m_events.rend()) - 1); // 0: the oldest
        widgets::reportedText(id.c_str(), std::string(trCode("action", e.type)) + "  " + m_names.person(e.actor));
        ImGui::Indent();
        for (const std::string& line : eventDetails(e, m_names, whole)) ImGui::TextWrapped("%s", line.c_str());
        ImGui::Unindent();
    }
}

void CaseDetailScreen::drawActions(app::App& app, const Host& host) {
    ImGui::SeparatorText(tr("detail.actions"));
    if (m_case->state == core::State::Archived) ImGui::TextDisabled("%s", tr("detail.read_only"));
    std::vector<core::Action> next, apart;
    for (core::Action a : core::allowedActions(*m_case))
        if (core::roleMay(app.actor().role, a)) (setApart(a) ? apart : next).push_back(a);
    // The steps that move the case on first (the one focused), then those that keep it where it is
    // (classify again, record a contact): the same order every time the case is in this state.
    std::stable_partition(next.begin(), next.end(),
                          [&](core::Action a) { return core::nextState(m_case->state, a) != m_case->state; });
    const auto buttons = [&](const std::vector<core::Action>& actions) {
        for (std::size_t i = 0; i < actions.size(); ++i) {
            const core::Action a = actions[i];
            if (i > 0) ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 6) ImGui::NewLine();
            const bool ends = a == core::Action::Cancel || a == core::Action::Merge;
            if (ends) ImGui::PushStyleColor(ImGuiCol_Text, colour::kDanger);
            widgets::focusNextIf(m_focusAction);
            const std::string button = std::string(trCode("action", core::code(a))) + "##" + actionId(a);
            if (ImGui::Button(button.c_str())) {
                m_form.open(a, *m_case, app);
                m_amend.close();
                m_recorded.clear();
            }
            if (ends) ImGui::PopStyleColor();
        }
    };
    buttons(next);
    if (!apart.empty()) {
        if (!next.empty()) ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", tr("detail.other_actions"));
        ImGui::SameLine();
        buttons(apart);
    }
    drawCaseFileActions(app, host);
    m_erase.draw(app, *m_case);
    if (!m_recorded.empty()) widgets::reportedText("action_recorded", m_recorded, &colour::kSuccess);
    if (m_amend.isOpen() && m_amend.draw(app, *m_case))
        m_recorded = std::string(tr("detail.recorded")) + tr("action.amend");
    if (m_form.isOpen()) {
        const core::Action a = *m_form.action();
        if (m_form.draw(app, *m_case, m_names)) {
            m_recorded = std::string(tr("detail.recorded")) + trCode("action", core::code(a));
            m_focusAction = true; // on the next step, once the case is read again
        }
    }
}

// A note and a reply in any state, for whoever may write them; a correction for whoever may make it.
void CaseDetailScreen::drawCaseFileActions(app::App& app, const Host& host) {
    const core::Role role = app.actor().role;
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr("detail.case_file"));
    // A button on this line when it fits, else on the next (a narrow column).
    const auto button = [](const std::string& text) {
        widgets::sameLineIfFits(ImGui::CalcTextSize(text.c_str(), nullptr, true).x +
                                ImGui::GetStyle().FramePadding.x * 2);
        return ImGui::Button(text.c_str());
    };
    for (const core::Action a : {core::Action::Note, core::Action::Message}) {
        if (!core::roleMay(role, a)) continue;
        if (button(std::string(trCode("action", core::code(a))) + "##" + core::code(a))) {
            m_form.open(a, *m_case, app);
            m_amend.close();
            m_recorded.clear();
        }
    }
    if (AmendForm::offered(app, *m_case) && button(label("action.amend", "amend"))) {
        m_amend.open(*m_case);
        m_form.close();
        m_recorded.clear();
    }
    if (button(label("action.print_case", "print_case"))) {
        auto page = caseFileHtml(app, {m_case->id});
        if (page && host.saveFile) host.saveFile(caseFileName(m_case->number), "text/html;charset=utf-8", page.value());
        m_printError = page ? std::nullopt : std::optional<core::Error>(page.error());
    }
    widgets::actionError(m_printError ? &*m_printError : nullptr);
}

void CaseDetailScreen::attachmentReceived(app::App& app, const std::string& name, const std::string& bytes,
                                          const std::string& errorKey) {
    if (m_case) m_files.received(app, *m_case, name, bytes, errorKey);
}

std::optional<Navigation> CaseDetailScreen::draw(const ScreenContext& ctx) {
    app::App& app = ctx.app;
    const std::string& caseId = ctx.nav.caseId;

    load(app, caseId);
    std::optional<Navigation> nav;
    if (ImGui::Button(label("action.back", "back").c_str())) nav = Navigation{View::CaseList, {}};
    if (!m_case) {
        widgets::emptyState(tr("error.case_not_found"));
        return nav;
    }
    // Wide screens: the case and its next steps on the left, the record beside them.
    const bool beside = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 75;
    if (beside) {
        ImGui::BeginTable("##detail_layout", 2, ImGuiTableFlags_BordersInnerV);
        ImGui::TableNextColumn();
    }
    if (auto to = drawHeader(app)) nav = to;
    drawActions(app, ctx.host);
    m_files.draw(app, ctx.host, *m_case, m_names);
    if (beside) ImGui::TableNextColumn();
    drawTimeline(app);
    if (beside) ImGui::EndTable();
    return nav;
}

} // namespace tousu::ui
