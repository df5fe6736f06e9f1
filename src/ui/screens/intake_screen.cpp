#include "ui/screens/intake_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>

#include "app/app.h"
#include "present/format.h"
#include "present/i18n.h"
#include "present/messages.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr const char* kDraftKey = "tousu.intake_draft";

} // namespace

void IntakeScreen::reset(const app::App& app) {
    m_form = core::Registration{"phone", "", "", "", "phone", "", "", "", "normal", 0, 0};
    m_received = formatDateTime(app.clock().now());
    m_startedAt.reset();
    m_receivedTyped = false;
    m_categoryTouched = false;
    m_assigneeFor.reset();
    m_assigneeChosen = false;
    m_expectedHours = 24;
    m_restored = false;
    m_error.reset();
    m_started = true;
}

void IntakeScreen::restoreDraft(const Host& host) {
    if (!host.readSession) return;
    auto fields = core::decodeFields(host.readSession(kDraftKey));
    if (!fields || core::getField(fields.value(), "person") != m_person) return;
    const core::Fields& f = fields.value();
    const auto get = [&](const char* key, std::string& into) { into = core::getField(f, key, into); };
    get("channel", m_form.channel), get("customer_name", m_form.customerName), get("phone", m_form.phone);
    get("account", m_form.account), get("contact_method", m_form.contactMethod), get("content", m_form.content);
    get("category", m_form.category), get("importance", m_form.importance), get("received", m_received);
    get("email", m_form.email), get("address", m_form.address);
    m_categoryTouched = core::getField(f, "category_touched") == "1";
    m_receivedTyped = core::getField(f, "received_typed") == "1";
    if (const std::string started = core::getField(f, "started_at"); !started.empty())
        m_startedAt = std::strtoll(started.c_str(), nullptr, 10);
    m_restored = true;
}

// Writes the draft when something changed; an empty form leaves no draft behind.
void IntakeScreen::keepDraft(const Host& host) {
    if (!host.writeSession) return;
    const bool empty =
        m_form.customerName.empty() && m_form.phone.empty() && m_form.account.empty() && m_form.content.empty();
    const std::string draft = empty
                                  ? std::string()
                                  : core::encodeFields({{"channel", m_form.channel},
                                                        {"customer_name", m_form.customerName},
                                                        {"phone", m_form.phone},
                                                        {"account", m_form.account},
                                                        {"contact_method", m_form.contactMethod},
                                                        {"content", m_form.content},
                                                        {"email", m_form.email},
                                                        {"address", m_form.address},
                                                        {"category", m_form.category},
                                                        {"importance", m_form.importance},
                                                        {"received", m_received},
                                                        {"received_typed", m_receivedTyped ? "1" : "0"},
                                                        {"started_at", m_startedAt ? std::to_string(*m_startedAt) : ""},
                                                        {"category_touched", m_categoryTouched ? "1" : "0"},
                                                        {"person", m_person}});
    if (draft == m_draft) return;
    m_draft = draft;
    host.writeSession(kDraftKey, draft);
}

// The customer's earlier complaints, read again only when the phone, account or category changed.
void IntakeScreen::drawHistory(const app::App& app) {
    m_openCustomer = false;
    const std::string key = m_form.phone + "|" + m_form.account + "|" + m_form.category;
    if (key != m_historyFor) {
        m_historyFor = key;
        m_history = app.cases().customerHistory(m_form.phone, m_form.account, m_form.category, app.clock().now());
    }
    if (m_history.total == 0) return;
    const float indent = ImGui::GetCursorPosX();
    char line[256];
    std::snprintf(line, sizeof line, tr("intake.history"), m_history.total);
    widgets::reportedText("customer_history", line);
    ImGui::SameLine();
    m_openCustomer = ImGui::SmallButton(label("customer.open", "intake_customer_record").c_str());
    for (const core::CaseRow& r : m_history.recent) {
        ImGui::SetCursorPosX(indent + ImGui::GetFontSize());
        ImGui::TextDisabled("%s  %s  %s  %s", r.number.c_str(), formatShort(r.receivedAt).c_str(),
                            trCode("category", r.category), trCode("state", r.state));
    }
    if (!m_history.repeatOfNumber.empty()) {
        ImGui::SetCursorPosX(indent);
        std::snprintf(line, sizeof line, tr("intake.repeat_hint"), m_history.repeatOfNumber.c_str());
        widgets::reportedText("repeat_hint", line, &colour::kWarning);
    }
}

// The fields above this one are drawn first, so a first character typed this frame already counts.
void IntakeScreen::drawReceived(const app::App& app) {
    const bool started =
        !m_form.customerName.empty() || !m_form.phone.empty() || !m_form.account.empty() || !m_form.content.empty();
    if (started && !m_startedAt) m_startedAt = app.clock().now();
    if (!m_receivedTyped) m_received = formatDateTime(m_startedAt.value_or(app.clock().now()));
    if (ImGui::Button(label("intake.call_started", "call_started").c_str())) { // a call comes in now
        m_startedAt = app.clock().now();
        m_receivedTyped = false;
        m_received = formatDateTime(*m_startedAt);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("intake.call_started_hint"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (widgets::textField("##received_at", m_received)) m_receivedTyped = true;
}

void IntakeScreen::discard(const app::App& app, const Host& host) {
    widgets::releaseTextField();
    reset(app);
    keepDraft(host);
}

std::optional<Navigation> IntakeScreen::draw(const ScreenContext& ctx) {
    app::App& app = ctx.app;
    const Host& host = ctx.host;

    // What one person typed is theirs: another signing in at this desk starts from an empty form.
    if (m_person != app.actor().staffId) {
        if (m_started) discard(app, host);
        m_person = app.actor().staffId;
    }
    if (!m_started) {
        reset(app);
        restoreDraft(host);
    }
    // The labels' column is as wide as the longest label in the user's language needs.
    float labelWidth = ImGui::GetFontSize() * 5;
    for (const char* key :
         {"field.channel", "field.customer_name", "field.customer_phone", "field.account", "field.contact_method",
          "field.content", "field.received_at", "field.category", "field.importance", "intake.dispatch_to"})
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(tr(key)).x + ImGui::GetStyle().ItemSpacing.x * 3);
    const auto row = [&](const char* key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(key));
        ImGui::SameLine(labelWidth);
        ImGui::SetNextItemWidth(-FLT_MIN);
    };
    const bool submitKey = widgets::submitChord();
    // The save bar stays in sight: right under the fields when they fit, pinned at the bottom of the
    // screen when they do not (a small screen, a returning customer's history below), the fields
    // scrolling above it.
    const ImGuiStyle& style = ImGui::GetStyle();
    // Room for the buttons and one line (the draft note or an error) always, so nothing moves when one comes.
    const int barRows = m_restored && m_error ? 3 : 2;
    const float bar = barRows * ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    // Below eight rows of fields a pinned bar would leave a keyhole: the whole page scrolls instead.
    const float room = ImGui::GetContentRegionAvail().y - bar;
    const bool pin = room >= ImGui::GetFrameHeightWithSpacing() * 8;
    const float fit = m_formHeight == FLT_MAX ? std::max(room, ImGui::GetFrameHeight() * 4) : m_formHeight; // 1st frame
    const float formX = ImGui::GetCursorPosX(); // the bar's buttons line up with the fields in the child
    ImGui::BeginChild("##intake_form", ImVec2(0, pin ? std::min(fit, room) : fit), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened);
    // The customer's earlier complaints sit beside the form on a wide screen and below it on a narrow
    // one, never between its fields: what appears while the agent types must not move the next field.
    const bool beside = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 56;
    if (beside) {
        ImGui::BeginTable("##intake_layout", 2);
        ImGui::TableSetupColumn("form", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("history", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableNextColumn();
    }

    row("field.channel");
    widgets::combo(
        "##channel", "channel",
        widgets::codeChoices("channel", {"phone", "online", "email", "social_media", "letter_visit", "other"}),
        m_form.channel);
    widgets::fieldError(m_error, "channel");
    row("field.customer_name");
    widgets::focusNextIf(m_focusFirst);
    widgets::textField("##customer_name", m_form.customerName);
    widgets::fieldError(m_error, "customer_name");
    row("field.customer_phone");
    widgets::textField("##customer_phone", m_form.phone);
    widgets::fieldError(m_error, "customer_phone");
    row("field.account");
    widgets::textField("##account", m_form.account);
    widgets::fieldError(m_error, "account");
    row("field.contact_method");
    widgets::combo("##contact_method", "contact_method",
                   widgets::codeChoices("contact", {"phone", "sms", "email", "letter", "in_person"}),
                   m_form.contactMethod);
    widgets::fieldError(m_error, "contact_method");
    // Where a reply by e-mail or letter goes: asked for when the complaint came that way or is to be
    // answered that way, so a phone call's form stays as short as it was.
    if (m_form.contactMethod == "email" || m_form.channel == "email" || !m_form.email.empty()) {
        row("field.email");
        widgets::textField("##email", m_form.email);
        widgets::fieldError(m_error, "email");
    }
    if (m_form.contactMethod == "letter" || m_form.channel == "letter_visit" || !m_form.address.empty()) {
        row("field.address");
        widgets::textField("##address", m_form.address);
        widgets::fieldError(m_error, "address");
    }
    row("field.content");
    if (widgets::textArea("##content", m_form.content, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 5)) &&
        !m_categoryTouched)
        if (auto suggestion = core::suggestCategory(m_form.content)) m_form.category = core::code(*suggestion);
    widgets::fieldError(m_error, "content");
    ImGui::SetCursorPosX(labelWidth); // the line is kept when empty, so the fields below stay put
    if (!m_categoryTouched && !m_form.category.empty())
        ImGui::TextDisabled(tr("intake.suggested"), trCode("category", m_form.category));
    else
        ImGui::NewLine();
    row("field.received_at");
    drawReceived(app);
    widgets::fieldError(m_error, "received_at");
    row("field.category");
    if (widgets::combo("##category", "category",
                       widgets::codeChoices("category", {"service_quality", "billing", "business", "other"}),
                       m_form.category))
        m_categoryTouched = true;
    widgets::fieldError(m_error, "category");
    row("field.importance");
    widgets::combo("##importance", "importance", widgets::codeChoices("importance", {"normal", "important", "urgent"}),
                   m_form.importance);
    widgets::fieldError(m_error, "importance");
    drawAssignee(app, labelWidth);
    if (beside)
        ImGui::TableNextColumn();
    else
        ImGui::SetCursorPosX(labelWidth);
    drawHistory(app);
    if (beside) ImGui::EndTable();
    m_formHeight = ImGui::GetCursorPosY(); // the content's height, whatever the scrolling
    ImGui::EndChild();
    ImGui::Spacing();

    ImGui::SetCursorPosX(formX + labelWidth);
    if (m_restored) {
        ImGui::TextDisabled("%s", tr("intake.draft_restored"));
        ImGui::SameLine();
        if (ImGui::SmallButton(label("intake.draft_discard", "draft_discard").c_str())) reset(app);
        ImGui::SetCursorPosX(formX + labelWidth);
    }
    Then then = Then::Nothing;
    bool saving = ImGui::Button(label("action.save_case", "save_case").c_str()) || submitKey;
    ImGui::SameLine();
    if (ImGui::Button(label("intake.save_confirm", "save_confirm").c_str())) saving = true, then = Then::Confirm;
    ImGui::SameLine();
    if (ImGui::Button(label("intake.save_dispatch", "save_dispatch").c_str())) saving = true, then = Then::Dispatch;
    if (m_error && m_error->fieldErrors.empty())
        widgets::actionError(&*m_error);
    else if (m_error)
        ImGui::TextColored(colour::kDanger, "%s", tr("error.invalid_input"));
    keepDraft(host);
    if (m_openCustomer) return customerRecord(m_history.key); // the draft stays for the way back
    return saving ? save(app, host, then) : std::nullopt;
}

// The department and person 登记并分派 sends the complaint to, and when it is expected back.
void IntakeScreen::drawAssignee(const app::App& app, float labelWidth) {
    m_names.refresh(app);
    if (!m_assigneeChosen && m_assigneeFor != m_form.category) { // suggested: it follows the category
        m_assignee = app.cases().suggestAssignee(m_form.category, m_form.subType);
        m_assigneeFor = m_form.category;
    }
    std::vector<widgets::Choice> depts, people;
    for (const auto& d : m_names.departments()) depts.push_back({d.id, m_names.department(d.id)});
    for (const auto& s : m_names.staff())
        if (s.department == m_assignee.department) people.push_back({s.id, s.name});
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("intake.dispatch_to"));
    ImGui::SameLine(labelWidth);
    // The hours field fits four digits and its label whole; the department and the person share the rest.
    const float spacing = ImGui::GetStyle().ItemSpacing.x, hoursField = ImGui::GetFontSize() * 4;
    const float hoursLabel = ImGui::CalcTextSize(tr("intake.expected_hours")).x + ImGui::GetStyle().ItemInnerSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - hoursField - hoursLabel - spacing * 2) / 2;
    ImGui::SetNextItemWidth(half);
    if (widgets::combo("##department", "department", depts, m_assignee.department)) {
        m_assignee.person.clear();
        m_assigneeChosen = true;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (widgets::combo("##person", "person", people, m_assignee.person)) m_assigneeChosen = true;
    widgets::fieldError(m_error, "person");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(hoursField);
    ImGui::InputInt(label("intake.expected_hours", "expected_hours").c_str(), &m_expectedHours, 0,
                    0); // no ± buttons to tab over
}

std::optional<Navigation> IntakeScreen::save(app::App& app, const Host& host, Then then) {
    if (then == Then::Dispatch && (m_assignee.department.empty() || m_assignee.person.empty())) {
        m_error = widgets::requiredChoice("person"); // checked first: nothing is registered half-way
        return std::nullopt;
    }
    // Not typed over: the moment to the millisecond, not the minute the field shows.
    auto received =
        m_receivedTyped || !m_startedAt ? parseTypedTime(m_received) : core::Result<core::TimeMs>(*m_startedAt);
    if (!received) {
        core::Error e = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
        e.fieldErrors.push_back(received.error());
        m_error = e;
        return std::nullopt;
    }
    m_form.receivedAt = received.value();
    auto ref = app.cases().registerCase(m_form);
    if (!ref) {
        m_error = ref.error();
        return std::nullopt;
    }
    const std::string id = ref.value().id;
    // Each step as its own form would record it. The first refusal stops the rest, and the case opens
    // at the step it reached, with that step's button focused: the agent sees what is left.
    if (then != Then::Nothing) {
        auto c = app.cases().caseById(id);
        const bool confirmed =
            c && app.cases().confirm(id, m_form.contactMethod, caseMessage(app, "confirmation", c.value())) &&
            app.cases().classify(id, m_form.category, m_form.subType, m_form.importance);
        if (confirmed && then == Then::Dispatch)
            (void)app.cases().dispatch(id, m_assignee.department, m_assignee.person,
                                       app.clock().now() + core::TimeMs(m_expectedHours) * core::kHourMs);
    }
    reset(app);
    keepDraft(host); // registered: the draft is gone
    return Navigation{View::CaseDetail, id};
}

} // namespace tousu::ui
