#include "ui/widgets.h"

#include <algorithm>

#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/validate.h"
#include "present/i18n.h"
#include "ui/automation.h"
#include "ui/present.h"
#include "ui/theme.h"

namespace tousu::ui::widgets {

bool textField(const std::string& label, std::string& value, const char* hint, ImGuiInputTextFlags flags) {
    const bool changed = hint ? ImGui::InputTextWithHint(label.c_str(), hint, &value, flags)
                              : ImGui::InputText(label.c_str(), &value, flags);
    // A passphrase is reported as one * per character: tests see that typing arrived, scripts
    // reading the automation contract never see the secret.
    const std::string reported =
        flags & ImGuiInputTextFlags_Password ? std::string(core::utf8Length(value), '*') : value;
    automation::noteValue(ImGui::GetItemID(), reported.c_str());
    return changed;
}

bool textArea(const std::string& label, std::string& value, ImVec2 size, ImGuiInputTextFlags flags) {
    const auto noCtrlEnterLine = [](ImGuiInputTextCallbackData* d) {
        return d->EventChar == '\n' && ImGui::GetIO().KeyCtrl ? 1 : 0;
    };
    const bool changed = ImGui::InputTextMultiline(label.c_str(), &value, size,
                                                   flags | ImGuiInputTextFlags_CallbackCharFilter, noCtrlEnterLine);
    automation::noteValue(ImGui::GetItemID(), value.c_str());
    return changed;
}

bool tabItem(const std::string& label) {
    const bool open = ImGui::BeginTabItem(label.c_str());
    automation::noteLabel(ImGui::GetItemID(), label.c_str());
    return open;
}

void emptyState(const char* text) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPos(
        ImVec2(ImGui::GetCursorPosX() + (avail.x - width) * 0.5f, ImGui::GetCursorPosY() + avail.y * 0.35f));
    ImGui::TextDisabled("%s", text);
}

void reportedText(const char* id, const std::string& text, const ImVec4* colour) {
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::TextUnformatted(text.c_str());
    if (colour) ImGui::PopStyleColor();
    reportLastItem(id, text);
}

void reportLastItem(const char* id, const std::string& text) {
    const ImGuiID itemId = ImGui::GetID(id);
    ImGui::ItemAdd(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), itemId, nullptr, ImGuiItemFlags_NoNav);
    automation::noteLabel(itemId, (text + "##" + id).c_str());
}

bool combo(const std::string& label, const char* id, const std::vector<Choice>& choices, std::string& value) {
    const char* preview = "";
    for (const Choice& c : choices)
        if (value == c.code) preview = c.text.c_str();
    bool changed = false;
    const ImGuiID itemId = ImGui::GetID(label.c_str());
    const bool open = ImGui::BeginCombo(label.c_str(), preview);
    automation::noteLabel(itemId, label.c_str());
    automation::noteValue(itemId, value.c_str()); // the chosen code: stable in every language
    if (open) {
        for (const Choice& c : choices) {
            const std::string item = c.text + "##" + id + "_" + c.code;
            if (ImGui::Selectable(item.c_str(), value == c.code)) {
                value = c.code;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::vector<Choice> codeChoices(const char* prefix, std::initializer_list<const char*> codes) {
    std::vector<Choice> out;
    for (const char* c : codes) out.push_back({c, trCode(prefix, c)});
    return out;
}

namespace {}

void fieldError(const core::Error* error, const char* field) {
    if (!error) return;
    for (const core::Error& e : error->fieldErrors)
        if (e.field == field) {
            ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                ImGui::GetColorU32(colour::kDanger), ImGui::GetStyle().FrameRounding, 0,
                                                2.0f);
            reportedText(("field_error_" + std::string(field)).c_str(), tr(e.messageKey), &colour::kDanger);
            return;
        }
}

void fieldError(std::optional<core::Error>& error, const char* field) {
    if (error && ImGui::IsItemEdited()) {
        auto& errors = error->fieldErrors;
        const auto before = errors.size();
        errors.erase(
            std::remove_if(errors.begin(), errors.end(), [&](const core::Error& e) { return e.field == field; }),
            errors.end());
        if (errors.empty() && before > 0) error.reset(); // every field fixed: nothing left to say
    }
    fieldError(error ? &*error : nullptr, field);
}

void actionError(const core::Error* error) {
    if (error) ImGui::TextColored(colour::kDanger, "%s", tr(error->messageKey));
}

void yesNo(const char* questionKey, const char* id, std::optional<bool>& value) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(questionKey));
    for (const bool answer : {true, false}) {
        ImGui::SameLine();
        const std::string item =
            std::string(tr(answer ? "choice.yes" : "choice.no")) + "##" + id + (answer ? "_yes" : "_no");
        if (ImGui::RadioButton(item.c_str(), value == answer)) value = answer;
    }
}

core::Error requiredChoice(const char* field) {
    core::Error e = core::makeError(core::ErrorCode::InvalidInput, "error.invalid_input");
    e.fieldErrors.push_back(core::makeError(core::ErrorCode::InvalidInput, "error.required", {}, field));
    return e;
}

float comboWidth(const std::vector<Choice>& choices) {
    float widest = 0;
    for (const Choice& c : choices) widest = std::max(widest, ImGui::CalcTextSize(c.text.c_str()).x);
    return widest + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetFrameHeight(); // and the arrow
}

void sameLineIfFits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool submitChord() {
    if (!ImGui::GetIO().KeyCtrl ||
        !(ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)))
        return false;
    // The form submits: Enter must not also open the focused combo or press the focused button.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavActivateId = g.NavActivateDownId = g.NavActivatePressedId = 0;
    return true;
}

namespace {

// Where each form was drawn in the previous frame, in screen space (a screen has a handful).
std::vector<std::pair<ImGuiID, ImRect>>& formRects() {
    static std::vector<std::pair<ImGuiID, ImRect>> rects;
    return rects;
}

// The focused item as the automation contract saw it in the previous frame (ImGui's own nav rect is
// kept by the window that has the focus, which for a text area is the area's inner child window).
bool focusInside(ImGuiID form) {
    const ImRect* area = nullptr;
    for (const auto& [id, rect] : formRects())
        if (id == form) area = &rect;
    if (!area) return false;
    for (const automation::Widget& w : automation::lastFrame())
        if (w.focused) return area->Contains(ImVec2(w.x + w.w / 2, w.y + w.h / 2));
    return false;
}

} // namespace

FormScope::FormScope(const char* id) : m_id(ImGui::GetID(id)) {
    const bool inside = focusInside(m_id);
    m_cancelled = inside && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    m_submitted = inside && submitChord();
    ImGui::BeginGroup();
}

FormScope::~FormScope() {
    ImGui::EndGroup();
    const ImRect area(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    auto& rects = formRects();
    for (auto& [id, rect] : rects)
        if (id == m_id) {
            rect = area;
            return;
        }
    rects.emplace_back(m_id, area);
}

bool altShortcut(ImGuiKey key) {
    if (!ImGui::GetIO().KeyAlt || !ImGui::IsKeyPressed(key, false)) return false;
    ImGui::GetCurrentContext()->NavWindowingToggleLayer = false;
    return true;
}

void focusNextIf(bool& pending) {
    if (!pending) return;
    ImGui::SetKeyboardFocusHere();
    // Shown, so Enter and Space act on it at once (ImGui ignores them on an unshown focus).
    ImGui::GetCurrentContext()->NavDisableHighlight = false;
    pending = false;
}

void releaseTextField() { ImGui::ClearActiveID(); }

} // namespace tousu::ui::widgets
