#include "ui/widgets.h"

#include <misc/cpp/imgui_stdlib.h>

#include "ui/automation.h"

namespace tousu::ui::widgets {

bool textField(const std::string& label, std::string& value, const char* hint, ImGuiInputTextFlags flags) {
    const bool changed = hint ? ImGui::InputTextWithHint(label.c_str(), hint, &value, flags)
                              : ImGui::InputText(label.c_str(), &value, flags);
    automation::noteValue(ImGui::GetItemID(), value.c_str());
    return changed;
}

bool textArea(const std::string& label, std::string& value, ImVec2 size, ImGuiInputTextFlags flags) {
    const bool changed = ImGui::InputTextMultiline(label.c_str(), &value, size, flags);
    automation::noteValue(ImGui::GetItemID(), value.c_str());
    return changed;
}

void emptyState(const char* text) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - width) * 0.5f,
                               ImGui::GetCursorPosY() + avail.y * 0.35f));
    ImGui::TextDisabled("%s", text);
}

} // namespace tousu::ui::widgets
