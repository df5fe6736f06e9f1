#include "ui/screens/customer_screen.h"

#include <functional>

#include <imgui.h>

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"
#include "present/messages.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

std::string joined(const std::vector<std::string>& values,
                   const std::function<std::string(const std::string&)>& shown) {
    std::string out;
    for (const std::string& v : values) out += (out.empty() ? "" : "、") + shown(v);
    return out;
}

} // namespace

void CustomerScreen::load(const app::App& app, const std::string& key) {
    if (key == m_key && app.revision() == m_revision) return;
    m_key = key;
    m_revision = app.revision();
    auto record = app.customers().record(key);
    m_record = record ? std::optional<app::CustomerRecord>(std::move(record.value())) : std::nullopt;
    m_error = record ? std::nullopt : std::optional<core::Error>(record.error());
    m_names.refresh(app);
}

void CustomerScreen::drawContacts(const app::App& app) const {
    const app::CustomerRecord& r = *m_record;
    const auto same = [](const std::string& v) { return v; };
    const std::pair<const char*, std::string> lines[] = {
        {"field.customer_name", joined(r.names, same)},
        {"field.customer_phone", joined(r.phones, [&](const std::string& p) { return phoneFor(app, p); })},
        {"field.account", joined(r.accounts, [&](const std::string& a) { return accountFor(app, a); })},
        {"field.email", joined(r.emails, same)},
        {"field.address", joined(r.addresses, same)},
    };
    ImGui::PushTextWrapPos(0);
    for (const auto& [key, text] : lines)
        if (!text.empty()) ImGui::Text("%s：%s", tr(key), text.c_str());
    std::string counts;
    for (const core::NamedCount& n : r.byCategory)
        counts +=
            (counts.empty() ? "" : "  ·  ") + std::string(trCode("category", n.key)) + " " + std::to_string(n.count);
    char total[160];
    std::snprintf(total, sizeof total, tr("customer.total"), r.total);
    widgets::reportedText("customer_total", std::string(total) + "  " + counts);
    ImGui::PopTextWrapPos();
}

std::optional<Navigation> CustomerScreen::drawCases() {
    std::optional<Navigation> nav;
    ImGui::SeparatorText(tr("customer.cases"));
    if (!ImGui::BeginTable("##customer_cases", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return nav;
    for (const char* key : {"col.number", "col.received", "col.category", "col.state", "col.repeat", "print.rating"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    for (const app::CustomerCase& entry : m_record->cases) {
        const core::Case& c = entry.c;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable((c.number + "##customer_case_" + c.number).c_str(), false,
                              ImGuiSelectableFlags_SpanAllColumns))
            nav = Navigation{View::CaseDetail, c.id};
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatDateTime(c.receivedAt).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(trCode("category", core::code(c.category)));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(trCode("state", core::code(c.state)));
        ImGui::TableNextColumn();
        if (!entry.repeatOfNumber.empty()) ImGui::TextColored(colour::kWarning, "%s", entry.repeatOfNumber.c_str());
        ImGui::TableNextColumn();
        if (c.surveyDeclined)
            ImGui::TextDisabled("%s", tr("timeline.declined"));
        else if (c.rating)
            ImGui::Text("%d / 5", c.rating);
    }
    ImGui::EndTable();
    if (m_record->total > static_cast<int>(m_record->cases.size()))
        ImGui::TextDisabled(tr("customer.newest_only"), static_cast<int>(m_record->cases.size()));
    return nav;
}

void CustomerScreen::drawMessages() const {
    ImGui::SeparatorText(tr("customer.messages"));
    if (m_record->messages.empty()) {
        ImGui::TextDisabled("%s", tr("print.none"));
        return;
    }
    ImGui::PushTextWrapPos(0);
    for (const app::CustomerMessage& m : m_record->messages) {
        ImGui::TextDisabled("%s  %s", formatDateTime(m.at).c_str(), m.caseNumber.c_str());
        ImGui::SameLine();
        std::string head = std::string(trCode("action", m.type)) + "  " + m_names.person(m.actor);
        if (!m.method.empty()) head += "  ·  " + std::string(trCode("contact", m.method));
        ImGui::TextUnformatted(head.c_str());
        if (!m.text.empty()) {
            ImGui::Indent();
            ImGui::TextUnformatted(m.text.c_str());
            ImGui::Unindent();
        }
    }
    ImGui::PopTextWrapPos();
}

std::optional<Navigation> CustomerScreen::draw(const ScreenContext& ctx) {
    load(ctx.app, ctx.nav.customerKey);
    std::optional<Navigation> nav;
    if (ImGui::Button(label("action.back", "back").c_str())) nav = Navigation{View::CaseList, {}};
    ImGui::SeparatorText(tr("customer.title"));
    if (!m_record) {
        widgets::emptyState(tr(m_error ? m_error->messageKey : "error.customer_not_found"));
        return nav;
    }
    drawContacts(ctx.app);
    if (auto to = drawCases()) nav = to;
    drawMessages();
    return nav;
}

} // namespace tousu::ui
