// Our shared widgets (never in namespace ImGui). Text fields report their value to the automation
// contract here, once, instead of in every screen.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

#include <imgui.h>

namespace tousu::ui::widgets {

bool textField(const std::string& label, std::string& value, const char* hint = nullptr, ImGuiInputTextFlags flags = 0);
bool textArea(const std::string& label, std::string& value, ImVec2 size, ImGuiInputTextFlags flags = 0);
void emptyState(const char* text);
// ImGui::BeginTabItem, reported to the automation contract (Dear ImGui 1.90's tabs report no label).
bool tabItem(const std::string& label);
// Plain text that tests can read: reported to the automation contract as "text##id".
void reportedText(const char* id, const std::string& text, const ImVec4* colour = nullptr);
// The item just drawn (a progress bar, …) in the automation contract as `id`, labelled `text`.
void reportLastItem(const char* id, const std::string& text);

// A choice among codes, shown by their translated names (prefix.code); items are "name##id_code".
struct Choice {
    std::string code, text;
};
bool combo(const std::string& label, const char* id, const std::vector<Choice>& choices, std::string& value);
std::vector<Choice> codeChoices(const char* prefix, std::initializer_list<const char*> codes);
// The width a combo needs to show its longest choice whole.
float comboWidth(const std::vector<Choice>& choices);
// SameLine, unless the line has less than `width` left: then the next item starts a new line.
void sameLineIfFits(float width);
// The error for `field` from a failed action, in red under the field just drawn, which is outlined in
// red ("field_error_<field>" in the automation contract); nothing if none. Given the form's own error, editing the
// field clears what was said about it.
void fieldError(const core::Error* error, const char* field);
void fieldError(std::optional<core::Error>& error, const char* field);
// An error that is not about one field (workflow, role, storage), as a red line.
void actionError(const core::Error* error);

// A yes/no question with neither answer chosen until the user picks one, so nobody records an
// answer they did not give; items "<id>_yes" and "<id>_no".
void yesNo(const char* questionKey, const char* id, std::optional<bool>& value);
// The refusal of a form whose required choice `field` was not made.
core::Error requiredChoice(const char* field);

// Keyboard: Ctrl+Enter submits every form (text areas take it as no new line); Esc closes it.
// Asked before the form's fields are drawn, so Enter does not also act on the focused field.
bool submitChord();
// One form among several on a screen (the office, a template, a staff member): Ctrl+Enter submits
// the form the keyboard focus is in, Esc is for the form the focus is in too. Which form holds the
// focus is judged by the area the form took in the previous frame, and where the automation
// contract saw the focused item. Open it before the form's fields
// (it begins an ImGui group), read submitted()/cancelled() anywhere in the form.
class FormScope {
  public:
    explicit FormScope(const char* id);
    ~FormScope();
    FormScope(const FormScope&) = delete;
    FormScope& operator=(const FormScope&) = delete;
    bool submitted() const { return m_submitted; }
    bool cancelled() const { return m_cancelled; }

  private:
    ImGuiID m_id;
    bool m_submitted = false, m_cancelled = false;
};
// Alt+`key` pressed this frame. The Alt press then does not also take the keyboard to the menu bar
// when it is released (as Alt alone does).
bool altShortcut(ImGuiKey key);
// Moves the keyboard focus to the next item drawn when `pending` is set (a form just opened, an
// action just recorded), then clears it. A text field is then ready for typing.
void focusNextIf(bool& pending);
// A form emptied under the keyboard: the field being typed in lets go (it would write its text back).
void releaseTextField();

} // namespace tousu::ui::widgets
